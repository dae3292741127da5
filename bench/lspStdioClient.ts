/**
 * A minimal LSP client over stdio for the benchmark: starts the built server
 * with the same generous heap as the in-process children, declares pull
 * diagnostics (so the server answers `textDocument/diagnostic` at once instead
 * of pushing after its typing pause), and fails a request rather than hang
 * when the server dies or takes too long.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { describeExit, heapLimitMb } from './childProcesses';

/** The server died or did not answer in time: a message of ours, safe to print (never claim text). */
export class ServerFailure extends Error {
  override readonly name = 'ServerFailure';
}

/** What a failed measurement says: our own messages whole, another error only by its name (its message could quote claim text). */
export function failureReason(error: unknown): string {
  return error instanceof ServerFailure ? error.message : error instanceof Error ? error.name : 'failed';
}

export interface DiagnosticReport {
  kind: string;
  resultId?: string;
  items?: unknown[];
}

export class LspStdioClient {
  private readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  /** Settles, rejected, when the server process ends before `stop`. */
  private readonly exited: Promise<never>;
  private stopping = false;

  /** `settings`: the `cptClaims` section the client answers `workspace/configuration` with (none by default). */
  constructor(serverPath: string, settings: Record<string, unknown> = {}) {
    this.child = spawn(process.execPath, [`--max-old-space-size=${heapLimitMb}`, serverPath, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    if (!this.child.stdout || !this.child.stdin || !this.child.stderr) {
      throw new Error('server has no stdio');
    }
    // A write after the server died must fail the request, not crash the benchmark with an unhandled 'error' event.
    this.child.stdin.on('error', () => undefined);
    let stderrTail = '';
    this.child.stderr.on('data', (data: Buffer) => {
      stderrTail = (stderrTail + data.toString('utf8')).slice(-4096);
    });
    this.exited = new Promise<never>((_resolve, reject) => {
      this.child.on('exit', (code, signal) => {
        if (!this.stopping) {
          reject(new ServerFailure(`server ${describeExit(code, signal, stderrTail)}`));
        }
      });
    });
    // Only ever awaited in a race; keep an early exit from being an unhandled rejection.
    this.exited.catch(() => undefined);
    this.connection = createMessageConnection(
      new StreamMessageReader(this.child.stdout),
      new StreamMessageWriter(this.child.stdin),
    );
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) =>
      params.items.map(() => settings),
    );
    this.connection.listen();
  }

  /** Handles a notification from the server (e.g. `window/showMessage`). */
  onNotification(method: string, handler: (params: unknown) => void): void {
    this.connection.onNotification(method, handler);
  }

  /** The server's process id, for reading its memory from /proc. */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** A request that fails when the server exits or does not answer within `timeoutMs`. */
  async request<R>(method: string, params: unknown, timeoutMs: number): Promise<R> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new ServerFailure(`${method} timed out after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    try {
      return await Promise.race([this.connection.sendRequest<R>(method, params), this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async notify(method: string, params: unknown): Promise<void> {
    await Promise.race([this.connection.sendNotification(method, params), this.exited]);
  }

  /** `pull`: declare pull diagnostics (the default), else the server pushes them, as to Neovim. */
  async initialize(pull = true): Promise<void> {
    await this.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: null,
        // The folding limit VS Code declares (editor.foldingMaximumRegions).
        capabilities: {
          workspace: { configuration: true },
          textDocument: {
            ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
            foldingRange: { rangeLimit: 5000 },
          },
        },
      },
      60_000,
    );
    await this.notify('initialized', {});
  }

  /** Ends the server politely when it still answers, and for sure either way. */
  async stop(): Promise<void> {
    this.stopping = true;
    try {
      await this.request('shutdown', null, 10_000);
      await this.notify('exit', null);
    } catch {
      // It is killed below anyway.
    }
    this.connection.dispose();
    this.child.kill();
  }
}
