/**
 * One open loop of the structure walk (`structureWalker.ts`): which loop,
 * where its opener stands, how far into its members the walk is and how often
 * each was used, and what the HL and LX checks remember of it. Frames are
 * reused as loops close and open, so the walk makes no object per segment.
 */
import { type CompiledLoop, transactionMap } from './x12Map/x12Map';
import { keepShapeOf } from '../model/keptShapes';

/** A frame as a checkpoint of the walk keeps it (`structureCheckpoints.ts`). */
export interface FrameState {
  loop: CompiledLoop;
  openerStart: number;
  openerEnd: number;
  place: number;
  counts: Int32Array;
  assumed: boolean;
  hlId: string;
  hlChildCode: string;
  lastLine: number;
}

export class Frame {
  loop: CompiledLoop = transactionMap;
  openerStart = 0;
  openerEnd = 0;
  /** The furthest place among the loop's members reached so far. */
  place = -1;
  /** Uses of each member (segment or child loop) in this instance of the loop. */
  readonly counts = new Int32Array(40);
  /** Opened to find the walk's place again after a misplaced segment: nothing in it is checked. */
  assumed = false;
  hlId = '';
  hlChildCode = '';
  /** In a 2300: the last LX01 read. */
  lastLine = 0;

  reset(loop: CompiledLoop, start: number, end: number, assumed: boolean): void {
    this.loop = loop;
    this.openerStart = start;
    this.openerEnd = end;
    this.place = -1;
    // A loop has a few dozen members at most: a loop beats a call to fill, which the walk makes for every loop it opens.
    const counts = this.counts;
    for (let member = 0; member < loop.memberCount; member++) {
      counts[member] = 0;
    }
    this.assumed = assumed;
    this.hlId = '';
    this.hlChildCode = '';
    this.lastLine = 0;
  }

  state(): FrameState {
    return {
      loop: this.loop,
      openerStart: this.openerStart,
      openerEnd: this.openerEnd,
      place: this.place,
      counts: this.counts.slice(0, this.loop.memberCount),
      assumed: this.assumed,
      hlId: this.hlId,
      hlChildCode: this.hlChildCode,
      lastLine: this.lastLine,
    };
  }

  restore(state: FrameState): void {
    this.reset(state.loop, state.openerStart, state.openerEnd, state.assumed);
    this.place = state.place;
    this.counts.set(state.counts);
    this.hlId = state.hlId;
    this.hlChildCode = state.hlChildCode;
    this.lastLine = state.lastLine;
  }
}

// Frames are made per walk; see keptShapes.ts for why one is kept.
keepShapeOf(new Frame());
