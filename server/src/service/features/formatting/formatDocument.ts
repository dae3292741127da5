/**
 * Document and range formatting for both formats. A `.claim` range is
 * formatted with the column widths of the whole claims it touches (read from
 * the claim line above it to the next one), so formatting a selection agrees
 * with formatting the file; an X12 range formats the segments it touches.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { ClaimDocumentModel } from '../../model/model';
import { isClaimKeywordLine } from './claimLines';
import { formatClaimText } from './claimFormatting';
import type { X12Layout } from '../../settings';
import { formatX12Text } from './x12Formatting';

export interface FormatRequest {
  options: FormattingOptions;
  /** Range formatting; absent for the whole document. */
  range?: Range;
  /** The layout of an X12 file (default `keep`). */
  x12Layout?: X12Layout;
}

function lineText(document: TextDocument, line: number): string {
  return document
    .getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } })
    .replace(/\r?\n$|\r$/, '');
}

function formatClaimRange(document: TextDocument, range: Range, options: FormattingOptions): TextEdit[] {
  const lastLine = document.lineCount - 1;
  const first = Math.max(0, Math.min(range.start.line, lastLine));
  // A selection of whole lines ends at the start of the next line, which is not part of it.
  const endLine = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
  const last = Math.max(first, Math.min(endLine, lastLine));
  let sliceStart = first;
  while (sliceStart > 0 && !isClaimKeywordLine(lineText(document, sliceStart))) {
    sliceStart--;
  }
  let sliceEnd = last + 1;
  while (sliceEnd <= lastLine && !isClaimKeywordLine(lineText(document, sliceEnd))) {
    sliceEnd++;
  }
  const text = document.getText({ start: { line: sliceStart, character: 0 }, end: { line: sliceEnd, character: 0 } });
  return formatClaimText(
    { text, firstLine: sliceStart, lines: { first, last }, positionAt: (offset) => document.positionAt(offset) },
    options,
  );
}

export function formatDocument(
  document: TextDocument,
  isX12: boolean,
  model: () => ClaimDocumentModel,
  request: FormatRequest,
): TextEdit[] {
  const { options, range } = request;
  if (isX12) {
    const offsets = range && { start: document.offsetAt(range.start), end: document.offsetAt(range.end) };
    const input = {
      text: document.getText(),
      x12: model().x12,
      positionAt: (offset: number) => document.positionAt(offset),
    };
    return formatX12Text(offsets ? { ...input, range: offsets } : input, request.x12Layout ?? 'keep', options);
  }
  if (range) {
    return formatClaimRange(document, range, options);
  }
  return formatClaimText(
    { text: document.getText(), firstLine: 0, positionAt: (offset) => document.positionAt(offset) },
    options,
  );
}
