/**
 * Inlay hints for the range an editor shows: after each procedure code (and
 * its modifiers), its short summary; after the units of a lesion-counted
 * line, how many of the documented lesions they count ("2 of 3 lesions"),
 * and on a procedure's last line what is missing or too many. Only the
 * claims the range touches are read (`claimsInRange`).
 *
 * An 837P has no lesion count, so its lines get no lesion hint (the claim's
 * CodeLens says how many lesions it bills); nor does a `.claim` claim
 * without `lesions:` or `lesions=`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Position, Range } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import { comparePositions, rangeContains } from '../../position/locate';
import { type Claim, type ClaimDocumentModel, unitsOf } from '../../model/model';
import type { InlayHintSettings } from '../../settings';
import { describeLines } from '../../rules/claimFacts';
import { claimsInRange } from '../../position/claimsInRange';
import { codeHint, shortened } from './codeHint';
import { balanceOf, type LesionTally, lesionTallies, verdictOf } from '../../rules/lesionTally';
import { counted } from '../../text/wording';

/**
 * Claims read for one request at most. An editor asks for the lines it
 * shows, but an 837 written on one line is one line of every claim; the
 * editor does not draw past 10,000 characters of a line anyway.
 */
export const maxClaimsPerRequest = 500;

function lesionHints(tally: LesionTally): InlayHint[] {
  const documented = tally.documented;
  if (documented === undefined) {
    return [];
  }
  const balance = balanceOf(tally);
  const source = tally.lines.some(({ line }) => line.lesions) ? 'lesions= on a line' : "the claim's lesions:";
  const tooltip = `${counted(documented, 'lesion')} documented (${source}); the ${tally.procedure} lines bill ${describeLines(tally.lines.map(({ line }) => line))}: ${verdictOf(tally)}.`;
  return tally.lines.map(({ line }, index) => {
    const isLast = index === tally.lines.length - 1;
    const suffix = isLast && balance !== 'complete' ? `, ${balance}` : '';
    const position: Position = line.units?.range.end ?? line.afterModifiers;
    const units = unitsOf(line);
    // "3 of 2 lesions" would read as a typo: more units than lesions say so.
    const tallied =
      units <= documented
        ? `${units} of ${counted(documented, 'lesion')}`
        : `${counted(units, 'lesion')} (${documented} documented)`;
    return { position, label: tallied + suffix, paddingLeft: true, tooltip };
  });
}

/**
 * VS Code's default `editor.inlayHints.maximumLength`: the most characters of
 * hints it draws on one line, all hints together, cutting the rest to "…". A
 * summary is cut to leave room for the line's lesion count, which matters more.
 */
export const lineHintBudget = 43;

/** A summary cut to `max`: its first clause when that fits ("Stereotactic localization"; the lesion count says which lesion), else cut short. */
function fitted(label: string, max: number): string {
  const firstClause = label.split(',')[0] ?? label;
  return label.length <= max ? label : firstClause.length <= max ? firstClause : shortened(label, max);
}

function claimHints(claim: Claim, reference: CodeReference, settings: InlayHintSettings): InlayHint[] {
  const lesionHintsOfClaim = settings.lesionCounts ? lesionTallies(claim, reference).flatMap(lesionHints) : [];
  const lesionLengthByLine = new Map<number, number>();
  for (const hint of lesionHintsOfClaim) {
    lesionLengthByLine.set(
      hint.position.line,
      (lesionLengthByLine.get(hint.position.line) ?? 0) + (hint.label as string).length,
    );
  }
  const hints: InlayHint[] = [];
  if (settings.codeSummaries) {
    for (const line of claim.lines) {
      const hint = codeHint(line.code.value, reference);
      const lesionLength = lesionLengthByLine.get(line.afterModifiers.line);
      if (hint) {
        const label =
          lesionLength === undefined ? hint.label : fitted(hint.label, Math.max(12, lineHintBudget - lesionLength - 2));
        hints.push({ position: line.afterModifiers, label, paddingLeft: true, tooltip: hint.tooltip });
      }
    }
  }
  hints.push(...lesionHintsOfClaim);
  return hints;
}

export function getInlayHints(
  document: TextDocument,
  model: ClaimDocumentModel,
  range: Range,
  reference: CodeReference,
  settings: InlayHintSettings,
): InlayHint[] {
  if (!settings.codeSummaries && !settings.lesionCounts) {
    return [];
  }
  const hints = claimsInRange(document, model, range, maxClaimsPerRequest).flatMap((claim) =>
    claimHints(claim, reference, settings),
  );
  // A stable sort keeps a code's summary before the lesion hint when a line without units puts both after the code.
  return hints
    .filter((hint) => rangeContains(range, hint.position))
    .sort((a, b) => comparePositions(a.position, b.position));
}
