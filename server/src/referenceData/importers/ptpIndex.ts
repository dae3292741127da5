/**
 * The practitioner PTP edits of one quarter as a compact index: about two
 * million edits in a few tens of megabytes, a pair looked up in constant
 * time. Codes are interned to small integers; each distinct (column 1,
 * column 2) pair gets a number through an open-addressing hash over typed
 * arrays; the pair's edits (a pair may be deleted and added again, so it can
 * have several over time) sit together, in effective-date order, in parallel
 * arrays of day numbers, indicators and rationale numbers. A `Map` of two
 * million string keys would take several hundred megabytes and seconds to
 * build, against the 150 MB for every table together.
 */
import type { DateSpan, PtpEdit, PtpEdits, PtpModifierIndicator } from '../../service/index';
import { dayOfIso, isoOfDay } from './dayNumbers';
import { noDeletion, type PtpRowColumns } from './ptpRows';
import { CacheMismatch, packTable, type PackedArray, unpackTable } from './tableBytes';

export interface PtpEditionInfo {
  label: string;
  applies: DateSpan;
  source: string;
}

/** The index's arrays, as built and as cached. */
interface PtpArrays {
  /** Per pair: its column-1 and column-2 code numbers, and where its edits start (one extra entry at the end). */
  pairColumn1: Uint32Array;
  pairColumn2: Uint32Array;
  pairStart: Uint32Array;
  /** The hash: a pair number + 1 per slot, 0 for an empty slot; its length is a power of two. */
  slots: Uint32Array;
  /** Per edit, grouped by pair and in effective-date order within a pair. */
  effective: Uint16Array;
  deleted: Uint16Array;
  indicator: Uint8Array;
  rationale: Uint16Array;
}

function pairHash(column1: number, column2: number): number {
  let h = Math.imul(column1 ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(column2 + 0x7f4a7c15, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** The smallest power of two that keeps the hash at most half full. */
function slotCountFor(pairs: number): number {
  let size = 16;
  while (size < pairs * 2) {
    size *= 2;
  }
  return size;
}

/** Numbers each row's pair and builds the hash; returns the pair number of every row. */
function numberPairs(rows: PtpRowColumns): {
  rowPair: Uint32Array;
  pairColumn1: Uint32Array;
  pairColumn2: Uint32Array;
  slots: Uint32Array;
} {
  const count = rows.column1.length;
  // At most one pair per row: sizing for that up front avoids rehashing, at a few MB of build-time memory.
  let slots = new Uint32Array(slotCountFor(count));
  let mask = slots.length - 1;
  const pairColumn1 = new Uint32Array(count);
  const pairColumn2 = new Uint32Array(count);
  const rowPair = new Uint32Array(count);
  let pairs = 0;
  for (let row = 0; row < count; row++) {
    const c1 = rows.column1[row] ?? 0;
    const c2 = rows.column2[row] ?? 0;
    let slot = pairHash(c1, c2) & mask;
    for (;;) {
      const entry = slots[slot] ?? 0;
      if (entry === 0) {
        slots[slot] = pairs + 1;
        pairColumn1[pairs] = c1;
        pairColumn2[pairs] = c2;
        rowPair[row] = pairs++;
        break;
      }
      if (pairColumn1[entry - 1] === c1 && pairColumn2[entry - 1] === c2) {
        rowPair[row] = entry - 1;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  // The kept hash is sized for the pairs, not the rows: rebuilt smaller once the count is known.
  const kept = new Uint32Array(slotCountFor(pairs));
  mask = kept.length - 1;
  for (let pair = 0; pair < pairs; pair++) {
    let slot = pairHash(pairColumn1[pair] ?? 0, pairColumn2[pair] ?? 0) & mask;
    while (kept[slot] !== 0) {
      slot = (slot + 1) & mask;
    }
    kept[slot] = pair + 1;
  }
  slots = kept;
  return { rowPair, pairColumn1: pairColumn1.slice(0, pairs), pairColumn2: pairColumn2.slice(0, pairs), slots };
}

/** Groups the rows by pair (a counting sort) and orders each pair's few rows by effective date. */
function buildArrays(rows: PtpRowColumns): PtpArrays {
  const { rowPair, pairColumn1, pairColumn2, slots } = numberPairs(rows);
  const pairs = pairColumn1.length;
  const pairStart = new Uint32Array(pairs + 1);
  for (const pair of rowPair) {
    pairStart[pair + 1]!++;
  }
  for (let pair = 0; pair < pairs; pair++) {
    pairStart[pair + 1]! += pairStart[pair] ?? 0;
  }
  const next = pairStart.slice(0, pairs);
  const count = rowPair.length;
  const effective = new Uint16Array(count);
  const deleted = new Uint16Array(count);
  const indicator = new Uint8Array(count);
  const rationale = new Uint16Array(count);
  for (let row = 0; row < count; row++) {
    const pair = rowPair[row] ?? 0;
    let at = next[pair]!++;
    const start = pairStart[pair] ?? 0;
    const rowEffective = rows.effective[row] ?? 0;
    // Insertion by effective date among the pair's rows placed so far (a pair has one to a few).
    while (at > start && (effective[at - 1] ?? 0) > rowEffective) {
      effective[at] = effective[at - 1] ?? 0;
      deleted[at] = deleted[at - 1] ?? 0;
      indicator[at] = indicator[at - 1] ?? 0;
      rationale[at] = rationale[at - 1] ?? 0;
      at--;
    }
    effective[at] = rowEffective;
    deleted[at] = rows.deleted[row] ?? 0;
    indicator[at] = rows.indicator[row] ?? 0;
    rationale[at] = rows.rationale[row] ?? 0;
  }
  return { pairColumn1, pairColumn2, pairStart, slots, effective, deleted, indicator, rationale };
}

interface PtpMeta extends PtpEditionInfo {
  codes: string[];
  rationales: string[];
}

export class PtpIndex implements PtpEdits {
  readonly kind = 'ptp';
  readonly label: string;
  readonly applies: DateSpan;
  readonly source: string;
  private readonly codeIds: Map<string, number>;
  private readonly mask: number;

  private constructor(
    edition: PtpEditionInfo,
    private readonly codes: readonly string[],
    private readonly rationales: readonly string[],
    private readonly arrays: PtpArrays,
  ) {
    this.label = edition.label;
    this.applies = edition.applies;
    this.source = edition.source;
    this.codeIds = new Map(codes.map((code, id) => [code, id]));
    this.mask = arrays.slots.length - 1;
  }

  static build(edition: PtpEditionInfo, codes: string[], rationales: string[], rows: PtpRowColumns): PtpIndex {
    return new PtpIndex(edition, codes, rationales, buildArrays(rows));
  }

  get size(): number {
    return this.arrays.effective.length;
  }

  get pairCount(): number {
    return this.arrays.pairColumn1.length;
  }

  /** The bytes of the typed arrays (the interned code and rationale texts aside). */
  get indexBytes(): number {
    return this.packedArrays().reduce((sum, array) => sum + array.byteLength, 0);
  }

  /** The arrays in the order the cache keeps them. */
  private packedArrays(): PackedArray[] {
    const a = this.arrays;
    return [a.pairColumn1, a.pairColumn2, a.pairStart, a.slots, a.effective, a.deleted, a.indicator, a.rationale];
  }

  /**
   * The pair's edit in force on the date: effective on or before it and not
   * deleted before it (the deletion date is the last day in force). When two
   * rows of a pair hold the date, one that applies (indicator 0 or 1) wins
   * over a retroactively deleted one (9, effective and deleted on one day),
   * then the later effective date.
   */
  edit(column1: string, column2: string, dateOfService: string): PtpEdit | undefined {
    const c1 = this.codeIds.get(column1.toUpperCase());
    const c2 = this.codeIds.get(column2.toUpperCase());
    const day = dayOfIso(dateOfService);
    if (c1 === undefined || c2 === undefined || day === undefined) {
      return undefined;
    }
    const pair = this.pairOf(c1, c2);
    if (pair < 0) {
      return undefined;
    }
    const { pairStart, effective, deleted, indicator } = this.arrays;
    let found = -1;
    for (let row = pairStart[pair] ?? 0, end = pairStart[pair + 1] ?? 0; row < end; row++) {
      if ((effective[row] ?? 0) <= day && day <= (deleted[row] ?? 0)) {
        if (found < 0 || indicator[found] === 9 || indicator[row] !== 9) {
          found = row;
        }
      }
    }
    return found < 0 ? undefined : this.editAt(column1, column2, found);
  }

  private pairOf(c1: number, c2: number): number {
    const { slots, pairColumn1, pairColumn2 } = this.arrays;
    for (let slot = pairHash(c1, c2) & this.mask; ; slot = (slot + 1) & this.mask) {
      const entry = slots[slot] ?? 0;
      if (entry === 0) {
        return -1;
      }
      if (pairColumn1[entry - 1] === c1 && pairColumn2[entry - 1] === c2) {
        return entry - 1;
      }
    }
  }

  private editAt(column1: string, column2: string, row: number): PtpEdit {
    const { effective, deleted, indicator, rationale } = this.arrays;
    const edit: PtpEdit = {
      column1: column1.toUpperCase(),
      column2: column2.toUpperCase(),
      effective: isoOfDay(effective[row] ?? 0),
      indicator: (indicator[row] ?? 9) as PtpModifierIndicator,
      rationale: this.rationales[rationale[row] ?? 0] ?? '',
    };
    const deletedDay = deleted[row] ?? noDeletion;
    if (deletedDay !== noDeletion) {
      edit.deleted = isoOfDay(deletedDay);
    }
    return edit;
  }

  serialize(): Uint8Array {
    const meta: PtpMeta = {
      label: this.label,
      applies: this.applies,
      source: this.source,
      codes: [...this.codes],
      rationales: [...this.rationales],
    };
    return packTable('ptp', meta, this.packedArrays());
  }

  static deserialize(bytes: Uint8Array): PtpIndex {
    const { meta, arrays } = unpackTable<PtpMeta>('ptp', bytes);
    const [pairColumn1, pairColumn2, pairStart, slots, effective, deleted, indicator, rationale] = arrays;
    const arrayOf = <T extends PackedArray>(array: PackedArray | undefined, type: new (n: number) => T): T => {
      if (!(array instanceof type)) {
        throw new CacheMismatch('The cached PTP table has the wrong arrays.');
      }
      return array;
    };
    return new PtpIndex(
      { label: meta.label, applies: meta.applies, source: meta.source },
      meta.codes,
      meta.rationales,
      {
        pairColumn1: arrayOf(pairColumn1, Uint32Array),
        pairColumn2: arrayOf(pairColumn2, Uint32Array),
        pairStart: arrayOf(pairStart, Uint32Array),
        slots: arrayOf(slots, Uint32Array),
        effective: arrayOf(effective, Uint16Array),
        deleted: arrayOf(deleted, Uint16Array),
        indicator: arrayOf(indicator, Uint8Array),
        rationale: arrayOf(rationale, Uint16Array),
      },
    );
  }
}
