/**
 * The structure walk of each version of a document (`walkStructure`), made
 * once and kept while its segments are: the five structure rules, folding
 * and the outline all read it. A version read around an edit is walked from
 * the previous version's walk: the walk starts again at the last checkpoint before the edit and
 * stops at the first checkpoint after it where its state is the previous
 * walk's (the same loops open at the same places, moved by the edit), since
 * from there the previous walk's findings, loops and checkpoints hold, moved.
 * An edit to one claim of a 100,000-claim file is walked again over a few
 * thousand segments instead of all of them. The result is exactly the whole
 * walk's (a test compares the two after random edits).
 */
import { movedOffset } from './offsetEdit';
import { type SegmentEdit, SegmentTable } from './segmentTable';
import type { FrameState } from './structureFrame';
import { type Checkpoint, type StructureWalk, StructureWalker, type WalkState } from './structureWalker';
import { envelopeIds } from './x12Transactions';
import type { X12Segments, X12Separators } from './x12Types';

/** Envelope segments: an edit to one may change what the transactions after it are, so the walk starts over. */
const envelopeSegments: ReadonlySet<string> = new Set(envelopeIds);

function touchesEnvelope(table: SegmentTable, first: number, end: number): boolean {
  for (let ordinal = first; ordinal < end; ordinal++) {
    if (envelopeSegments.has(table.idAt(ordinal) ?? '')) {
      return true;
    }
  }
  return false;
}

function sameFrame(now: FrameState, before: FrameState, edit: SegmentEdit): boolean {
  return (
    now.loop === before.loop &&
    now.place === before.place &&
    now.assumed === before.assumed &&
    now.hlId === before.hlId &&
    now.hlChildCode === before.hlChildCode &&
    now.lastLine === before.lastLine &&
    now.openerStart === movedOffset(before.openerStart, edit) &&
    now.openerEnd === movedOffset(before.openerEnd, edit) &&
    now.counts.length === before.counts.length &&
    now.counts.every((count, i) => count === before.counts[i])
  );
}

function sameState(now: WalkState, before: WalkState, edit: SegmentEdit): boolean {
  return (
    now.envelope === before.envelope &&
    now.numbering[0] === before.numbering[0] &&
    now.numbering[1] === before.numbering[1] &&
    now.lastEnd === movedOffset(before.lastEnd, edit) &&
    now.frames.length === before.frames.length &&
    now.frames.every((frame, depth) => sameFrame(frame, before.frames[depth] as FrameState, edit))
  );
}

function movedState(state: WalkState, edit: SegmentEdit): WalkState {
  return {
    ...state,
    lastEnd: movedOffset(state.lastEnd, edit),
    frames: state.frames.map((frame) => ({
      ...frame,
      openerStart: movedOffset(frame.openerStart, edit),
      openerEnd: movedOffset(frame.openerEnd, edit),
    })),
  };
}

/** The walk of `segments` from `previous`, or undefined when the edit touched an envelope segment. */
function walkAfterEdit(
  previous: StructureWalk,
  edit: SegmentEdit,
  segments: SegmentTable,
  separators: X12Separators,
): StructureWalk | undefined {
  if (
    touchesEnvelope(edit.previous, edit.unchangedBefore, edit.movedFrom) ||
    touchesEnvelope(segments, edit.unchangedBefore, edit.movedTo)
  ) {
    return undefined;
  }
  const toNew = (ordinal: number) => ordinal - edit.movedFrom + edit.movedTo;
  let resume: Checkpoint | undefined;
  for (const checkpoint of previous.checkpoints) {
    if (checkpoint.ordinal <= edit.unchangedBefore) {
      resume = checkpoint;
    }
  }
  const walker = new StructureWalker(segments, separators);
  if (resume) {
    walker.restore(resume, previous);
  }
  const first = resume?.ordinal ?? 0;
  // The previous walk's checkpoints past the edit, where the two walks may meet.
  const meetings = previous.checkpoints.filter(
    (checkpoint) => checkpoint.ordinal > edit.movedFrom && toNew(checkpoint.ordinal) > first,
  );
  let next = 0;
  let met: Checkpoint | undefined;
  const end = walker.run(first, (ordinal) => {
    while (next < meetings.length && toNew((meetings[next] as Checkpoint).ordinal) < ordinal) {
      next++;
    }
    const candidate = meetings[next];
    if (candidate && toNew(candidate.ordinal) === ordinal && sameState(walker.state(), candidate.state, edit)) {
      met = candidate;
      return true;
    }
    return false;
  });
  walkCounts.segmentsAfterEdit += end - first;
  if (met) {
    walkCounts.metAfterEdit++;
    takeRest(walker, previous, met, edit);
  }
  return { findings: walker.findings, loops: walker.loops, checkpoints: walker.checkpoints };
}

/** The previous walk's findings, loops and checkpoints from `met` on, moved by the edit. */
function takeRest(walker: StructureWalker, previous: StructureWalk, met: Checkpoint, edit: SegmentEdit): void {
  // The previous walk's counts at its later checkpoints, moved to this walk's: it may have found more or fewer before.
  const moreFindings = walker.findings.length - met.findings;
  const moreLoops = walker.loops.length - met.loops;
  for (const finding of previous.findings.slice(met.findings)) {
    walker.findings.push({
      ...finding,
      start: movedOffset(finding.start, edit),
      end: movedOffset(finding.end, edit),
    });
  }
  walker.loops.addMovedFrom(previous.loops, met.loops, previous.loops.length, edit);
  for (const checkpoint of previous.checkpoints) {
    if (checkpoint.ordinal >= met.ordinal) {
      walker.checkpoints.push({
        ordinal: checkpoint.ordinal - edit.movedFrom + edit.movedTo,
        findings: checkpoint.findings + moreFindings,
        loops: checkpoint.loops + moreLoops,
        state: movedState(checkpoint.state, edit),
      });
    }
  }
}

const walks = new WeakMap<X12Segments, StructureWalk>();

/**
 * How many walks were made whole, how many after an edit met the previous walk's track, and how many
 * segments the walks after an edit read: tests check that an edit costs a few thousand segments, not the file.
 */
export const walkCounts = { whole: 0, metAfterEdit: 0, segmentsAfterEdit: 0 };

function wholeWalk(segments: X12Segments, separators: X12Separators): StructureWalk {
  walkCounts.whole++;
  const walker = new StructureWalker(segments, separators);
  return { findings: walker.walk(), loops: walker.loops, checkpoints: walker.checkpoints };
}

/** The walk of these segments: made once per version, from the previous version's when it was read around an edit. */
export function walkStructure(segments: X12Segments, separators: X12Separators): StructureWalk {
  let walk = walks.get(segments);
  if (!walk) {
    const edit = segments instanceof SegmentTable ? segments.takeEdit() : undefined;
    const previous = edit && walks.get(edit.previous);
    walk =
      (previous && edit && segments instanceof SegmentTable
        ? walkAfterEdit(previous, edit, segments, separators)
        : undefined) ?? wholeWalk(segments, separators);
    walks.set(segments, walk);
  }
  return walk;
}

/**
 * `walkStructure` a slice of `segmentsPerStep` segments per step, each step yielding the share walked: for the
 * outline of a large file the check has not walked yet (a 57 MB 837 is walked in about 3.5 s). A version already
 * walked, or read around an edit of one that was, is walked at once (an edit's walk reads a few thousand
 * segments). The walk is kept only once whole, and is the whole walk's (a slice starts at a checkpoint of its own).
 */
export function* walkStructureInSteps(
  segments: X12Segments,
  separators: X12Separators,
  segmentsPerStep: number,
): Generator<number, StructureWalk, void> {
  const edit = segments instanceof SegmentTable ? segments.peekEdit() : undefined;
  if (walks.has(segments) || (edit && walks.has(edit.previous))) {
    return walkStructure(segments, separators);
  }
  walkCounts.whole++;
  const walker = new StructureWalker(segments, separators);
  for (let first = 0; ;) {
    const sliceEnd = first + Math.max(1, segmentsPerStep);
    first = walker.run(first, (ordinal) => ordinal >= sliceEnd);
    if (first >= segments.length) {
      break;
    }
    yield first / segments.length;
    // The check may have walked this version meanwhile.
    const walked = walks.get(segments);
    if (walked) {
      return walked;
    }
  }
  const walk = { findings: walker.findings, loops: walker.loops, checkpoints: walker.checkpoints };
  walks.set(segments, walk);
  return walk;
}
