/**
 * The loops a structure walk found (`structureWalker.ts`), in the order they
 * closed (a loop after the loops inside it): which loop of the map, the
 * offsets from its opening segment to the end of its last segment, and its
 * depth under the transaction (1 for 1000A or 2000A). Folding and the outline
 * read them. Kept as columns, a few bytes a loop: a large batch has hundreds
 * of thousands of loops, and an object or four array slots for each made the
 * walk noticeably slower.
 */
import type { OffsetEdit } from './offsetEdit';
import { type CompiledLoop, loopByIndex } from './x12Map/x12Map';

export class WalkedLoops {
  private loops = new Uint16Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private depths = new Uint8Array(1024);
  length = 0;

  add(loop: CompiledLoop, start: number, end: number, depth: number): void {
    if (this.length === this.starts.length) {
      this.reserve(this.length + 1);
    }
    this.loops[this.length] = loop.index;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.depths[this.length] = depth;
    this.length++;
  }

  /**
   * Appends the loops [first, end) of `other`, copying the columns whole (a native copy): a walk after an
   * edit takes the previous walk's loops before and after the text it walks again, most of a file's loops.
   */
  addFrom(other: WalkedLoops, first: number, end: number): void {
    const count = Math.max(0, end - first);
    this.reserve(this.length + count);
    this.loops.set(other.loops.subarray(first, end), this.length);
    this.starts.set(other.starts.subarray(first, end), this.length);
    this.ends.set(other.ends.subarray(first, end), this.length);
    this.depths.set(other.depths.subarray(first, end), this.length);
    this.length += count;
  }

  /**
   * `addFrom`, the offsets moved by an edit as `movedOffset` moves them (`offsetEdit.ts`): an offset inside
   * the changed text has no place in the new one (NaN, which the column stores as 0).
   */
  addMovedFrom(other: WalkedLoops, first: number, end: number, edit: OffsetEdit): void {
    const from = this.length;
    this.addFrom(other, first, end);
    // `movedOffset` written out: this runs over most of a large file's loops on each edit, often before the
    // code is compiled, where a call per offset costs more than the copy.
    const { starts, ends } = this;
    const { changeStart, changeEnd, shift } = edit;
    for (let i = from; i < this.length; i++) {
      const start = starts[i] ?? 0;
      const end = ends[i] ?? 0;
      starts[i] = start < changeStart ? start : start >= changeEnd ? start + shift : NaN;
      ends[i] = end < changeStart ? end : end >= changeEnd ? end + shift : NaN;
    }
  }

  loopAt(i: number): CompiledLoop {
    return loopByIndex(this.loops[i] ?? 0);
  }

  startAt(i: number): number {
    return this.starts[i] ?? 0;
  }

  endAt(i: number): number {
    return this.ends[i] ?? 0;
  }

  depthAt(i: number): number {
    return this.depths[i] ?? 0;
  }

  /** Makes room for `needed` loops, at least doubling the columns when they grow. */
  private reserve(needed: number): void {
    if (needed <= this.starts.length) {
      return;
    }
    const size = Math.max(needed, this.starts.length * 2);
    const grown = <T extends Uint16Array | Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.loops = grown(this.loops, new Uint16Array(size));
    this.starts = grown(this.starts, new Int32Array(size));
    this.ends = grown(this.ends, new Int32Array(size));
    this.depths = grown(this.depths, new Uint8Array(size));
  }
}
