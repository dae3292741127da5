/**
 * The server over Node IPC (`--node-ipc`), the transport the VS Code
 * extension uses: a message vscode-jsonrpc cannot dispatch is refused by
 * kind and size with none of it in the log, and the LSP lifecycle is kept,
 * as on stdio (`stream.test.ts`, `lifecycleOrder.test.ts`).
 */
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { ExitNotification, HoverRequest, InitializeRequest, ShutdownRequest } from 'vscode-languageserver-protocol';
import { serverScript, withTimeout } from '../support/server/lspClient';

const marker = 'PHI-MARKER-123';
const hoverParams = { textDocument: { uri: 'file:///ipc/doc.claim' }, position: { line: 0, character: 0 } };

interface IpcServer {
  child: ChildProcess;
  connection: MessageConnection;
  notifications: Array<{ method: string; params: unknown }>;
  stderr: () => string;
  exited: Promise<number | null>;
}

function startIpcServer(): IpcServer {
  const child = spawn(process.execPath, [serverScript(), '--node-ipc'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const notifications: IpcServer['notifications'] = [];
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
  });
  connection.onRequest(() => null);
  connection.onError(() => undefined);
  connection.listen();
  return { child, connection, notifications, stderr: () => stderr, exited };
}

async function codeOf(answer: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await withTimeout(answer, 5000, 'an answer');
    return 'answered';
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('protocol: over Node IPC', () => {
  let server: IpcServer | undefined;
  afterEach(() => {
    server?.connection.dispose();
    server?.child.kill('SIGKILL');
    server = undefined;
  });

  it('refuses a request before initialize with -32002, garbage by kind without its text, and exits 0 after shutdown', async () => {
    const ipc = startIpcServer();
    server = ipc;
    assert.equal(await codeOf(ipc.connection.sendRequest(HoverRequest.type, hoverParams)), -32002);
    await withTimeout(
      ipc.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} }),
      5000,
      'initialize',
    );
    const garbage = [
      [{ jsonrpc: '2.0', method: 'x', params: { patient: marker } }],
      { jsonrpc: '2.0', params: { patient: marker } },
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: marker } },
    ];
    for (const message of garbage) {
      ipc.child.send(message);
    }
    // A request sent after the garbage is answered after it was read, so the refusals are logged by then.
    assert.equal(await codeOf(ipc.connection.sendRequest(ShutdownRequest.type)), 'answered');
    const refusals = ipc.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message)
      .filter((message) => message.startsWith('Refused'));
    assert.deepEqual(
      refusals.map((line) => /: (a batch|neither a method nor an id|a response with a null id)/.exec(line)?.[1]),
      ['a batch', 'neither a method nor an id', 'a response with a null id'],
    );
    assert.ok(!JSON.stringify(ipc.notifications).includes(marker), JSON.stringify(ipc.notifications));
    assert.equal(await codeOf(ipc.connection.sendRequest(HoverRequest.type, hoverParams)), -32600);
    await ipc.connection.sendNotification(ExitNotification.type);
    assert.equal(await withTimeout(ipc.exited, 5000, 'the exit'), 0);
    assert.ok(!ipc.stderr().includes(marker), ipc.stderr());
  });
});
