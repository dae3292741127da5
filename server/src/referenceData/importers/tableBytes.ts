/**
 * The disk-cache form of a table: a small JSON header (the edition, interned
 * texts, and the shape of each array) followed by the raw bytes of its typed
 * arrays, each aligned to 8 bytes. Loading copies the arrays back in one
 * memcpy each instead of parsing millions of numbers, which is why the PTP
 * cache loads many times faster than its import. The small tables (MUE, PFS,
 * add-on edits) use the header alone.
 */

type ArrayKind = 'Uint8' | 'Uint16' | 'Uint32' | 'Int32';
export type PackedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

const constructors = { Uint8: Uint8Array, Uint16: Uint16Array, Uint32: Uint32Array, Int32: Int32Array } as const;

function kindOf(array: PackedArray): ArrayKind {
  if (array instanceof Uint8Array) {
    return 'Uint8';
  }
  if (array instanceof Uint16Array) {
    return 'Uint16';
  }
  return array instanceof Uint32Array ? 'Uint32' : 'Int32';
}

/** Bumped when a table's layout changes, so an old cache is imported again rather than misread. */
const magic = 'claims-table-1';

interface Header<M> {
  magic: string;
  kind: string;
  meta: M;
  arrays: { kind: ArrayKind; length: number }[];
}

const align = (offset: number): number => Math.ceil(offset / 8) * 8;

export function packTable<M>(kind: string, meta: M, arrays: readonly PackedArray[] = []): Uint8Array {
  const header: Header<M> = {
    magic,
    kind,
    meta,
    arrays: arrays.map((array) => ({ kind: kindOf(array), length: array.length })),
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  let size = align(4 + headerBytes.length);
  for (const array of arrays) {
    size = align(size + array.byteLength);
  }
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, headerBytes.length, true);
  bytes.set(headerBytes, 4);
  let offset = align(4 + headerBytes.length);
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), offset);
    offset = align(offset + array.byteLength);
  }
  return bytes;
}

/** A cache entry that is not one of ours, or of another kind or layout version. */
export class CacheMismatch extends Error {}

export function unpackTable<M>(kind: string, bytes: Uint8Array): { meta: M; arrays: PackedArray[] } {
  if (bytes.length < 4) {
    throw new CacheMismatch('The cached table is empty.');
  }
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0, true);
  let header: Header<M>;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + headerLength))) as Header<M>;
  } catch {
    throw new CacheMismatch('The cached table has no readable header.');
  }
  if (header.magic !== magic || header.kind !== kind) {
    throw new CacheMismatch(`The cached table is not a ${kind} table of this version.`);
  }
  let offset = align(4 + headerLength);
  const arrays = header.arrays.map(({ kind: arrayKind, length }) => {
    const Constructor = constructors[arrayKind];
    const byteLength = length * Constructor.BYTES_PER_ELEMENT;
    if (offset + byteLength > bytes.length) {
      throw new CacheMismatch('The cached table is cut short.');
    }
    // A copy: the cache's buffer may not be aligned for the element size, and the table outlives it.
    const array = new Constructor(length);
    new Uint8Array(array.buffer).set(bytes.subarray(offset, offset + byteLength));
    offset = align(offset + byteLength);
    return array;
  });
  return { meta: header.meta, arrays };
}
