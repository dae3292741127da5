/**
 * One release of HCPCS Level II as the service reads it (`HcpcsCodeSet`):
 * about 8,600 codes and 400 modifiers. Small enough for an object per entry
 * (a few MB); entries are frozen so a caller cannot change the table. The
 * word index over the codes' descriptions is built once and cached with
 * them, so loading from the cache does not index again.
 */
import type { DateSpan, HcpcsCodeSet, HcpcsEntry } from '../../service/index';
import { CacheMismatch, packTable, unpackTable } from './tableBytes';
import { bestRows, WordIndex } from './wordIndex';

/** Bumped when the cached form changes, so an older cache entry is imported again. */
export const hcpcsLayoutVersion = 2;

interface EditionFields {
  label: string;
  applies: DateSpan;
  source: string;
}

/** An entry as cached: code, long, short, added ('' when none), terminated ('' when none). */
type PackedEntry = [string, string, string, string, string];

interface CachedMeta extends EditionFields {
  layoutVersion: number;
  codes: PackedEntry[];
  modifiers: PackedEntry[];
}

export class HcpcsTable implements HcpcsCodeSet {
  readonly kind = 'hcpcs';
  readonly label: string;
  readonly applies: DateSpan;
  readonly source: string;
  private readonly codeRows: Map<string, number>;
  private readonly modifierRows: Map<string, HcpcsEntry>;
  private readonly inCodeOrder: readonly HcpcsEntry[];

  private constructor(
    edition: EditionFields,
    private readonly codes: readonly HcpcsEntry[],
    modifiers: readonly HcpcsEntry[],
    private readonly words: WordIndex,
  ) {
    this.label = edition.label;
    this.applies = edition.applies;
    this.source = edition.source;
    this.codeRows = new Map(codes.map((entry, row) => [entry.code, row]));
    this.inCodeOrder = [...codes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.modifierRows = new Map(modifiers.map((entry) => [entry.code, entry]));
  }

  static build(edition: EditionFields, codes: readonly HcpcsEntry[], modifiers: readonly HcpcsEntry[]): HcpcsTable {
    // Through JSON and back: V8 keeps a string cut from a line as a view of the whole file's text, so
    // entries read from the file would keep its 5 MB alive; parsed strings are copies of their own.
    const [codeCopies, modifierCopies] = JSON.parse(JSON.stringify([codes, modifiers])) as HcpcsEntry[][];
    const frozen = (entries: readonly HcpcsEntry[] = []): HcpcsEntry[] => entries.map((entry) => Object.freeze(entry));
    const codeEntries = frozen(codeCopies);
    const words = WordIndex.build(codeEntries.length, (row) => `${codeEntries[row]?.short} ${codeEntries[row]?.long}`);
    return new HcpcsTable(edition, codeEntries, frozen(modifierCopies), words);
  }

  get codeCount(): number {
    return this.codes.length;
  }

  get modifierCount(): number {
    return this.modifierRows.size;
  }

  code(code: string): HcpcsEntry | undefined {
    const row = this.codeRows.get(code.trim().toUpperCase());
    return row === undefined ? undefined : this.codes[row];
  }

  modifier(modifier: string): HcpcsEntry | undefined {
    return this.modifierRows.get(modifier.trim().toUpperCase());
  }

  /**
   * By words of the descriptions, codes in force (no termination date) first, then shorter descriptions; a
   * query that is the beginning of a code ("G02") lists the codes it begins first, in code order. Modifiers
   * are not searched.
   */
  search(words: string, limit: number): HcpcsEntry[] {
    const prefix = words.trim().toUpperCase();
    const byCode = /^[A-Z]\d{1,4}$/.test(prefix)
      ? this.inCodeOrder.filter((entry) => entry.code.startsWith(prefix)).slice(0, Math.max(0, limit))
      : [];
    const rank = (row: number): number => {
      const entry = this.codes[row];
      return (entry?.terminated === undefined ? 0 : 1024) + Math.min(1023, entry?.long.length ?? 0);
    };
    const byWords = bestRows(this.words.matching(words), rank, limit).flatMap((row) => this.codes[row] ?? []);
    return [...byCode, ...byWords.filter((entry) => !byCode.includes(entry))].slice(0, Math.max(0, limit));
  }

  /** The cache bytes (`tableBytes.ts`): the entries in the header, the word index's arrays after it. */
  serialize(): Uint8Array {
    const pack = (entry: HcpcsEntry): PackedEntry => [
      entry.code,
      entry.long,
      entry.short,
      entry.added ?? '',
      entry.terminated ?? '',
    ];
    const meta: CachedMeta = {
      label: this.label,
      applies: this.applies,
      source: this.source,
      layoutVersion: hcpcsLayoutVersion,
      codes: this.codes.map(pack),
      modifiers: [...this.modifierRows.values()].map(pack),
    };
    return packTable('hcpcs', meta, this.words.packedArrays());
  }

  /** Throws `CacheMismatch` for bytes that are not a table of this layout. */
  static deserialize(bytes: Uint8Array): HcpcsTable {
    const unpack = ([code, long, short, added, terminated]: PackedEntry): HcpcsEntry =>
      Object.freeze({
        code,
        long,
        short,
        ...(added === '' ? {} : { added }),
        ...(terminated === '' ? {} : { terminated }),
      });
    const { meta, arrays } = unpackTable<CachedMeta>('hcpcs', bytes);
    const words = WordIndex.fromArrays(Array.isArray(meta.codes) ? meta.codes.length : 0, arrays);
    if (meta.layoutVersion !== hcpcsLayoutVersion || !Array.isArray(meta.modifiers) || words === undefined) {
      throw new CacheMismatch('The cached HCPCS table has the wrong layout.');
    }
    const edition = { label: meta.label, applies: meta.applies, source: meta.source };
    return new HcpcsTable(edition, meta.codes.map(unpack), meta.modifiers.map(unpack), words);
  }
}
