/**
 * A CodeLens on each claim's first line: lesions documented versus billed per
 * procedure ("3 lesions: 19283 x1 + 19284 x2, complete"), the claim's total
 * charge and its problems ("no problems", "2 errors"): errors and warnings
 * are problems; information and hints are notes, counted apart ("1 warning ·
 * 2 notes", "no problems · 1 note"), so a claim with notes only does not read
 * as having problems.
 *
 * Editors ask for the lenses of a whole document but resolve only those on
 * screen, so `getCodeLenses` only finds where claims start (a scan of the
 * `.claim` lines, or of an 837's segment ids; nothing is parsed) and
 * `resolveCodeLens` reads the one claim and runs the claim checker that
 * validation runs, on that claim alone. The problems counted are the ones
 * validation reports inside the claim: its parse problems and claim rules,
 * after suppressions and severity settings. An 837's envelope and layout
 * rules are about the interchange, not a claim, and are not counted.
 *
 * A huge file's lenses are bounded: the first `codeLensClaimLimit` claims
 * (5,000) get one each, and the next claim's line gets one last lens, already
 * resolved, saying the lenses stop there. The search stops there too, so the
 * cost does not grow with the file; it runs in steps (`getCodeLensesInSteps`)
 * so the server answers other requests in between.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CodeLens, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import { noEditsEditor } from '../../model/claimEditor';
import type { MueEntry } from '../../reference/mueFile';
import { rangeContains, rangesOverlap } from '../../position/locate';
import type { Claim, ClaimDocumentModel, ParseProblem } from '../../model/model';
import { parseClaimAround } from '../../claimText/claimSlice';
import { isClaimLineAt } from '../../claimText/claimTextParser';
import { describeLines } from '../../rules/claimFacts';
import type { Finding, WorkspaceProcedures } from '../../rules/ruleTypes';
import type { ClaimSettings } from '../../settings';
import { X12DocumentModel } from '../../x12/x12ClaimParser';
import { x12ClaimsBetween } from '../../position/claimsInRange';
import { claimChecker, collectFindings, problemFinding } from '../../validation/findings';
import { type LesionTally, lesionTallies, verdictOf } from '../../rules/lesionTally';
import { x12Transactions } from '../../x12/x12Transactions';
import { findingsToDiagnostics } from '../../validation/validation';
import { counted, money } from '../../text/wording';
import { type AnswerRun, runToEnd } from '../../validation/validationSteps';

/** Claims that get a lens: the client asks for every lens of the document, 1.3 million took 9.7 s. */
export const codeLensClaimLimit = 5000;

/** Lines or segments looked at per step, each step well under a few milliseconds. */
const scannedPerStep = 20_000;

/** The resolved lens on the first claim past the limit. */
function lastLens(position: Position, limit: number): CodeLens {
  const title = `No CodeLens past the first ${limit.toLocaleString('en-US')} claims of this file`;
  return { range: { start: position, end: position }, command: { title, command: '' } };
}

/** What an unresolved lens carries back to the server: the document and where its claim starts. */
interface ClaimLensData {
  uri: string;
  position: Position;
}

interface ClaimLensContext {
  reference: CodeReference;
  settings: ClaimSettings;
  mue?: ReadonlyMap<string, MueEntry>;
  /** The workspace's procedures, so the lens counts what validation finds (`global-surgery` across files). */
  procedures?: WorkspaceProcedures | undefined;
  documentUri?: string;
}

function lensAt(document: TextDocument, position: Position): CodeLens {
  const data: ClaimLensData = { uri: document.uri, position };
  return { range: { start: position, end: position }, data };
}

/** The `claim` lines' starts, up to `wanted` of them. */
function* claimTextStarts(document: TextDocument, wanted: number): AnswerRun<Position[]> {
  const text = document.getText();
  const starts: Position[] = [];
  for (let line = 0; line < document.lineCount && starts.length < wanted; line++) {
    if (isClaimLineAt(text, document.offsetAt({ line, character: 0 }))) {
      starts.push({ line, character: 0 });
    }
    if (line % scannedPerStep === scannedPerStep - 1) {
      yield { fraction: line / document.lineCount, claimsRead: starts.length };
    }
  }
  // Service lines before the first `claim` line form one unnamed claim.
  if (starts[0]?.line !== 0) {
    const unnamed = parseClaimAround(document, 0).claims.find((claim) => !claim.id);
    if (unnamed && (starts[0] === undefined || unnamed.range.start.line < starts[0].line)) {
      starts.unshift({ line: unnamed.range.start.line, character: 0 });
      starts.length = Math.min(starts.length, wanted);
    }
  }
  return starts;
}

/**
 * Each CLM's start, up to `wanted` of them; claims sharing a line (an 837 on one line) get none, or one line would
 * carry thousands.
 */
function* x12ClaimStarts(model: X12DocumentModel, wanted: number): AnswerRun<Position[]> {
  const segments = model.x12.interchange.segments;
  const transactions = x12Transactions(segments);
  const starts: Position[] = [];
  let sharedLine = -1;
  // One start more than wanted: the last one is sure to have a line of its own once the next CLM is on another.
  for (let ordinal = 0; ordinal < segments.length && starts.length <= wanted; ordinal++) {
    if (ordinal % scannedPerStep === scannedPerStep - 1) {
      yield { fraction: ordinal / segments.length, claimsRead: starts.length };
    }
    // A transaction that is not an 837P claim is not read for claims (x12-not-837p), so it gets no lens.
    if (segments.idAt(ordinal) !== 'CLM' || transactions.isRefused(ordinal)) {
      continue;
    }
    const position = model.x12.lines.positionAt(segments.startAt(ordinal));
    const previous = starts[starts.length - 1];
    if (previous?.line === position.line || sharedLine === position.line) {
      sharedLine = position.line;
      if (previous?.line === position.line) {
        starts.pop();
      }
      continue;
    }
    starts.push(position);
  }
  return starts.slice(0, wanted);
}

/** The lenses in steps: the first `limit` claims' (unresolved), then one resolved lens where they stop. */
export function* getCodeLensesInSteps(
  document: TextDocument,
  model: ClaimDocumentModel,
  limit = codeLensClaimLimit,
): AnswerRun<CodeLens[]> {
  const wanted = Math.max(1, limit) + 1;
  const starts =
    model.format === 'claim'
      ? yield* claimTextStarts(document, wanted)
      : model instanceof X12DocumentModel
        ? yield* x12ClaimStarts(model, wanted)
        : [];
  const lenses = starts.slice(0, wanted - 1).map((position) => lensAt(document, position));
  const past = starts[wanted - 1];
  return past ? [...lenses, lastLens(past, wanted - 1)] : lenses;
}

export function getCodeLenses(
  document: TextDocument,
  model: ClaimDocumentModel,
  limit = codeLensClaimLimit,
): CodeLens[] {
  return runToEnd(getCodeLensesInSteps(document, model, limit));
}

function lesionText(claim: Claim, reference: CodeReference, format: ClaimDocumentModel['format']): string | undefined {
  const tallies = lesionTallies(claim, reference);
  const named = (tally: LesionTally): string => (tallies.length > 1 ? `${tally.procedure} ` : '');
  const billedBy = (tally: LesionTally): string => describeLines(tally.lines.map(({ line }) => line));
  const withVerdict = (text: string, verdict: string): string => (verdict === '' ? text : `${text}, ${verdict}`);
  const parts = tallies
    .filter((tally) => tally.encounter === undefined)
    .map((tally) => {
      if (tally.documented === undefined) {
        // An 837P has no lesion count; a .claim claim may simply not document one.
        return `${named(tally)}${counted(tally.billed, 'lesion')} billed: ${billedBy(tally)}${format === 'claim' ? ', count not documented' : ''}`;
      }
      return `${named(tally)}${counted(tally.documented, 'lesion')}: ${billedBy(tally)}, ${verdictOf(tally)}`;
    });
  // Procedures sharing the encounter's count: said once, since each procedure's share is not documented.
  const sharing = tallies.filter((tally) => tally.encounter !== undefined);
  const [firstSharing] = sharing;
  if (firstSharing?.encounter !== undefined) {
    const each = sharing.map((tally) => withVerdict(`${named(tally)}${billedBy(tally)}`, verdictOf(tally)));
    parts.push(
      `${counted(firstSharing.encounter, 'lesion')} in the encounter, split not documented: ${each.join('; ')}`,
    );
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

function chargeText(claim: Claim): string | undefined {
  const charged = claim.lines.filter((line) => line.charge);
  const cents = charged.reduce((sum, line) => sum + Math.round((line.charge?.value ?? 0) * 100), 0);
  if (claim.totalCharge) {
    const differs = charged.length > 0 && Math.abs(cents - Math.round(claim.totalCharge.value * 100)) > 0;
    return `total ${money(claim.totalCharge.value)}${differs ? `, lines ${money(cents / 100)}` : ''}`;
  }
  if (charged.length === 0) {
    return undefined;
  }
  const uncharged = claim.lines.length - charged.length;
  return `total ${money(cents / 100)}${uncharged > 0 ? ` (${counted(uncharged, 'line')} without a charge)` : ''}`;
}

/**
 * `no problems`, `2 errors`, `3 problems: 1 error, 2 warnings`, then the
 * notes (information and hints) when there are any: `1 warning · 2 notes`.
 */
function problemsText(severities: readonly DiagnosticSeverity[]): string {
  const errors = severities.filter((s) => s === DiagnosticSeverity.Error).length;
  const warnings = severities.filter((s) => s === DiagnosticSeverity.Warning).length;
  const notes = severities.length - errors - warnings;
  const counts: string[] = [];
  if (errors > 0) {
    counts.push(counted(errors, 'error'));
  }
  if (warnings > 0) {
    counts.push(counted(warnings, 'warning'));
  }
  const problems =
    counts.length === 0
      ? 'no problems'
      : counts.length === 1
        ? (counts[0] ?? '')
        : `${counted(errors + warnings, 'problem')}: ${counts.join(', ')}`;
  return notes === 0 ? problems : `${problems} · ${counted(notes, 'note')}`;
}

interface ClaimWithFindings {
  claim: Claim;
  findings: Finding[];
}

function findingOptions(context: ClaimLensContext) {
  return {
    reference: context.reference,
    editor: noEditsEditor,
    settings: context.settings,
    ...(context.mue ? { mue: context.mue } : {}),
    ...(context.procedures ? { procedures: context.procedures } : {}),
    ...(context.documentUri !== undefined ? { documentUri: context.documentUri } : {}),
  };
}

/** The `.claim` claim starting at the position, with validation's findings on its chunk (claim line to the next). */
function claimTextAt(
  document: TextDocument,
  position: Position,
  context: ClaimLensContext,
): ClaimWithFindings | undefined {
  const chunk = parseClaimAround(document, position.line);
  const claim = chunk.claims.find((c) => rangeContains(c.range, position) || c.range.start.line === position.line);
  return claim && { claim, findings: collectFindings(chunk, findingOptions(context)) };
}

function x12ClaimAt(
  model: X12DocumentModel,
  position: Position,
  context: ClaimLensContext,
): ClaimWithFindings | undefined {
  const offset = model.x12.lines.offsetAt(position);
  const problems: ParseProblem[] = [];
  const [claim] = x12ClaimsBetween(model, offset, offset, 1, problems);
  if (!claim) {
    return undefined;
  }
  const findings: Finding[] = [];
  claimChecker(model, findingOptions(context), findings)(claim);
  const segmentProblems = model.segmentProblems.filter((problem) => rangesOverlap(problem.range, claim.range));
  const enabled = [...problems, ...segmentProblems].filter(
    (problem) => context.settings.rules[problem.ruleId] !== 'off',
  );
  return { claim, findings: enabled.map(problemFinding).concat(findings) };
}

function isLensData(data: unknown): data is ClaimLensData {
  const position = (data as { position?: unknown } | null)?.position as
    { line?: unknown; character?: unknown } | undefined;
  return (
    typeof position?.line === 'number' &&
    typeof position.character === 'number' &&
    position.line >= 0 &&
    position.character >= 0
  );
}

/** The lens with its title; a lens whose claim is gone (the document changed since) says so until the editor asks again. */
export function resolveCodeLens(
  document: TextDocument,
  model: ClaimDocumentModel,
  lens: CodeLens,
  context: ClaimLensContext,
): CodeLens {
  const data: unknown = lens.data;
  const position = isLensData(data) ? data.position : undefined;
  const found =
    position === undefined || position.line >= document.lineCount
      ? undefined
      : model.format === 'claim'
        ? claimTextAt(document, position, context)
        : model instanceof X12DocumentModel
          ? x12ClaimAt(model, position, context)
          : undefined;
  if (!found) {
    return { ...lens, command: { title: 'claim changed', command: '' } };
  }
  const { claim, findings } = found;
  // Every problem is counted: the limit on problems shown is for the Problems panel, not one claim.
  const diagnostics = findingsToDiagnostics(findings, {
    ...context.settings,
    maxNumberOfProblems: Number.MAX_SAFE_INTEGER,
  });
  const parts = [
    lesionText(claim, context.reference, model.format),
    chargeText(claim),
    problemsText(diagnostics.map((d) => d.severity ?? DiagnosticSeverity.Error)),
  ];
  return { ...lens, command: { title: parts.filter((part) => part !== undefined).join(' · '), command: '' } };
}
