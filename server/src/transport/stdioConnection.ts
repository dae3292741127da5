/**
 * The connection of `claim-language-server --stdio` (and, through
 * `createStreamConnection`, of `--socket` and `--pipe`), built from its parts
 * rather than by vscode-languageserver's `createConnection()`, so that the
 * server owns what reads stdin (`GuardedStreamReader`: strict framing, no
 * message body in the log, the LSP lifecycle) and the logger vscode-jsonrpc
 * complains to (`ContentFreeLogger`). What `createConnection()` did besides
 * is done here too: exit when stdin ends (0 after `shutdown`, else 1), watch
 * the client's process, and keep `console` off stdout, which carries the
 * protocol.
 */
import { Console } from 'node:console';
import { createConnection, createProtocolConnection, ProposedFeatures } from 'vscode-languageserver';
import { StreamMessageWriter } from 'vscode-languageserver/node';
import { AnswerTrackingWriter } from './answerTracking';
import { ContentFreeLogger } from './contentFreeLogger';
import { GuardedStreamReader } from './guardedReader';
import { LifecycleGate } from './lifecycleGate';
import { watchDog } from './watchDog';

/**
 * @param unreadable called once when stdin loses its framing; it is expected
 * to end the process (non-zero) so the client starts a new server.
 */
export function createStdioConnection(unreadable: (reason: string) => void): ProposedFeatures.Connection {
  // A stray console.log would corrupt the protocol on stdout; vscode-languageserver sent it to the client's log.
  globalThis.console = new Console({ stdout: process.stderr, stderr: process.stderr });
  return createStreamConnection(process.stdin, process.stdout, unreadable);
}

/**
 * A connection over a byte stream in each direction: stdin and stdout, or
 * the socket of `--socket` and `--pipe`. The input's end (the client closed
 * it) ends the process, 0 after `shutdown`, else 1.
 */
export function createStreamConnection(
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  unreadable: (reason: string) => void,
): ProposedFeatures.Connection {
  const gate = new LifecycleGate();
  const dog = watchDog();
  // The client closed the stream: it is gone, so is the server.
  const endOfInput = (): never => process.exit(dog.shutdownReceived ? 0 : 1);
  input.on('end', endOfInput);
  input.on('close', endOfInput);
  return createConnection(
    (remoteConsole) => {
      const writer = new AnswerTrackingWriter(new StreamMessageWriter(output));
      const reader = new GuardedStreamReader(input, {
        writer,
        gate,
        refused: (line) => remoteConsole.warn(line),
        unrecoverable: unreadable,
      });
      return createProtocolConnection(reader, writer, new ContentFreeLogger(remoteConsole));
    },
    dog,
    ProposedFeatures.all,
  );
}
