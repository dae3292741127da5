/**
 * The numbering checks of the structure walk: the HL hierarchy of a
 * transaction (HL01 counts 1, 2, 3, ...; HL02 names the level above; a
 * level under an HL whose HL04 is 0) for `x12-hierarchy`, and the LX
 * numbers of each claim (1, 2, 3, ...) for `x12-line-number`. The walk
 * (`structureWalker.ts`) calls them as it opens an HL or LX loop.
 */
import type { ElementChecker, StructureReport } from './elementChecker';
import type { Frame } from './structureFrame';
import { transactionMap } from './x12Map/x12Map';

export const hierarchyRuleId = 'x12-hierarchy';
export const lineNumberRuleId = 'x12-line-number';

export const levelNames: Readonly<Record<string, string>> = {
  '20': 'billing provider',
  '22': 'subscriber',
  '23': 'patient',
};

export class NumberingChecks {
  /** The transaction's last HL01 read, and whether one has been read (x12-hierarchy counts from it). */
  private lastHl = 0;
  private hlCounted = false;

  constructor(
    private readonly elements: ElementChecker,
    private readonly report: StructureReport,
  ) {}

  /** What the checks remember, for a checkpoint of the walk. */
  get state(): readonly [lastHl: number, hlCounted: boolean] {
    return [this.lastHl, this.hlCounted];
  }

  set state([lastHl, hlCounted]: readonly [number, boolean]) {
    this.lastHl = lastHl;
    this.hlCounted = hlCounted;
  }

  /** A new transaction: its HL ids count from 1 again. */
  startTransaction(): void {
    this.lastHl = 0;
    this.hlCounted = false;
  }

  /**
   * The HL at [start, end), opening `frame` under `parent`. `fromStart`: the walk read this transaction from its
   * start (its BHT was seen and its header is not assumed), so a first HL01 other than 1 is wrong.
   */
  checkHierarchy(frame: Frame, parent: Frame | undefined, start: number, end: number, fromStart: boolean): void {
    const id = this.elements.elementText('HL', start, end, 1);
    const parentId = this.elements.elementText('HL', start, end, 2);
    const childCode = this.elements.elementText('HL', start, end, 4);
    frame.hlId = id;
    frame.hlChildCode = childCode;
    const number = /^\d+$/.test(id) ? Number(id) : NaN;
    const span = (position: number): [number, number] => this.elementSpan('HL', start, end, position);
    if (this.hlCounted && number !== this.lastHl + 1) {
      const [from, to] = span(1);
      this.report(
        hierarchyRuleId,
        from,
        to,
        `HL01 (hierarchical id number) must be ${this.lastHl + 1}: HL ids count 1, 2, 3, ... in a transaction, each one more than the HL before.`,
      );
    } else if (!this.hlCounted && number !== 1 && fromStart) {
      const [from, to] = span(1);
      this.report(
        hierarchyRuleId,
        from,
        to,
        'HL01 (hierarchical id number) of the first HL in a transaction must be 1.',
      );
    }
    this.hlCounted = this.hlCounted || Number.isFinite(number);
    if (Number.isFinite(number)) {
      this.lastHl = number;
    }
    if (!parent || parent.assumed || parent.hlId === '') {
      if (parent?.loop === transactionMap && parentId !== '') {
        const [from, to] = span(2);
        this.report(
          hierarchyRuleId,
          from,
          to,
          'HL02 must be empty for a billing provider level (20): it has no parent.',
        );
      }
      return;
    }
    if (parentId !== '' && parentId !== parent.hlId) {
      const [from, to] = span(2);
      this.report(
        hierarchyRuleId,
        from,
        to,
        `HL02 (hierarchical parent id number) must name the ${levelNames[parent.loop.spec.opener.identifier?.codes[0] ?? ''] ?? ''} level above it, HL ${parent.hlId}.`,
      );
    }
    if (parent.hlChildCode === '0') {
      const [from, to] = span(3);
      this.report(
        hierarchyRuleId,
        from,
        to,
        `HL ${parent.hlId} says it has no child levels (HL04 is 0), but this level stands under it: make its HL04 1.`,
      );
    }
  }

  /** The LX at [start, end) in `claim`, when that is a 2300: LX01 counts 1, 2, 3, ... in each claim. */
  checkLineNumber(claim: Frame | undefined, start: number, end: number): void {
    if (!claim || claim.loop.spec.id !== '2300') {
      return;
    }
    const text = this.elements.elementText('LX', start, end, 1);
    const number = /^\d+$/.test(text) ? Number(text) : NaN;
    if (claim.assumed && claim.lastLine === 0) {
      claim.lastLine = number;
      return;
    }
    if (Number.isFinite(number) && number !== claim.lastLine + 1) {
      const [from, to] = this.elementSpan('LX', start, end, 1);
      this.report(
        lineNumberRuleId,
        from,
        to,
        claim.lastLine === 0
          ? 'LX01 (assigned number) must be 1: the service lines of each claim are numbered from 1.'
          : `LX01 (assigned number) must be ${claim.lastLine + 1}: the service lines of a claim count 1, 2, 3, ... without gaps.`,
      );
    }
    if (Number.isFinite(number)) {
      claim.lastLine = number;
    }
  }

  /** The offsets of element `position` of the segment at [start, end), or the segment id's when it is empty or absent. */
  private elementSpan(id: string, start: number, end: number, position: number): [number, number] {
    const [from, to] = this.elements.elementSpan(id, start, end, position);
    return from < to ? [from, to] : [start, start + id.length];
  }
}
