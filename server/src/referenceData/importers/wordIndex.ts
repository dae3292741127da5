/**
 * Search by words in a code set's descriptions ("malignant upper outer right
 * breast" finds C50.411): an inverted index from each lower-case word to the
 * rows whose text holds it. A query word matches every indexed word it is a
 * prefix of, so "malig" finds "malignant". Kept as one string of the sorted
 * words and, per word, its rows as the gaps between them in variable-length
 * bytes (no object per word or row): the ICD-10-CM index of about 9,000 words
 * and 1.1 million postings takes 1.2 MB of postings rather than 4.5 MB as
 * 32-bit numbers, and it goes to the disk cache as it is. Written here because the search
 * libraries on npm (lunr, flexsearch, minisearch) keep objects per term and
 * document, several times the memory, and cannot be loaded from bytes.
 */
import type { PackedArray } from './tableBytes';

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** At most this many query words count (a longer query is cut): the row counters are bytes. */
const maxQueryWords = 16;
/** Rows are numbered below this, so a rank and a row share one number when sorting. */
const rowLimit = 2 ** 22;

/** The words of a text or query: lower-case runs of letters and digits ("upper-outer" is two). */
export function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

export class WordIndex {
  private constructor(
    /** The sorted distinct words, end to end. */
    private readonly words: string,
    /** Word i is `words.slice(wordStarts[i], wordStarts[i + 1])`. */
    private readonly wordStarts: Uint32Array,
    /**
     * Word i's rows, ascending, are `postings[postingStarts[i] .. postingStarts[i + 1])`: each the gap from
     * the one before (the first from -1), seven bits a byte, low bits first, the high bit set on all but a
     * gap's last byte.
     */
    private readonly postingStarts: Uint32Array,
    private readonly postings: Uint8Array,
    private readonly rowCount: number,
  ) {}

  /** Indexes rows `0 .. rowCount - 1` by the words of `textOf(row)`. */
  static build(rowCount: number, textOf: (row: number) => string): WordIndex {
    const rowsByWord = new Map<string, number[]>();
    let postingCount = 0;
    for (let row = 0; row < rowCount; row++) {
      for (const word of wordsOf(textOf(row))) {
        const rows = rowsByWord.get(word);
        if (rows === undefined) {
          rowsByWord.set(word, [row]);
          postingCount++;
        } else if (rows[rows.length - 1] !== row) {
          rows.push(row);
          postingCount++;
        }
      }
    }
    const sorted = [...rowsByWord.keys()].sort();
    const wordStarts = new Uint32Array(sorted.length + 1);
    const postingStarts = new Uint32Array(sorted.length + 1);
    // A gap below 2^22 (the row limit) takes at most four bytes.
    const postings = new Uint8Array(postingCount * 4);
    let textLength = 0;
    let at = 0;
    sorted.forEach((word, index) => {
      wordStarts[index] = textLength;
      textLength += word.length;
      postingStarts[index] = at;
      let previous = -1;
      for (const row of rowsByWord.get(word) ?? []) {
        let gap = row - previous;
        previous = row;
        while (gap >= 0x80) {
          postings[at++] = (gap & 0x7f) | 0x80;
          gap >>>= 7;
        }
        postings[at++] = gap;
      }
    });
    wordStarts[sorted.length] = textLength;
    postingStarts[sorted.length] = at;
    return new WordIndex(sorted.join(''), wordStarts, postingStarts, postings.slice(0, at), rowCount);
  }

  /** The rows whose text holds, for every word of the query, a word it is a prefix of; in row order. */
  matching(query: string): number[] {
    const queryWords = [...new Set(wordsOf(query))].slice(0, maxQueryWords);
    if (queryWords.length === 0 || this.rowCount === 0) {
      return [];
    }
    // How many query words each row has matched so far: a row counts for word k only if it matched
    // words 0 .. k-1, so one pass per query word intersects without sets.
    const matched = new Uint8Array(this.rowCount);
    queryWords.forEach((prefix, k) => {
      for (let word = this.firstAtLeast(prefix); word < this.wordCount && this.word(word).startsWith(prefix); word++) {
        const end = this.postingStarts[word + 1] ?? 0;
        let row = -1;
        for (let at = this.postingStarts[word] ?? 0; at < end;) {
          let gap = 0;
          let byte = 0x80;
          for (let shift = 0; byte & 0x80; shift += 7) {
            byte = this.postings[at++] ?? 0;
            gap |= (byte & 0x7f) << shift;
          }
          row += gap;
          if (matched[row] === k) {
            matched[row] = k + 1;
          }
        }
      }
    });
    const rows: number[] = [];
    matched.forEach((count, row) => {
      if (count === queryWords.length) {
        rows.push(row);
      }
    });
    return rows;
  }

  get byteSize(): number {
    return this.words.length + this.wordStarts.byteLength + this.postingStarts.byteLength + this.postings.byteLength;
  }

  /** Its arrays for the disk cache (`tableBytes.ts`), the words as UTF-8. */
  packedArrays(): PackedArray[] {
    return [utf8Encoder.encode(this.words), this.wordStarts, this.postingStarts, this.postings];
  }

  /** The index from `packedArrays()`; undefined when they are not four arrays of those kinds. */
  static fromArrays(rowCount: number, arrays: readonly PackedArray[]): WordIndex | undefined {
    const [words, wordStarts, postingStarts, postings] = arrays;
    if (
      !(words instanceof Uint8Array) ||
      !(wordStarts instanceof Uint32Array) ||
      !(postingStarts instanceof Uint32Array) ||
      !(postings instanceof Uint8Array)
    ) {
      return undefined;
    }
    return new WordIndex(utf8Decoder.decode(words), wordStarts, postingStarts, postings, rowCount);
  }

  private get wordCount(): number {
    return this.wordStarts.length - 1;
  }

  private word(index: number): string {
    return this.words.slice(this.wordStarts[index], this.wordStarts[index + 1]);
  }

  /** The first word not sorting before `prefix` (binary search). */
  private firstAtLeast(prefix: string): number {
    let low = 0;
    let high = this.wordCount;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.word(middle) < prefix) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    return low;
  }
}

/**
 * The `limit` best of `rows` by `rank` (lower first; a whole number below 2^30), ties in row
 * order. Sorts one typed array of numbers rather than objects: a common word matches tens of
 * thousands of ICD-10-CM rows.
 */
export function bestRows(rows: readonly number[], rank: (row: number) => number, limit: number): number[] {
  const keys = new Float64Array(rows.length);
  rows.forEach((row, index) => {
    keys[index] = rank(row) * rowLimit + row;
  });
  keys.sort();
  return Array.from(keys.subarray(0, Math.max(0, limit)), (key) => key % rowLimit);
}
