/**
 * The language service's diagnostics as claim-lint's messages: 1-based
 * positions, the severity's name, the rule id and the id of the claim the
 * finding is in. Never the claim text.
 */
import { type Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import { claimAt, type ClaimDocumentModel } from '../../../server/src/service';
import type { LintMessage, SeverityName } from './lintResults';

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

/**
 * The id of the claim whose range holds `position`, or null. Claims are in
 * document order and do not overlap, so a binary search (`claimAt`) finds it: a batch
 * holds a million claims and may have a finding on each.
 */
export function claimIdAt(model: ClaimDocumentModel, position: Position): string | null {
  if (model.claimIdAt) {
    // Answered from what validation read, without reading every claim again.
    return model.claimIdAt(position);
  }
  return claimAt(model.claims, position)?.id?.value ?? null;
}

export function toMessage(diagnostic: Diagnostic, claimId: string | null): LintMessage {
  const { start, end } = diagnostic.range;
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    severity: severityNames[diagnostic.severity ?? DiagnosticSeverity.Error],
    message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
    ruleId: typeof diagnostic.code === 'string' ? diagnostic.code : null,
    claimId,
  };
}
