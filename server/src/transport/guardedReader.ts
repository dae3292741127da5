/**
 * The server's message readers: for a stream (stdio), strict framing
 * (`frameParser.ts`); for Node IPC, the messages vscode-jsonrpc's IPC reader
 * receives. Either way each message is sorted (`messageKinds.ts`) and held
 * to the LSP lifecycle (`lifecycleGate.ts`) before vscode-jsonrpc sees it;
 * each request passed on is counted as waiting (`waitingRequests.ts`).
 * What is refused is named by kind and size in the log, never quoted: a
 * message is claim text as often as not.
 */
import {
  AbstractMessageReader,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type ResponseMessage,
} from 'vscode-languageserver';
import { waitingRequests } from '../runtime/waitingRequests';
import { FrameParser } from './frameParser';
import type { LifecycleGate } from './lifecycleGate';
import { kindOf, type MessageKind } from './messageKinds';

export interface GuardOptions {
  /** The connection's writer: requests the lifecycle refuses are answered through it. */
  writer: MessageWriter;
  gate: LifecycleGate;
  /** Says that a message was refused, in words of our own. */
  refused(line: string): void;
}

export interface GuardedReaderOptions extends GuardOptions {
  /** The stream lost its framing and can no longer be read. */
  unrecoverable(reason: string): void;
}

/** Passes a sorted message on, answers it with the lifecycle's error, drops it, or logs its refusal. */
function admit(kind: MessageKind, bytes: () => number, options: GuardOptions, callback: DataCallback): void {
  if (kind.kind === 'refused') {
    options.refused(`Refused a JSON-RPC message of ${bytes()} bytes: ${kind.why}.`);
    return;
  }
  const decision = options.gate.decide(kind);
  if (decision === 'pass') {
    if (kind.kind === 'request') {
      waitingRequests.arrived(kind.message.id, kind.message.method);
    }
    callback(kind.message);
  } else if (decision !== 'drop' && kind.kind === 'request') {
    const answer: ResponseMessage = { jsonrpc: '2.0', id: kind.message.id, error: decision };
    options.writer.write(answer).catch(() => undefined);
  }
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
    admit(kind, () => body.length, this.options, callback);
  }
}

/** Wraps a reader of whole messages (Node IPC, where there is no framing to lose). */
export class GuardedMessageReader extends AbstractMessageReader {
  constructor(
    private readonly inner: MessageReader,
    private readonly options: GuardOptions,
  ) {
    super();
    inner.onError((error) => this.fireError(error));
    inner.onClose(() => this.fireClose());
    inner.onPartialMessage((info) => this.firePartialMessage(info));
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message: unknown) =>
      admit(kindOf(message), () => Buffer.byteLength(JSON.stringify(message) ?? ''), this.options, callback),
    );
  }

  override dispose(): void {
    this.inner.dispose();
    super.dispose();
  }
}
