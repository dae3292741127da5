/**
 * The server's message reader for a stream (stdio): strict framing
 * (`frameParser.ts`), then each body parsed and sorted (`messageKinds.ts`)
 * and held to the lifecycle (`lifecycleGate.ts`) before vscode-jsonrpc sees
 * it. What it refuses is named by kind and size in the log, never quoted: a
 * body is claim text as often as not.
 */
import {
  AbstractMessageReader,
  type DataCallback,
  type Disposable,
  type MessageWriter,
  type ResponseMessage,
} from 'vscode-languageserver';
import { FrameParser } from './frameParser';
import type { LifecycleGate } from './lifecycleGate';
import { kindOf, type MessageKind } from './messageKinds';

export interface GuardedReaderOptions {
  /** The connection's writer: requests the lifecycle refuses are answered through it. */
  writer: MessageWriter;
  gate: LifecycleGate;
  /** Says that a message was refused, in words of our own. */
  refused(line: string): void;
  /** The stream lost its framing and can no longer be read. */
  unrecoverable(reason: string): void;
}

export class GuardedStreamReader extends AbstractMessageReader {
  constructor(
    private readonly readable: NodeJS.ReadableStream,
    private readonly options: GuardedReaderOptions,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const parser = new FrameParser({
      frame: (body) => this.deliver(body, callback),
      unrecoverable: (reason) => {
        this.readable.pause();
        this.options.unrecoverable(reason);
      },
    });
    const onData = (chunk: Buffer | string): void =>
      parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const onError = (error: Error): void => this.fireError(error);
    const onClose = (): void => this.fireClose();
    this.readable.on('data', onData);
    this.readable.on('error', onError);
    this.readable.on('end', onClose);
    return {
      dispose: () => {
        this.readable.off('data', onData);
        this.readable.off('error', onError);
        this.readable.off('end', onClose);
      },
    };
  }

  private deliver(body: Buffer, callback: DataCallback): void {
    let kind: MessageKind;
    try {
      kind = kindOf(JSON.parse(body.toString('utf8')));
    } catch {
      // JSON.parse's message quotes the text around the fault, so it is never passed on.
      kind = { kind: 'refused', why: 'not JSON' };
    }
    if (kind.kind === 'refused') {
      this.options.refused(`Refused a JSON-RPC message of ${body.length} bytes: ${kind.why}.`);
      return;
    }
    const decision = this.options.gate.decide(kind);
    if (decision === 'pass') {
      callback(kind.message);
    } else if (decision !== 'drop' && kind.kind === 'request') {
      const answer: ResponseMessage = { jsonrpc: '2.0', id: kind.message.id, error: decision };
      this.options.writer.write(answer).catch(() => undefined);
    }
  }
}
