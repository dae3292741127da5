/**
 * Pushed diagnostics come at once after an open or an edit after a quiet
 * spell, and wait for a pause when edits follow each other. The timers and
 * clock are the test's, so the delays asked for are seen without waiting for
 * them.
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
  clock = 1000;

  now(): number {
    return this.clock;
  }

  setTimeout(run: () => void, ms: number): unknown {
    const timer = { ms, run, cleared: false };
    this.scheduled.push(timer);
    return timer;
  }

  clearTimeout(timer: unknown): void {
    (timer as { cleared: boolean }).cleared = true;
  }
}

function publisherFor(document: TextDocument, timers: RecordingTimers) {
  const sent: unknown[] = [];
  let published: () => void = () => undefined;
  const connection = {
    sendDiagnostics: (params: unknown) => {
      sent.push(params);
      published();
      return Promise.resolve();
    },
  };
  const documents = { get: (uri: string) => (uri === document.uri ? document : undefined) };
  const publisher = new DiagnosticsPublisher(
    connection as unknown as Connection,
    documents as unknown as TextDocuments<TextDocument>,
    () => Promise.resolve([]),
    timers,
  );
  const nextSent = () => new Promise<void>((resolve) => (published = resolve));
  return { publisher, sent, nextSent };
}

const delays = (timers: RecordingTimers) => timers.scheduled.map(({ ms, cleared }) => ({ ms, cleared }));

describe('diagnostics publisher', () => {
  it('publishes at once after an open, and a new schedule replaces the pending one', async () => {
    const document = TextDocument.create('file:///a.claim', 'claim', 1, '19284-RT');
    const timers = new RecordingTimers();
    const { publisher, sent, nextSent } = publisherFor(document, timers);
    publisher.schedule(document, 0);
    timers.clock += 10;
    publisher.schedule(document);
    assert.deepEqual(delays(timers), [
      { ms: 0, cleared: true },
      { ms: pushDelayMs, cleared: false },
    ]);
    const published = nextSent();
    timers.scheduled[1]?.run();
    await published;
    assert.deepEqual(sent, [{ uri: document.uri, version: 1, diagnostics: [] }]);
  });

  it('publishes an edit after a quiet spell at once, and gathers the edits typed within the pause', () => {
    const document = TextDocument.create('file:///b.claim', 'claim', 1, '19284-RT');
    const timers = new RecordingTimers();
    const { publisher } = publisherFor(document, timers);
    publisher.schedule(document);
    assert.deepEqual(delays(timers), [{ ms: 0, cleared: false }], 'the first edit is not typing yet');
    timers.scheduled[0]?.run();
    timers.clock += pushDelayMs / 4;
    publisher.schedule(document);
    timers.clock += pushDelayMs / 4;
    publisher.schedule(document);
    assert.deepEqual(delays(timers).slice(1), [
      { ms: pushDelayMs, cleared: true },
      { ms: pushDelayMs, cleared: false },
    ]);
    timers.scheduled[2]?.run();
    timers.clock += pushDelayMs;
    publisher.schedule(document);
    assert.deepEqual(delays(timers).slice(3), [{ ms: 0, cleared: false }], 'after a pause the next edit is at once');
    timers.clock += 1;
    publisher.clear(document.uri);
    timers.clock += 1;
    publisher.schedule(document);
    assert.deepEqual(
      delays(timers).slice(3),
      [
        { ms: 0, cleared: true },
        { ms: 0, cleared: false },
      ],
      'a closed document forgets its typing',
    );
  });
});
