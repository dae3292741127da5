/**
 * Formatting a text through the language service and the checks every
 * formatting result must pass: edits inside the document, in order and not
 * overlapping, each replacing only spaces, tabs and line ends with the same;
 * and diagnostics moved through the edits.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { defaultSettings, type FormatRequest, getLanguageService, type X12Layout } from '../../../server/src/service';

const service = getLanguageService();
export const houseOptions: FormattingOptions = { tabSize: 2, insertSpaces: true };
export type Language = 'claim' | 'x12';

let documentCount = 0;

export function documentOf(text: string, language: Language): TextDocument {
  documentCount += 1;
  return TextDocument.create(
    `file:///format/doc${documentCount}.${language === 'x12' ? '837' : 'claim'}`,
    language,
    1,
    text,
  );
}

export interface Formatted {
  document: TextDocument;
  edits: TextEdit[];
  text: string;
}

export function formatted(text: string, language: Language, request: Partial<FormatRequest> = {}): Formatted {
  const document = documentOf(text, language);
  const edits = service.format(document, () => service.parse(document), { options: houseOptions, ...request });
  return { document, edits, text: TextDocument.applyEdits(document, edits) };
}

export function formatText(text: string, language: Language, request: Partial<FormatRequest> = {}): string {
  return formatted(text, language, request).text;
}

export function withLayout(text: string, layout: X12Layout): string {
  return formatText(text, 'x12', { x12Layout: layout });
}

/** The text without the characters formatting may change. */
export function layoutFree(text: string): string {
  return text.replace(/[ \t\r\n]/g, '');
}

function isInside(document: TextDocument, position: Range['start']): boolean {
  if (position.line < 0 || position.character < 0 || position.line >= document.lineCount) {
    return false;
  }
  const back = document.positionAt(document.offsetAt(position));
  return back.line === position.line && back.character === position.character;
}

/** Edits inside the document, sorted and not overlapping, each replacing layout white space with layout white space. */
export function assertWellFormedEdits(document: TextDocument, edits: readonly TextEdit[]): void {
  let previousEnd = -1;
  for (const edit of edits) {
    assert.ok(
      isInside(document, edit.range.start) && isInside(document, edit.range.end),
      `edit ${JSON.stringify(edit.range)} is outside the document`,
    );
    const start = document.offsetAt(edit.range.start);
    const end = document.offsetAt(edit.range.end);
    assert.ok(start <= end, `edit ${JSON.stringify(edit.range)} ends before it starts`);
    assert.ok(start >= previousEnd, `edit ${JSON.stringify(edit.range)} overlaps the one before or is out of order`);
    previousEnd = end;
    const replaced = document.getText(edit.range);
    assert.match(
      replaced,
      /^[ \t\r\n]*$/,
      `edit ${JSON.stringify(edit.range)} replaces content ${JSON.stringify(replaced)}`,
    );
    assert.match(
      edit.newText,
      /^[ \t\r\n]*$/,
      `edit ${JSON.stringify(edit.range)} inserts content ${JSON.stringify(edit.newText)}`,
    );
    assert.notEqual(replaced, edit.newText, `edit ${JSON.stringify(edit.range)} changes nothing`);
  }
}

/**
 * Where an offset of the old text is after the edits (sorted, not overlapping). White space inserted
 * where a range starts goes before it (indentation before a code), where a range ends after it.
 */
export function mapOffset(
  document: TextDocument,
  edits: readonly TextEdit[],
  offset: number,
  side: 'start' | 'end',
): number {
  let shift = 0;
  for (const edit of edits) {
    const start = document.offsetAt(edit.range.start);
    const end = document.offsetAt(edit.range.end);
    if (end < offset || (end === offset && (start < end || side === 'start'))) {
      shift += edit.newText.length - (end - start);
    } else if (start < offset) {
      // Inside replaced white space: its end moves with the edit.
      return start + shift + Math.min(offset - start, edit.newText.length);
    } else {
      break;
    }
  }
  return offset + shift;
}

export function diagnosticsOf(document: TextDocument): Diagnostic[] {
  return service.doValidation(document, service.parse(document), { ...defaultSettings, maxNumberOfProblems: 1e6 });
}

/** The diagnostics of the formatted text are those of the original, with ranges moved through the edits. */
export function assertDiagnosticsKept(result: Formatted, what: string): void {
  const { document, edits } = result;
  const after = documentOf(result.text, document.languageId as Language);
  const moved = diagnosticsOf(document).map((diagnostic) => ({
    code: diagnostic.code,
    message: diagnostic.message,
    severity: diagnostic.severity,
    start: mapOffset(document, edits, document.offsetAt(diagnostic.range.start), 'start'),
    end: mapOffset(document, edits, document.offsetAt(diagnostic.range.end), 'end'),
  }));
  const found = diagnosticsOf(after).map((diagnostic) => ({
    code: diagnostic.code,
    message: diagnostic.message,
    severity: diagnostic.severity,
    start: after.offsetAt(diagnostic.range.start),
    end: after.offsetAt(diagnostic.range.end),
  }));
  assert.deepEqual(found, moved, `${what}: diagnostics changed by formatting`);
}
