/**
 * Entry point of the standalone server, `claim-language-server --stdio`: any
 * LSP client can start it. Nothing here writes to stdout once the server runs,
 * because stdout carries the protocol.
 */
import type { ProposedFeatures } from 'vscode-languageserver/node';
import { serveDataFolderWorkerIfAsked } from './dataFiles/dataFolderWorker';
import { describeError } from './runtime/safeHandler';
import { serverName, serverVersion, startServer } from './server';
import { createIpcConnection } from './transport/ipcConnection';
import { createSocketConnection, socketTargetOf } from './transport/socketConnection';
import { createStdioConnection } from './transport/stdioConnection';

const usage = `${serverName}

Usage: claim-language-server --stdio
       claim-language-server --node-ipc | --socket=PORT | --pipe=NAME

Speaks the Language Server Protocol for .claim files: hover, completion,
diagnostics and quick fixes. Settings are read from the client under 'cptClaims'.
`;

/**
 * True when the arguments name a transport the server can open. They are read
 * as vscode-languageserver reads them: the first of `--stdio`, `--node-ipc`,
 * `--socket[=]PORT` or `--pipe[=]NAME` decides, and a socket needs a port
 * number, a pipe a name. `--clientProcessId` is no transport.
 */
function hasTransport(args: readonly string[]): boolean {
  const transport = transportOf(args);
  return transport === '--stdio' || transport === '--node-ipc' || socketTargetOf(args) !== undefined;
}

/** The transport argument that decides: the first one, as vscode-languageserver reads them. */
function transportOf(args: readonly string[]): string | undefined {
  return args
    .find((arg) => ['--stdio', '--node-ipc', '--socket', '--pipe'].includes(arg.split('=')[0] ?? ''))
    ?.split('=')[0];
}

/**
 * The connection, with our own reader and logger on every transport: stdio, a socket or pipe (streams, read
 * alike) and Node IPC (whole messages).
 */
function openConnection(args: readonly string[]): ProposedFeatures.Connection {
  const transport = transportOf(args);
  if (transport === '--stdio') {
    return createStdioConnection(exitOnUnreadableInput);
  }
  const target = socketTargetOf(args);
  if (target) {
    return createSocketConnection(target, exitOnUnreadableInput);
  }
  return createIpcConnection();
}

/**
 * Writes the text, then ends the process: with `--clientProcessId`,
 * vscode-languageserver starts a parent-process watchdog timer when it loads,
 * which would otherwise keep a process that serves nothing alive.
 */
function finish(stream: NodeJS.WriteStream, text: string, code: number): void {
  process.exitCode = code;
  stream.write(text, () => process.exit(code));
}

/**
 * After an uncaught exception the server's state is unknown, so it ends with
 * a non-zero code and the client starts a fresh one. Node would print the
 * error's message, which may quote claim text: only its type and where it was
 * thrown are written. A pipe is written asynchronously, so the process ends
 * once the line is out, or after a bounded wait if the reader has gone.
 */
function exitOnUncaughtException(error: unknown): void {
  exitWithLine(`uncaught exception, exiting: ${describeError(error)}`);
}

/**
 * Ends the process with code 1 once the line is on stderr, or after a bounded
 * wait if the reader has gone.
 */
function exitWithLine(line: string): void {
  process.exitCode = 1;
  setTimeout(() => process.exit(1), 1000).unref();
  process.stderr.write(`claim-language-server: ${line}\n`, () => process.exit(1));
}

/**
 * The input stream (stdin, or the socket of `--socket` and `--pipe`) lost its
 * framing (a header with no usable Content-Length, or bytes where a header
 * should be), or the socket failed: no later message can be read, so the
 * server ends with code 1 and the client starts a fresh one. The reason names
 * what was wrong, never the bytes read.
 */
function exitOnUnreadableInput(reason: string): void {
  exitWithLine(`unreadable input, exiting: ${reason}`);
}

function refuse(reason: string): void {
  finish(process.stderr, `claim-language-server: ${reason}\n\n${usage}`, 2);
}

const args = process.argv.slice(2);
if (serveDataFolderWorkerIfAsked()) {
  // This thread is the server's data folder worker: it has filled the cache and ends.
} else if (args.includes('--help') || args.includes('-h')) {
  finish(process.stdout, usage, 0);
} else if (args.includes('--version')) {
  finish(process.stdout, `${serverVersion}\n`, 0);
} else if (!hasTransport(args)) {
  refuse('say how to talk to the client, e.g. --stdio (a --socket needs a port, a --pipe a name).');
} else {
  process.on('uncaughtException', exitOnUncaughtException);
  let connection;
  try {
    connection = openConnection(args);
  } catch (error) {
    refuse(`cannot open the connection: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (connection) {
    const console = connection.console;
    // A stray rejection must not end the server a coder is typing into; it is logged without its text.
    process.on('unhandledRejection', (reason) => console.error(`Unhandled rejection: ${describeError(reason)}`));
    // This very script (the bundle, dist/server.js) is the worker that imports a data folder.
    startServer(connection, { workerScript: __filename });
  }
}
