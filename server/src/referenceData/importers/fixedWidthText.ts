/**
 * What the fixed-width official files (the ICD-10-CM order file, the HCPCS
 * alpha-numeric file) have in common: ASCII text with CRLF line ends, read
 * as Latin-1 so a stray byte never stops an import, and names that carry the
 * edition (the files themselves do not say their year).
 */

const latin1 = new TextDecoder('latin1');

/** The file's lines, without their CR LF; a last empty line is dropped. */
export function fileLines(bytes: Uint8Array): string[] {
  const lines = latin1.decode(bytes).split(/\r?\n/);
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

/** The last part of a name (`a.zip/b/c.txt` gives `c.txt`). */
export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** "3 lines ... (the first is line 17)" style counts, for a report's problem sentence. */
export function skippedLines(count: number, firstLine: number, what: string): string {
  return `${count} ${count === 1 ? 'line is' : 'lines are'} not ${what} and ${count === 1 ? 'was' : 'were'} skipped (the first is line ${firstLine})`;
}
