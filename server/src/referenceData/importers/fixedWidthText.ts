/**
 * What the fixed-width official files (the ICD-10-CM order file, the HCPCS
 * alpha-numeric file) have in common: ASCII text with CRLF line ends, read
 * as Latin-1 so a stray byte never stops an import, and names that carry the
 * edition (the files themselves do not say their year).
 */

import { latin1Text } from './importReports';

/** The file's lines, without their CR LF; a last empty line is dropped. */
export function fileLines(bytes: Uint8Array): string[] {
  const lines = latin1Text(bytes).split(/\r?\n/);
  if (lines.at(-1) === '') {
    lines.pop();
  }
  return lines;
}

/** The complete lines of a file's head (its first bytes): the last one may be cut, unless it is all there is. */
export function headLines(head: string): string[] {
  const lines = head.split(/\r?\n/);
  if (lines.length > 1) {
    lines.pop();
  }
  return lines.filter((line) => line.trim() !== '');
}

/** `YYYYMMDD` as `YYYY-MM-DD`; undefined for blanks, zeros and anything that is not a date. */
export function isoDate(digits: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(digits.trim());
  if (!match) {
    return undefined;
  }
  const [, year, month, day] = match;
  const valid = year !== '0000' && Number(month) >= 1 && Number(month) <= 12 && Number(day) >= 1 && Number(day) <= 31;
  return valid ? `${year}-${month}-${day}` : undefined;
}

/** A sentence for codes a file lists twice (the first is kept), or undefined when none are. */
export function repeatedCodes(count: number): string | undefined {
  return count === 0 ? undefined : `${count} repeated ${count === 1 ? 'code was' : 'codes were'} read once.`;
}

/** The last part of a name (`a.zip/b/c.txt` gives `c.txt`). */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
