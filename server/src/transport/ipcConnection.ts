/**
 * The connection of `claim-language-server --node-ipc`, the transport the VS
 * Code extension uses. Node IPC carries whole messages, so there is no
 * framing to lose; what is guarded is the same as on stdio: a message
 * vscode-jsonrpc cannot dispatch is refused by kind and size, the LSP
 * lifecycle is kept, and vscode-jsonrpc's own complaints go through
 * `ContentFreeLogger`.
 */
import { createConnection, createProtocolConnection, ProposedFeatures } from 'vscode-languageserver';
import { IPCMessageReader, IPCMessageWriter } from 'vscode-languageserver/node';
import { AnswerTrackingWriter } from './answerTracking';
import { ContentFreeLogger } from './contentFreeLogger';
import { GuardedMessageReader } from './guardedReader';
import { LifecycleGate } from './lifecycleGate';
import { watchDog } from './watchDog';

export function createIpcConnection(): ProposedFeatures.Connection {
  const gate = new LifecycleGate();
  return createConnection(
    (remoteConsole) => {
      const writer = new AnswerTrackingWriter(new IPCMessageWriter(process));
      const reader = new GuardedMessageReader(new IPCMessageReader(process), {
        writer,
        gate,
        refused: (line) => remoteConsole.warn(line),
      });
      return createProtocolConnection(reader, writer, new ContentFreeLogger(remoteConsole));
    },
    watchDog(),
    ProposedFeatures.all,
  );
}
