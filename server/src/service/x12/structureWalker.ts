/**
 * One walk over an 837's segments against our 005010X222A1 map
 * (`x12Map/`): where each segment stands (its loop, its place in the loop,
 * how often it and its loop repeat), what each loop requires, what each
 * element may hold, the HL hierarchy and LX numbering. A segment costs a
 * table lookup in the loops open around it; elements are scanned in place.
 * Loop frames are reused, so the walk makes no object per segment.
 *
 * A misplaced segment that opens a loop puts the walk in that loop (with its
 * parents assumed, and not checked), so one mistake gives one finding, not
 * one per following segment. Findings are offsets; the rules give them ranges.
 */
import { x12Transactions } from './x12Transactions';
import { ElementChecker, elementRuleId, requiredRuleId } from './elementChecker';
import {
  type CompiledLoop,
  homeOfSegment,
  loopOpenedBy,
  opensWith,
  segmentNumberOf,
  transactionMap,
} from './x12Map/x12Map';
import type { SegmentChecks } from './segmentChecks';
import { Frame, type FrameState } from './structureFrame';
import { WalkedLoops } from './walkedLoops';
import { hierarchyRuleId, levelNames, NumberingChecks } from './numberingChecks';
import type { X12Segments, X12Separators } from './x12Types';
import { keepShapeOf } from '../model/keptShapes';
import { SegmentTable } from './segmentTable';

export interface StructureFinding {
  ruleId: string;
  /** Offsets in the text. */
  start: number;
  end: number;
  message: string;
}

export const placementRuleId = 'x12-segment-placement';

type Envelope = 'outside' | 'interchange' | 'group' | 'transaction';

/** All the walk remembers before a segment: enough to go on from there as if it had walked up to it. */
export interface WalkState {
  envelope: Envelope;
  frames: FrameState[];
  numbering: readonly [number, boolean];
  lastEnd: number;
}

/** The walk's state before segment `ordinal`, and how many findings and loops it had then. */
export interface Checkpoint {
  ordinal: number;
  findings: number;
  loops: number;
  state: WalkState;
}

/** How often the walk keeps a checkpoint: a walk after an edit starts at most this many segments before it. */
const checkpointEvery = 1000;

export class StructureWalker {
  readonly findings: StructureFinding[] = [];
  readonly loops = new WalkedLoops();
  readonly checkpoints: Checkpoint[] = [];
  /** The end of the last segment read: where a loop closed by the next one ends. */
  private lastEnd = 0;
  private readonly elements: ElementChecker;
  private readonly frames: Frame[] = [];
  private readonly numbering: NumberingChecks;
  private depth = -1;
  private envelope: Envelope = 'outside';
  private readonly text: string;
  /** The map's segment numbers by the segments' id numbers (`numberAt`). */
  private readonly mapNumbers: number[] = [];

  constructor(
    private readonly segments: X12Segments,
    separators: X12Separators,
  ) {
    this.text = segments.text;
    this.elements = new ElementChecker(
      this.text,
      separators.element,
      separators.component,
      (ruleId, start, end, message) => this.findings.push({ ruleId, start, end, message }),
    );
    this.numbering = new NumberingChecks(this.elements, (ruleId, start, end, message) =>
      this.findings.push({ ruleId, start, end, message }),
    );
  }

  private report(ruleId: string, start: number, end: number, message: string): void {
    this.findings.push({ ruleId, start, end, message });
  }

  walk(): StructureFinding[] {
    this.run(0);
    return this.findings;
  }

  /**
   * Walks from segment `first` (0, or a checkpoint's after `restore`) to the end, keeping a checkpoint every
   * `checkpointEvery` segments; `stop`, asked before each segment, may end the walk there when the rest is
   * known (a walk after an edit back on its previous track). Returns where it ended.
   */
  run(first: number, stop?: (ordinal: number) => boolean): number {
    const segments = this.segments;
    const transactions = x12Transactions(segments);
    let nextCheckpoint = first;
    for (let ordinal = first; ordinal < segments.length; ordinal++) {
      if (stop?.(ordinal)) {
        return ordinal;
      }
      if (ordinal >= nextCheckpoint) {
        this.checkpoints.push({
          ordinal,
          findings: this.findings.length,
          loops: this.loops.length,
          state: this.state(),
        });
        nextCheckpoint = ordinal + checkpointEvery;
      }
      const id = segments.idAt(ordinal) ?? '';
      const refusedEnd = id === 'ST' ? transactions.refusedEndAt(ordinal) : -1;
      if (refusedEnd !== -1) {
        // Not an 837P (x12-not-837p): its segments are another guide's, so the walk passes over it, SE included.
        if (this.envelope === 'transaction') {
          this.closeTransaction(undefined);
        }
        this.envelope = 'group';
        ordinal = refusedEnd - 1;
        continue;
      }
      this.visit(id, this.numberAt(ordinal, id), segments.startAt(ordinal), segments.endAt(ordinal));
      this.lastEnd = segments.endAt(ordinal);
    }
    this.closeTransaction(undefined);
    return segments.length;
  }

  state(): WalkState {
    return {
      envelope: this.envelope,
      frames: this.frames.slice(0, this.depth + 1).map((frame) => frame.state()),
      numbering: this.numbering.state,
      lastEnd: this.lastEnd,
    };
  }

  /** Puts the walk where a checkpoint was, with the findings, loops and checkpoints it had there. */
  restore(checkpoint: Checkpoint, from: StructureWalk): void {
    const { state } = checkpoint;
    this.envelope = state.envelope;
    state.frames.forEach((frameState, depth) => {
      const frame = this.frames[depth] ?? new Frame();
      this.frames[depth] = frame;
      frame.restore(frameState);
    });
    this.depth = state.frames.length - 1;
    this.numbering.state = state.numbering;
    this.lastEnd = state.lastEnd;
    this.findings.push(...from.findings.slice(0, checkpoint.findings));
    this.loops.addFrom(from.loops, 0, checkpoint.loops);
    this.checkpoints.push(...from.checkpoints.filter((kept) => kept.ordinal < checkpoint.ordinal));
  }

  /**
   * The map's number for the id of the segment at `ordinal` (`segmentNumberOf`), kept by the segments' own id
   * numbers: one map lookup per distinct id, not one per segment.
   */
  private numberAt(ordinal: number, id: string): number {
    const idIndex = this.segments.idIndexAt(ordinal);
    let number = this.mapNumbers[idIndex];
    if (number === undefined) {
      number = segmentNumberOf(id);
      this.mapNumbers[idIndex] = number;
    }
    return number;
  }

  private visit(id: string, number: number, start: number, end: number): void {
    const idEnd = start + id.length;
    switch (id) {
      case 'ISA':
        if (this.envelope !== 'outside') {
          this.closeTransaction(undefined);
          this.report(
            placementRuleId,
            start,
            idEnd,
            'ISA is not allowed inside an interchange: close the one before with IEA.',
          );
        }
        this.envelope = 'interchange';
        return;
      case 'IEA':
      case 'GS':
      case 'TA1':
        this.expectEnvelope(
          id,
          start,
          idEnd,
          'interchange',
          'in an interchange (ISA...IEA), outside a functional group',
        );
        this.envelope = id === 'IEA' ? 'outside' : id === 'GS' ? 'group' : 'interchange';
        return;
      case 'GE':
      case 'ST':
        this.expectEnvelope(id, start, idEnd, 'group', 'in a functional group (GS...GE), outside a transaction');
        this.envelope = id === 'GE' ? 'interchange' : 'transaction';
        if (id === 'ST') {
          this.openTransaction(start, end);
        }
        return;
      case 'SE':
        if (this.envelope !== 'transaction') {
          this.report(placementRuleId, start, idEnd, 'SE is not allowed here: it closes a transaction that ST opened.');
        }
        this.closeTransaction(start);
        this.envelope = 'group';
        return;
      default:
        break;
    }
    if (this.envelope !== 'transaction') {
      const known = homeOfSegment.has(id);
      this.report(
        placementRuleId,
        start,
        idEnd,
        known
          ? `${id} is not allowed outside a transaction: 837P segments stand between ST and SE.`
          : 'This is not a segment of the 837P professional claim; it is skipped.',
      );
      return;
    }
    this.place(id, number, start, end);
  }

  private expectEnvelope(id: string, start: number, end: number, expected: Envelope, where: string): void {
    if (this.envelope === expected) {
      return;
    }
    if (this.envelope === 'transaction') {
      this.closeTransaction(undefined);
    }
    this.report(placementRuleId, start, end, `${id} is not allowed here: the 837P allows it ${where}.`);
  }

  private openTransaction(start: number, end: number): void {
    this.closeTransaction(undefined);
    this.depth = -1;
    this.push(transactionMap, start, end, false);
    this.numbering.startTransaction();
  }

  /** Closes every open loop; `at` is the SE, where what the transaction still lacks is reported. */
  private closeTransaction(at: number | undefined): void {
    if (this.depth < 0) {
      return;
    }
    this.closeAbove(0);
    const root = this.frames[0] as Frame;
    this.checkRootUpTo(root, Number.MAX_SAFE_INTEGER, at ?? root.openerStart, at === undefined ? 0 : 2);
    this.depth = -1;
  }

  private push(loop: CompiledLoop, start: number, end: number, assumed: boolean): Frame {
    this.depth++;
    let frame = this.frames[this.depth];
    if (!frame) {
      frame = new Frame();
      this.frames[this.depth] = frame;
    }
    frame.reset(loop, start, end, assumed);
    return frame;
  }

  /** Closes the loops open above `depth`, reporting what each lacks at its opening segment. */
  private closeAbove(depth: number): void {
    while (this.depth > depth) {
      const frame = this.frames[this.depth] as Frame;
      if (!frame.assumed) {
        this.checkMandatory(frame, frame.openerStart, frame.loop.spec.opener.segment.length, Number.MAX_SAFE_INTEGER);
        this.loops.add(frame.loop, frame.openerStart, Math.max(this.lastEnd, frame.openerEnd), this.depth);
      }
      this.depth--;
    }
  }

  /** Reports the loop's mandatory members at places before `before` that were never seen. */
  private checkMandatory(frame: Frame, start: number, length: number, before: number): void {
    const loop = frame.loop;
    for (const place of loop.mandatorySegments) {
      if (place.place < before && frame.counts[place.member] === 0) {
        this.report(
          requiredRuleId,
          start,
          start + length,
          `${loop.heading} has no ${place.entry.segment}; the 837P requires it.`,
        );
      }
    }
    for (const child of loop.mandatoryChildren) {
      if (child.place >= before) {
        continue;
      }
      if (frame.counts[child.member] === 0) {
        this.report(
          requiredRuleId,
          start,
          start + length,
          `${loop.heading} has no Loop ${child.loop.spec.id} ${child.loop.spec.name}; the 837P requires it.`,
        );
      }
    }
  }

  /**
   * The transaction header's mandatory members are reported at the first
   * segment past their place, not at the ST: a file checked in pieces repeats
   * the ST of a long transaction before each piece.
   */
  private checkRootUpTo(root: Frame, place: number, start: number, length: number): void {
    if (root.assumed || root.place >= place) {
      return;
    }
    this.checkMandatory(root, start, length, place);
    root.assumed = place === Number.MAX_SAFE_INTEGER;
  }

  private identifierOf(id: string, start: number, end: number): string {
    if (id === 'NM1') {
      return this.elements.elementText(id, start, end, 1);
    }
    return id === 'HL' ? this.elements.elementText(id, start, end, 3) : '';
  }

  private place(id: string, number: number, start: number, end: number): void {
    const idEnd = start + id.length;
    const identifier = this.identifierOf(id, start, end);
    const root = this.frames[0] as Frame;
    if (id === 'HL' && this.depth === 0 && root.place === -1) {
      // An HL right after ST: claim-lint's stream cuts a long transaction before an HL and repeats only its
      // ST, so the header cannot be known missing here; the header's checks are off for this transaction.
      root.assumed = true;
    }
    let unidentified: CompiledLoop | undefined;
    for (let depth = this.depth; depth >= 0; depth--) {
      const frame = this.frames[depth] as Frame;
      const loop = frame.loop;
      const segment = loop.segmentByNumber[number];
      if (segment) {
        if (segment.place < frame.place) {
          // Counted, so a segment that is there but out of order is not also reported missing.
          frame.counts[segment.member] = (frame.counts[segment.member] ?? 0) + 1;
          this.outOfOrder(frame, id, start, end, segment.checks);
          return;
        }
        this.closeAbove(depth);
        this.advance(frame, segment.place, start, idEnd);
        const uses = (frame.counts[segment.member] ?? 0) + 1;
        frame.counts[segment.member] = uses;
        if (uses === segment.entry.maxUse + 1 && !frame.assumed) {
          this.report(
            placementRuleId,
            start,
            idEnd,
            `${loop.heading} allows ${id} at most ${segment.entry.maxUse} time${segment.entry.maxUse === 1 ? '' : 's'}.`,
          );
        }
        this.elements.check(segment.checks, start, end, loop.heading);
        return;
      }
      const children = loop.childrenByNumber[number];
      if (!children) {
        continue;
      }
      const child = children.find((candidate) => opensWith(candidate.loop, identifier));
      if (!child) {
        unidentified ??= loop;
        continue;
      }
      if (child.place < frame.place) {
        this.outOfOrder(frame, id, start, end, child.loop.openerChecks);
        return;
      }
      this.closeAbove(depth);
      this.advance(frame, child.place, start, idEnd);
      const member = child.member;
      const repeats = (frame.counts[member] ?? 0) + 1;
      frame.counts[member] = repeats;
      if (repeats === child.loop.spec.maxRepeat + 1 && !frame.assumed) {
        this.report(
          placementRuleId,
          start,
          idEnd,
          `Loop ${child.loop.spec.id} ${child.loop.spec.name} repeats more than ${child.loop.spec.maxRepeat} times in ${loop.title}.`,
        );
      }
      this.open(child.loop, id, start, end, frame, false);
      return;
    }
    this.misplaced(id, start, end, identifier, unidentified);
  }

  /**
   * A member of an open loop whose place that loop has passed: reported as out of order, and the walk
   * stays where it is, so the segments after it are read in the loop they belong to.
   */
  private outOfOrder(frame: Frame, id: string, start: number, end: number, checks: SegmentChecks | undefined): void {
    if (!frame.assumed) {
      const innermost = this.frames[this.depth] as Frame;
      this.report(
        placementRuleId,
        start,
        start + id.length,
        innermost === frame
          ? `${id} is out of order in ${frame.loop.title}: the 837P puts it before the segments above it.`
          : `${id} stands in ${innermost.loop.title}, but the 837P puts it in ${frame.loop.title}, before the segments above it.`,
      );
    }
    this.elements.check(checks, start, end, frame.loop.heading);
  }

  /** Moves the loop's place forward to `place`. */
  private advance(frame: Frame, place: number, start: number, idEnd: number): void {
    if (frame === this.frames[0]) {
      this.checkRootUpTo(frame, place, start, idEnd - start);
    }
    frame.place = place;
  }

  private open(
    loop: CompiledLoop,
    id: string,
    start: number,
    end: number,
    parent: Frame | undefined,
    assumed: boolean,
  ): void {
    const frame = this.push(loop, start, end, assumed);
    const title = loop.heading;
    this.elements.check(loop.openerChecks, start, end, title);
    if (id === 'HL') {
      const fromStart = !(this.frames[0] as Frame).assumed && this.sawHeader();
      this.numbering.checkHierarchy(frame, parent, start, end, fromStart);
    } else if (id === 'LX') {
      this.numbering.checkLineNumber(parent, start, end);
    }
  }

  private misplaced(
    id: string,
    start: number,
    end: number,
    identifier: string,
    unidentified: CompiledLoop | undefined,
  ): void {
    const idEnd = start + id.length;
    const current = (this.frames[this.depth] as Frame).loop;
    if (unidentified && id === 'NM1') {
      // The NM1's entity code names no loop that may stand here: NM101 says what the NM1 is, so its loop cannot be known.
      const codes =
        unidentified.children.get(id)?.flatMap((child) => child.loop.spec.opener.identifier?.codes ?? []) ?? [];
      if (identifier === '') {
        this.report(
          requiredRuleId,
          start,
          idEnd,
          `NM1 after ${current.title}: NM101 (entity identifier code) is required; it says which loop the NM1 opens.`,
        );
      } else {
        const shown = /^[A-Z0-9]{2,3}$/.test(identifier) ? `'${identifier}'` : 'its value';
        this.report(
          elementRuleId,
          start,
          idEnd,
          `NM1 after ${current.title}: NM101 (entity identifier code) ${shown} opens no loop the 837P allows here; it may be ${codes.join(', ')}.`,
        );
      }
      return;
    }
    const opened = loopOpenedBy(id, identifier);
    const home = opened ?? homeOfSegment.get(id);
    if (!home) {
      this.report(
        placementRuleId,
        start,
        idEnd,
        'This is not a segment of the 837P professional claim; it is skipped.',
      );
      return;
    }
    if (id === 'HL') {
      const level = levelNames[identifier];
      this.report(
        level ? hierarchyRuleId : elementRuleId,
        start,
        idEnd,
        level
          ? `HL03 ${identifier} (${level}) cannot stand here: a patient level (23) stands under a subscriber level (22), a subscriber under a billing provider (20).`
          : `HL03 (hierarchical level code) must be 20 (billing provider), 22 (subscriber) or 23 (patient).`,
      );
    } else {
      this.report(
        placementRuleId,
        start,
        idEnd,
        `${id} is not allowed in ${current.title}; the 837P puts it in ${home.title}.`,
      );
    }
    if (!opened) {
      return;
    }
    // Find the walk's place again: the loop's parents are assumed open, and the loop is read as if it stood right.
    const chain: CompiledLoop[] = [];
    for (let parent = opened.parent; parent?.parent; parent = parent.parent) {
      chain.unshift(parent);
    }
    this.closeAbove(0);
    // The walk no longer knows what came before: the header's own checks are off for this transaction.
    (this.frames[0] as Frame).assumed = true;
    for (const parent of chain) {
      this.push(parent, start, idEnd, true);
    }
    this.open(opened, id, start, end, this.frames[this.depth], false);
  }

  /**
   * The loop the segment at `last` stands in, walking from `first` (an ST, or an HL when the transaction's
   * start is too far back): from an HL the walk finds its place as it does after a misplaced HL, with the
   * loops above it assumed. Undefined when the segments leave the walk outside a transaction.
   */
  loopAfter(first: number, last: number): CompiledLoop | undefined {
    const segments = this.segments;
    if (segments.idAt(first) === 'ST') {
      this.envelope = 'group';
    } else {
      this.envelope = 'transaction';
      this.openTransaction(segments.startAt(first), segments.startAt(first));
    }
    for (let ordinal = first; ordinal <= last; ordinal++) {
      const id = segments.idAt(ordinal) ?? '';
      this.visit(id, this.numberAt(ordinal, id), segments.startAt(ordinal), segments.endAt(ordinal));
      if (this.envelope !== 'transaction') {
        return undefined;
      }
    }
    return this.depth >= 0 ? (this.frames[this.depth] as Frame).loop : undefined;
  }

  /** The transaction's BHT was read: the walk started at the transaction's start, not in a piece of it. */
  private sawHeader(): boolean {
    const root = this.frames[0] as Frame;
    const bht = root.loop.segments.get('BHT');
    return bht !== undefined && (root.counts[bht.member] ?? 0) > 0;
  }
}

/** What one walk over an interchange found: its structure findings and its loops, and its checkpoints. */
export interface StructureWalk {
  findings: readonly StructureFinding[];
  loops: WalkedLoops;
  checkpoints: readonly Checkpoint[];
}

// One walker a check, with its element checker, numbering checks and loop list; see keptShapes.ts for why one is kept.
keepShapeOf(
  new StructureWalker(new SegmentTable('', '*'), { element: '*', component: ':', repetition: '^', segment: '~' }),
);
