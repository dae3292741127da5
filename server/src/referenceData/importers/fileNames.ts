/** What the importers read from a file's name: CMS names carry the edition (version, quarter, release month). */

/** The name without the zip and folders it sits in: `a.zip/b/c.TXT` gives `c.TXT`. */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

const monthNames = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** The month (1..12) of a three-letter or full English month name, or undefined. */
export function monthOfName(name: string): number | undefined {
  const index = monthNames.indexOf(name.slice(0, 3).toUpperCase());
  return index < 0 ? undefined : index + 1;
}

/** `Jan`, `Jul`: as labels write a month. */
export function monthLabel(month: number): string {
  const upper = monthNames[month - 1] ?? '';
  return upper.charAt(0) + upper.slice(1).toLowerCase();
}

/** The quarter (1..4) a month falls in. */
export function quarterOfMonth(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}
