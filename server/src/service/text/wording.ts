/**
 * How money and counts read in what a coder sees: lenses, the outline, hover,
 * diagnostics, quick-fix titles, conversion notes and claim-lint's summary.
 * Written once here so `$1,200.00` and `1 line` / `2 lines` read the same
 * everywhere.
 *
 * Not for money written into files: a `.claim` charge is `$1200.00` and an
 * 837 amount a bare number, as those formats require (see the writers under
 * `features/conversion/` and `x12/x12Writer.ts`).
 */

/** Money for display, in dollars with thousands commas and cents: `$1,200.00`, `-$5.50`. */
export function money(value: number): string {
  const [whole = '0', cents = '00'] = Math.abs(value).toFixed(2).split('.');
  return `${value < 0 ? '-' : ''}$${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${cents}`;
}

/**
 * The noun for a count: `noun` for exactly 1, else `plural` (the noun plus
 * `s` unless given): `lesion`, `lesions`; `diagnosis`, `diagnoses`. A count
 * read from a file as text is singular only when written `1`.
 */
export function nounFor(count: number | string, noun: string, plural = `${noun}s`): string {
  return String(count) === '1' ? noun : plural;
}

/** A count with its noun: `1 line`, `0 lines`, `2 diagnoses`. A count read as text is shown as written. */
export function counted(count: number | string, noun: string, plural?: string): string {
  return `${count} ${nounFor(count, noun, plural)}`;
}

/**
 * Codes as a message lists them, runs of three or more consecutive numbers
 * joined: `19081-19086`, `19281, 19282`, `19302, 38500-38502`. Codes that are
 * not all digits are listed as they are, in the order given.
 */
export function codeRanges(codes: readonly string[]): string {
  const parts: string[] = [];
  let run: string[] = [];
  const flush = () => {
    const first = run[0];
    const last = run.at(-1);
    if (first !== undefined && last !== undefined) {
      parts.push(...(run.length >= 3 ? [`${first}-${last}`] : run));
    }
    run = [];
  };
  for (const code of codes) {
    const previous = run.at(-1);
    const follows =
      previous !== undefined &&
      /^\d+$/.test(code) &&
      /^\d+$/.test(previous) &&
      code.length === previous.length &&
      Number(code) === Number(previous) + 1;
    if (!follows) {
      flush();
    }
    run.push(code);
  }
  flush();
  return parts.join(', ');
}
