/**
 * Edits the size of a keystroke, as an editor sends them: typing a string is
 * one change per character, each at the cursor the previous one left;
 * backspacing deletes the character before the cursor. Also a small seeded
 * random source, so a scripted editing session is the same on every run.
 */
import type { Position, Range } from 'vscode-languageserver-types';

/** One content change of a `didChange`, applied to the text the previous one left. */
export interface TextChange {
  range: Range;
  text: string;
}

/** One change per character of `text`, typed at `at`; a line break moves the cursor to the start of the next line. */
export function typing(at: Position, text: string): TextChange[] {
  let cursor = at;
  return [...text].map((character) => {
    const change = { range: { start: cursor, end: cursor }, text: character };
    cursor =
      character === '\n'
        ? { line: cursor.line + 1, character: 0 }
        : { line: cursor.line, character: cursor.character + character.length };
    return change;
  });
}

/** `count` backspaces from the cursor at `at`, within its line. */
export function backspacing(at: Position, count: number): TextChange[] {
  return Array.from({ length: Math.min(count, at.character) }, (_, n) => {
    const end = { line: at.line, character: at.character - n };
    return { range: { start: { line: at.line, character: end.character - 1 }, end }, text: '' };
  });
}

/** A deterministic generator of numbers in [0, 1) (mulberry32): the same seed gives the same session. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.below(items.length)];
    if (item === undefined) {
      throw new Error('pick from an empty list');
    }
    return item;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }
}
