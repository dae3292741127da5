/**
 * One fiscal year of ICD-10-CM as the service reads it (`DiagnosisCodeSet`),
 * kept compact: about 98,000 rows live in two big strings and a few typed
 * arrays, not one object per row (which would cost several times the
 * memory), and an entry object is made only when asked for. Rows stay in the
 * order file's order, the tabular order, where a header's codes follow it as
 * one run; a permutation sorted by code answers lookups by binary search.
 * Neighbours in that order share most of their long description ("...of
 * right female breast", "...of left female breast"), so each long
 * description is kept as what it adds to the one before (front coding, from
 * a full one every 16 rows): 10 MB of text becomes 5.6.
 */
import type { DateSpan, DiagnosisCodeSet, DiagnosisEntry } from '../../service/index';
import { CacheMismatch, packTable, unpackTable } from './tableBytes';
import { bestRows, WordIndex } from './wordIndex';

/** Codes are 3 to 7 characters; each takes 7 in `codes`, padded with spaces (which sort first). */
export const codeWidth = 7;
const billableFlag = 1;
/** The short description is the long one (stored once). */
const sameShortFlag = 2;
/** Every this many rows a long description is kept whole, so reading one joins at most this many pieces. */
const restartEvery = 16;
/** The most characters a long description takes from the one before (a byte). */
const maxShared = 255;
/** Bumped when the arrays below change, so an older cache entry is imported again. */
export const diagnosisLayoutVersion = 3;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

export interface DiagnosisRow {
  code: string;
  billable: boolean;
  short: string;
  long: string;
}

interface EditionFields {
  label: string;
  applies: DateSpan;
  source: string;
}

interface CachedMeta extends EditionFields {
  layoutVersion: number;
}

export class DiagnosisTable implements DiagnosisCodeSet {
  readonly kind = 'icd10cm';
  readonly label: string;
  readonly applies: DateSpan;
  readonly source: string;
  readonly billableCount: number;

  private constructor(
    edition: EditionFields,
    /** Row i's code is `codes.substr(i * codeWidth, codeWidth)`, space-padded. */
    private readonly codes: string,
    /**
     * Row i's short text is `texts.slice(textStarts[2i], textStarts[2i+1])` (empty when it is the long one);
     * the next slice is what its long text adds to the first `shared[i]` characters of row i-1's.
     */
    private readonly texts: string,
    private readonly textStarts: Uint32Array,
    private readonly shared: Uint8Array,
    private readonly flags: Uint8Array,
    /** Row numbers in code order. */
    private readonly byCode: Uint32Array,
    private readonly words: WordIndex,
  ) {
    this.label = edition.label;
    this.applies = edition.applies;
    this.source = edition.source;
    this.billableCount = flags.reduce((count, flag) => count + (flag & billableFlag), 0);
  }

  /** The table of `rows`, in the file's order. */
  static build(edition: EditionFields, rows: readonly DiagnosisRow[]): DiagnosisTable {
    const textStarts = new Uint32Array(rows.length * 2 + 1);
    const shared = new Uint8Array(rows.length);
    const flags = new Uint8Array(rows.length);
    const pieces: string[] = [];
    let length = 0;
    let previousLong = '';
    rows.forEach((row, index) => {
      const sameShort = row.short === row.long;
      flags[index] = (row.billable ? billableFlag : 0) | (sameShort ? sameShortFlag : 0);
      textStarts[2 * index] = length;
      if (!sameShort) {
        pieces.push(row.short);
        length += row.short.length;
      }
      textStarts[2 * index + 1] = length;
      const common = index % restartEvery === 0 ? 0 : commonPrefixLength(previousLong, row.long);
      shared[index] = common;
      pieces.push(row.long.slice(common));
      length += row.long.length - common;
      previousLong = row.long;
    });
    textStarts[rows.length * 2] = length;
    const codes = rows.map((row) => row.code.padEnd(codeWidth)).join('');
    const byCode = Uint32Array.from(rows.keys()).sort((a, b) => compare(rows[a]?.code ?? '', rows[b]?.code ?? ''));
    const words = WordIndex.build(rows.length, (row) => `${rows[row]?.short} ${rows[row]?.long}`);
    return new DiagnosisTable(edition, codes, pieces.join(''), textStarts, shared, flags, byCode, words);
  }

  get rowCount(): number {
    return this.flags.length;
  }

  /** The memory its strings and arrays take, in bytes (strings of ASCII take a byte a character). */
  get byteSize(): number {
    return (
      this.codes.length +
      this.texts.length +
      this.textStarts.byteLength +
      this.shared.byteLength +
      this.flags.byteLength +
      this.byCode.byteLength +
      this.words.byteSize
    );
  }

  lookup(code: string): DiagnosisEntry | undefined {
    const row = this.rowOf(code);
    return row === undefined ? undefined : this.entry(row);
  }

  billableUnder(header: string, limit: number): DiagnosisEntry[] {
    const first = this.rowOf(header);
    if (first === undefined) {
      return [];
    }
    const prefix = this.code(first);
    const found: DiagnosisEntry[] = [];
    for (let row = first + 1; row < this.rowCount && found.length < limit && this.code(row).startsWith(prefix); row++) {
      if (this.flag(row, billableFlag)) {
        found.push(this.entry(row));
      }
    }
    return found;
  }

  /** By words of the descriptions; a query that is the beginning of a code ("C50.4") lists the codes it begins first. */
  search(words: string, limit: number): DiagnosisEntry[] {
    const byCode = this.rowsBeginning(words, limit);
    const listed = new Set(byCode);
    const rank = (row: number): number =>
      (this.flag(row, billableFlag) ? 0 : 1024) + Math.min(1023, this.longLength(row));
    const byWords = bestRows(this.words.matching(words), rank, limit).filter((row) => !listed.has(row));
    return [...byCode, ...byWords].slice(0, Math.max(0, limit)).map((row) => this.entry(row));
  }

  /** The cache bytes (`tableBytes.ts`): the edition as the header, the strings as UTF-8 and the arrays as they are. */
  serialize(): Uint8Array {
    const meta: CachedMeta = {
      label: this.label,
      applies: this.applies,
      source: this.source,
      layoutVersion: diagnosisLayoutVersion,
    };
    return packTable('icd10cm', meta, [
      utf8Encoder.encode(this.codes),
      utf8Encoder.encode(this.texts),
      this.textStarts,
      this.shared,
      this.flags,
      this.byCode,
      ...this.words.packedArrays(),
    ]);
  }

  /** Throws `CacheMismatch` for bytes that are not a table of this layout. */
  static deserialize(bytes: Uint8Array): DiagnosisTable {
    const { meta, arrays } = unpackTable<CachedMeta>('icd10cm', bytes);
    const [codes, texts, textStarts, shared, flags, byCode, ...wordArrays] = arrays;
    const words = WordIndex.fromArrays(flags?.length ?? 0, wordArrays);
    if (
      meta.layoutVersion !== diagnosisLayoutVersion ||
      !(codes instanceof Uint8Array) ||
      !(texts instanceof Uint8Array) ||
      !(textStarts instanceof Uint32Array) ||
      !(shared instanceof Uint8Array) ||
      !(flags instanceof Uint8Array) ||
      !(byCode instanceof Uint32Array) ||
      words === undefined
    ) {
      throw new CacheMismatch('The cached ICD-10-CM table has the wrong arrays.');
    }
    const edition = { label: meta.label, applies: meta.applies, source: meta.source };
    return new DiagnosisTable(
      edition,
      utf8Decoder.decode(codes),
      utf8Decoder.decode(texts),
      textStarts,
      shared,
      flags,
      byCode,
      words,
    );
  }

  private code(row: number): string {
    return this.codes.substr(row * codeWidth, codeWidth).trimEnd();
  }

  private flag(row: number, flag: number): boolean {
    return ((this.flags[row] ?? 0) & flag) !== 0;
  }

  private textStart(index: number): number {
    return this.textStarts[index] ?? 0;
  }

  private longLength(row: number): number {
    return (this.shared[row] ?? 0) + this.textStart(2 * row + 2) - this.textStart(2 * row + 1);
  }

  /** The long description: the last full one at or before the row, and what each row after it adds. */
  private long(row: number): string {
    let text = '';
    for (let at = row - (row % restartEvery); at <= row; at++) {
      text =
        text.slice(0, this.shared[at] ?? 0) + this.texts.slice(this.textStart(2 * at + 1), this.textStart(2 * at + 2));
    }
    return text;
  }

  private entry(row: number): DiagnosisEntry {
    const long = this.long(row);
    return {
      code: this.code(row),
      billable: this.flag(row, billableFlag),
      short: this.flag(row, sameShortFlag)
        ? long
        : this.texts.slice(this.textStart(2 * row), this.textStart(2 * row + 1)),
      long,
    };
  }

  /** The row of a code, which may carry its dot and be in lower case. */
  private rowOf(code: string): number | undefined {
    const wanted = normalCode(code);
    if (wanted.length < 3 || wanted.length > codeWidth) {
      return undefined;
    }
    const row = this.byCode[this.firstCodeAtLeast(wanted)];
    return row !== undefined && this.code(row) === wanted ? row : undefined;
  }

  /** The rows of the codes a code-shaped query begins, billable first, each group in code order. */
  private rowsBeginning(query: string, limit: number): number[] {
    const prefix = normalCode(query);
    if (!/^[A-Z]\d[0-9A-Z]{0,5}$/.test(prefix)) {
      return [];
    }
    const billable: number[] = [];
    const headers: number[] = [];
    for (const row of this.byCode.subarray(this.firstCodeAtLeast(prefix))) {
      if (!this.code(row).startsWith(prefix) || billable.length >= limit) {
        break;
      }
      (this.flag(row, billableFlag) ? billable : headers).push(row);
    }
    return [...billable, ...headers].slice(0, Math.max(0, limit));
  }

  /** The first place in `byCode` whose code does not sort before `code` (binary search). */
  private firstCodeAtLeast(code: string): number {
    let low = 0;
    let high = this.byCode.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(this.code(this.byCode[middle] ?? 0), code) < 0) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}

/** How many characters two texts share at their start, at most `maxShared`. */
function commonPrefixLength(a: string, b: string): number {
  const most = Math.min(a.length, b.length, maxShared);
  let length = 0;
  while (length < most && a.charCodeAt(length) === b.charCodeAt(length)) {
    length++;
  }
  return length;
}

/** As the order file writes codes: upper case, without the dot. */
function normalCode(code: string): string {
  return code.trim().replace('.', '').toUpperCase();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
