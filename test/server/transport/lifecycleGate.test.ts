/**
 * The LSP lifecycle: before initialize, requests are refused with -32002 and
 * notifications dropped except exit; after shutdown, requests get
 * InvalidRequest and only exit passes.
 */
import * as assert from 'node:assert/strict';
import { LifecycleGate } from '../../../server/src/transport/lifecycleGate';
import type { MessageKind } from '../../../server/src/transport/messageKinds';

let nextId = 0;
const request = (method: string): MessageKind => ({
  kind: 'request',
  message: { jsonrpc: '2.0', id: ++nextId, method },
});
const notification = (method: string): MessageKind => ({ kind: 'notification', message: { jsonrpc: '2.0', method } });
const response: MessageKind = { kind: 'response', message: { jsonrpc: '2.0', id: 1, result: null } };

const codeOf = (decision: ReturnType<LifecycleGate['decide']>): number | string =>
  typeof decision === 'string' ? decision : decision.code;

describe('LifecycleGate', () => {
  it('before initialize, refuses requests with ServerNotInitialized and drops notifications but exit', () => {
    const gate = new LifecycleGate();
    assert.equal(codeOf(gate.decide(request('textDocument/hover'))), -32002);
    assert.equal(codeOf(gate.decide(request('shutdown'))), -32002);
    assert.equal(gate.decide(notification('textDocument/didOpen')), 'drop');
    assert.equal(gate.decide(notification('initialized')), 'drop');
    assert.equal(gate.decide(notification('exit')), 'pass');
    assert.equal(gate.shutDown, false);
  });

  it('from initialize on, passes everything, and refuses a second initialize', () => {
    const gate = new LifecycleGate();
    assert.equal(gate.decide(request('initialize')), 'pass');
    assert.equal(gate.decide(notification('initialized')), 'pass');
    assert.equal(gate.decide(request('textDocument/hover')), 'pass');
    assert.equal(gate.decide(notification('textDocument/didOpen')), 'pass');
    assert.equal(gate.decide(response), 'pass');
    assert.equal(codeOf(gate.decide(request('initialize'))), -32600);
  });

  it('after shutdown, refuses requests with InvalidRequest and passes only exit', () => {
    const gate = new LifecycleGate();
    gate.decide(request('initialize'));
    assert.equal(gate.decide(request('shutdown')), 'pass');
    assert.equal(gate.shutDown, true);
    assert.equal(codeOf(gate.decide(request('textDocument/hover'))), -32600);
    assert.equal(codeOf(gate.decide(request('shutdown'))), -32600);
    assert.equal(gate.decide(notification('textDocument/didChange')), 'drop');
    assert.equal(gate.decide(notification('exit')), 'pass');
  });
});
