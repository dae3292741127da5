/**
 * A `.claim` text cut into chunks at `claim` lines, one chunk at a time as its
 * lines are scanned: each chunk after the first holds one claim (with the
 * comment lines right above its `claim` line), the first also what comes
 * before the first claim. Claims are independent, so each chunk can be parsed
 * alone (`parseClaimText(chunkText, startLine)`): the editor's incremental
 * validator and the outline of a large file read a document this way.
 */
import { isClaimLineAt } from './claimTextParser';

const commentLine = /[^\S\r\n]*#/y;

function isCommentLineAt(text: string, offset: number): boolean {
  commentLine.lastIndex = offset;
  return commentLine.test(text);
}

/** Where a chunk is in the text, before it is read. */
export interface ChunkSpan {
  start: number;
  end: number;
  startLine: number;
}

/**
 * Cuts [start, end) of the text into chunks at `claim` lines, one at a time as
 * the lines are scanned; returns the number of line breaks in the range. Comment
 * lines just above a claim line go with it: a disable-next-line comment there
 * silences the claim line.
 */
export function* claimChunks(
  text: string,
  start: number,
  end: number,
  startLine: number,
): Generator<ChunkSpan, number, void> {
  // Its own expression: two runs may scan at once, each with its own position.
  const breaks = /\r\n|\r|\n/g;
  let chunk = { start, startLine };
  /** The comment lines right above the current line, within the current chunk. */
  let comments: Array<{ offset: number; line: number }> = [];
  let line = startLine;
  let lineStart = start;
  let lineBreaks = 0;
  while (lineStart < end) {
    if (lineStart > start && isClaimLineAt(text, lineStart)) {
      const cut = comments[0] ?? { offset: lineStart, line };
      if (cut.offset > chunk.start) {
        yield { start: chunk.start, end: cut.offset, startLine: chunk.startLine };
        chunk = { start: cut.offset, startLine: cut.line };
      }
      comments = [];
    } else if (isCommentLineAt(text, lineStart)) {
      comments.push({ offset: lineStart, line });
    } else {
      comments = [];
    }
    breaks.lastIndex = lineStart;
    const lineEnd = breaks.exec(text);
    if (!lineEnd || lineEnd.index >= end) {
      break;
    }
    lineBreaks++;
    line++;
    lineStart = lineEnd.index + lineEnd[0].length;
  }
  if (chunk.start < end) {
    yield { start: chunk.start, end, startLine: chunk.startLine };
  }
  return lineBreaks;
}
