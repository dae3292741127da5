/**
 * All findings for a document (or for some of its claims): the parser's
 * problems and every claim rule, each rule run on each claim. Validation turns
 * them into diagnostics; code actions take their fixes.
 */
import type { Range } from 'vscode-languageserver-types';
import type { CodeReference } from '../data/codeReference';
import type { ClaimEditor } from '../edit/claimEditor';
import { rangesOverlap } from '../locate';
import type { Claim, ClaimDocumentModel, ClaimsRead, ParseProblem, Suppression } from '../model';
import { claimRules, documentRules, ruleById } from '../rules/ruleCatalog';
import type { Finding, RuleContext } from '../rules/ruleTypes';
import type { MueEntry } from '../data/mueFile';
import type { ClaimSettings } from '../settings';

function problemFinding(problem: ParseProblem): Finding {
  const finding: Finding = { ruleId: problem.ruleId, range: problem.range, message: problem.message };
  if (problem.replacement !== undefined) {
    finding.fixes = [{ title: `Write '${problem.replacement}'`, edits: [{ range: problem.range, newText: problem.replacement }], preferred: true }];
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
}

export function collectFindings(model: ClaimDocumentModel, options: FindingOptions): Finding[] {
  const { reference, editor, settings, within } = options;
  const enabled = claimRules.filter((rule) => settings.rules[rule.id] !== 'off');
  const context: RuleContext = { reference, editor, format: model.format };
  if (options.mue) {
    context.mue = options.mue;
  }
  const claimFindings: Finding[] = [];
  const checkClaim = (claim: Claim) => {
    for (const rule of enabled) {
      for (const finding of rule.check(claim, context)) {
        claimFindings.push(finding);
      }
    }
  };
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
  findings.push(...claimFindings);
  for (const rule of documentRules.filter((r) => settings.rules[r.id] !== 'off')) {
    findings.push(...rule.check(model, context).filter((finding) => !within || rangesOverlap(finding.range, within)));
  }
  return applySuppressions(read.suppressions ?? [], findings);
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
        (s) => finding.range.start.line >= s.firstLine && finding.range.start.line <= s.lastLine && s.ruleIds.some((id) => id.value === finding.ruleId),
      ),
  );
  for (const { ruleIds } of suppressions) {
    for (const id of ruleIds.filter((ruleId) => !ruleById(ruleId.value))) {
      kept.push({ ruleId: 'unknown-rule-id', range: id.range, message: `'${id.value}' is not a rule id, so this comment silences nothing for it. Rule ids are listed in the README.` });
    }
  }
  return kept;
}
