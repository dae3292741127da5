/**
 * The segments of an interchange, kept as columns: start and end offsets and
 * an index into a table of ids, ten bytes a segment. A 100 MB batch has
 * millions of segments; an object for each made reading mostly garbage
 * collection and the model several times the size of the file. A segment
 * object is made when one is asked for (`at`), and splits its elements from
 * the text only when those are read; rules that only need ids and offsets
 * read the columns.
 */
import type { X12Segment, X12Segments, X12Span } from './x12Types';
import { keepShapeOf } from '../model/keptShapes';
import type { OffsetEdit } from './offsetEdit';
import { countAtOrBelow } from './sortedInts';

/** The last segment that starts at or before `offset` (by binary search over the starts), or -1. */
export function lastSegmentStartingAtOrBefore(segments: X12Segments, offset: number): number {
  let low = 0;
  let high = segments.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (segments.startAt(middle) <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

class TableSegment implements X12Segment {
  constructor(
    readonly id: string,
    readonly start: number,
    readonly end: number,
    readonly ordinal: number,
    private readonly text: string,
    private readonly element: string,
  ) {}

  get elements(): X12Span[] {
    const { text, element } = this;
    const spans: X12Span[] = [];
    let start = this.start + this.id.length + element.length;
    if (start > this.end) {
      return spans;
    }
    for (;;) {
      const next = text.indexOf(element, start);
      const end = next === -1 || next > this.end ? this.end : next;
      spans.push({ start, end, text: text.slice(start, end) });
      if (end === this.end) {
        return spans;
      }
      start = end + element.length;
    }
  }
}

/**
 * How a table read around an edit (`x12Reparse.ts`) relates to the previous version's: segments
 * [0, unchangedBefore) are the same in both, at the same offsets; the previous version's segments from
 * `movedFrom` on are this one's from `movedTo` on, `shift` characters later; the previous version's text
 * changed from `changeStart` (inclusive) to `changeEnd` (exclusive). The structure walk starts again
 * from the last place it knows before the edit and stops where it is back on its previous track.
 */
export interface SegmentEdit extends OffsetEdit {
  previous: SegmentTable;
  unchangedBefore: number;
  movedFrom: number;
  movedTo: number;
}

export class SegmentTable implements X12Segments {
  /**
   * Set by a read around an edit, taken (and cleared) by the first walk of this version, so a table
   * keeps at most the version before it alive, and only until it is walked.
   */
  private edit: SegmentEdit | undefined;
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private idIndexes = new Uint16Array(1024);
  private readonly ids: string[] = [];
  private readonly idIndex = new Map<string, number>();
  /** `ordinalsOf`'s answers, by the ids asked for: a version's segments never change once read. */
  private readonly ordinalsById = new Map<string, Int32Array>();
  length = 0;

  constructor(
    readonly text: string,
    readonly element: string,
  ) {}

  /** An empty table for a new version of the text that shares this one's id numbering, so `copyFrom` can copy columns as they are. */
  forNewText(text: string): SegmentTable {
    const table = new SegmentTable(text, this.element);
    for (const id of this.ids) {
      table.idIndex.set(id, table.ids.length);
      table.ids.push(id);
    }
    return table;
  }

  /**
   * Appends this table's source's segments [first, end), moved by `shift` characters. The columns are
   * copied whole (a native copy) and then moved: an edit copies every segment but the few around it.
   */
  copyFrom(source: SegmentTable, first: number, end: number, shift: number): void {
    const count = Math.max(0, end - first);
    this.reserve(this.length + count);
    const to = this.length;
    this.starts.set(source.starts.subarray(first, end), to);
    this.ends.set(source.ends.subarray(first, end), to);
    this.idIndexes.set(source.idIndexes.subarray(first, end), to);
    if (shift !== 0) {
      const { starts, ends } = this;
      for (let ordinal = to; ordinal < to + count; ordinal++) {
        starts[ordinal] = (starts[ordinal] ?? 0) + shift;
        ends[ordinal] = (ends[ordinal] ?? 0) + shift;
      }
    }
    this.length += count;
  }

  /**
   * The ordinals of the segments whose id is one of `ids`, in order. The envelope rules, the transactions
   * and the claim spans each want a few kinds of segment out of hundreds of thousands; this finds them by
   * comparing the id column's numbers, once per version of the segments (and a version read around an
   * edit carries the previous version's over: `derivedFrom`).
   */
  ordinalsOf(ids: readonly string[]): Int32Array {
    const key = ids.join(' ');
    let ordinals = this.ordinalsById.get(key);
    if (!ordinals) {
      ordinals = Int32Array.from(this.ordinalsBetween(this.wantedIds(key), 0, this.length));
      this.ordinalsById.set(key, ordinals);
    }
    return ordinals;
  }

  /** For each id number of this table, 1 when its id is one of those in `key` (ids joined by spaces). */
  private wantedIds(key: string): Uint8Array {
    const wanted = new Uint8Array(this.ids.length);
    for (const id of key.split(' ')) {
      const index = this.idIndex.get(id);
      if (index !== undefined) {
        wanted[index] = 1;
      }
    }
    return wanted;
  }

  private ordinalsBetween(wanted: Uint8Array, first: number, end: number): number[] {
    const { idIndexes } = this;
    const ordinals: number[] = [];
    for (let ordinal = first; ordinal < end; ordinal++) {
      if (wanted[idIndexes[ordinal] ?? 0] === 1) {
        ordinals.push(ordinal);
      }
    }
    return ordinals;
  }

  /** The previous version's `ordinalsOf` answers, moved to this version's ordinals; only the segments read again are looked at. */
  private carryOrdinals(edit: SegmentEdit): void {
    const moved = edit.movedTo - edit.movedFrom;
    for (const [key, previous] of edit.previous.ordinalsById) {
      const kept = countAtOrBelow(previous, previous.length, edit.unchangedBefore - 1);
      const read = this.ordinalsBetween(this.wantedIds(key), edit.unchangedBefore, edit.movedTo);
      const after = countAtOrBelow(previous, previous.length, edit.movedFrom - 1);
      const ordinals = new Int32Array(kept + read.length + previous.length - after);
      ordinals.set(previous.subarray(0, kept));
      ordinals.set(read, kept);
      for (let n = after, to = kept + read.length; n < previous.length; n++, to++) {
        ordinals[to] = (previous[n] ?? 0) + moved;
      }
      this.ordinalsById.set(key, ordinals);
    }
  }

  /** The number of segments that end before `offset` (segments are in offset order). */
  countEndingBefore(offset: number): number {
    return countAtOrBelow(this.ends, this.length, offset - 1);
  }

  /** The first segment that starts after `offset`, or `length`. */
  firstStartingAfter(offset: number): number {
    return countAtOrBelow(this.starts, this.length, offset);
  }

  add(id: string, start: number, end: number): void {
    if (this.length === this.starts.length) {
      this.reserve(this.length + 1);
    }
    let index = this.idIndex.get(id);
    if (index === undefined) {
      index = this.ids.length;
      this.ids.push(id);
      this.idIndex.set(id, index);
    }
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.idIndexes[this.length] = index;
    this.length++;
  }

  /** Makes room for `needed` segments, at least doubling the columns when they grow. */
  reserve(needed: number): void {
    if (needed <= this.starts.length) {
      return;
    }
    const size = Math.max(needed, this.starts.length * 2);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    const idIndexes = new Uint16Array(size);
    idIndexes.set(this.idIndexes);
    this.starts = starts;
    this.ends = ends;
    this.idIndexes = idIndexes;
  }

  /** Records that this table was read around an edit of `edit.previous` (see `SegmentEdit`). */
  derivedFrom(edit: SegmentEdit): void {
    this.edit = edit;
    this.carryOrdinals(edit);
    // The previous version's own edit is of no more use: only the latest version is walked from its previous one.
    edit.previous.edit = undefined;
  }

  /** The edit this version was read around, left in place. */
  peekEdit(): SegmentEdit | undefined {
    return this.edit;
  }

  /** The edit this table was read around, once: the walk that takes it keeps what it needs. */
  takeEdit(): SegmentEdit | undefined {
    const edit = this.edit;
    this.edit = undefined;
    return edit;
  }

  /**
   * Drops the spare room left by growing; called once reading is done. A little spare room is left as it
   * is: a read around an edit reserves about the previous version's length, and copying every column again
   * to drop a few slots would cost an edit more than the slots.
   */
  trim(): void {
    if (this.starts.length - this.length <= 64 + (this.length >> 6)) {
      return;
    }
    this.starts = this.starts.slice(0, this.length);
    this.ends = this.ends.slice(0, this.length);
    this.idIndexes = this.idIndexes.slice(0, this.length);
  }

  idAt(ordinal: number): string | undefined {
    return ordinal >= 0 && ordinal < this.length ? this.ids[this.idIndexes[ordinal] ?? 0] : undefined;
  }

  idIndexAt(ordinal: number): number {
    return this.idIndexes[ordinal] ?? 0;
  }

  startAt(ordinal: number): number {
    return this.starts[ordinal] ?? 0;
  }

  endAt(ordinal: number): number {
    return this.ends[ordinal] ?? 0;
  }

  at(ordinal: number): X12Segment | undefined {
    const id = this.idAt(ordinal);
    return id === undefined
      ? undefined
      : new TableSegment(id, this.startAt(ordinal), this.endAt(ordinal), ordinal, this.text, this.element);
  }

  slice(first: number, end: number): X12Segment[] {
    const segments: X12Segment[] = [];
    for (let ordinal = Math.max(0, first); ordinal < Math.min(end, this.length); ordinal++) {
      segments.push(this.at(ordinal) as X12Segment);
    }
    return segments;
  }

  *[Symbol.iterator](): Iterator<X12Segment> {
    for (let ordinal = 0; ordinal < this.length; ordinal++) {
      yield this.at(ordinal) as X12Segment;
    }
  }
}

// A segment object is made for each segment a rule asks for; see keptShapes.ts for why one is kept.
keepShapeOf(new TableSegment('ST', 0, 2, 0, 'ST', '*'));
