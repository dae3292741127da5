/**
 * The server over `--pipe` (a Unix socket path here; the same code serves
 * `--socket`, a port on 127.0.0.1): as vscode-languageserver does, the client
 * listens and the server connects. The socket is read as stdin is
 * (`stream.test.ts`): a message vscode-jsonrpc cannot dispatch is refused by
 * kind with none of it in the log, the lifecycle is kept, and a frame header
 * without a usable Content-Length ends the server with code 1 and one line on
 * stderr. The socket lives in a temporary folder: no network.
 */
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import {
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  ShutdownRequest,
} from 'vscode-languageserver-protocol';
import { serverScript, withTimeout } from '../support/server/lspClient';

const marker = 'PHI-MARKER-123';
const uri = 'file:///pipe/doc.claim';

interface PipeServer {
  child: ChildProcess;
  socket: net.Socket;
  connection: MessageConnection;
  notifications: Array<{ method: string; params: unknown }>;
  stderr: () => string;
  exited: Promise<number | null>;
}

const folders: string[] = [];
const children: ChildProcess[] = [];

/** Listens on a socket path in a new temporary folder, starts the server with `--pipe=<path>`, and takes its connection. */
async function startPipeServer(): Promise<PipeServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-pipe-'));
  folders.push(folder);
  const socketPath = path.join(folder, 'lsp.sock');
  const listener = net.createServer();
  const accepted = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
  await new Promise<void>((resolve) => listener.listen(socketPath, resolve));
  const child = spawn(process.execPath, [serverScript(), `--pipe=${socketPath}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const socket = await withTimeout(accepted, 10_000, "the server's connection");
  listener.close();
  const connection = createMessageConnection(new StreamMessageReader(socket), new StreamMessageWriter(socket));
  const notifications: PipeServer['notifications'] = [];
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
  });
  connection.onRequest(() => null);
  connection.onError(() => undefined);
  connection.listen();
  return { child, socket, connection, notifications, stderr: () => stderr, exited };
}

async function initialize(server: PipeServer): Promise<void> {
  await withTimeout(
    server.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} }),
    10_000,
    'initialize',
  );
  await server.connection.sendNotification(InitializedNotification.type, {});
}

function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

async function codeOf(answer: Promise<unknown>): Promise<number | 'answered'> {
  try {
    await withTimeout(answer, 5000, 'an answer');
    return 'answered';
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('protocol: over --pipe', function () {
  this.timeout(30_000);
  afterEach(() => {
    for (const child of children.splice(0)) {
      child.kill('SIGKILL');
    }
    for (const folder of folders.splice(0)) {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('answers hover, refuses garbage by kind without its text, keeps the lifecycle, and exits 0 after shutdown', async () => {
    const server = await startPipeServer();
    const hoverParams = { textDocument: { uri }, position: { line: 1, character: 4 } };
    assert.equal(await codeOf(server.connection.sendRequest(HoverRequest.type, hoverParams)), -32002);
    await initialize(server);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'claim', version: 1, text: 'claim A\n  19283-RT x1 $350.00\n' },
    });
    const hover = await withTimeout(server.connection.sendRequest(HoverRequest.type, hoverParams), 5000, 'hover');
    assert.match(JSON.stringify(hover), /19283/);
    for (const garbage of [
      [{ jsonrpc: '2.0', method: 'x', params: { patient: marker } }],
      { jsonrpc: '2.0', params: { patient: marker } },
    ]) {
      server.socket.write(frame(JSON.stringify(garbage)));
    }
    // A request sent after the garbage is answered after it was read, so the refusals are logged by then.
    assert.equal(await codeOf(server.connection.sendRequest(ShutdownRequest.type)), 'answered');
    const refusals = server.notifications
      .filter((n) => n.method === 'window/logMessage')
      .map((n) => (n.params as { message: string }).message)
      .filter((message) => message.startsWith('Refused'));
    assert.deepEqual(
      refusals.map((line) => /: (a batch|neither a method nor an id)/.exec(line)?.[1]),
      ['a batch', 'neither a method nor an id'],
    );
    assert.ok(!JSON.stringify(server.notifications).includes(marker));
    assert.equal(await codeOf(server.connection.sendRequest(HoverRequest.type, hoverParams)), -32600);
    await server.connection.sendNotification(ExitNotification.type);
    assert.equal(await withTimeout(server.exited, 5000, 'the exit'), 0);
    assert.ok(!server.stderr().includes(marker), server.stderr());
  });

  it('a frame header without a usable Content-Length ends the server with code 1 and one line on stderr', async () => {
    const server = await startPipeServer();
    await initialize(server);
    server.socket.write(frame('{}', `Content-Length: ${marker}`));
    assert.equal(await withTimeout(server.exited, 5000, 'the exit'), 1);
    assert.match(server.stderr(), /^claim-language-server: unreadable input, exiting: [^\n]+\n$/);
    assert.ok(!server.stderr().includes(marker), server.stderr());
  });

  it('the client closing the socket before shutdown ends the server with code 1', async () => {
    const server = await startPipeServer();
    await initialize(server);
    server.socket.end();
    assert.equal(await withTimeout(server.exited, 5000, 'the exit'), 1);
  });
});
