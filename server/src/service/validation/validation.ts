/**
 * Diagnostics for the Problems panel: every finding with its rule id as
 * `code`, the product name as `source`, and the severity the user set for the
 * rule (or the rule's default). The count is bounded by a setting, with one
 * notice when the limit is reached; file-level findings and errors are the
 * last to go (`problemCap.ts`). Given the base URI of the rule pages
 * (`docs/rules/`), each diagnostic links to its rule's page.
 */
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { comparePositions } from '../position/locate';
import type { Severity } from '../model/model';
import { problemLimitRule, ruleById } from '../rules/ruleCatalog';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';
import { keptUnderCap, problemPriority } from './problemCap';

const diagnosticSource = 'cpt-claims';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const severityNames: Record<DiagnosticSeverity, Severity> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/** The notice when findings are left out; `claim-lint` words it the same. */
export function problemLimitMessage(limit: number, total: number): string {
  return `Showing ${limit} of ${total} problems: file-level findings first, then errors, warnings and information (setting cptClaims.maxNumberOfProblems).`;
}

function severityOf(
  ruleId: string,
  settings: ClaimSettings,
  findingSeverity?: Severity,
): DiagnosticSeverity | undefined {
  const configured = settings.rules[ruleId];
  if (configured === 'off') {
    return undefined;
  }
  return severities[configured ?? findingSeverity ?? ruleById(ruleId)?.defaultSeverity ?? 'error'];
}

/** Sets `codeDescription` to the rule's page, `<base><rule-id>.md`, when a base (a URI ending in `/`) is given. */
function linkToRulePage(diagnostic: Diagnostic, rulesDocsBase: string | undefined): Diagnostic {
  if (rulesDocsBase !== undefined && typeof diagnostic.code === 'string') {
    diagnostic.codeDescription = { href: `${rulesDocsBase}${diagnostic.code}.md` };
  }
  return diagnostic;
}

function toDiagnostic(finding: Finding, severity: DiagnosticSeverity, rulesDocsBase?: string): Diagnostic {
  return linkToRulePage(
    { range: finding.range, severity, code: finding.ruleId, source: diagnosticSource, message: finding.message },
    rulesDocsBase,
  );
}

export function findingsToDiagnostics(
  findings: readonly Finding[],
  settings: ClaimSettings,
  rulesDocsBase?: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    const severity = severityOf(finding.ruleId, settings, finding.severity);
    if (severity !== undefined) {
      diagnostics.push(toDiagnostic(finding, severity, rulesDocsBase));
    }
  }
  diagnostics.sort((a, b) => comparePositions(a.range.start, b.range.start));
  if (diagnostics.length <= settings.maxNumberOfProblems) {
    return diagnostics;
  }
  const shown = keptUnderCap(diagnostics, settings.maxNumberOfProblems, (diagnostic) =>
    problemPriority(
      typeof diagnostic.code === 'string' ? diagnostic.code : undefined,
      severityNames[diagnostic.severity ?? DiagnosticSeverity.Error],
    ),
  );
  const severity = severityOf(problemLimitRule.id, settings);
  if (severity !== undefined) {
    shown.push(
      linkToRulePage(
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          severity,
          code: problemLimitRule.id,
          source: diagnosticSource,
          message: problemLimitMessage(settings.maxNumberOfProblems, diagnostics.length),
        },
        rulesDocsBase,
      ),
    );
  }
  return shown;
}
