/**
 * All findings for a document (or for some of its claims): the parser's
 * problems and every claim rule, each rule run on each claim. Validation turns
 * them into diagnostics; code actions take their fixes.
 */
import type { Range } from 'vscode-languageserver-types';
import type { CodeReference } from '../reference/codeReference';
import type { ClaimEditor } from '../model/claimEditor';
import { rangesOverlap } from '../position/locate';
import type { Claim, ClaimDocumentModel, ClaimFileFormat, ClaimsRead, ParseProblem, Suppression } from '../model/model';
import { claimRules, documentRules, ruleById } from '../rules/ruleCatalog';
import type { Finding, RuleContext, WorkspaceProcedures } from '../rules/ruleTypes';
import type { MueEntry } from '../reference/mueFile';
import type { ClaimSettings } from '../settings';

export function problemFinding(problem: ParseProblem): Finding {
  const finding: Finding = { ruleId: problem.ruleId, range: problem.range, message: problem.message };
  if (problem.replacement !== undefined) {
    finding.fixes = [
      {
        title: `Write '${problem.replacement}'`,
        edits: [{ range: problem.range, newText: problem.replacement }],
        preferred: true,
      },
    ];
  }
  return finding;
}

export interface FindingOptions {
  reference: CodeReference;
  editor: ClaimEditor;
  settings: ClaimSettings;
  /** Only findings on claims and problems overlapping this range (code actions need no more). */
  within?: Range;
  /** The loaded CMS MUE entries, by code. */
  mue?: ReadonlyMap<string, MueEntry>;
  /** The workspace's procedures by patient, and the URI of the document checked (see `RuleContext`). */
  procedures?: WorkspaceProcedures;
  documentUri?: string;
}

function ruleContext(model: ClaimDocumentModel, options: FindingOptions): RuleContext {
  const context: RuleContext = { reference: options.reference, editor: options.editor, format: model.format };
  if (options.mue) {
    context.mue = options.mue;
  }
  if (options.procedures) {
    context.procedures = options.procedures;
  }
  if (options.documentUri !== undefined) {
    context.documentUri = options.documentUri;
  }
  return context;
}

/** The rules the settings leave on: claim rules, and document rules by the format they read. */
interface EnabledRules {
  settings: ClaimSettings;
  claim: typeof claimRules;
  document: Record<ClaimFileFormat, typeof documentRules>;
}

/**
 * The rules the settings leave on, for the last settings asked about: an editor checks a `.claim` file one
 * claim at a time under the same settings, and filtering both lists for each claim was a tenth of its check.
 */
let lastEnabled: EnabledRules | undefined;

function enabledRules(settings: ClaimSettings): EnabledRules {
  if (lastEnabled?.settings !== settings) {
    const document = documentRules.filter((rule) => settings.rules[rule.id] !== 'off');
    lastEnabled = {
      settings,
      claim: claimRules.filter((rule) => settings.rules[rule.id] !== 'off'),
      document: {
        claim: document.filter((rule) => rule.format === 'claim'),
        'x12-837p': document.filter((rule) => rule.format === 'x12-837p'),
      },
    };
  }
  return lastEnabled;
}

/** A check of one claim by every claim rule the settings leave on; findings go to `into`. */
export function claimChecker(
  model: ClaimDocumentModel,
  options: FindingOptions,
  into: Finding[],
): (claim: Claim) => void {
  const enabled = enabledRules(options.settings).claim;
  const context = ruleContext(model, options);
  return (claim) => {
    for (const rule of enabled) {
      for (const finding of rule.check(claim, context)) {
        into.push(finding);
      }
    }
  };
}

/** The findings of the rules about the whole document (X12 envelopes and layout). */
export function documentFindings(model: ClaimDocumentModel, options: FindingOptions): Finding[] {
  const context = ruleContext(model, options);
  const rules = enabledRules(options.settings).document[model.format];
  return rules.length === 0 ? [] : rules.flatMap((rule) => rule.check(model, context));
}

export function collectFindings(model: ClaimDocumentModel, options: FindingOptions): Finding[] {
  const { settings, within } = options;
  const claimFindings: Finding[] = [];
  const checkClaim = claimChecker(model, options, claimFindings);
  let read: ClaimsRead;
  if (!within && model.readClaims) {
    // Each claim is checked as it is read and then let go: a large file never holds its whole model.
    read = model.readClaims(checkClaim);
  } else {
    (within ? model.claims.filter((claim) => rangesOverlap(claim.range, within)) : model.claims).forEach(checkClaim);
    read = { problems: model.problems, suppressions: model.suppressions ?? [] };
  }
  const { problems } = read;
  const findings: Finding[] = [];
  for (const problem of problems) {
    if (settings.rules[problem.ruleId] !== 'off' && (!within || rangesOverlap(problem.range, within))) {
      findings.push(problemFinding(problem));
    }
  }
  // concat, not push(...): a large file has more findings than a call takes arguments.
  const all = findings.concat(
    claimFindings,
    documentFindings(model, options).filter((finding) => !within || rangesOverlap(finding.range, within)),
  );
  return applySuppressions(read.suppressions ?? [], all);
}

/**
 * Drops the findings a suppression comment silences (by rule id, never by
 * message), and reports suppression comments that name no rule.
 */
function applySuppressions(suppressions: readonly Suppression[], findings: Finding[]): Finding[] {
  if (suppressions.length === 0) {
    return findings;
  }
  const kept = findings.filter(
    (finding) =>
      !suppressions.some(
        (s) =>
          finding.range.start.line >= s.firstLine &&
          finding.range.start.line <= s.lastLine &&
          s.ruleIds.some((id) => id.value === finding.ruleId),
      ),
  );
  for (const { ruleIds } of suppressions) {
    for (const id of ruleIds.filter((ruleId) => !ruleById(ruleId.value))) {
      kept.push({
        ruleId: 'unknown-rule-id',
        range: id.range,
        message: 'This is not a rule id, so this comment silences nothing for it. Rule ids are listed in the README.',
      });
    }
  }
  return kept;
}
