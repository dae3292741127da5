/**
 * The base protocol's framing, read strictly: `Content-Length: N\r\n`, any
 * other `Name: value` lines, a blank line, then N bytes of body.
 *
 * vscode-jsonrpc's own reader takes `parseInt` of whatever the header says
 * and, on a header it cannot read, reports an error and stops reading for
 * good: the server stays alive but deaf, so the client never restarts it.
 * Once a frame boundary is lost there is no telling where the next message
 * starts, so this parser instead reports the stream as unrecoverable, with a
 * reason that never quotes the bytes it read (they may be claim text).
 */

/**
 * The largest body a frame may announce: 1 GiB. A message becomes one
 * JavaScript string before it is parsed, and V8's longest string is
 * 2^29 - 24 UTF-16 units (about 537 million characters), so the largest
 * document the server can hold at all, sent as ASCII in a `didOpen`, is about
 * 537 MB, far above `cptClaims.skipCheckAboveMB` (200 MB by default). 1 GiB
 * leaves room for multi-byte text and JSON escapes; a length above it cannot
 * be a message this server could read, only a broken or hostile header.
 */
export const maxContentLength = 1024 * 1024 * 1024;

/** A header block is a few dozen bytes; one this long is not a header. */
export const maxHeaderBytes = 8 * 1024;

export interface FrameHandlers {
  /** A whole body, as announced by its Content-Length. */
  frame(body: Buffer): void;
  /** The stream cannot be read any further; `reason` names what was wrong, never the bytes. */
  unrecoverable(reason: string): void;
}

/** RFC 9110 token characters, the only ones a header name may have. */
const tokenCharacter = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]$/;
const carriageReturn = 13;
const lineFeed = 10;

/**
 * Bytes in, frames out. Header bytes are checked as they arrive, so a body
 * cut short by a Content-Length that was too small is refused at the first
 * byte of its rest that cannot start a header, not after waiting for a blank
 * line that may never come.
 */
export class FrameParser {
  private state: 'header' | 'body' | 'broken' = 'header';
  /** The header block read so far, as Latin-1 (a header is ASCII). */
  private header = '';
  /** Where the current header line starts in `header`, and whether its name has ended (a colon was seen). */
  private lineStart = 0;
  private nameEnded = false;
  private bodyLength = 0;
  private bodyChunks: Buffer[] = [];
  private bodyBytes = 0;

  constructor(private readonly handlers: FrameHandlers) {}

  push(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length && this.state !== 'broken') {
      offset = this.state === 'header' ? this.readHeader(chunk, offset) : this.readBody(chunk, offset);
    }
  }

  private readHeader(chunk: Buffer, start: number): number {
    for (let offset = start; offset < chunk.length; offset += 1) {
      const byte = chunk[offset] ?? 0;
      const previous = this.header.charCodeAt(this.header.length - 1);
      this.header += String.fromCharCode(byte);
      if (this.header.length > maxHeaderBytes) {
        return this.fail(`a frame header longer than ${maxHeaderBytes} bytes`);
      }
      if (previous === carriageReturn && byte !== lineFeed) {
        return this.fail('a carriage return not followed by a line feed in a frame header');
      }
      if (byte === carriageReturn) {
        continue;
      }
      if (byte === lineFeed) {
        if (previous !== carriageReturn) {
          return this.fail('a line feed without a carriage return in a frame header');
        }
        if (this.header.length - this.lineStart === 2) {
          return this.endHeader(offset + 1);
        }
        if (!this.nameEnded) {
          return this.fail('a frame header line that is not "Name: value"');
        }
        this.lineStart = this.header.length;
        this.nameEnded = false;
      } else if (!this.nameEnded) {
        if (byte === 0x3a && this.header.length - this.lineStart > 1) {
          this.nameEnded = true;
        } else if (!tokenCharacter.test(String.fromCharCode(byte))) {
          return this.fail('bytes where a frame header should start (a Content-Length too small, or not a frame)');
        }
      }
    }
    return chunk.length;
  }

  /** The blank line ended the header block: read its Content-Length. */
  private endHeader(next: number): number {
    const lengths = this.header
      .split('\r\n')
      .filter((line) => line.slice(0, line.indexOf(':')).toLowerCase() === 'content-length')
      .map((line) => line.slice(line.indexOf(':') + 1).trim());
    this.header = '';
    this.lineStart = 0;
    if (lengths.length === 0) {
      return this.fail('a frame header without a Content-Length');
    }
    if (new Set(lengths).size > 1) {
      return this.fail('a frame header with two different Content-Lengths');
    }
    const text = lengths[0] ?? '';
    if (!/^\d+$/.test(text)) {
      return this.fail('a Content-Length that is not a whole number of bytes');
    }
    const length = Number(text);
    if (length > maxContentLength) {
      return this.fail(`a Content-Length over the limit of ${maxContentLength} bytes`);
    }
    this.bodyLength = length;
    this.state = 'body';
    if (length === 0) {
      this.readBody(Buffer.alloc(0), 0);
    }
    return next;
  }

  private readBody(chunk: Buffer, start: number): number {
    const wanted = this.bodyLength - this.bodyBytes;
    const end = Math.min(chunk.length, start + wanted);
    if (end > start) {
      this.bodyChunks.push(chunk.subarray(start, end));
      this.bodyBytes += end - start;
    }
    if (this.bodyBytes === this.bodyLength) {
      const body =
        this.bodyChunks.length === 1 ? (this.bodyChunks[0] ?? Buffer.alloc(0)) : Buffer.concat(this.bodyChunks);
      this.bodyChunks = [];
      this.bodyBytes = 0;
      this.state = 'header';
      this.handlers.frame(body);
    }
    return end;
  }

  private fail(reason: string): number {
    this.state = 'broken';
    this.header = '';
    this.bodyChunks = [];
    this.handlers.unrecoverable(reason);
    return Number.MAX_SAFE_INTEGER;
  }
}
