/**
 * The separators of a converted 837: the usual `*`, `:`, `^` and `~` unless
 * the claims' own text holds one of them (a claim id such as `CLM*1`, a name
 * with `^`), in which case another character the guide allows takes its
 * place, so no value is ever cut in two.
 */
import type { X12Separators } from '../../x12/x12Types';

const candidates: Record<keyof X12Separators, readonly string[]> = {
  element: ['*', '|', '!', '"'],
  component: [':', '>', '\\', '`'],
  repetition: ['^', '{', '}', '@'],
  segment: ['~', "'", '`', '@'],
};

/** The first candidate of each role found in no value; undefined for a role every candidate of which is taken. */
export function chooseSeparators(values: readonly string[]): Partial<X12Separators> {
  const used = new Set<string>();
  for (const value of values) {
    for (const character of value) {
      used.add(character);
    }
  }
  const chosen: Partial<X12Separators> = {};
  for (const role of ['element', 'component', 'repetition', 'segment'] as const) {
    const free = candidates[role].find((character) => !used.has(character));
    if (free !== undefined) {
      chosen[role] = free;
      used.add(free);
    }
  }
  return chosen;
}
