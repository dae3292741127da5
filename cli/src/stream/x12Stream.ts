/**
 * A large 837 checked without holding it whole. The text is read in pieces
 * and split into segments on the terminator the ISA names; whole transaction
 * sets (ST...SE) are gathered into a piece of about a quarter of the chunk
 * size and checked by the language service as one document, preceded by
 * copies of the interchange's ISA and the group's GS so it reads them as it
 * reads the file. What spans pieces is the stream's own: the GS/GE and
 * ISA/IEA envelope counts and control numbers (EnvelopeTrailers), and, for a
 * transaction larger than `claimTextLimit` (64 MB), which is cut before an HL
 * or CLM segment, its SE01 segment count. A transaction is otherwise never
 * cut: one larger than the chunk makes its piece larger, so the memory held is
 * bounded by the largest transaction, not the file, and the structure walk
 * reads every transaction whole, as in the whole-file check. What each transaction is, and
 * the one x12-not-837p finding for each run of transactions that are not 837P
 * claims, is the stream's too: a piece does not know what came before it.
 * See docs/scaling.md for what a cut loses.
 */
import type { Position } from 'vscode-languageserver-types';
import {
  type ClaimSettings,
  endsClaim,
  identifyTransaction,
  isLayoutSpace,
  RefusalRuns,
  refusalMessage,
  segmentCountMessage,
  segmentEnd,
  segmentIdAt,
} from '../../../server/src/service';
import type { LintMessage, SeverityName } from '../output/lintResults';
import { type Chunk, type ChunkChecker, type CopiedSegment, type FileSpan } from './chunkChecker';
import {
  controlNumbersRuleId,
  duplicateInterchangeRuleId,
  type ElementSpan,
  envelopeSegmentIds,
  EnvelopeTrailers,
} from './envelopeTrailers';
import { severityFor } from './streamedMessages';
import { PositionCursor } from './textPositions';
import { maxLineLength, segmentTooLong } from './lineLimit';
import { JunkFinder, readSeparators, type Separators } from './x12Scan';

const segmentCountRuleId = 'x12-segment-count';
const not837pRuleId = 'x12-not-837p';
const envelopeIdsRuleId = 'x12-envelope-ids';
/** All of the file: the stream reports x12-not-837p itself, wherever it stands. */
const wholeFile: FileSpan = {
  start: { line: 0, character: 0 },
  end: { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER },
};

/** A segment, or a line, longer than the stream can hold: the file cannot be checked in bounded memory. */
export class StreamLimitError extends Error {}

export interface StreamLimits {
  /** The most text checked at once, but for a claim larger than it; transactions are gathered up to a quarter of it. */
  chunk: number;
}

/**
 * The most text a piece may hold before it is cut inside a claim (a `.claim` file) or inside an 837
 * transaction: 64 Mi characters, or twice the chunk when that is more. A real claim is a few
 * kilobytes (an 837P claim has at most 50 service lines) and a transaction a few megabytes (the
 * guide recommends at most 5,000 claims in one), so only a file that never ends them reaches it; it
 * keeps such a file in bounded memory, checked in parts.
 */
export function claimTextLimit(limits: StreamLimits): number {
  return Math.max(2 * limits.chunk, 64 * 1024 * 1024);
}

type Cut = 'between-transactions' | 'inside-transaction' | 'outside-transaction';

export class X12Stream {
  private readonly cursor = new PositionCursor();
  private readonly junk = new JunkFinder();
  private readonly envelope: EnvelopeTrailers;
  private readonly segmentCountSeverity: SeverityName | undefined;
  private readonly not837pSeverity: SeverityName | undefined;
  private readonly refusalRuns = new RefusalRuns();
  /** ISA12 of the interchange and GS08 of the group being read: with ST01 and ST03, what a transaction is. */
  private isa12 = '';
  private gs08: ElementSpan | undefined;
  /** True while in a transaction that is not an 837P (the service checks nothing in it, nor does the stream). */
  private refused = false;
  /** Where the open transaction's ST is in the file, and the copies of it a piece starts with. */
  private transactionSpan: FileSpan | undefined;
  private copiedStSpans: FileSpan[] = [];
  private separators: Separators = { element: '*', component: ':', repetition: undefined, segment: '~' };
  private elementCode = '*'.charCodeAt(0);
  /** Segment ids by their character codes, one string each for the whole file (see `segmentIdAt`). */
  private readonly ids = new Map<number, string>();
  private work = '';
  // The chunk being gathered: `parts`, then work[chunkIndex, ...).
  private parts: string[] = [];
  private partsLength = 0;
  private chunkIndex = 0;
  private chunkStart: Position = { line: 0, character: 0 };
  private before: CopiedSegment[] = [];
  private envelopeSpans: FileSpan[] = [];
  private segmentCountSpans: FileSpan[] = [];
  private ownMessages: LintMessage[] = [];
  // The file and its open transaction.
  private firstIsa: string | undefined;
  private group = '';
  private inTransaction = false;
  private transaction: CopiedSegment | undefined;
  /** The last segment that set the place in the transaction (HL, CLM or LX), copied after the ST when the transaction is cut. */
  private lastOpener: string | undefined;
  private transactionSegments = 0;
  private pieceSegments = 0;
  private transactionCut = false;
  private previousValid = true;
  /** True from a CLM to the CLM, HL or SE that ends its claim: no cut is made there. */
  private inClaim = false;

  constructor(
    private readonly checker: ChunkChecker,
    settings: ClaimSettings,
    private readonly limits: StreamLimits,
    private readonly report: (batch: LintMessage[]) => void,
  ) {
    this.envelope = new EnvelopeTrailers(
      severityFor(controlNumbersRuleId, settings),
      severityFor(duplicateInterchangeRuleId, settings),
      (message) => this.ownMessages.push(message),
    );
    this.segmentCountSeverity = severityFor(segmentCountRuleId, settings);
    this.not837pSeverity = severityFor(not837pRuleId, settings);
  }

  async run(source: AsyncIterable<string>): Promise<void> {
    const pieces = source[Symbol.asyncIterator]();
    let done = false;
    const hardLimit = maxLineLength(this.limits.chunk);
    // Enough of the head to hold the ISA (106 characters after any leading space).
    while (
      !done &&
      !(this.work.search(/\S/) !== -1 && this.work.length >= this.work.search(/\S/) + 4096) &&
      this.work.length < hardLimit
    ) {
      const next = await pieces.next();
      done = next.done === true;
      this.work += next.done ? '' : next.value;
    }
    const separators = readSeparators(this.work);
    if (!separators) {
      // The service reads no further than an ISA it cannot read: its finding is all there is.
      this.checker.check(
        { before: [], text: this.work, start: this.chunkStart, after: '', ownFindings: [], ownMessages: [] },
        this.report,
      );
      await pieces.return?.();
      return;
    }
    this.separators = separators;
    this.junk.separators = separators;
    this.elementCode = separators.element.charCodeAt(0);
    this.beginWork(this.work);
    try {
      await this.readAll(pieces, separators.isaStart, done);
    } finally {
      await pieces.return?.();
    }
    this.checkChunk(this.work.length, '');
    this.ownMessages = [];
    this.envelope.finish();
    this.report(this.ownMessages);
  }

  private async readAll(pieces: AsyncIterator<string>, scanFrom: number, done: boolean): Promise<void> {
    const hardLimit = maxLineLength(this.limits.chunk);
    for (;;) {
      const carryStart = this.scan(scanFrom, done);
      if (done) {
        break;
      }
      this.parts.push(this.work.slice(this.chunkIndex, carryStart));
      this.partsLength += carryStart - this.chunkIndex;
      this.cursor.moveTo(carryStart);
      const carry = this.work.slice(carryStart);
      // The carry is the start of a segment (with its terminator, when that is the last character read).
      const terminator = carry.indexOf(this.separators.segment);
      if ((terminator === -1 ? carry.length : terminator) > hardLimit) {
        throw new StreamLimitError(segmentTooLong(this.limits.chunk));
      }
      const next = await pieces.next();
      done = next.done === true;
      this.beginWork(next.done ? carry : carry + next.value);
      scanFrom = 0;
    }
  }

  private beginWork(text: string): void {
    this.work = text;
    this.chunkIndex = 0;
    this.cursor.beginText(text);
    this.junk.begin(text);
  }

  /** Reads the complete segments from `from`; returns where the incomplete rest starts (the end, when `final`). */
  private scan(from: number, final: boolean): number {
    const work = this.work;
    let offset = from;
    while (offset < work.length) {
      let terminator = work.indexOf(this.separators.segment, offset);
      // One character past the terminator is needed to keep a \r\n line end whole.
      if (!final && (terminator === -1 || terminator + 1 >= work.length)) {
        return offset;
      }
      if (terminator === -1) {
        terminator = work.length;
      }
      if (terminator - offset > maxLineLength(this.limits.chunk)) {
        // Whole in what was read, yet too long: a file read whole is refused the same (lineLimit.ts).
        throw new StreamLimitError(segmentTooLong(this.limits.chunk));
      }
      let next = terminator + 1;
      if (this.separators.segment === '\r' && work.charCodeAt(next) === 10) {
        next++;
      }
      const closedTransaction = this.segment(offset, terminator);
      if (
        closedTransaction &&
        this.partsLength + (Math.min(next, work.length) - this.chunkIndex) >= this.limits.chunk / 4
      ) {
        this.cut(Math.min(next, work.length), 'between-transactions');
      }
      offset = next;
    }
    return work.length;
  }

  /** One segment, [rawStart, terminator) with its leading space; true when it closed a transaction. */
  private segment(rawStart: number, terminator: number): boolean {
    const work = this.work;
    let start = rawStart;
    while (start < terminator && isLayoutSpace(work.charCodeAt(start))) {
      start++;
    }
    const end = segmentEnd(work, start, terminator);
    if (start === end) {
      return false;
    }
    const id = segmentIdAt(work, start, end, this.elementCode, this.ids);
    const valid = id !== undefined && !this.junk.has(start, end);
    const gathered = this.partsLength + (rawStart - this.chunkIndex);
    // Each claim is read whole in one piece, as the service reads it: a piece grows past the chunk
    // size until the claim ends, and only text no claim can reach is cut at twice the chunk size.
    const endsOpenClaim = this.inClaim && valid && endsClaim(id) && this.previousValid;
    const cuttable = !this.inClaim || endsOpenClaim || gathered >= claimTextLimit(this.limits);
    if (this.inTransaction) {
      // A transaction is read whole in one piece, as the service reads it: the structure walk follows its HL
      // chain, its LX numbers and the loops the guide requires across the whole of it, which a piece that
      // starts in the middle cannot. The 837P guide recommends at most 5,000 claims a transaction, a few
      // megabytes; only one past the limit is cut, where a claim ends (before its HL or CLM), and its
      // structure findings near the cut may then differ (docs/scaling.md).
      const atClaimEnd = valid && id !== 'SE' && endsClaim(id) && this.previousValid;
      const limit = claimTextLimit(this.limits);
      if ((gathered >= limit && atClaimEnd) || gathered >= 2 * limit) {
        this.cut(rawStart, 'inside-transaction');
      }
    } else if (gathered >= 2 * this.limits.chunk && cuttable) {
      this.cut(rawStart, 'outside-transaction');
    }
    if (valid && endsClaim(id)) {
      // As claimSpans.ts reads claims among the segments the lexer keeps (junk is none of them).
      this.inClaim = id === 'CLM';
    }
    this.firstIsa ??= `${work.slice(start, end)}${this.separators.segment}`;
    this.previousValid = valid;
    if (!valid || id === undefined) {
      return false;
    }
    return this.validSegment(id, start, end);
  }

  private validSegment(id: string, start: number, end: number): boolean {
    const text = () => `${this.work.slice(start, end)}${this.separators.segment}`;
    if (id === 'ST') {
      this.inTransaction = true;
      this.transactionSegments = 0;
      this.pieceSegments = 0;
      this.transactionCut = false;
      this.lastOpener = undefined;
      this.transaction = { text: text(), origin: this.cursor.positionAt(start) };
    }
    if (this.inTransaction) {
      this.transactionSegments++;
      this.pieceSegments++;
    }
    if (id === 'GS') {
      this.group = text();
    } else if ((id === 'HL' || id === 'CLM' || id === 'LX') && this.inTransaction) {
      this.lastOpener = text();
    }
    if (envelopeSegmentIds.has(id)) {
      // The cursor only moves forward: each position is taken once, in the order of the text.
      const spanStart = this.cursor.positionAt(start);
      const idEnd = this.cursor.positionAt(start + id.length);
      const elements = this.elements(id, start, end);
      const span = { start: spanStart, end: this.cursor.positionAt(end) };
      if (id !== 'ST') {
        this.envelopeSpans.push(span);
      }
      if (id === 'ISA') {
        this.isa12 = elements[11]?.text ?? '';
        this.gs08 = undefined;
      } else if (id === 'GS') {
        this.gs08 = elements[7];
      } else if (id === 'ST') {
        this.identify(elements, span);
      }
      // After identify: the envelope needs to know whether an ST's transaction is refused.
      this.envelope.observe({ id, start: spanStart, idEnd, elements }, id === 'ST' && this.refused);
    }
    if (id === 'SE' && this.inTransaction) {
      if (this.transactionCut && !this.refused) {
        this.checkSegmentCount(start, end);
      }
      this.inTransaction = false;
      return true;
    }
    return false;
  }

  /**
   * What the transaction whose ST (its elements, at `span`) opens is, and the
   * x12-not-837p finding when it starts a run of refused ones: the rule's own
   * logic and words, on the element that tells (the GS08 may be in an
   * earlier piece).
   */
  private identify(st: readonly ElementSpan[], span: FileSpan): void {
    const identity = identifyTransaction({
      isa12: this.isa12,
      gs08: this.gs08?.text ?? '',
      st01: st[0]?.text ?? '',
      st03: st[2]?.text ?? '',
    });
    this.refused = !identity.checked;
    this.transactionSpan = span;
    if (!this.refusalRuns.startsRun(identity) || this.not837pSeverity === undefined) {
      return;
    }
    const element = identity.decidedBy === 'GS08' ? this.gs08 : identity.decidedBy === 'ST01' ? st[0] : st[2];
    const written = element !== undefined && element.text !== '';
    // Where nothing is written, the rule reports the first two characters of the ST.
    const from = written ? element.start : span.start;
    const to = written ? element.findingEnd : { line: span.start.line, character: span.start.character + 2 };
    this.ownMessages.push({
      line: from.line + 1,
      column: from.character + 1,
      endLine: to.line + 1,
      endColumn: to.character + 1,
      severity: this.not837pSeverity,
      message: refusalMessage(identity),
      ruleId: not837pRuleId,
      claimId: null,
    });
  }

  /** The elements of a segment with their positions, for the few segments the stream reads itself. */
  private elements(id: string, start: number, end: number): ElementSpan[] {
    const spans: ElementSpan[] = [];
    const element = this.separators.element;
    let from = start + id.length + element.length;
    while (from <= end) {
      const separator = this.work.indexOf(element, from);
      const to = separator === -1 || separator > end ? end : separator;
      const spanStart = this.cursor.positionAt(from);
      const findingEnd = this.cursor.positionAt(Math.max(to, from + 1));
      spans.push({ text: this.work.slice(from, to), start: spanStart, findingEnd });
      from = to + element.length;
      if (to === end) {
        break;
      }
    }
    return spans;
  }

  /** SE01 of a transaction that was cut: no piece holds all its segments, so the stream counted them. */
  private checkSegmentCount(start: number, end: number): void {
    const spanStart = this.cursor.positionAt(start);
    const written = this.elements('SE', start, end)[0];
    this.segmentCountSpans.push({ start: spanStart, end: this.cursor.positionAt(end) });
    if (!written || written.text === String(this.transactionSegments) || this.segmentCountSeverity === undefined) {
      return;
    }
    this.ownMessages.push({
      line: written.start.line + 1,
      column: written.start.character + 1,
      endLine: written.findingEnd.line + 1,
      endColumn: written.findingEnd.character + 1,
      severity: this.segmentCountSeverity,
      message: segmentCountMessage(this.transactionSegments),
      ruleId: segmentCountRuleId,
      claimId: null,
    });
  }

  /** Checks the chunk gathered up to `at` in the current text and starts the next one there. */
  private cut(at: number, kind: Cut): void {
    const inside = kind === 'inside-transaction';
    this.checkChunk(at, inside ? this.closingSe() : '');
    this.chunkStart = this.cursor.positionAt(at);
    this.chunkIndex = at;
    this.before = [{ text: this.firstIsa ?? '' }, { text: this.group || `GS${this.separators.segment}` }];
    if (inside && this.transaction) {
      this.transactionCut = true;
      // What the service says of the copied ST's envelope ids was said with the piece that holds the real one.
      if (this.transactionSpan) {
        this.copiedStSpans.push(this.transactionSpan);
      }
      // The copied ST stands for the real one: an ST never closed by SE is reported there. The
      // last HL, CLM or LX puts the piece where the file is in the 837P layout; it is closed
      // by the HL or CLM the piece starts with, so no claim reaches from the copy into the piece.
      this.before.push(this.transaction);
      if (this.lastOpener !== undefined) {
        this.before.push({ text: this.lastOpener });
      }
      this.pieceSegments = this.lastOpener === undefined ? 1 : 2;
    }
  }

  private checkChunk(at: number, after: string): void {
    const text = this.parts.join('') + this.work.slice(this.chunkIndex, at);
    const chunk: Chunk = {
      before: this.before,
      text,
      start: this.chunkStart,
      after: after === '' || /[\r\n]$/.test(text) ? after : `\n${after}`,
      ownFindings: [
        { ruleId: controlNumbersRuleId, spans: this.envelopeSpans },
        { ruleId: segmentCountRuleId, spans: this.segmentCountSpans },
        { ruleId: duplicateInterchangeRuleId, spans: this.envelopeSpans },
        { ruleId: not837pRuleId, spans: [wholeFile] },
        { ruleId: envelopeIdsRuleId, spans: this.copiedStSpans },
      ],
      ownMessages: this.ownMessages,
    };
    this.checker.check(chunk, this.report);
    this.parts = [];
    this.partsLength = 0;
    this.envelopeSpans = [];
    this.segmentCountSpans = [];
    this.copiedStSpans = [];
    this.ownMessages = [];
  }

  /** An SE closing the piece of a cut transaction, so the piece reads as a whole transaction. */
  private closingSe(): string {
    const { element, segment } = this.separators;
    const control = this.transaction?.text.split(element)[2]?.replace(segment, '') ?? '';
    return `SE${element}${this.pieceSegments + 1}${element}${control}${segment}`;
  }
}
