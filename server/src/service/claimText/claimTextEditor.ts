/**
 * `ClaimEditor` for the `.claim` format: edits touch only the tokens or the
 * line they are about, and new lines copy the anchor line's indentation.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextEdit } from 'vscode-languageserver-types';
import type { Field, ServiceLine } from '../model/model';
import type { ClaimEditor, NewServiceLine } from '../model/claimEditor';

function formatServiceLine(newLine: NewServiceLine): string {
  const codeWithModifiers = [newLine.code, ...newLine.modifiers].join('-');
  const pointers = newLine.dxPointers && newLine.dxPointers.length > 0 ? `   dx=${newLine.dxPointers.join(',')}` : '';
  const dos = newLine.dos ? `   dos=${newLine.dos}` : '';
  return `${codeWithModifiers}   x${newLine.units}${pointers}${dos}`;
}

/** A comment line that silences rules on the line below it, and so belongs with that line. */
const nextLineSuppression = /^\s*#\s*claim-lint-disable-next-line\s/;

export class ClaimTextEditor implements ClaimEditor {
  private readonly document: TextDocument;
  private lineEnd: string | undefined;

  constructor(document: TextDocument) {
    this.document = document;
  }

  /** The document's line end (its first one: CRLF, LF or CR), looked up on the first inserted line: editors are made per claim checked, and most insert nothing. */
  private get eol(): string {
    this.lineEnd ??= /\r\n|\r|\n/.exec(this.document.getText())?.[0] ?? '\n';
    return this.lineEnd;
  }

  replaceCode(line: ServiceLine, code: string): TextEdit[] {
    return [{ range: line.code.range, newText: code }];
  }

  replaceModifier(_line: ServiceLine, modifier: Field<string>, value: string): TextEdit[] {
    return [{ range: modifier.range, newText: value }];
  }

  addModifier(line: ServiceLine, modifier: string): TextEdit[] {
    const at = line.afterModifiers;
    const last = line.modifiers.at(-1);
    // A modifier written as its own token (`19283 59`) gets a new token; otherwise it joins the code (`19283-59-RT`).
    const separate =
      last !== undefined &&
      last.range.end.line === at.line &&
      last.range.end.character === at.character &&
      this.document.getText({
        start: { line: at.line, character: last.range.start.character - 1 },
        end: last.range.start,
      }) !== '-';
    return [{ range: { start: at, end: at }, newText: `${separate ? ' ' : '-'}${modifier}` }];
  }

  removeModifier(_line: ServiceLine, modifier: Field<string>): TextEdit[] {
    const { start, end } = modifier.range;
    const before = this.document.getText({ start: { line: start.line, character: 0 }, end: start });
    // `19283-50` loses `-50`; a modifier written as its own token loses the white space before it.
    const separator = before.endsWith('-') ? 1 : before.length - before.trimEnd().length;
    return [{ range: { start: { line: start.line, character: start.character - separator }, end }, newText: '' }];
  }

  setUnits(line: ServiceLine, units: number): TextEdit[] {
    if (line.units) {
      return [{ range: line.units.range, newText: `x${units}` }];
    }
    return [{ range: { start: line.afterModifiers, end: line.afterModifiers }, newText: ` x${units}` }];
  }

  insertLine(anchor: ServiceLine, where: 'before' | 'after', newLine: NewServiceLine): TextEdit[] {
    const lineNumber = anchor.code.range.start.line;
    const indent = this.document.getText({ start: { line: lineNumber, character: 0 }, end: anchor.code.range.start });
    const text = `${indent}${formatServiceLine(newLine)}`;
    if (where === 'before') {
      // Above the anchor's disable-next-line comment, which would otherwise silence the new line instead.
      const start = { line: this.firstLineOf(lineNumber), character: 0 };
      return [{ range: { start, end: start }, newText: `${text}${this.eol}` }];
    }
    const end = this.endOfLine(lineNumber);
    return [{ range: { start: end, end }, newText: `${this.eol}${text}` }];
  }

  /** Removes the line with its disable-next-line comment, which would otherwise silence the line that moves up under it. */
  deleteLine(line: ServiceLine): TextEdit[] {
    const lineNumber = line.code.range.start.line;
    const first = this.firstLineOf(lineNumber);
    if (lineNumber + 1 < this.document.lineCount) {
      return [
        { range: { start: { line: first, character: 0 }, end: { line: lineNumber + 1, character: 0 } }, newText: '' },
      ];
    }
    const start = first > 0 ? this.endOfLine(first - 1) : { line: 0, character: 0 };
    return [{ range: { start, end: this.endOfLine(lineNumber) }, newText: '' }];
  }

  /** The line's first line counting a `# claim-lint-disable-next-line` comment just above it. */
  private firstLineOf(lineNumber: number): number {
    if (lineNumber === 0) {
      return lineNumber;
    }
    const above = this.document.getText({
      start: { line: lineNumber - 1, character: 0 },
      end: this.endOfLine(lineNumber - 1),
    });
    return nextLineSuppression.test(above) ? lineNumber - 1 : lineNumber;
  }

  /** The position after the last character of a line, before its line break. */
  private endOfLine(lineNumber: number): Position {
    const start = this.document.offsetAt({ line: lineNumber, character: 0 });
    const next =
      lineNumber + 1 < this.document.lineCount
        ? this.document.offsetAt({ line: lineNumber + 1, character: 0 })
        : this.document.getText().length;
    const lineText = this.document
      .getText()
      .slice(start, next)
      .replace(/\r?\n$|\r$/, '');
    return { line: lineNumber, character: lineText.length };
  }
}
