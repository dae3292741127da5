/**
 * The disk cache's byte format for a table: a magic word naming the table's
 * kind and format version, then sections in a fixed order, each a type byte,
 * a length and its bytes (padded to 4). A table that keeps its rows in a few
 * big strings and typed arrays writes those as they are, so loading is a few
 * copies and two text decodes, not a parse of every row. Strings go as UTF-8,
 * which round-trips any text exactly (the official files are ASCII, one byte
 * a character either way). Written here rather than taken from npm: the
 * format is a few dozen lines, and the general libraries (protobuf,
 * msgpack) would turn the typed arrays into per-element values.
 */

const sectionType = { text: 1, uint32: 2, uint8: 3 } as const;
type SectionType = (typeof sectionType)[keyof typeof sectionType];

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** A cache entry that is not this table's format (another kind, an older version, cut short). */
export class PackedFormatProblem extends Error {}

export class PackWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  constructor(magic: string) {
    this.text(magic);
  }

  text(value: string): this {
    return this.section(sectionType.text, utf8Encoder.encode(value));
  }

  json(value: unknown): this {
    return this.text(JSON.stringify(value));
  }

  uint32(values: Uint32Array): this {
    return this.section(sectionType.uint32, new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }

  uint8(values: Uint8Array): this {
    return this.section(sectionType.uint8, values);
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return out;
  }

  private section(type: SectionType, body: Uint8Array): this {
    const head = new Uint8Array(8);
    const view = new DataView(head.buffer);
    view.setUint32(0, type, true);
    view.setUint32(4, body.byteLength, true);
    const padding = (4 - (body.byteLength % 4)) % 4;
    this.parts.push(head, body, new Uint8Array(padding));
    this.size += 8 + body.byteLength + padding;
    return this;
  }
}

export class PackReader {
  private at = 0;
  private readonly view: DataView;

  /** Throws `PackedFormatProblem` unless the bytes begin with `magic`. */
  constructor(
    private readonly bytes: Uint8Array,
    magic: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let found: string | undefined;
    try {
      found = this.text();
    } catch {
      found = undefined;
    }
    if (found !== magic) {
      throw new PackedFormatProblem(`not a ${magic} cache entry`);
    }
  }

  text(): string {
    return utf8Decoder.decode(this.section(sectionType.text));
  }

  json<T>(): T {
    return JSON.parse(this.text()) as T;
  }

  /** A copy, aligned, so the table does not hold the caller's buffer. */
  uint32(): Uint32Array {
    const body = this.section(sectionType.uint32);
    if (body.byteLength % 4 !== 0) {
      throw new PackedFormatProblem('a 32-bit section of odd length');
    }
    return new Uint32Array(body.slice().buffer);
  }

  uint8(): Uint8Array {
    return this.section(sectionType.uint8).slice();
  }

  private section(expected: SectionType): Uint8Array {
    if (this.at + 8 > this.bytes.byteLength) {
      throw new PackedFormatProblem('cut short');
    }
    const type = this.view.getUint32(this.at, true);
    const length = this.view.getUint32(this.at + 4, true);
    const start = this.at + 8;
    if (type !== expected || start + length > this.bytes.byteLength) {
      throw new PackedFormatProblem(type !== expected ? 'sections out of order' : 'cut short');
    }
    this.at = start + length + ((4 - (length % 4)) % 4);
    return this.bytes.subarray(start, start + length);
  }
}

/**
 * Reads a table from cache bytes with `read`; any failure (another format, bytes cut short or damaged,
 * text that is not UTF-8 or JSON) becomes a `PackedFormatProblem`, so the cache's reader can drop the
 * entry and import the file again.
 */
export function readPacked<T>(bytes: Uint8Array, magic: string, read: (reader: PackReader) => T): T {
  try {
    return read(new PackReader(bytes, magic));
  } catch (error) {
    throw error instanceof PackedFormatProblem
      ? error
      : new PackedFormatProblem(`a damaged ${magic} cache entry (${(error as Error).name})`);
  }
}
