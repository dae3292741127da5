/**
 * The x12-control-numbers rule for the envelopes a streamed 837 shares
 * across its pieces: GE01 counts the transactions of its group, IEA01 the
 * groups of its interchange, GE02 repeats GS06 and IEA02 repeats ISA13, and
 * an envelope left open at the end of the file is reported. No piece sees a
 * whole group, so the stream counts them itself, with the rule's own logic
 * and words (the stream-versus-whole-file tests compare them). ST/SE pairs
 * are inside a piece and stay the language service's. An ISA13 that repeats
 * an earlier interchange's (x12-duplicate-interchange) is told here too: no
 * piece sees every ISA of the file.
 */
import type { Position } from 'vscode-languageserver-types';
import {
  childCountMessage,
  controlNumberMessage,
  onlyRefused,
  repeatedInterchangeMessage,
} from '../../../server/src/service';
import type { LintMessage, SeverityName } from '../output/lintResults';

export const controlNumbersRuleId = 'x12-control-numbers';
export const duplicateInterchangeRuleId = 'x12-duplicate-interchange';

export interface ElementSpan {
  text: string;
  start: Position;
  /** The end of the range a finding on the element gets: at least one character, also when it is empty. */
  findingEnd: Position;
}

interface EnvelopeSegment {
  id: string;
  start: Position;
  /** The end of the segment id. */
  idEnd: Position;
  /** Element n (1-based) is `elements[n - 1]`. */
  elements: readonly ElementSpan[];
}

const pairs = [
  { header: 'GS', trailer: 'GE', headerElement: 6, trailerElement: 2, countElement: 1, counts: 'ST' },
  { header: 'ISA', trailer: 'IEA', headerElement: 13, trailerElement: 2, countElement: 1, counts: 'GS' },
] as const;

/** The ids the envelopes care about; other segments need not be shown to `observe`. */
export const envelopeSegmentIds: ReadonlySet<string> = new Set(['ST', 'GS', 'GE', 'ISA', 'IEA']);

export class EnvelopeTrailers {
  /** Each open envelope, with what it counts and how many of its transactions are checked or refused. */
  private readonly open = new Map<
    string,
    { header: EnvelopeSegment; children: number; checked: number; refused: number }
  >();
  /** Each ISA13 seen: once, or repeated and told (each number is told once, as the rule does). */
  private readonly interchangeNumbers = new Map<string, 'once' | 'told'>();

  constructor(
    private readonly severity: SeverityName | undefined,
    private readonly duplicateSeverity: SeverityName | undefined,
    private readonly report: (message: LintMessage) => void,
  ) {}

  private finding(start: Position, end: Position, message: string, ruleId = controlNumbersRuleId): void {
    const severity = ruleId === controlNumbersRuleId ? this.severity : this.duplicateSeverity;
    if (severity !== undefined) {
      this.report({
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        severity,
        message,
        ruleId,
        claimId: null,
      });
    }
  }

  /** An ISA13 seen before in the file, as the x12-duplicate-interchange rule tells it. */
  private checkRepeat(isa: EnvelopeSegment): void {
    const isa13 = isa.elements[12];
    const number = isa13?.text.trim() ?? '';
    if (!isa13 || number === '') {
      return;
    }
    const before = this.interchangeNumbers.get(number);
    if (before === 'once') {
      this.finding(isa13.start, isa13.findingEnd, repeatedInterchangeMessage(number), duplicateInterchangeRuleId);
    }
    this.interchangeNumbers.set(number, before === undefined ? 'once' : 'told');
  }

  /**
   * One envelope segment, in file order; for an ST, whether its transaction is refused (not an 837P
   * claim): a group or interchange of nothing but refused transactions is not checked, as the rule does.
   */
  observe(segment: EnvelopeSegment, refused = false): void {
    if (segment.id === 'ISA') {
      this.checkRepeat(segment);
    }
    const group = segment.id === 'ST' ? this.open.get('GS') : undefined;
    if (group) {
      group[refused ? 'refused' : 'checked']++;
    }
    for (const pair of pairs) {
      if (segment.id === pair.counts) {
        const parent = this.open.get(pair.header);
        if (parent) {
          parent.children++;
        }
      }
      if (segment.id === pair.header) {
        this.open.set(pair.header, { header: segment, children: 0, checked: 0, refused: 0 });
      } else if (segment.id === pair.trailer) {
        const envelope = this.open.get(pair.header);
        this.open.delete(pair.header);
        if (!envelope) {
          continue;
        }
        this.passUp(envelope);
        if (onlyRefused(envelope)) {
          continue;
        }
        const expected = envelope.header.elements[pair.headerElement - 1]?.text.trim();
        const written = segment.elements[pair.trailerElement - 1];
        if (expected !== undefined && written && written.text.trim() !== expected) {
          this.finding(
            written.start,
            written.findingEnd,
            controlNumberMessage(
              `${pair.trailer}0${pair.trailerElement}`,
              `${pair.header}${String(pair.headerElement).padStart(2, '0')}`,
              expected,
            ),
          );
        }
        const count = segment.elements[pair.countElement - 1];
        if (count && count.text !== String(envelope.children)) {
          this.finding(count.start, count.findingEnd, childCountMessage(pair.trailer, envelope.children, pair.counts));
        }
      }
    }
  }

  /** A group's checked and refused transactions count for its interchange too. */
  private passUp(envelope: { header: EnvelopeSegment; checked: number; refused: number }): void {
    const interchange = envelope.header.id === 'GS' ? this.open.get('ISA') : undefined;
    if (interchange) {
      interchange.checked += envelope.checked;
      interchange.refused += envelope.refused;
    }
  }

  /** At the end of the file: the envelopes never closed (not those of refused transactions only). */
  finish(): void {
    const group = this.open.get('GS');
    if (group) {
      this.passUp(group);
    }
    for (const envelope of this.open.values()) {
      const { header } = envelope;
      if (onlyRefused(envelope)) {
        continue;
      }
      const trailer = pairs.find((pair) => pair.header === header.id)?.trailer ?? '';
      this.finding(header.start, header.idEnd, `This ${header.id} envelope is never closed by ${trailer}.`);
    }
  }
}
