/**
 * What a `.claim` line is, for the formatter: its kind and the pieces of text
 * it holds (tokens, a header value, a comment), each kept as written. The
 * formatter only ever changes the spaces and tabs between pieces, so no
 * token's text changes. A line the parser reports as unreadable is one
 * opaque piece, left exactly as it is.
 */
import type { Claim, ParseProblem } from '../../model/model';
import { isClaimLine } from '../../claimText/claimTextParser';
import { headerKeys, readHeaderValue } from '../../claimText/headerParser';
import { contentLength, type LineToken, tokenize } from '../../claimText/lineTokens';
import { parseServiceLine } from '../../claimText/serviceLineParser';

/** A piece of a line, [start, end) in columns; its text never changes. */
export interface Piece {
  start: number;
  end: number;
}

export type ServiceColumn = 'code' | 'units' | 'charge' | 'fields';
export const serviceColumns: readonly ServiceColumn[] = ['code', 'units', 'charge', 'fields'];

export type ClaimLine =
  | { kind: 'blank' }
  | { kind: 'comment'; comment: Piece }
  | { kind: 'unreadable'; content: Piece }
  /** `claim ID`, or a header: `pieces` are the claim keyword and id, or the key (and colon) tokens; `value` a header's value as written. */
  | { kind: 'claim' | 'header'; pieces: Piece[]; value?: Piece; valueJoined?: boolean; comment?: Piece }
  /** A service line in column order: each column's tokens. */
  | { kind: 'service'; cells: Partial<Record<ServiceColumn, Piece[]>>; comment?: Piece }
  /** A service line whose fields are not in column order (`19283 x1 RT`): its tokens, spaced but not aligned. */
  | { kind: 'unordered'; pieces: Piece[]; comment?: Piece };

const headerPattern = /^([A-Za-z][A-Za-z0-9_-]*)\s*:/;
const knownHeaderKeys = new Set(headerKeys.map((header) => header.key));
/** Problems about a line that was read as what it is: it is formatted. Any other problem leaves the line as written. */
const readableLineProblems = new Set(['lowercase-code', 'unknown-header-key', 'duplicate-header']);

const piece = (token: LineToken): Piece => ({ start: token.start, end: token.start + token.text.length });

function readable(problems: readonly ParseProblem[]): boolean {
  return problems.every((problem) => readableLineProblems.has(problem.ruleId));
}

/** The end of the line's text without trailing white space (as the tokenizer sees white space). */
function trimmedEnd(text: string): number {
  return text.trimEnd().length;
}

export function isClaimKeywordLine(text: string): boolean {
  const content = text.slice(0, contentLength(text));
  return isClaimLine(content);
}

export function readClaimLine(text: string): ClaimLine {
  const commentStart = contentLength(text);
  const content = text.slice(0, commentStart);
  const comment = commentStart < text.length ? { start: commentStart, end: trimmedEnd(text) } : undefined;
  const tokens = tokenize(content);
  const first = tokens[0];
  if (!first) {
    return comment ? { kind: 'comment', comment } : { kind: 'blank' };
  }
  const withComment = <T extends object>(line: T): T & { comment?: Piece } => (comment ? { ...line, comment } : line);
  const trimmed = content.slice(first.start);
  const unreadable: ClaimLine = { kind: 'unreadable', content: { start: first.start, end: trimmedEnd(text) } };
  if (isClaimLine(trimmed)) {
    return tokens.length === 2 ? withComment({ kind: 'claim', pieces: tokens.map(piece) }) : unreadable;
  }
  const header = headerPattern.exec(trimmed);
  if (header) {
    return readHeaderLine(content, first.start, header, comment) ?? unreadable;
  }
  return readServiceLine(tokens, comment) ?? unreadable;
}

function readHeaderLine(
  content: string,
  keyStart: number,
  header: RegExpExecArray,
  comment: Piece | undefined,
): ClaimLine | undefined {
  const afterColon = keyStart + header[0].length;
  const rawValue = content.slice(afterColon);
  const valueStart = afterColon + (rawValue.length - rawValue.trimStart().length);
  const valueText = rawValue.trim();
  const key = (header[1] ?? '').toLowerCase();
  if (knownHeaderKeys.has(key)) {
    const problems: ParseProblem[] = [];
    const scratch: Claim = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      headers: [],
      diagnoses: [],
      lines: [],
    };
    const range = {
      start: { line: 0, character: valueStart },
      end: { line: 0, character: valueStart + valueText.length },
    };
    readHeaderValue(scratch, key, { value: valueText, range }, problems);
    if (!readable(problems)) {
      return undefined;
    }
  }
  const line: ClaimLine = { kind: 'header', pieces: tokenize(content.slice(0, afterColon)).map(piece) };
  if (valueText !== '') {
    line.value = { start: valueStart, end: valueStart + valueText.length };
    line.valueJoined = valueStart === afterColon;
  }
  if (comment) {
    line.comment = comment;
  }
  return line;
}

/** The column of each token after the code, read as the parser reads it; units written `x 2` are two tokens of one column. */
function columnsOf(tokens: readonly LineToken[]): Array<{ column: ServiceColumn; pieces: Piece[] }> {
  const read: Array<{ column: ServiceColumn; pieces: Piece[] }> = [];
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i] as LineToken;
    const next = tokens[i + 1];
    const text = token.text;
    if ((text === 'x' || text === '×') && next && /^\d/.test(next.text)) {
      read.push({ column: 'units', pieces: [piece(token), piece(next)] });
      i++;
    } else if (/^[x×]/.test(text) && (text.length === 1 || /^[x×]\d/.test(text))) {
      read.push({ column: 'units', pieces: [piece(token)] });
    } else if (text.startsWith('$')) {
      read.push({ column: 'charge', pieces: [piece(token)] });
    } else if (/^[A-Za-z]+=/.test(text)) {
      read.push({ column: 'fields', pieces: [piece(token)] });
    } else {
      // A modifier written as its own token (`19283 RT`): part of the code column.
      read.push({ column: 'code', pieces: [piece(token)] });
    }
  }
  return read;
}

function readServiceLine(tokens: readonly LineToken[], comment: Piece | undefined): ClaimLine | undefined {
  const problems: ParseProblem[] = [];
  parseServiceLine(0, tokens, problems);
  if (!readable(problems)) {
    return undefined;
  }
  const cells: Partial<Record<ServiceColumn, Piece[]>> = { code: [piece(tokens[0] as LineToken)] };
  let lastColumn = 0;
  for (const { column, pieces } of columnsOf(tokens)) {
    const index = serviceColumns.indexOf(column);
    if (index < lastColumn) {
      return { kind: 'unordered', pieces: tokens.map(piece), ...(comment ? { comment } : {}) };
    }
    lastColumn = index;
    (cells[column] ??= []).push(...pieces);
  }
  return { kind: 'service', cells, ...(comment ? { comment } : {}) };
}
