/**
 * claim-lint's run is its workspace: with a fee schedule in `--data` (the
 * end-to-end folder's PFS 2026 Jul, where G9902 has global days 090), a
 * procedure in one file of the run puts the same patient's visit in another
 * file in its global period (`global-surgery`, naming the file and claim), in
 * this thread and in the worker pool alike. The visit alone, or another
 * patient's, stays quiet. The names are invented.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeEndToEndDataFolder } from '../support/referenceData/endToEndDataFolder';
import { jsonlRows, runCli, useTempFolder } from './cliRunner';

const surgery = 'claim SURG-1\n  patient: DOE, JANE\n  dos: 2026-08-01\n  G9902 x1\n';
const visit = (patient: string) => `claim VISIT-1\n  patient: ${patient}\n  99213 x1 dos=2026-08-20\n`;

describe('claim-lint: global-surgery across the files of a run', function () {
  this.timeout(60000);
  const files = useTempFolder();
  let dataFolder: string;
  let cache: string;

  before(() => {
    dataFolder = writeEndToEndDataFolder();
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-global-cache-'));
  });
  after(() => [dataFolder, cache].forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

  const globalSurgery = (args: readonly string[]) => {
    const result = runCli(['--format', 'jsonl', '--data', dataFolder, '--cache-dir', cache, ...args], files.dir());
    assert.notEqual(result.status, 2, result.stderr);
    return jsonlRows(result.stdout).filter((row) => row.ruleId === 'global-surgery');
  };

  it("reports a visit in the period of the same patient's procedure in another file, in this thread and in workers", () => {
    files.write('surgery.claim', surgery);
    files.write('visit.claim', visit('Doe, Jane'));
    for (const jobs of ['1', '2']) {
      const [finding, ...rest] = globalSurgery(['--jobs', jobs, 'surgery.claim', 'visit.claim']);
      assert.equal(rest.length, 0, jobs);
      assert.equal(finding?.file, 'visit.claim');
      assert.equal(finding?.claimId, 'VISIT-1');
      assert.match(finding?.message ?? '', /postoperative day 19 of G9902 \(in surgery\.claim, claim SURG-1\)/);
      assert.doesNotMatch(finding?.message ?? '', /DOE|JANE/i);
    }
  });

  it("stays quiet for the visit alone, and for another patient's visit", () => {
    files.write('surgery.claim', surgery);
    files.write('visit.claim', visit('ROE, RICHARD'));
    files.write('alone.claim', visit('DOE, JANE'));
    assert.deepEqual(globalSurgery(['surgery.claim', 'visit.claim']), []);
    assert.deepEqual(globalSurgery(['alone.claim']), []);
  });
});
