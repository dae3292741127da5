/**
 * The longest 837 segment or `.claim` line claim-lint reads: twice the
 * stream chunk (8 Mi characters at the default 4M). A stream must hold a
 * segment or line whole to check it, so it needs a bound; a file read whole
 * is held to the same bound, so a file's findings (and exit code) do not
 * change when it grows past --stream-threshold. Defined here once: the
 * whole-file check asks `lineLimitProblem`, the streams `maxLineLength` and
 * the messages below.
 */
import { readSeparators } from './x12Scan';

/** The most characters in one segment (from after the previous terminator to its own) or one line (without its end). */
export function maxLineLength(chunk: number): number {
  return 2 * chunk;
}

export function segmentTooLong(chunk: number): string {
  return `a segment is longer than ${maxLineLength(chunk)} characters`;
}

export function lineTooLong(chunk: number): string {
  return `a line is longer than ${maxLineLength(chunk)} characters`;
}

/**
 * Why a text read whole cannot be checked within the limit (the stream's words), or undefined. Measured as the
 * streams measure: an 837's segments from its ISA on (a `\r` terminator keeps the `\n` after it), a `.claim`
 * file's lines.
 */
export function lineLimitProblem(text: string, isX12: boolean, chunk: number): string | undefined {
  const max = maxLineLength(chunk);
  if (text.length <= max) {
    return undefined;
  }
  if (!isX12) {
    const lineEnd = /\r\n|\r|\n/g;
    let lineStart = 0;
    for (let match = lineEnd.exec(text); match; match = lineEnd.exec(text)) {
      if (match.index - lineStart > max) {
        return lineTooLong(chunk);
      }
      lineStart = match.index + match[0].length;
    }
    return text.length - lineStart > max ? lineTooLong(chunk) : undefined;
  }
  // An ISA that cannot be read is all the service reads, streamed or not: there is nothing to bound.
  const separators = readSeparators(text);
  if (!separators) {
    return undefined;
  }
  const terminator = separators.segment;
  for (let offset = separators.isaStart; offset < text.length;) {
    let end = text.indexOf(terminator, offset);
    if (end === -1) {
      end = text.length;
    }
    if (end - offset > max) {
      return segmentTooLong(chunk);
    }
    offset = end + 1 + (terminator === '\r' && text.charCodeAt(end + 1) === 10 ? 1 : 0);
  }
  return undefined;
}
