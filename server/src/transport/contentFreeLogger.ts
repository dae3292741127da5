/**
 * The logger vscode-jsonrpc writes its own complaints to. Some of them carry
 * what the client sent: the whole of a message it could not dispatch, an
 * error response's data, a handler's error message. Only the library's own
 * words before the first colon or line break are kept, which name what went
 * wrong (and at most a method this server registered), never what was sent.
 */
import type { Logger } from 'vscode-languageserver';

/** The library's words, without anything it appended after a colon or a line break. */
export function libraryWords(message: string): string {
  const words = (message.split(/[:\n]/, 1)[0] ?? '').trim();
  return `JSON-RPC: ${words === '' ? 'a problem it did not name' : words}`;
}

export class ContentFreeLogger implements Logger {
  constructor(private readonly inner: Logger) {}

  error(message: string): void {
    this.inner.error(libraryWords(message));
  }

  warn(message: string): void {
    this.inner.warn(libraryWords(message));
  }

  info(message: string): void {
    this.inner.info(libraryWords(message));
  }

  log(message: string): void {
    this.inner.log(libraryWords(message));
  }
}
