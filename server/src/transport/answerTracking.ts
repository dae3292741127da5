/**
 * A message writer that tells `waitingRequests` each answer it writes, so
 * background work knows when the requests it gave way to are answered.
 */
import type { Event, Message, MessageWriter } from 'vscode-languageserver';
import { waitingRequests } from '../runtime/waitingRequests';

function answeredId(message: Message): string | number | null | undefined {
  const candidate = message as { id?: string | number | null; method?: unknown };
  return candidate.method === undefined ? candidate.id : undefined;
}

export class AnswerTrackingWriter implements MessageWriter {
  constructor(private readonly inner: MessageWriter) {}

  get onError(): Event<[Error, Message | undefined, number | undefined]> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  async write(message: Message): Promise<void> {
    try {
      await this.inner.write(message);
    } finally {
      const id = answeredId(message);
      if (id !== undefined) {
        waitingRequests.answered(id);
      }
    }
  }

  end(): void {
    this.inner.end();
  }

  dispose(): void {
    this.inner.dispose();
  }
}
