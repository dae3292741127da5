/**
 * A seeded source of numbers in [0, 1) (a linear congruential generator), so
 * the tests that make random edits make the same ones on every run and a
 * failure can be replayed.
 */
export function randomSource(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}
