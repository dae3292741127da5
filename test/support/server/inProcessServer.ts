/**
 * The real server code (`startServer` from server/src/server.ts) run in the
 * test's own process, on a connection over in-memory streams, with a
 * vscode-jsonrpc client on the other end. A child process's heap cannot be
 * inspected, so this is how a test measures what the server keeps in memory
 * and reaches its per-document state (`RunningServer`) to hold weak
 * references to it.
 *
 * Two things of a stdio server must not happen in the test's process: the
 * connection is given message readers, not streams (a stream's 'end' makes
 * vscode-languageserver call process.exit), and `initialize` sends no
 * processId (it would start a parent-process watchdog timer that never stops).
 * `stop()` therefore sends `shutdown` but never `exit`, which exits the process.
 */
import { PassThrough } from 'node:stream';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import {
  type ClientCapabilities,
  type ConfigurationParams,
  InitializedNotification,
  InitializeRequest,
  type LogMessageParams,
  MessageType,
  type PublishDiagnosticsParams,
  ShutdownRequest,
} from 'vscode-languageserver-protocol';
import { type RunningServer, startServer } from '../../../server/src/server';

/** Answers a `workspace/configuration` request: one value per item, or a promise of them (to hold the answer back). */
export type ConfigurationAnswer = (params: ConfigurationParams) => unknown[] | Promise<unknown[]>;

export interface InProcessServer {
  client: MessageConnection;
  server: RunningServer;
  /** Every publishDiagnostics, in arrival order. */
  readonly publishes: PublishDiagnosticsParams[];
  /** Every window/logMessage of type Error: a handler that failed. Holds no claim text (see safeHandler.ts). */
  readonly errorsLogged: string[];
  /** Called on each publishDiagnostics as it arrives. */
  onPublish: (params: PublishDiagnosticsParams) => void;
  answerConfiguration: ConfigurationAnswer;
  stop(): Promise<void>;
}

export async function startInProcessServer(
  capabilities: ClientCapabilities,
  answerConfiguration: ConfigurationAnswer,
): Promise<InProcessServer> {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const serverConnection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(toServer),
    new StreamMessageWriter(toClient),
  );
  const server = startServer(serverConnection);
  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const running: InProcessServer = {
    client,
    server,
    publishes: [],
    errorsLogged: [],
    onPublish: () => undefined,
    answerConfiguration,
    async stop() {
      await client.sendRequest(ShutdownRequest.type);
      client.dispose();
      serverConnection.dispose();
      toServer.destroy();
      toClient.destroy();
    },
  };
  client.onRequest('workspace/configuration', (params: ConfigurationParams) => running.answerConfiguration(params));
  // workspace/diagnostic/refresh and anything else the server asks: an editor would pull again; the soak pulls on its own schedule.
  client.onRequest(() => null);
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    running.publishes.push(params);
    running.onPublish(params);
  });
  client.onNotification('window/logMessage', (params: LogMessageParams) => {
    if (params.type === MessageType.Error) {
      running.errorsLogged.push(params.message);
    }
  });
  client.listen();
  await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities,
    workspaceFolders: null,
  });
  await client.sendNotification(InitializedNotification.type, {});
  return running;
}
