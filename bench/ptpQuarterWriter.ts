/**
 * A synthetic NCCI practitioner PTP quarter in the official layout (four
 * tab-separated files of 6 preamble lines and 7 fields a row, as
 * ../shared/data/cms-layouts/LAYOUTS.md describes), with invented codes, for
 * the reference-data benchmark: the real table is AMA content and is not
 * ours to ship. The mix resembles the real one: about 12,000 column-1 codes,
 * most edits historical (deleted), and some pairs deleted and added again.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const preamble = [
  'Synthetic PTP edits for the claim-lint benchmark: invented codes.\t\t\t\t\t\t',
  'Column1/Column2 Edits\t\t\t\t\t\t',
  'Column 1\tColumn 2\t*=in existence\tEffective\tDeletion\tModifier\tPTP Edit Rationale',
  '\t\tprior to 1996\tDate\tDate\t0=not allowed\t',
  '\t\t\t\t*=no data\t1=allowed\t',
  '\t\t\t\t\t9=not applicable\t',
];

const rationales = [
  'Misuse of Column Two code with Column One code',
  'Mutually exclusive procedures',
  'Standards of medical/surgical practice',
  'CPT Manual or CMS manual coding instruction',
];

/** An invented code of five characters: digits, then a letter for a quarter of them. */
function codeOf(n: number): string {
  const digits = String(10000 + (n % 90000));
  return n % 4 === 3 ? `${digits.slice(1)}X` : digits;
}

const column1Codes = 12000;
const quarterEnds = ['0331', '0630', '0930', '1231'];

/** A row's fields from small pseudo-random numbers: deterministic, so every run measures the same table. */
function rowsOfPair(column1: number, column2: number, seed: number): string[] {
  const c1 = codeOf(column1);
  const c2 = codeOf(column1Codes + column2);
  const year = 1996 + (seed % 30);
  const rationale = rationales[seed % rationales.length] ?? '';
  const indicator = seed % 5 === 0 ? '0' : '1';
  const effective = `${year}0101`;
  if (seed % 10 < 6) {
    // Historical: deleted at a quarter end; one in four of those added again two years later.
    const deleted = `${Math.min(year + 1 + (seed % 3), 2025)}${quarterEnds[seed % 4] ?? '1231'}`;
    const rows = [`${c1}\t${c2}\t\t${effective}\t${deleted}\t${indicator}\t${rationale}`];
    if (seed % 4 === 0) {
      rows.push(`${c1}\t${c2}\t\t${Number(deleted.slice(0, 4)) + 2}0101\t*\t${indicator}\t${rationale}`);
    }
    return rows;
  }
  return [`${c1}\t${c2}\t${year === 1996 ? '*' : ''}\t${effective}\t*\t${indicator}\t${rationale}`];
}

/** Writes `ccipra-v322r0-f1.TXT` .. `-f4` with about `rows` edits in all; returns their paths. */
export function writePtpQuarter(folder: string, rows: number): string[] {
  const pairsPerCode = Math.max(1, Math.round(rows / 1.15 / column1Codes));
  const files: string[] = [];
  for (let file = 1; file <= 4; file++) {
    const name = path.join(folder, `ccipra-v322r0-f${file}.TXT`);
    const descriptor = fs.openSync(name, 'w');
    fs.writeSync(descriptor, `${preamble.join('\r\n')}\r\n`);
    const codes = column1Codes / 4;
    for (let column1 = (file - 1) * codes; column1 < file * codes; column1++) {
      const lines: string[] = [];
      for (let pair = 0; pair < pairsPerCode; pair++) {
        const column2 = (column1 * 7 + pair * 13) % 20000;
        lines.push(...rowsOfPair(column1, column2, (column1 * 31 + pair * 17) >>> 0));
      }
      fs.writeSync(descriptor, `${lines.join('\r\n')}\r\n`);
    }
    fs.closeSync(descriptor);
    files.push(name);
  }
  return files;
}
