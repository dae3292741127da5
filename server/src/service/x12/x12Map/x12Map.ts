/**
 * Our 837P map assembled for lookup: every loop by id with, per loop, where
 * each segment stands (a map from segment id to its place) and which child
 * loops a segment opens. The walker asks these tables once per segment.
 */
import { compileSegmentChecks, type SegmentChecks } from '../segmentChecks';
import { claimLoops } from './claimLoops';
import { headerLoops, transactionLoop } from './headerLoops';
import { lineLoops } from './lineLoops';
import { isChildLoops, type LoopSpec, type SegmentEntry } from './mapTypes';
import { subscriberLoops } from './subscriberLoops';

export interface ChildLoop {
  loop: CompiledLoop;
  /** The place of the child among its parent's members. */
  place: number;
  mandatory: boolean;
  /** Index among the parent's members, for counting its repeats. */
  member: number;
}

export interface SegmentPlace {
  entry: SegmentEntry;
  /** What the walk checks of the segment's elements here. */
  checks: SegmentChecks | undefined;
  place: number;
  /** Index among the loop's members, for counting uses. */
  member: number;
}

export interface CompiledLoop {
  spec: LoopSpec;
  /** Its place in the list of every compiled loop (`loopByIndex`), for tables that keep loops as numbers. */
  index: number;
  /** What the walk checks of the opening segment's elements. */
  openerChecks: SegmentChecks | undefined;
  /** "Loop 2010AA Billing Provider Name". */
  title: string;
  /** The title as a message starts with it ("The transaction header"). */
  heading: string;
  parent: CompiledLoop | undefined;
  /** Segments of the loop (not its opener) by id. */
  segments: ReadonlyMap<string, SegmentPlace>;
  /** Child loops by the id of the segment that opens them. */
  children: ReadonlyMap<string, readonly ChildLoop[]>;
  /**
   * `segments` and `children` again, indexed by the segment's number (`segmentNumberOf`): the walk asks
   * each open loop for every segment, and an array read costs less than a map lookup by string.
   */
  segmentByNumber: readonly (SegmentPlace | undefined)[];
  childrenByNumber: readonly (readonly ChildLoop[] | undefined)[];
  /** Every child loop, in member order. */
  childList: readonly ChildLoop[];
  /** How many members (segments and child loops) the walker counts. */
  memberCount: number;
  /** The segments every instance must hold, for the check when the loop closes. */
  mandatorySegments: readonly SegmentPlace[];
  /** The child loops every instance must hold, with their member index, for the same check. */
  mandatoryChildren: readonly ChildLoop[];
}

const specs: readonly LoopSpec[] = [transactionLoop, ...headerLoops, ...subscriberLoops, ...claimLoops, ...lineLoops];
const specById = new Map(specs.map((spec) => [spec.id, spec]));

function compile(spec: LoopSpec, parent: CompiledLoop | undefined): CompiledLoop {
  const segments = new Map<string, SegmentPlace>();
  const children = new Map<string, ChildLoop[]>();
  const childList: ChildLoop[] = [];
  const title = spec.id === 'ST' ? 'the transaction header' : `Loop ${spec.id} ${spec.name}`;
  const mandatorySegments: SegmentPlace[] = [];
  const mandatoryChildren: ChildLoop[] = [];
  const loop: CompiledLoop = {
    spec,
    index: 0,
    openerChecks: compileSegmentChecks(spec.opener),
    title,
    heading: title.charAt(0).toUpperCase() + title.slice(1),
    mandatorySegments,
    mandatoryChildren,
    parent,
    segments,
    children,
    childList,
    memberCount: 0,
    segmentByNumber: [],
    childrenByNumber: [],
  };
  let member = 0;
  spec.members.forEach((entry, place) => {
    if (!isChildLoops(entry)) {
      const segmentPlace = { entry, checks: compileSegmentChecks(entry), place, member: member++ };
      segments.set(entry.segment, segmentPlace);
      if (entry.mandatory) {
        mandatorySegments.push(segmentPlace);
      }
      return;
    }
    for (const id of entry.loops) {
      const childSpec = specById.get(id);
      if (!childSpec) {
        throw new Error(`837P map: loop ${id} is not defined`);
      }
      const child: ChildLoop = {
        loop: compile(childSpec, loop),
        place,
        mandatory: entry.mandatory?.includes(id) ?? false,
        member: member++,
      };
      childList.push(child);
      if (child.mandatory) {
        mandatoryChildren.push(child);
      }
      const opening = children.get(childSpec.opener.segment) ?? [];
      opening.push(child);
      children.set(childSpec.opener.segment, opening);
    }
  });
  loop.memberCount = member;
  return loop;
}

/** The transaction (ST...SE) with every loop under it; 2300 is compiled once under 2000B and once under 2000C. */
export const transactionMap: CompiledLoop = compile(transactionLoop, undefined);

function everyLoop(loop: CompiledLoop, into: CompiledLoop[]): CompiledLoop[] {
  into.push(loop);
  loop.childList.forEach((child) => everyLoop(child.loop, into));
  return into;
}

const allLoops = everyLoop(transactionMap, []);
allLoops.forEach((loop, index) => (loop.index = index));

/** Every segment id the map knows (openers and members), numbered from 1; 0 is every other id. */
const segmentNumbers: ReadonlyMap<string, number> = (() => {
  const numbers = new Map<string, number>();
  for (const loop of allLoops) {
    for (const id of [loop.spec.opener.segment, ...loop.segments.keys()]) {
      if (!numbers.has(id)) {
        numbers.set(id, numbers.size + 1);
      }
    }
  }
  return numbers;
})();

/** The segment id's number in `segmentByNumber` and `childrenByNumber`: 0 for an id the map does not know. */
export function segmentNumberOf(id: string): number {
  return segmentNumbers.get(id) ?? 0;
}

for (const loop of allLoops) {
  const bySegment: (SegmentPlace | undefined)[] = new Array<SegmentPlace | undefined>(segmentNumbers.size + 1).fill(
    undefined,
  );
  const byChildren: (readonly ChildLoop[] | undefined)[] = new Array<readonly ChildLoop[] | undefined>(
    segmentNumbers.size + 1,
  ).fill(undefined);
  loop.segments.forEach((place, id) => (bySegment[segmentNumberOf(id)] = place));
  loop.children.forEach((children, id) => (byChildren[segmentNumberOf(id)] = children));
  loop.segmentByNumber = bySegment;
  loop.childrenByNumber = byChildren;
}

/** The compiled loop with this `index`. */
export function loopByIndex(index: number): CompiledLoop {
  return allLoops[index] ?? transactionMap;
}

/** Every segment id the map knows, with the first loop that holds it (as opener or member), for "it belongs in ...". */
export const homeOfSegment: ReadonlyMap<string, CompiledLoop> = (() => {
  const homes = new Map<string, CompiledLoop>();
  for (const loop of allLoops) {
    if (!homes.has(loop.spec.opener.segment)) {
      homes.set(loop.spec.opener.segment, loop);
    }
    for (const id of loop.segments.keys()) {
      if (!homes.has(id)) {
        homes.set(id, loop);
      }
    }
  }
  return homes;
})();

/** Does the opener's identifying element (NM101, HL03) let `child` open here? */
export function opensWith(child: CompiledLoop, identifier: string): boolean {
  const identify = child.spec.opener.identifier;
  return identify === undefined || identify.codes.includes(identifier);
}

/** The loop a segment opens anywhere in the map (the first in map order), for finding one's place again after a misplaced opener. */
export function loopOpenedBy(segment: string, identifier: string): CompiledLoop | undefined {
  return allLoops.find((loop) => loop.parent && loop.spec.opener.segment === segment && opensWith(loop, identifier));
}

/** The loop with this id (the first place it is compiled), for hover and the outline. */
export function loopById(id: string): CompiledLoop | undefined {
  return allLoops.find((loop) => loop.spec.id === id);
}
