/**
 * Reads the rows of the NCCI practitioner PTP files straight from their bytes
 * into growing typed arrays: 7 tab-separated fields a line (column 1,
 * column 2, the pre-1996 mark, effective date `YYYYMMDD`, deletion date or
 * `*`, modifier indicator, rationale). A quarter is about two million lines,
 * so no string is made per field: codes are interned by a number packed from
 * their characters, and the few distinct rationale texts by a hash of their
 * bytes. Field meanings: ../shared/data/cms-layouts/LAYOUTS.md, section 1.
 */
import { dayOfDate } from './dayNumbers';
import { quotedBadLines } from './importReports';

/** The deletion date of an edit still in force (`*` in the file), as a day number: after every real date. */
export const noDeletion = 0xffff;

/** The layout's preamble: a copyright line, a title and a header wrapped over four lines. */
const preambleLines = 6;

export interface PtpFileRead {
  rows: number;
  badRows: number;
  /** The first few bad rows' line numbers (1-based). */
  firstBadLines: number[];
}

class GrowingArray<T extends Uint8Array | Uint16Array | Uint32Array> {
  length = 0;
  constructor(
    public items: T,
    private readonly make: (size: number) => T,
  ) {}

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = this.make(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  trimmed(): T {
    return this.items.slice(0, this.length) as T;
  }
}

/** The rows of a quarter's files, as parallel arrays (one entry per edit). */
export interface PtpRowColumns {
  column1: Uint32Array;
  column2: Uint32Array;
  effective: Uint16Array;
  deleted: Uint16Array;
  indicator: Uint8Array;
  rationale: Uint16Array;
}

const tab = 9;
const space = 32;
const star = 42;
const zero = 48;

function digit(byte: number | undefined): number {
  return byte !== undefined && byte >= zero && byte <= zero + 9 ? byte - zero : -1;
}

/** 0-9 as 1..10 and A-Z (or a-z) as 11..36, 0 for anything else. */
function codeCharValue(byte: number): number {
  if (byte >= zero && byte <= zero + 9) {
    return byte - zero + 1;
  }
  const upper = byte >= 97 && byte <= 122 ? byte - 32 : byte;
  return upper >= 65 && upper <= 90 ? upper - 65 + 11 : 0;
}

export class PtpRowReader {
  readonly codes: string[] = [];
  readonly rationales: string[] = [];
  private readonly codeIds = new Map<number, number>();
  private readonly rationaleIds = new Map<number, { id: number; bytes: Uint8Array }[]>();
  private readonly column1 = new GrowingArray(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  private readonly column2 = new GrowingArray(new Uint32Array(1 << 16), (n) => new Uint32Array(n));
  private readonly effective = new GrowingArray(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  private readonly deleted = new GrowingArray(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  private readonly indicator = new GrowingArray(new Uint8Array(1 << 16), (n) => new Uint8Array(n));
  private readonly rationale = new GrowingArray(new Uint16Array(1 << 16), (n) => new Uint16Array(n));
  private readonly fieldStarts = new Int32Array(8);
  private readonly fieldEnds = new Int32Array(8);

  get rowCount(): number {
    return this.column1.length;
  }

  columns(): PtpRowColumns {
    return {
      column1: this.column1.trimmed(),
      column2: this.column2.trimmed(),
      effective: this.effective.trimmed(),
      deleted: this.deleted.trimmed(),
      indicator: this.indicator.trimmed(),
      rationale: this.rationale.trimmed(),
    };
  }

  /** Reads one file's lines (CRLF or LF; blank lines skipped); never throws on content. */
  read(bytes: Uint8Array): PtpFileRead {
    const result: PtpFileRead = { rows: 0, badRows: 0, firstBadLines: [] };
    let line = 0;
    for (let start = 0; start < bytes.length;) {
      let end = bytes.indexOf(10, start);
      if (end < 0) {
        end = bytes.length;
      }
      line++;
      const stop = end > start && bytes[end - 1] === 13 ? end - 1 : end;
      if (!this.isBlank(bytes, start, stop)) {
        if (this.readRow(bytes, start, stop)) {
          result.rows++;
        } else if (result.rows > 0 || line > preambleLines) {
          result.badRows++;
          if (result.firstBadLines.length < quotedBadLines) {
            result.firstBadLines.push(line);
          }
        }
      }
      start = end + 1;
    }
    return result;
  }

  private isBlank(bytes: Uint8Array, start: number, stop: number): boolean {
    for (let i = start; i < stop; i++) {
      if (bytes[i] !== space && bytes[i] !== tab) {
        return false;
      }
    }
    return true;
  }

  /** Splits the line at tabs, each field trimmed of spaces; returns the field count (at most 7 kept). */
  private splitFields(bytes: Uint8Array, start: number, stop: number): number {
    let count = 0;
    let fieldStart = start;
    for (let i = start; i <= stop && count < 7; i++) {
      if (i === stop || bytes[i] === tab) {
        let s = fieldStart;
        let e = i === stop || count === 6 ? stop : i;
        while (s < e && bytes[s] === space) s++;
        while (e > s && (bytes[e - 1] === space || bytes[e - 1] === tab)) e--;
        this.fieldStarts[count] = s;
        this.fieldEnds[count] = e;
        count++;
        fieldStart = i + 1;
      }
    }
    return count;
  }

  private readRow(bytes: Uint8Array, start: number, stop: number): boolean {
    const fields = this.splitFields(bytes, start, stop);
    if (fields < 6) {
      return false;
    }
    const starts = this.fieldStarts;
    const ends = this.fieldEnds;
    const column1 = this.codeId(bytes, starts[0] ?? 0, ends[0] ?? 0);
    const column2 = this.codeId(bytes, starts[1] ?? 0, ends[1] ?? 0);
    const effective = this.compactDate(bytes, starts[3] ?? 0, ends[3] ?? 0);
    const deletionStart = starts[4] ?? 0;
    const deleted =
      ends[4] === deletionStart + 1 && bytes[deletionStart] === star
        ? noDeletion
        : this.compactDate(bytes, deletionStart, ends[4] ?? 0);
    const indicatorByte = ends[5] === (starts[5] ?? 0) + 1 ? bytes[starts[5] ?? 0] : undefined;
    const indicator =
      indicatorByte === zero || indicatorByte === zero + 1 || indicatorByte === zero + 9 ? indicatorByte - zero : -1;
    if (column1 < 0 || column2 < 0 || effective < 0 || deleted < effective || indicator < 0) {
      return false;
    }
    this.column1.push(column1);
    this.column2.push(column2);
    this.effective.push(effective);
    this.deleted.push(deleted);
    this.indicator.push(indicator);
    this.rationale.push(
      fields > 6 ? this.rationaleId(bytes, starts[6] ?? 0, ends[6] ?? 0) : this.rationaleId(bytes, 0, 0),
    );
    return true;
  }

  /** The interned id of a five-character code, or -1 when the field is not one. */
  private codeId(bytes: Uint8Array, start: number, end: number): number {
    if (end - start !== 5) {
      return -1;
    }
    let key = 0;
    for (let i = start; i < end; i++) {
      const value = codeCharValue(bytes[i] ?? 0);
      if (value === 0) {
        return -1;
      }
      key = key * 37 + value;
    }
    let id = this.codeIds.get(key);
    if (id === undefined) {
      id = this.codes.length;
      this.codes.push(String.fromCharCode(...bytes.subarray(start, end)).toUpperCase());
      this.codeIds.set(key, id);
    }
    return id;
  }

  /** A `YYYYMMDD` field as a day number that fits the table's two bytes, or -1. */
  private compactDate(bytes: Uint8Array, start: number, end: number): number {
    if (end - start !== 8) {
      return -1;
    }
    let value = 0;
    for (let i = start; i < end; i++) {
      const d = digit(bytes[i]);
      if (d < 0) {
        return -1;
      }
      value = value * 10 + d;
    }
    const day = dayOfDate(Math.floor(value / 10000), Math.floor(value / 100) % 100, value % 100);
    return day === undefined || day < 0 || day >= noDeletion ? -1 : day;
  }

  /**
   * The index of the rationale text in `rationales`. A quarter has a handful
   * of distinct texts: each row's bytes are hashed and then compared with the
   * text of that hash, so a collision cannot merge two texts.
   */
  private rationaleId(bytes: Uint8Array, start: number, end: number): number {
    let hash = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      hash = Math.imul(hash ^ (bytes[i] as number), 0x01000193);
    }
    const candidates = this.rationaleIds.get(hash);
    if (candidates) {
      for (const candidate of candidates) {
        if (sameBytes(candidate.bytes, bytes, start, end)) {
          return candidate.id;
        }
      }
    }
    const field = bytes.slice(start, end);
    const id = this.rationales.length;
    this.rationales.push(new TextDecoder('latin1').decode(field));
    this.rationaleIds.set(hash, [...(candidates ?? []), { id, bytes: field }]);
    return id;
  }
}

function sameBytes(known: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (known.length !== end - start) {
    return false;
  }
  for (let i = 0; i < known.length; i++) {
    if (known[i] !== bytes[start + i]) {
      return false;
    }
  }
  return true;
}
