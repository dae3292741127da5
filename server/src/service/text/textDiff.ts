/**
 * Where two versions of a document differ: the length of their common start
 * and end. Validators use it to find the text an edit left alone.
 */

/** Texts are compared a block at a time (a native comparison), then a character at a time in the block that differs. */
const compareBlock = 16384;

export function commonPrefixLength(a: string, b: string): number {
  const limit = Math.min(a.length, b.length);
  let length = 0;
  while (
    length + compareBlock <= limit &&
    a.slice(length, length + compareBlock) === b.slice(length, length + compareBlock)
  ) {
    length += compareBlock;
  }
  while (length < limit && a.charCodeAt(length) === b.charCodeAt(length)) {
    length++;
  }
  return length;
}

/** The length of the common end of `a` and `b`, at most `limit`. */
export function commonSuffixLength(a: string, b: string, limit: number): number {
  let length = 0;
  while (
    length + compareBlock <= limit &&
    a.slice(a.length - length - compareBlock, a.length - length) ===
      b.slice(b.length - length - compareBlock, b.length - length)
  ) {
    length += compareBlock;
  }
  while (length < limit && a.charCodeAt(a.length - 1 - length) === b.charCodeAt(b.length - 1 - length)) {
    length++;
  }
  return length;
}
