/**
 * Offsets to positions and back for formats read by offset (X12), where one
 * line may hold a whole interchange. Line starts are found once; each lookup
 * is a binary search.
 */
import type { Position, Range } from 'vscode-languageserver-types';

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const char = text.charCodeAt(i);
      if (char === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        this.lineStarts.push(i + 1);
      } else if (char === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.lineStarts[middle] ?? 0) <= clamped) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return { line: low, character: clamped - (this.lineStarts[low] ?? 0) };
  }

  offsetAt(position: Position): number {
    const lineStart = this.lineStarts[Math.max(0, Math.min(position.line, this.lineStarts.length - 1))] ?? 0;
    return Math.min(lineStart + Math.max(0, position.character), this.length);
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}
