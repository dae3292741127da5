/**
 * A data folder for the end-to-end tests (protocol and editor), written at
 * test time into a temporary folder from the fixture files of
 * `test/fixtures/referenceData/` (our own, in the official layouts, with
 * invented or HCPCS Level II codes), each zipped under the name CMS or CDC
 * gives its download, so nothing binary is committed. The rows the importer
 * tests keep to show bad input are left out: the folder loads without a
 * warning, and the status names exactly the editions below.
 *
 * What the claims of the end-to-end tests use from it:
 * - PTP 2026 Q3: G0103 is column 2 of G0101 under modifier indicator 1 from
 *   2025-04-01 (fixes: remove the line, or add XU or 59), and G0102 of G0101
 *   under indicator 0 (fix: remove the line);
 * - PFS 2026 Jul: G9902 has global days 090, so an E/M visit (99202-99499) on
 *   its day or the day before needs 57;
 * - ICD-10-CM FY2026: U90.01, "Invented growth of upper-outer lobe of right
 *   widget gland".
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { repoRoot } from '../repoRoot';

/** The editions the folder gives, as the status bar names them (latest of each kind). */
export const endToEndEditions = ['ICD-10-CM FY2026', 'HCPCS 2026 Jan', 'PTP 2026 Q3', 'PFS 2026 Jul'] as const;

/** The diagnosis the tests hover, and its long description in the order file. */
export const endToEndDiagnosis = {
  code: 'U90.01',
  description: 'Invented growth of upper-outer lobe of right widget gland',
};

const fixtures = path.join(repoRoot(), 'test', 'fixtures', 'referenceData');

/** The fixture's text without the lines that start with any of `prefixes` (the importer tests' bad rows). */
function fixtureWithout(relative: string, prefixes: readonly string[] = []): Uint8Array {
  const text = fs.readFileSync(path.join(fixtures, relative), 'latin1');
  const kept = text.split('\n').filter((line) => !prefixes.some((prefix) => line.startsWith(prefix)));
  return new Uint8Array(Buffer.from(kept.join('\n'), 'latin1'));
}

/** Each download of the folder: the zip's name, and its members' names and bytes. */
function downloads(): Record<string, Record<string, Uint8Array>> {
  const ptpQuarter: Record<string, Record<string, Uint8Array>> = {};
  for (const part of ['f1', 'f2', 'f3', 'f4']) {
    const member = `ccipra-v322r0-${part}.TXT`;
    // f2 keeps its readable rows; the others are rows the importer must set aside.
    const unreadable = part === 'f2' ? ['J7301\tJ7303', 'J7301\tJ7304', 'J7301\tJ7305', 'J7301\tJ7306', 'J73011'] : [];
    ptpQuarter[`medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-${part}.zip`] = {
      [member]: fixtureWithout(path.join('ncci', member), unreadable),
    };
  }
  return {
    'icd10cm-Code Descriptions-2026.zip': { 'icd10cm-order-2026.txt': fixtureWithout('icd10cm-order-2026.txt') },
    'january-2026-alpha-numeric-hcpcs-file.zip': {
      'HCPC2026_JAN_ANWEB_01122026.txt': fixtureWithout('HCPC2026_JAN_ANWEB_01122026.txt'),
    },
    ...ptpQuarter,
    'RVU26C.zip': {
      'PPRRVU2026_Jul_nonQPP.csv': fixtureWithout(path.join('ncci', 'PPRRVU2026_Jul_nonQPP.csv'), ['G99X,', 'G9907,']),
    },
  };
}

/** Writes the folder into a new temporary folder and returns its absolute path. */
export function writeEndToEndDataFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-data-folder-'));
  for (const [zipName, members] of Object.entries(downloads())) {
    fs.writeFileSync(path.join(folder, zipName), zipSync(members));
  }
  return folder;
}
