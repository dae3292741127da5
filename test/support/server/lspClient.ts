/**
 * A small, generic LSP client for protocol tests: it starts the BUILT server
 * (`node dist/server.js --stdio`) as a child process and speaks JSON-RPC to it
 * with vscode-jsonrpc alone, the way any editor would. It answers
 * `workspace/configuration` with settings the test supplies, records every
 * message the server sends (publishDiagnostics, logMessage, `$/progress`, requests) and lets
 * a test await the next one. Every wait is bounded, so a hang fails the test,
 * and `stop()` always ends the child process.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  type RequestParam,
  type RequestType,
  type RequestType0,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import {
  type ClientCapabilities,
  type CodeAction,
  CodeActionRequest,
  type Command,
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  type ConfigurationItem,
  type ConfigurationParams,
  type Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  type DocumentDiagnosticReport,
  ExitNotification,
  type Hover,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  type Position,
  type PublishDiagnosticsParams,
  type Range,
  ShutdownRequest,
  type TextDocumentContentChangeEvent,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { repoRoot } from '../repoRoot';
import { settingsSection } from '../../../shared/src/protocol';

/** How long any single wait may take before the test fails instead of stalling. */
export const defaultWaitMs = 5000;

/** The bundled standalone server, `claim-language-server`. */
export function serverScript(): string {
  const script = path.join(repoRoot(), 'dist', 'server.js');
  if (!fs.existsSync(script)) {
    throw new Error(`${script} is missing: build with 'npx tsc -b && node scripts/bundle.mjs'`);
  }
  return script;
}

export class WaitTimeoutError extends Error {
  override name = 'WaitTimeoutError';
}

/** Rejects with a message naming what was awaited when the promise takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new WaitTimeoutError(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Client capabilities of an editor that takes pushed diagnostics and answers `workspace/configuration`. */
export function pushClientCapabilities(): ClientCapabilities {
  return {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: {
      synchronization: { dynamicRegistration: false, didSave: false },
      publishDiagnostics: { versionSupport: true, relatedInformation: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
      codeAction: {
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } },
        isPreferredSupport: true,
      },
    },
  };
}

/** The same editor, also declaring pull diagnostics (`textDocument/diagnostic`). */
export function pullClientCapabilities(): ClientCapabilities {
  const capabilities = pushClientCapabilities();
  capabilities.textDocument = {
    ...capabilities.textDocument,
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
  };
  capabilities.workspace = { ...capabilities.workspace, diagnostics: { refreshSupport: true } };
  return capabilities;
}

/** A message the server sent to the client. */
export interface ReceivedMessage {
  kind: 'request' | 'notification';
  method: string;
  params: unknown;
  consumed: boolean;
}

interface Waiter {
  match: (message: ReceivedMessage) => boolean;
  resolve: (message: ReceivedMessage) => void;
  reject: (error: Error) => void;
}

/** Answers one `workspace/configuration` item; `undefined` is sent as `null`. */
export type ConfigurationProvider = (item: ConfigurationItem) => unknown;

export interface StartOptions {
  capabilities?: ClientCapabilities;
  /** What the client answers for the `cptClaims` section (other sections get null). Changeable later with `setSettings`. */
  settings?: unknown;
  /** Extra command-line arguments after `--stdio`. */
  args?: string[];
  /** Node options before the server script, e.g. `--require` of a preload. */
  nodeArgs?: string[];
  /** The server's environment (default: this process's), e.g. NODE_OPTIONS with a preload. */
  env?: NodeJS.ProcessEnv;
  /** Sent as `initializationOptions` (e.g. `{ workspaceTrusted: false }`). */
  initializationOptions?: unknown;
  /** Workspace folder paths sent in `initialize` (none by default). */
  workspaceFolders?: string[];
  /** Runs the server as this user (the tests run as root, who can read any file). */
  user?: { uid: number; gid: number };
}

const liveClients = new Set<LspClient>();

/** Stops every client still running: for an `afterEach`/`after` hook, so no child outlives a failed test. */
export async function stopAllClients(): Promise<void> {
  await Promise.all([...liveClients].map((client) => client.stop()));
}

export class LspClient {
  readonly child: ChildProcess;
  readonly connection: MessageConnection;
  /** Everything the server wrote to stderr. */
  stderr = '';
  /** Every request and notification from the server, in arrival order. */
  readonly received: ReceivedMessage[] = [];
  /** The `workspace/configuration` requests the server made. */
  readonly configurationRequests: ConfigurationParams[] = [];
  initializeResult: InitializeResult | undefined;
  /** The exit code (or signal) once the child has exited. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private settingsProvider: ConfigurationProvider;
  private readonly requestHandlers = new Map<string, (params: unknown) => unknown>();
  private readonly waiters: Waiter[] = [];
  private readonly documents = new Map<string, TextDocument>();
  private readonly exited: Promise<void>;

  private constructor(private readonly options: StartOptions) {
    const settings = options.settings;
    this.settingsProvider = (item) => (item.section === settingsSection ? settings : null);
    this.child = spawn(
      process.execPath,
      [...(options.nodeArgs ?? []), serverScript(), '--stdio', ...(options.args ?? [])],
      {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: options.env ?? process.env,
        ...options.user,
      },
    );
    liveClients.add(this);
    this.exited = new Promise((resolve) => {
      // 'close' comes after 'exit' once stdout and stderr are drained, so `stderr` is complete by then.
      this.child.once('close', (code, signal) => {
        this.exit = { code, signal };
        liveClients.delete(this);
        this.rejectWaiters(
          new Error(`the server exited (code ${String(code)}, signal ${String(signal)}); stderr: ${this.stderr}`),
        );
        resolve();
      });
    });
    // A failed spawn is reported with the exit; unhandled, the 'error' event would crash mocha.
    this.child.on('error', (error) => {
      this.stderr += `\n[spawn error] ${error.message}`;
    });
    const { stdin, stdout, stderr } = this.child;
    if (!stdin || !stdout || !stderr) {
      throw new Error('the server child process has no stdio pipes');
    }
    // Writing to a server that died must fail the test through the exit, not crash mocha with EPIPE.
    stdin.on('error', () => undefined);
    stderr.setEncoding('utf8');
    stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.connection = createMessageConnection(new StreamMessageReader(stdout), new StreamMessageWriter(stdin));
    this.connection.onRequest('workspace/configuration', (params: ConfigurationParams) => {
      this.configurationRequests.push(params);
      this.record('request', 'workspace/configuration', params);
      return params.items.map((item) => this.settingsProvider(item) ?? null);
    });
    // Any other request (e.g. workspace/diagnostic/refresh, window/workDoneProgress/create) gets a null result unless a test answers it.
    this.connection.onRequest((method, params) => {
      this.record('request', method, params);
      const handler = this.requestHandlers.get(method);
      return handler ? handler(params) : null;
    });
    this.connection.onNotification((method, params) => this.record('notification', method, params));
    // vscode-jsonrpc hands `$/progress` to its own progress handlers, never to the catch-all above; with no handler
    // for the token it lands here, so it is recorded like any other notification.
    this.connection.onUnhandledProgress((params) => this.record('notification', '$/progress', params));
    this.connection.onError(() => undefined);
    this.connection.listen();
  }

  /** Starts the built server, sends `initialize` with the capabilities, then `initialized`. */
  static async start(options: StartOptions = {}): Promise<LspClient> {
    const client = LspClient.spawn(options);
    try {
      await client.initialize();
    } catch (error) {
      await client.stop();
      throw error;
    }
    return client;
  }

  /** Starts the built server and sends nothing: for what it does before `initialize`. */
  static spawn(options: StartOptions = {}): LspClient {
    return new LspClient(options);
  }

  /** Sends `initialize` with the start options' capabilities, then `initialized`. */
  async initialize(): Promise<void> {
    const options = this.options;
    this.initializeResult = await this.request(
      InitializeRequest.type,
      {
        // The server's watchdog probes this process with kill(pid, 0), which another user may not do: it would take us for dead and exit.
        processId: options.user ? null : process.pid,
        rootUri: null,
        capabilities: options.capabilities ?? pushClientCapabilities(),
        workspaceFolders:
          options.workspaceFolders?.map((folder) => ({
            uri: pathToFileURL(folder).toString(),
            name: path.basename(folder),
          })) ?? null,
        initializationOptions: options.initializationOptions,
      },
      'initialize',
    );
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  /** Writes bytes to the server's stdin as they are, bypassing the JSON-RPC writer: for frames built by hand. */
  writeRaw(text: string | Buffer): void {
    const stdin = this.child.stdin;
    if (!stdin) {
      throw new Error('the server child process has no stdin');
    }
    stdin.write(text);
  }

  /** Changes what the client answers for `workspace/configuration` (section cptClaims), e.g. before didChangeConfiguration. */
  setSettings(settings: unknown): void {
    this.settingsProvider = (item) => (item.section === settingsSection ? settings : null);
  }

  /** Answers a server-to-client request method (other than workspace/configuration) the way a test needs, e.g. with a ResponseError. */
  answerRequests(method: string, handler: (params: unknown) => unknown): void {
    this.requestHandlers.set(method, handler);
  }

  /** A request, bounded in time and failing at once if the server exits. */
  request<P, R, E>(
    type: RequestType<P, R, E>,
    params: RequestParam<P>,
    what = type.method,
    ms = defaultWaitMs,
  ): Promise<R> {
    return this.bounded(this.connection.sendRequest(type, params), what, ms);
  }

  /** A request without parameters (the message has none, as VS Code's client sends it), bounded like `request`. */
  requestWithoutParams<R, E>(type: RequestType0<R, E>, what = type.method, ms = defaultWaitMs): Promise<R> {
    return this.bounded(this.connection.sendRequest(type), what, ms);
  }

  /** Bounds a pending response in time, and fails it at once if the server exits. */
  private bounded<R>(response: Promise<R>, what: string, ms: number): Promise<R> {
    const exitedEarly = this.exited.then((): never => {
      throw new Error(`the server exited during ${what} (code ${String(this.exit?.code)}); stderr: ${this.stderr}`);
    });
    return withTimeout(Promise.race([response, exitedEarly]), ms, what);
  }

  // ---- documents ----

  /** The client's copy of an open document, kept in step with what was sent. */
  document(uri: string): TextDocument {
    const document = this.documents.get(uri);
    if (!document) {
      throw new Error(`${uri} is not open in the test client`);
    }
    return document;
  }

  async open(uri: string, text: string, version = 1, languageId = 'claim'): Promise<void> {
    this.documents.set(uri, TextDocument.create(uri, 'claim', version, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text },
    });
  }

  /** Sends incremental changes (applied in order, as LSP specifies) with the next version; returns that version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const document = this.document(uri);
    const version = document.version + 1;
    this.documents.set(uri, TextDocument.update(document, changes, version));
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: changes,
    });
    return version;
  }

  /**
   * Applies text edits (all relative to the current text, as in a WorkspaceEdit)
   * by sending them as incremental changes from the last to the first, so each
   * change's range is still valid when it is applied. Returns the new version.
   */
  applyEdits(uri: string, edits: readonly TextEdit[]): Promise<number> {
    const document = this.document(uri);
    const ordered = edits
      .map((edit, index) => ({ edit, index, start: document.offsetAt(edit.range.start) }))
      .sort((a, b) => b.start - a.start || b.index - a.index);
    return this.change(
      uri,
      ordered.map(({ edit }) => ({ range: edit.range, text: edit.newText })),
    );
  }

  async close(uri: string): Promise<void> {
    this.documents.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeConfiguration(settings: unknown = null): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
  }

  // ---- features ----

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.request(HoverRequest.type, { textDocument: { uri }, position }, 'hover');
  }

  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.request(CompletionRequest.type, { textDocument: { uri }, position }, 'completion');
  }

  /** Completion items whatever form the server answers in. */
  async completionItems(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.completion(uri, position);
    return result === null ? [] : Array.isArray(result) ? result : result.items;
  }

  codeActions(
    uri: string,
    range: Range,
    diagnostics: Diagnostic[],
    only?: string[],
  ): Promise<(CodeAction | Command)[] | null> {
    const context = only ? { diagnostics, only } : { diagnostics };
    return this.request(CodeActionRequest.type, { textDocument: { uri }, range, context }, 'codeAction');
  }

  /** Pulls the document's diagnostics, saying which report the client holds when `previousResultId` is given. */
  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    const params =
      previousResultId === undefined ? { textDocument: { uri } } : { textDocument: { uri }, previousResultId };
    return this.request(DocumentDiagnosticRequest.type, params, 'textDocument/diagnostic');
  }

  // ---- messages from the server ----

  private record(kind: ReceivedMessage['kind'], method: string, params: unknown): void {
    const message: ReceivedMessage = { kind, method, params, consumed: false };
    this.received.push(message);
    const index = this.waiters.findIndex((waiter) => waiter.match(message));
    const waiter = index === -1 ? undefined : this.waiters.splice(index, 1)[0];
    if (waiter) {
      message.consumed = true;
      waiter.resolve(message);
    }
  }

  private rejectWaiters(error: Error): void {
    for (const waiter of this.waiters.splice(0)) {
      waiter.reject(error);
    }
  }

  /**
   * The oldest message not yet taken by an earlier wait that matches, else the
   * next one to arrive; marks it taken. Bounded by `ms`.
   */
  nextMessage(
    match: (message: ReceivedMessage) => boolean,
    what: string,
    ms = defaultWaitMs,
  ): Promise<ReceivedMessage> {
    const waiting = this.received.find((message) => !message.consumed && match(message));
    if (waiting) {
      waiting.consumed = true;
      return Promise.resolve(waiting);
    }
    if (this.exit) {
      return Promise.reject(
        new Error(`the server has exited (code ${String(this.exit.code)}); stderr: ${this.stderr}`),
      );
    }
    const promise = new Promise<ReceivedMessage>((resolve, reject) => {
      this.waiters.push({ match, resolve, reject });
    });
    return withTimeout(promise, ms, what).catch((error: unknown) => {
      const index = this.waiters.findIndex((waiter) => waiter.match === match);
      if (index !== -1) {
        this.waiters.splice(index, 1);
      }
      throw error;
    });
  }

  /**
   * The next `textDocument/publishDiagnostics` for the uri (for that document
   * version, when given). Earlier publishes for the uri are skipped, so a
   * stale publish for an older version is never mistaken for the one awaited.
   */
  async nextDiagnostics(uri: string, version?: number, ms = defaultWaitMs): Promise<PublishDiagnosticsParams> {
    const isFor = (message: ReceivedMessage) =>
      message.method === 'textDocument/publishDiagnostics' && (message.params as PublishDiagnosticsParams).uri === uri;
    const found = await this.nextMessage(
      (message) =>
        isFor(message) && (version === undefined || (message.params as PublishDiagnosticsParams).version === version),
      `publishDiagnostics for ${uri}${version === undefined ? '' : ` version ${version}`}`,
      ms,
    );
    const position = this.received.indexOf(found);
    this.received.slice(0, position).forEach((message) => {
      if (isFor(message)) {
        message.consumed = true;
      }
    });
    return found.params as PublishDiagnosticsParams;
  }

  /**
   * The first `textDocument/publishDiagnostics` for the uri, not yet taken, whose diagnostics satisfy `holds`
   * (skipping, and taking, those that do not): for a state the server reaches after several publishes, such as
   * the check after a data folder has loaded, which may follow the check the settings change itself started.
   */
  async diagnosticsWhere(
    uri: string,
    holds: (diagnostics: PublishDiagnosticsParams['diagnostics']) => boolean,
    what: string,
    ms = defaultWaitMs,
  ): Promise<PublishDiagnosticsParams> {
    const isFor = (message: ReceivedMessage) =>
      message.method === 'textDocument/publishDiagnostics' && (message.params as PublishDiagnosticsParams).uri === uri;
    const found = await this.nextMessage(
      (message) => isFor(message) && holds((message.params as PublishDiagnosticsParams).diagnostics),
      `publishDiagnostics for ${uri} with ${what}`,
      ms,
    );
    this.received.slice(0, this.received.indexOf(found)).forEach((message) => {
      if (isFor(message)) {
        message.consumed = true;
      }
    });
    return found.params as PublishDiagnosticsParams;
  }

  /**
   * Fails if a matching message arrives within `ms`. Absence can only be
   * observed over a window of time, so this is for asserting that something
   * never happens (e.g. no pushed diagnostics to a pull client), never for
   * waiting until something has happened.
   */
  async expectNoMessage(match: (message: ReceivedMessage) => boolean, what: string, ms: number): Promise<void> {
    let message: ReceivedMessage | undefined;
    try {
      message = await this.nextMessage(match, what, ms);
    } catch (error) {
      if (error instanceof WaitTimeoutError) {
        return;
      }
      throw error;
    }
    throw new Error(`unexpected ${what}: ${JSON.stringify(message.params)}`);
  }

  /** Every publishDiagnostics received so far, for a uri or all. */
  publishes(uri?: string): PublishDiagnosticsParams[] {
    return this.received
      .filter((message) => message.method === 'textDocument/publishDiagnostics')
      .map((message) => message.params as PublishDiagnosticsParams)
      .filter((params) => uri === undefined || params.uri === uri);
  }

  /** Text of every window/logMessage, window/showMessage, $/logTrace and telemetry/event received so far. */
  logText(): string {
    return this.received
      .filter((message) =>
        [
          'window/logMessage',
          'window/showMessage',
          'window/showMessageRequest',
          '$/logTrace',
          'telemetry/event',
        ].includes(message.method),
      )
      .map((message) => JSON.stringify(message.params))
      .join('\n');
  }

  // ---- lifecycle ----

  /** True while the child process runs. */
  get running(): boolean {
    return this.exit === undefined;
  }

  /** Waits (bounded) for the child to exit by itself. */
  waitForExit(ms = defaultWaitMs): Promise<void> {
    return withTimeout(this.exited, ms, 'the server to exit');
  }

  /**
   * `shutdown` then `exit`, as an editor ends a session; the child is killed
   * if it does not exit in time or does not answer. Safe to call twice.
   */
  async stop(): Promise<void> {
    try {
      if (this.running) {
        await this.bounded(this.connection.sendRequest(ShutdownRequest.type), 'shutdown', 2000);
        await this.connection.sendNotification(ExitNotification.type);
        await this.waitForExit(2000);
      }
    } catch {
      // Killed below.
    } finally {
      if (this.running) {
        this.child.kill('SIGKILL');
        await withTimeout(this.exited, 2000, 'the killed server to exit').catch(() => undefined);
      }
      this.connection.dispose();
      liveClients.delete(this);
    }
  }
}

/** The text edits a code action makes to one document, from `changes` or `documentChanges`. */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): TextEdit[] {
  if (!edit) {
    return [];
  }
  const fromChanges = edit.changes?.[uri] ?? [];
  const fromDocumentChanges = (edit.documentChanges ?? []).flatMap((change) =>
    'textDocument' in change && change.textDocument.uri === uri
      ? change.edits.filter((e): e is TextEdit => 'range' in e)
      : [],
  );
  return [...fromChanges, ...fromDocumentChanges];
}

let uriCount = 0;

/** A fresh file uri per call, so documents of different tests never share state in a server. */
export function newUri(name = 'doc'): string {
  uriCount += 1;
  return `file:///protocol-test/${name}-${uriCount}.claim`;
}
