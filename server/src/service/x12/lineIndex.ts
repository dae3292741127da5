/**
 * Offsets to positions and back for formats read by offset (X12), where one
 * line may hold a whole interchange. Line starts are found once and kept in a
 * typed array (a 100 MB batch has millions of lines). Lookups are binary
 * searches, except that a lookup on or just after the previous one's line is
 * answered at once: readers walk the text in order.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { keepShapeOf } from '../model/keptShapes';
import { countAtOrBelow } from './sortedInts';

export class LineIndex {
  private lineStarts: Int32Array;
  private lineCount = 1;
  private lastLine = 0;
  readonly length: number;

  /** `lineStarts`, when given, are the text's (see `afterEdit`); without them the text is scanned for them. */
  constructor(
    private readonly text: string,
    lineStarts?: Int32Array,
  ) {
    this.length = text.length;
    if (lineStarts) {
      this.lineStarts = lineStarts;
      this.lineCount = lineStarts.length;
      return;
    }
    this.lineStarts = new Int32Array(Math.max(16, text.length >> 5));
    for (let i = text.indexOf('\n'), r = text.indexOf('\r'); i !== -1 || r !== -1;) {
      // Line ends are \n, \r\n or a lone \r.
      let lineStart: number;
      if (r !== -1 && (i === -1 || r < i)) {
        lineStart = text.charCodeAt(r + 1) === 10 ? r + 2 : r + 1;
      } else {
        lineStart = i + 1;
      }
      this.push(lineStart);
      if (i !== -1 && i < lineStart) {
        i = text.indexOf('\n', lineStart);
      }
      if (r !== -1 && r < lineStart) {
        r = text.indexOf('\r', lineStart);
      }
    }
    this.lineStarts = this.lineStarts.slice(0, this.lineCount);
  }

  /**
   * The index of `text`, a new version of `previous`'s text that differs from it only in
   * [changeStart, previousChangeEnd) of the old text. Whether a line starts at an offset depends on the
   * two characters before and at it (a \r followed by \n starts no line), so the line starts before the
   * change and after it are the previous ones (those after moved by the change of length); only the
   * changed text is scanned. An edit of a large file then costs its lines, not its characters.
   */
  static afterEdit(previous: LineIndex, text: string, changeStart: number, previousChangeEnd: number): LineIndex {
    const shift = text.length - previous.length;
    const changeEnd = previousChangeEnd + shift;
    const old = previous.lineStarts;
    // Kept as they are: the first line's start and the starts at or before changeStart - 1.
    const before = Math.max(1, countAtOrBelow(old, previous.lineCount, changeStart - 1));
    // Kept, moved: the starts after the change's last character, at or after previousChangeEnd + 1.
    const after = countAtOrBelow(old, previous.lineCount, previousChangeEnd);
    const changed: number[] = [];
    for (let offset = Math.max(1, changeStart); offset <= changeEnd; offset++) {
      const end = text.charCodeAt(offset - 1);
      if (end === 10 || (end === 13 && text.charCodeAt(offset) !== 10)) {
        changed.push(offset);
      }
    }
    const lineStarts = new Int32Array(before + changed.length + (previous.lineCount - after));
    lineStarts.set(old.subarray(0, before));
    lineStarts.set(changed, before);
    const moved = before + changed.length;
    lineStarts.set(old.subarray(after, previous.lineCount), moved);
    // Moved only when the edit changed the length (a native copy is all a same-length edit costs).
    for (let line = moved; shift !== 0 && line < lineStarts.length; line++) {
      lineStarts[line] = (lineStarts[line] ?? 0) + shift;
    }
    return new LineIndex(text, lineStarts);
  }

  private push(lineStart: number): void {
    if (this.lineCount === this.lineStarts.length) {
      const grown = new Int32Array(this.lineStarts.length * 2);
      grown.set(this.lineStarts);
      this.lineStarts = grown;
    }
    this.lineStarts[this.lineCount++] = lineStart;
  }

  private startOf(line: number): number {
    return line < this.lineCount ? (this.lineStarts[line] ?? this.length) : Infinity;
  }

  private lineOf(offset: number): number {
    const hint = this.lastLine;
    if (this.startOf(hint) <= offset) {
      if (offset < this.startOf(hint + 1)) {
        return hint;
      }
      if (offset < this.startOf(hint + 2)) {
        return hint + 1;
      }
    }
    // The first line starts at 0, so some line starts at or before any offset.
    return countAtOrBelow(this.lineStarts, this.lineCount, offset) - 1;
  }

  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.length));
    // Between the \r and \n of a line end is no position of the document: it is the end of the line.
    if (clamped > 0 && this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) {
      clamped--;
    }
    const line = this.lineOf(clamped);
    this.lastLine = line;
    return { line, character: clamped - (this.lineStarts[line] ?? 0) };
  }

  offsetAt(position: Position): number {
    const lineStart = this.lineStarts[Math.max(0, Math.min(position.line, this.lineCount - 1))] ?? 0;
    return Math.min(lineStart + Math.max(0, position.character), this.length);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

// One index a read; see keptShapes.ts for why one is kept.
keepShapeOf(new LineIndex(''));
