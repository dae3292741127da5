/**
 * The language service's diagnostics as claim-lint's messages: 1-based
 * positions, the severity's name, the rule id and the id of the claim the
 * finding is in. Never the claim text.
 */
import { type Diagnostic, DiagnosticSeverity, type Position } from 'vscode-languageserver-types';
import type { ClaimDocumentModel } from '../../../server/src/service/languageService';
import type { LintMessage, SeverityName } from './lintResults';

const severityNames: Record<DiagnosticSeverity, SeverityName> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The id of the claim whose range holds `position`, or null. Claims are in
 * document order and do not overlap, so a binary search finds it: a batch
 * holds a million claims and may have a finding on each.
 */
export function claimIdAt(model: ClaimDocumentModel, position: Position): string | null {
  if (model.claimIdAt) {
    // Answered from what validation read, without reading every claim again.
    return model.claimIdAt(position);
  }
  const claims = model.claims;
  let low = 0;
  let high = claims.length - 1;
  let candidate = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = claims[middle]?.range.start;
    if (start && comparePositions(start, position) <= 0) {
      candidate = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const claim = claims[candidate];
  return claim && comparePositions(position, claim.range.end) <= 0 ? (claim.id?.value ?? null) : null;
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
