/**
 * Line and column of offsets in text that arrives in pieces, counted the way
 * the language service counts them (`\r\n`, `\r` and `\n` each end a line,
 * columns in UTF-16 code units), so positions found in a piece can be given
 * as positions in the whole file.
 */
import type { Position } from 'vscode-languageserver-types';

const lineBreak = /[\r\n]/g;

/**
 * A position that only moves forward through a sequence of texts (each
 * continuing the one before). Each line break is found once, so following a
 * 1 GB file costs one pass, even when it is a single line.
 */
export class PositionCursor {
  line = 0;
  character = 0;
  private text = '';
  private index = 0;
  private nextBreak = -1;
  /** The last character moved over was `\r`: a `\n` right after it is part of the same line end. */
  private afterCarriageReturn = false;

  /** Continues in `text`, whose first character comes right after the last one moved over. */
  beginText(text: string): void {
    this.text = text;
    this.index = 0;
    this.nextBreak = -1;
  }

  /** Moves to `target`, an index in the current text at or after the current one. */
  moveTo(target: number): void {
    while (this.index < target) {
      if (this.afterCarriageReturn) {
        this.afterCarriageReturn = false;
        if (this.text.charCodeAt(this.index) === 10) {
          this.index++;
          continue;
        }
      }
      if (this.nextBreak < this.index) {
        lineBreak.lastIndex = this.index;
        this.nextBreak = lineBreak.exec(this.text)?.index ?? this.text.length;
      }
      if (this.nextBreak >= target) {
        this.character += target - this.index;
        this.index = target;
        return;
      }
      this.line++;
      this.character = 0;
      this.afterCarriageReturn = this.text.charCodeAt(this.nextBreak) === 13;
      this.index = this.nextBreak + 1;
    }
  }

  get position(): Position {
    return { line: this.line, character: this.character };
  }

  positionAt(target: number): Position {
    this.moveTo(target);
    return this.position;
  }
}

/** The position just after `text` when it starts at `start`. */
export function endPosition(text: string, start: Position = { line: 0, character: 0 }): Position {
  const cursor = new PositionCursor();
  cursor.line = start.line;
  cursor.character = start.character;
  cursor.beginText(text);
  cursor.moveTo(text.length);
  return cursor.position;
}
