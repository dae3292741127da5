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

export function tokenize(content: string, offset = 0): LineToken[] {
  const tokens: LineToken[] = [];
  const tokenPattern = /\S+/g;
  for (let match = tokenPattern.exec(content); match; match = tokenPattern.exec(content)) {
    tokens.push({ text: match[0], start: offset + match.index });
  }
  return tokens;
}

export function rangeOnLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}
