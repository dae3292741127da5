/**
 * Pulling `workspace/diagnostic` from the built server and reading its
 * reports, shared by the workspace protocol tests.
 */
import * as assert from 'node:assert/strict';
import type { CancellationTokenSource } from 'vscode-jsonrpc';
import {
  type Diagnostic,
  type PreviousResultId,
  WorkspaceDiagnosticRequest,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import type { LspClient } from './lspClient';

let partialTokens = 0;

/** A `workspace/diagnostic` request with a partial result token: every report, streamed or final. */
export async function pullWorkspace(
  client: LspClient,
  previousResultIds: PreviousResultId[] = [],
  token?: CancellationTokenSource,
): Promise<WorkspaceDocumentDiagnosticReport[]> {
  partialTokens += 1;
  const partialResultToken = `workspace-partial-${partialTokens}`;
  const params = { previousResultIds, partialResultToken };
  const result = token
    ? await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, params, token.token)
    : await client.request(WorkspaceDiagnosticRequest.type, params, 'workspace/diagnostic', 20000);
  const partials = client.received
    .filter(
      (message) =>
        message.method === '$/progress' && (message.params as { token: unknown }).token === partialResultToken,
    )
    .flatMap((message) => (message.params as { value: WorkspaceDiagnosticReportPartialResult }).value.items);
  return [...partials, ...result.items];
}

export function byUri(
  reports: readonly WorkspaceDocumentDiagnosticReport[],
): Map<string, WorkspaceDocumentDiagnosticReport> {
  const map = new Map<string, WorkspaceDocumentDiagnosticReport>();
  for (const report of reports) {
    assert.ok(!map.has(report.uri), `one report per file: ${report.uri}`);
    map.set(report.uri, report);
  }
  return map;
}

export function itemsOf(report: WorkspaceDocumentDiagnosticReport | undefined): Diagnostic[] {
  assert.equal(report?.kind, 'full');
  return report.kind === 'full' ? report.items : [];
}

export function previousIds(reports: readonly WorkspaceDocumentDiagnosticReport[]): PreviousResultId[] {
  return reports.flatMap((report) =>
    report.resultId === undefined ? [] : [{ uri: report.uri, value: report.resultId }],
  );
}

export function ruleIds(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}
