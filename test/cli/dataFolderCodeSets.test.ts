/**
 * The code sets through the built claim-lint: a data folder holding our
 * ICD-10-CM and HCPCS fixtures zipped as CDC and CMS ship them gives their
 * editions in `--data-info`, read again from the cache on the second run,
 * and passes over the zips' other members (the codes file, the record layout).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import { root, runCli } from './cliRunner';

const fixtures = path.join(root, 'test', 'fixtures', 'referenceData');
const fixture = (name: string): Uint8Array => new Uint8Array(fs.readFileSync(path.join(fixtures, name)));
const text = (value: string): Uint8Array => new Uint8Array(Buffer.from(value, 'latin1'));

function codeSetFolder(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-codesets-'));
  fs.writeFileSync(
    path.join(folder, 'icd10cm-Code Descriptions-2026.zip'),
    zipSync({
      'icd10cm-order-2026.txt': fixture('icd10cm-order-2026.txt'),
      'icd10cm-codes-2026.txt': text('U9001   Invented growth of upper-outer lobe of right widget gland\r\n'),
    }),
  );
  fs.writeFileSync(
    path.join(folder, 'ICD10-CM Code Descriptions 2025.zip'),
    zipSync({ 'icd10cm-order-2025.txt': fixture('icd10cm-order-2025.txt') }),
  );
  fs.writeFileSync(
    path.join(folder, 'january-2026-alpha-numeric-hcpcs-file.zip'),
    zipSync({
      'HCPC2026_JAN_ANWEB_01122026.txt': fixture('HCPC2026_JAN_ANWEB_01122026.txt'),
      'HCPC2026_recordlayout.txt': text('\r\n  CMS RIF REPORT\r\n'),
    }),
  );
  return folder;
}

describe('claim-lint data folder: the code sets', () => {
  it('names the ICD-10-CM years and the HCPCS release, the same from the cache', () => {
    const folder = codeSetFolder();
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-codesets-cache-'));
    try {
      const expected = [
        'ICD-10-CM FY2025 (2024-10-01 to 2025-09-30, 9 rows): ICD10-CM Code Descriptions 2025.zip/icd10cm-order-2025.txt',
        'ICD-10-CM FY2026 (2025-10-01 to 2026-09-30, 13 rows): icd10cm-Code Descriptions-2026.zip/icd10cm-order-2026.txt',
        'HCPCS 2026 Jan (from 2026-01-01, 10 rows): january-2026-alpha-numeric-hcpcs-file.zip/HCPC2026_JAN_ANWEB_01122026.txt',
      ];
      for (const run of ['imported', 'from the cache']) {
        const result = runCli(['--data-info', '--data', folder, '--cache-dir', cache], folder);
        assert.equal(result.status, 0, result.stderr);
        const editions = result.stdout
          .split('\n')
          .filter((line) => line.startsWith('  ICD') || line.startsWith('  HCPCS'))
          .map((line) => line.trim());
        assert.deepEqual(editions, expected, run);
        assert.doesNotMatch(result.stdout, /Not used/, run);
        assert.ok(fs.readdirSync(cache, { recursive: true }).length > 0, 'the tables were cached');
      }
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(cache, { recursive: true, force: true });
    }
  });
});
