/**
 * What vscode-jsonrpc's own complaints become in the log: its words before
 * the first colon or line break, never the message, error or data it
 * appended.
 */
import * as assert from 'node:assert/strict';
import type { Logger } from 'vscode-languageserver';
import { ContentFreeLogger, libraryWords } from '../../../server/src/transport/contentFreeLogger';

const marker = 'PHI-MARKER-123';

describe('ContentFreeLogger', () => {
  it("keeps the library's words and drops what it quoted after a colon or line break", () => {
    for (const [complaint, kept] of [
      [
        `Received message which is neither a response nor a notification message:\n{"p": "${marker}"}`,
        'JSON-RPC: Received message which is neither a response nor a notification message',
      ],
      [
        `Received response message without id: Error is: \n{"message": "${marker}"}`,
        'JSON-RPC: Received response message without id',
      ],
      [
        `Notification handler 'textDocument/didOpen' failed with message: ${marker}`,
        "JSON-RPC: Notification handler 'textDocument/didOpen' failed with message",
      ],
      [`Processing message queue failed: TypeError ${marker}`, 'JSON-RPC: Processing message queue failed'],
      ['Sending request failed.', 'JSON-RPC: Sending request failed.'],
      [`\n${marker}`, 'JSON-RPC: a problem it did not name'],
    ] as const) {
      assert.equal(libraryWords(complaint), kept);
    }
  });

  it('writes each level to the same level of the log it wraps', () => {
    const written: string[] = [];
    const log: Logger = {
      error: (message) => written.push(`error ${message}`),
      warn: (message) => written.push(`warn ${message}`),
      info: (message) => written.push(`info ${message}`),
      log: (message) => written.push(`log ${message}`),
    };
    const logger = new ContentFreeLogger(log);
    logger.error(`a: ${marker}`);
    logger.warn(`b: ${marker}`);
    logger.info(`c: ${marker}`);
    logger.log(`d: ${marker}`);
    assert.deepEqual(written, ['error JSON-RPC: a', 'warn JSON-RPC: b', 'info JSON-RPC: c', 'log JSON-RPC: d']);
  });
});
