/**
 * What "a line" of a claim file is when checking that an edit changed no
 * other: a `.claim` file's lines (without their line ends, so a last line
 * that gains or loses its line end is unchanged), an 837's segments (with
 * their terminator and the line break after them, so a one-line 837 is
 * compared segment by segment), and how offsets move through a set of edits.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

export interface TextUnit {
  text: string;
  start: number;
  end: number;
}

export function linesOf(text: string): TextUnit[] {
  const units: TextUnit[] = [];
  const lineEnd = /\r\n|\r|\n/g;
  let start = 0;
  for (const match of text.matchAll(lineEnd)) {
    units.push({ text: text.slice(start, match.index), start, end: match.index });
    start = match.index + match[0].length;
  }
  units.push({ text: text.slice(start), start, end: text.length });
  return units;
}

/** Segments ending at each `terminator`, each with the line break that follows it; text after the last is one more unit. */
export function segmentsOf(text: string, terminator: string): TextUnit[] {
  const units: TextUnit[] = [];
  let start = 0;
  while (start < text.length) {
    const at = text.indexOf(terminator, start);
    if (at === -1) {
      units.push({ text: text.slice(start), start, end: text.length });
      break;
    }
    const end = at + terminator.length + (/^(\r\n|\n|\r)/.exec(text.slice(at + terminator.length))?.[0].length ?? 0);
    units.push({ text: text.slice(start, end), start, end });
    start = end;
  }
  return units;
}

/** True when the spans share a character, or one is empty and lies strictly inside the other (or both are the same point). */
export function spansOverlap(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  if (a.start === a.end && b.start === b.end) {
    return a.start === b.start;
  }
  if (a.start === a.end) {
    return b.start < a.start && a.start < b.end;
  }
  if (b.start === b.end) {
    return a.start < b.start && b.start < a.end;
  }
  return a.start < b.end && b.start < a.end;
}

interface OffsetEdit {
  start: number;
  end: number;
  length: number;
}

/**
 * A set of non-overlapping edits as offsets, in the order they apply (by
 * start; inserts at one position in the order given, as LSP says).
 */
export class OffsetEdits {
  private readonly edits: OffsetEdit[];

  constructor(document: TextDocument, edits: readonly TextEdit[]) {
    this.edits = edits
      .map((edit) => ({
        start: document.offsetAt(edit.range.start),
        end: document.offsetAt(edit.range.end),
        length: edit.newText.length,
      }))
      .sort((a, b) => a.start - b.start);
  }

  /**
   * Where an offset of the old text is in the new one. `start` leans before
   * the text an edit put at or around it, `end` after it: a range mapped this
   * way covers everything the edits wrote inside it or at its ends.
   */
  map(offset: number, side: 'start' | 'end'): number {
    let delta = 0;
    for (const edit of this.edits) {
      if (offset < edit.start || (side === 'start' && offset === edit.start)) {
        return offset + delta;
      }
      if (offset < edit.end) {
        return side === 'start' ? edit.start + delta : edit.start + delta + edit.length;
      }
      delta += edit.length - (edit.end - edit.start);
    }
    return offset + delta;
  }

  /** True when no edit replaced text in [start, end) or wrote inside it (writing at its ends leaves it whole). */
  leavesWhole(start: number, end: number): boolean {
    return this.edits.every((edit) =>
      edit.end > edit.start ? edit.end <= start || end <= edit.start : edit.start <= start || end <= edit.start,
    );
  }

  /** The spans of the new text the edits wrote (empty where they only deleted). */
  written(): Array<{ start: number; end: number }> {
    let delta = 0;
    return this.edits.map((edit) => {
      const start = edit.start + delta;
      delta += edit.length - (edit.end - edit.start);
      return { start, end: start + edit.length };
    });
  }
}
