/**
 * Which bodies reach vscode-jsonrpc: the three kinds it dispatches, and every
 * other shape refused with a reason in our words, never the body's.
 */
import * as assert from 'node:assert/strict';
import { kindOf } from '../../../server/src/transport/messageKinds';

const marker = 'PHI-MARKER-123';

describe('kindOf', () => {
  it('passes requests, notifications and responses on as they are', () => {
    const request = { jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: { marker } };
    assert.deepEqual(kindOf(request), { kind: 'request', message: request });
    const named = { jsonrpc: '2.0', id: 'a', method: 'shutdown' };
    assert.deepEqual(kindOf(named), { kind: 'request', message: named });
    const notification = { jsonrpc: '2.0', method: 'exit' };
    assert.deepEqual(kindOf(notification), { kind: 'notification', message: notification });
    const result = { jsonrpc: '2.0', id: 4, result: null };
    assert.deepEqual(kindOf(result), { kind: 'response', message: result });
    const error = { jsonrpc: '2.0', id: 5, error: { code: 1, message: marker } };
    assert.deepEqual(kindOf(error), { kind: 'response', message: error });
  });

  for (const [what, value, why] of [
    ['a batch', [{ jsonrpc: '2.0', method: 'x', params: marker }], /batch/],
    ['an empty batch', [], /batch/],
    ['a string', marker, /not a JSON object/],
    ['null', null, /not a JSON object/],
    ['neither method nor id', { jsonrpc: '2.0', params: { marker } }, /neither a method nor an id/],
    ['a method that is a number', { jsonrpc: '2.0', method: 7 }, /method that is not a string/],
    ['a request with a null id', { jsonrpc: '2.0', id: null, method: marker }, /id is neither/],
    ['a request with an object id', { jsonrpc: '2.0', id: { marker }, method: 'x' }, /id is neither/],
    ['an error response with a null id', { jsonrpc: '2.0', id: null, error: { code: 1, message: marker } }, /null id/],
    [
      'a response with neither result nor error',
      { jsonrpc: '2.0', id: 3, data: marker },
      /neither a result nor an error/,
    ],
    ['a response whose error is null', { jsonrpc: '2.0', id: 3, error: null }, /neither a result nor an error/],
    ['a response with an object id', { jsonrpc: '2.0', id: [marker], result: 1 }, /id is neither/],
  ] as const) {
    it(`refuses ${what}, naming its kind only`, () => {
      const kind = kindOf(value);
      assert.equal(kind.kind, 'refused');
      assert.ok(kind.kind === 'refused');
      assert.match(kind.why, why);
      assert.ok(!kind.why.includes(marker), kind.why);
    });
  }
});
