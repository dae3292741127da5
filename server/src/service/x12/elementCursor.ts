/**
 * The elements of one segment at a time (or the components of one element),
 * as offsets in arrays the cursor reuses. The claim reader takes a few values
 * from about half the segments of a file; splitting each into an array of
 * span objects with a string for every element cost more than reading them,
 * and most of those strings were only compared with a qualifier and dropped.
 */
import type { X12Span } from './x12Types';
import { keepShapeOf } from '../model/keptShapes';

export class ElementCursor {
  private starts = new Int32Array(32);
  private ends = new Int32Array(32);
  /** How many elements (or components) the last read found. */
  count = 0;

  constructor(
    readonly text: string,
    private readonly separatorCode: number,
  ) {}

  /**
   * Reads the elements of the segment at [start, end) whose id is `idLength` characters long: element 1
   * starts after the separator that follows the id. A segment that is its id alone has none.
   */
  readSegment(start: number, end: number, idLength: number): this {
    this.count = 0;
    let from = start + idLength;
    while (from < end) {
      from += 1;
      from = this.push(from, end);
    }
    return this;
  }

  /** Reads the parts of the text at [from, to) between separators: at least one, empty when the text is. */
  readParts(from: number, to: number): this {
    this.count = 0;
    let partStart = from;
    for (;;) {
      const partEnd = this.push(partStart, to);
      if (partEnd >= to) {
        return this;
      }
      partStart = partEnd + 1;
    }
  }

  /** Records the part that starts at `from` and ends at the next separator before `limit` (or `limit`); returns its end. */
  private push(from: number, limit: number): number {
    const text = this.text;
    const separator = this.separatorCode;
    let to = from;
    // Values are a few characters long: a scan of their codes beats a call to indexOf for each.
    while (to < limit && text.charCodeAt(to) !== separator) {
      to++;
    }
    if (this.count === this.starts.length) {
      this.grow();
    }
    this.starts[this.count] = from;
    this.ends[this.count] = to;
    this.count++;
    return to;
  }

  private grow(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    const ends = new Int32Array(this.ends.length * 2);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }

  /** Element (or part) `n`, from 1, is there (possibly empty). */
  has(n: number): boolean {
    return n >= 1 && n <= this.count;
  }

  startOf(n: number): number {
    return this.starts[n - 1] ?? 0;
  }

  endOf(n: number): number {
    return this.ends[n - 1] ?? 0;
  }

  /** Element `n` is absent or empty. */
  isEmpty(n: number): boolean {
    return !this.has(n) || this.startOf(n) === this.endOf(n);
  }

  /** The text of element `n`; '' when absent. */
  textOf(n: number): string {
    return this.has(n) ? this.text.slice(this.startOf(n), this.endOf(n)) : '';
  }

  /** Element `n` is exactly `value`, compared in place. */
  is(n: number, value: string): boolean {
    if (!this.has(n)) {
      return false;
    }
    const from = this.startOf(n);
    if (this.endOf(n) - from !== value.length) {
      return false;
    }
    for (let i = 0; i < value.length; i++) {
      if (this.text.charCodeAt(from + i) !== value.charCodeAt(i)) {
        return false;
      }
    }
    return true;
  }

  /** Element `n` as a span, for a model field or a finding; undefined when absent. */
  spanOf(n: number): X12Span | undefined {
    return this.has(n) ? { start: this.startOf(n), end: this.endOf(n), text: this.textOf(n) } : undefined;
  }
}

// The claim reader makes two cursors a read; see keptShapes.ts for why one is kept.
keepShapeOf(new ElementCursor('', 0));
