/**
 * Splitting one `.claim` line into its content and white-space separated
 * tokens, keeping each token's column so every field gets an exact range.
 */
import type { Range } from 'vscode-languageserver-types';

export interface LineToken {
  text: string;
  /** Column of the token's first character. */
  start: number;
}

/**
 * The length of the line's content before its comment: a `#` at the start
 * of the line or after white space starts a comment (claim-format.md).
 */
export function contentLength(line: string): number {
  for (let i = line.indexOf('#'); i !== -1; i = line.indexOf('#', i + 1)) {
    if (i === 0 || /\s/.test(line[i - 1] ?? '')) {
      return i;
    }
  }
  return line.length;
}

/**
 * The characters `\s` matches (ECMAScript's white space and line terminators), by code. Tokens are runs of
 * anything else, exactly as `/\S+/g` finds them (a property test compares the two); read by character codes
 * because a pattern's match array for every token of every line was a tenth of reading a `.claim` file.
 */
export function isSpaceCode(code: number): boolean {
  if (code <= 32) {
    return code === 32 || (code >= 9 && code <= 13);
  }
  if (code < 0xa0) {
    return false;
  }
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The white-space separated tokens of `content`, with their columns (`offset` is the content's first column). */
export function tokenize(content: string, offset = 0): LineToken[] {
  const tokens: LineToken[] = [];
  const length = content.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpaceCode(content.charCodeAt(i))) {
      i++;
    }
    if (i === length) {
      break;
    }
    const start = i;
    while (i < length && !isSpaceCode(content.charCodeAt(i))) {
      i++;
    }
    tokens.push({ text: content.slice(start, i), start: offset + start });
  }
  return tokens;
}

export function rangeOnLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
