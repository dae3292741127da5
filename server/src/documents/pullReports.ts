/**
 * Result ids for pulled document diagnostics (LSP 3.17 `textDocument/diagnostic`).
 * A client sends the id of the report it holds; when the document's diagnostics
 * are still the very array that report carried, the answer is "unchanged" and
 * nothing is sent again. `DocumentChecks` hands back the same array only when
 * the version, service, settings and other inputs are the same, so identity is
 * exactly "nothing that decides them has changed": never a stale "unchanged".
 */
import {
  DocumentDiagnosticReportKind,
  type FullDocumentDiagnosticReport,
  type UnchangedDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';

export class PullReports {
  private readonly reported = new Map<string, { resultId: string; items: Diagnostic[] }>();
  /** Never reset: an id once given is never given again, to any document. */
  private next = 0;

  /** The report for the document's diagnostics, given the id of the report the client holds. */
  report(
    uri: string,
    items: Diagnostic[],
    previousResultId: string | undefined,
  ): FullDocumentDiagnosticReport | UnchangedDocumentDiagnosticReport {
    const last = this.reported.get(uri);
    if (last?.items === items && previousResultId === last.resultId) {
      return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
    }
    const resultId = last?.items === items ? last.resultId : String(++this.next);
    this.reported.set(uri, { resultId, items });
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
  }

  /** The document closed: what was reported of it is of no more use. */
  forget(uri: string): void {
    this.reported.delete(uri);
  }
}
