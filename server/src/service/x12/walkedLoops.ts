/**
 * The loops a structure walk found (`structureWalker.ts`), in the order they
 * closed (a loop after the loops inside it): which loop of the map, the
 * offsets from its opening segment to the end of its last segment, and its
 * depth under the transaction (1 for 1000A or 2000A). Folding and the outline
 * read them. Kept as columns, a few bytes a loop: a large batch has hundreds
 * of thousands of loops, and an object or four array slots for each made the
 * walk noticeably slower.
 */
import { type CompiledLoop, loopByIndex } from './x12Map/x12Map';

export class WalkedLoops {
  private loops = new Uint16Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  private depths = new Uint8Array(1024);
  length = 0;

  add(loop: CompiledLoop, start: number, end: number, depth: number): void {
    if (this.length === this.starts.length) {
      this.grow();
    }
    this.loops[this.length] = loop.index;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.depths[this.length] = depth;
    this.length++;
  }

  /** Appends the loops [first, end) of `other`, their offsets passed through `move`. */
  addFrom(other: WalkedLoops, first: number, end: number, move: (offset: number) => number = (offset) => offset): void {
    for (let i = first; i < end; i++) {
      this.add(other.loopAt(i), move(other.startAt(i)), move(other.endAt(i)), other.depthAt(i));
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

  private grow(): void {
    const size = this.starts.length * 2;
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
