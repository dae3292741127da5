/**
 * Diagnostics for the Problems panel: every finding with its rule id as
 * `code`, the product name as `source`, and the severity the user set for the
 * rule (or the rule's default). The count is bounded by a setting, with one
 * notice when the limit is reached.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { comparePositions } from '../locate';
import type { Severity } from '../model';
import { problemLimitRule, ruleById } from '../rules/ruleCatalog';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';

export const diagnosticSource = 'cpt-claims';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function severityOf(ruleId: string, settings: ClaimSettings, findingSeverity?: Severity): DiagnosticSeverity | undefined {
  const configured = settings.rules[ruleId];
  if (configured === 'off') {
    return undefined;
  }
  return severities[configured ?? findingSeverity ?? ruleById(ruleId)?.defaultSeverity ?? 'error'];
}

export function toDiagnostic(finding: Finding, severity: DiagnosticSeverity): Diagnostic {
  return { range: finding.range, severity, code: finding.ruleId, source: diagnosticSource, message: finding.message };
}

export function findingsToDiagnostics(findings: readonly Finding[], settings: ClaimSettings): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding.ruleId, settings, finding.severity);
    if (severity !== undefined) {
      diagnostics.push(toDiagnostic(finding, severity));
    }
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  if (diagnostics.length <= settings.maxNumberOfProblems) {
    return diagnostics;
  }
  const shown = diagnostics.slice(0, settings.maxNumberOfProblems);
  const severity = severityOf(problemLimitRule.id, settings);
  if (severity !== undefined) {
    shown.push({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity,
      code: problemLimitRule.id,
      source: diagnosticSource,
      message: `Showing the first ${settings.maxNumberOfProblems} of ${diagnostics.length} problems (setting cptClaims.maxNumberOfProblems).`,
    });
  }
  return shown;
}
