/**
 * Pushed diagnostics wait for a pause in typing after an edit, and not at all
 * after an open. The timers are the test's, so the delays asked for are seen
 * without waiting for them.
 */
import * as assert from 'node:assert/strict';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  DiagnosticsPublisher,
  type PublishTimers,
  pushDelayMs,
} from '../../../server/src/documents/diagnosticsPublisher';

class RecordingTimers implements PublishTimers {
  readonly scheduled: Array<{ ms: number; run: () => void; cleared: boolean }> = [];

  setTimeout(run: () => void, ms: number): unknown {
    const timer = { ms, run, cleared: false };
    this.scheduled.push(timer);
    return timer;
  }

  clearTimeout(timer: unknown): void {
    (timer as { cleared: boolean }).cleared = true;
  }
}

describe('diagnostics publisher', () => {
  it('waits the typing pause after an edit, none after an open, and a new schedule replaces the pending one', async () => {
    const document = TextDocument.create('file:///a.claim', 'claim', 1, '19284-RT');
    let published: (params: unknown) => void = () => undefined;
    const sent = new Promise<unknown>((resolve) => (published = resolve));
    const connection = { sendDiagnostics: (params: unknown) => (published(params), Promise.resolve()) };
    const documents = { get: (uri: string) => (uri === document.uri ? document : undefined) };
    const timers = new RecordingTimers();
    const publisher = new DiagnosticsPublisher(
      connection as unknown as Connection,
      documents as unknown as TextDocuments<TextDocument>,
      () => Promise.resolve([]),
      timers,
    );
    publisher.schedule(document, 0);
    publisher.schedule(document);
    assert.deepEqual(
      timers.scheduled.map(({ ms, cleared }) => ({ ms, cleared })),
      [
        { ms: 0, cleared: true },
        { ms: pushDelayMs, cleared: false },
      ],
    );
    timers.scheduled[1]?.run();
    assert.deepEqual(await sent, { uri: document.uri, version: 1, diagnostics: [] });
  });
});
