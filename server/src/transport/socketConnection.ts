/**
 * The connections of `claim-language-server --socket=PORT` and `--pipe=NAME`:
 * as vscode-languageserver does, the server connects to the client, which
 * listens (a port on 127.0.0.1, or a named pipe or Unix socket path). A
 * socket is a stream like stdin and stdout, so it is read the same way
 * (`createStreamConnection`): strict framing, refusals by kind, the content-free
 * logger and the lifecycle. A socket that cannot be reached or fails ends the
 * process with its error code (ECONNREFUSED, ...), never more.
 */
import { createConnection as connectSocket, type Socket } from 'node:net';
import type { ProposedFeatures } from 'vscode-languageserver';
import { createStreamConnection } from './stdioConnection';

export type SocketTarget = { port: number } | { pipe: string };

/**
 * Where `--socket` or `--pipe` points, read as vscode-languageserver reads the
 * arguments: the first transport argument decides, its value after `=` or as
 * the next argument; a port must be a positive number, a pipe a non-empty name.
 */
export function socketTargetOf(args: readonly string[]): SocketTarget | undefined {
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--stdio' || arg === '--node-ipc') {
      return undefined;
    }
    const [key, inline] = arg.split('=');
    if (key === '--socket' || key === '--pipe') {
      const value = arg.includes('=') ? inline : args[i + 1];
      if (key === '--pipe') {
        return value ? { pipe: value } : undefined;
      }
      const port = Number.parseInt(value ?? '', 10);
      return port > 0 ? { port } : undefined;
    }
  }
  return undefined;
}

/**
 * @param unusable called once when the socket cannot be used (not reached, reset, or its framing lost); it is
 * expected to end the process (non-zero) so the client starts a new server.
 */
export function createSocketConnection(
  target: SocketTarget,
  unusable: (reason: string) => void,
): ProposedFeatures.Connection {
  const socket: Socket = 'port' in target ? connectSocket(target.port, '127.0.0.1') : connectSocket(target.pipe);
  socket.on('error', (error: NodeJS.ErrnoException) => {
    unusable(`the client's socket failed (${error.code ?? error.name})`);
  });
  return createStreamConnection(socket, socket, unusable);
}
