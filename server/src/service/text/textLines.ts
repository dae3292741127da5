/**
 * Walking a text line by line as the `.claim` parser cuts it (CRLF, CR or LF),
 * never holding an array of every line: a large file would hold all its lines
 * at once. Formatting and folding read lines through it; the parser, the
 * hottest reader, walks the same way inline.
 */

/** Calls `visit` with each line's text (without its line end) and its number, counted from `firstLine`. */
export function forEachLine(text: string, visit: (line: string, lineNumber: number) => void, firstLine = 0): void {
  const lineBreak = /\r\n|\r|\n/g;
  let lineNumber = firstLine;
  let lineStart = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    visit(text.slice(lineStart, match.index), lineNumber++);
    lineStart = match.index + match[0].length;
  }
  visit(text.slice(lineStart), lineNumber);
}
