/**
 * Inlay hints for the range an editor shows: for each procedure code, its
 * short summary; on a lesion-counted line, how many of the documented lesions
 * it bills ("2 lesions of 3": a count, not "lesion number 2"), and on a
 * procedure's last line what is missing or too many. Only the claims the
 * range touches are read (`claimsInRange`).
 *
 * A hint is drawn inside the line and pushes what follows it to the right.
 * In a `.claim` file the formatter lines up each claim's units, charges,
 * fields and comments in columns, so there the hints go at the end of the
 * line, after everything, and no column moves. An 837 has no columns: its
 * summary follows SV101 (code and modifiers), where it is read.
 *
 * An 837P has no lesion count, so its lines get no lesion hint (the claim's
 * CodeLens says how many lesions it bills); nor does a `.claim` claim
 * without `lesions:` or `lesions=`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { InlayHint, Position, Range } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import { comparePositions, rangeContains } from '../../position/locate';
import { type Claim, type ClaimDocumentModel, type ServiceLine, unitsOf } from '../../model/model';
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

/** Where a service line's hints go: after the code and modifiers, or after the units, as the format wants. */
type HintPlace = (line: ServiceLine, after: Position) => Position;

/** A `.claim` line's hints: at the end of its text (after any comment), so no column the formatter lines up moves. */
function atEndOfLine(document: TextDocument): HintPlace {
  return (line) => {
    const lineNumber = line.range.start.line;
    const text = document.getText({
      start: { line: lineNumber, character: 0 },
      end: { line: lineNumber + 1, character: 0 },
    });
    return { line: lineNumber, character: text.replace(/\s+$/, '').length };
  };
}

/** An 837's: where they are read, right after what they explain. */
const rightAfter: HintPlace = (_line, after) => after;

/**
 * "2 lesions of 3": how many lesions the line's units bill, out of the documented count. The noun goes
 * with the line's number, so it reads as a count and not as "lesion number 2 of 3"; more units than
 * lesions say so ("3 lesions (2 documented)") rather than "3 of 2", which would read as a typo.
 */
export function lesionCountLabel(units: number, documented: number): string {
  return units <= documented
    ? `${counted(units, 'lesion')} of ${documented}`
    : `${counted(units, 'lesion')} (${documented} documented)`;
}

function lesionHints(tally: LesionTally, place: HintPlace): InlayHint[] {
  const documented = tally.documented;
  const encounter = tally.encounter;
  const billed = describeLines(tally.lines.map(({ line }) => line));
  const verdict = verdictOf(tally);
  let label: (units: number) => string;
  let tooltip: string;
  if (documented !== undefined) {
    const source = tally.lines.some(({ line }) => line.lesions) ? 'lesions= on a line' : "the claim's lesions:";
    label = (units) => lesionCountLabel(units, documented);
    tooltip = `${counted(documented, 'lesion')} documented (${source}); the ${tally.procedure} lines bill ${billed}: ${verdict}.`;
  } else if (encounter !== undefined) {
    // Several procedures share the claim's lesions:, so this one's share is not known: a count "of 2" would claim it.
    label = (units) => `${counted(units, 'lesion')}, ${encounter} in encounter`;
    tooltip =
      `${counted(encounter, 'lesion')} documented for the encounter (the claim's lesions:), shared by several procedures; ` +
      `the ${tally.procedure} lines bill ${billed}${verdict === '' ? '' : `: ${verdict}`}. ` +
      `Write lesions= on its lines to check this procedure's units.`;
  } else {
    return [];
  }
  const balance = balanceOf(tally);
  return tally.lines.map(({ line }, index) => {
    const isLast = index === tally.lines.length - 1;
    const suffix = isLast && balance !== undefined && balance !== 'complete' ? `, ${balance}` : '';
    const position = place(line, line.units?.range.end ?? line.afterModifiers);
    return { position, label: label(unitsOf(line)) + suffix, paddingLeft: true, tooltip };
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

function claimHints(
  claim: Claim,
  reference: CodeReference,
  settings: InlayHintSettings,
  place: HintPlace,
): InlayHint[] {
  const lesionHintsOfClaim = settings.lesionCounts
    ? lesionTallies(claim, reference).flatMap((tally) => lesionHints(tally, place))
    : [];
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
        hints.push({ position: place(line, line.afterModifiers), label, paddingLeft: true, tooltip: hint.tooltip });
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
  const place = model.format === 'claim' ? atEndOfLine(document) : rightAfter;
  const hints = claimsInRange(document, model, range, maxClaimsPerRequest).flatMap((claim) =>
    claimHints(claim, reference, settings, place),
  );
  // A stable sort keeps a code's summary before the lesion hint where both sit at one place (a .claim line's end).
  return hints
    .filter((hint) => rangeContains(range, hint.position))
    .sort((a, b) => comparePositions(a.position, b.position));
}
