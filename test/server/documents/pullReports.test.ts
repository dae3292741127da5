/**
 * Result ids of pulled diagnostics: "unchanged" only for the very array the
 * client's report carried, a new id for anything else.
 */
import * as assert from 'node:assert/strict';
import { DocumentDiagnosticReportKind } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { PullReports } from '../../../server/src/documents/pullReports';

const finding = (message: string): Diagnostic => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
  message,
});

describe('pull reports', () => {
  it('answers "unchanged" for the same array and the id the client holds, and in full otherwise', () => {
    const reports = new PullReports();
    const items = [finding('a')];
    const first = reports.report('file:///a.claim', items, undefined);
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(reports.report('file:///a.claim', items, first.resultId), {
      kind: DocumentDiagnosticReportKind.Unchanged,
      resultId: first.resultId,
    });
    // Equal findings in a new array are a new check's: the client gets them in full, under a new id.
    const again = reports.report('file:///a.claim', [finding('a')], first.resultId);
    assert.equal(again.kind, DocumentDiagnosticReportKind.Full);
    assert.notEqual(again.resultId, first.resultId);
    // Another document never shares an id.
    const other = reports.report('file:///b.claim', items, first.resultId);
    assert.equal(other.kind, DocumentDiagnosticReportKind.Full);
    assert.notEqual(other.resultId, first.resultId);
  });

  it('forgets a closed document: its next report is full', () => {
    const reports = new PullReports();
    const items = [finding('a')];
    const first = reports.report('file:///a.claim', items, undefined);
    reports.forget('file:///a.claim');
    const reopened = reports.report('file:///a.claim', items, first.resultId);
    assert.equal(reopened.kind, DocumentDiagnosticReportKind.Full);
    assert.notEqual(reopened.resultId, first.resultId);
  });
});
