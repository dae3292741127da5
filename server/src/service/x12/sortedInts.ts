/**
 * Binary search over ascending whole numbers kept in a typed array: line
 * starts (`lineIndex.ts`), segment offsets and segment ordinals
 * (`segmentTable.ts`).
 */

/** How many of the first `count` values (ascending) are at most `limit`. */
export function countAtOrBelow(values: Int32Array, count: number, limit: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((values[middle] ?? 0) <= limit) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
