/**
 * The edit importers' checks on the real CMS files of the data folder
 * (`../suite/editFilesChecks.ts`: the real PPRRVU Level II rows, and the
 * verbatim PTP, MUE and PPRRVU headers followed by rows we write), run by
 * `npm run test:reference-data -- <folder>` beside the code sets' suite.
 */
import * as assert from 'node:assert/strict';
import { checkEditFiles } from '../suite/editFilesChecks';
import { referenceDataDirVariable } from './officialFiles';

const folder = process.env[referenceDataDirVariable];

describe(`the CMS edit-file layouts in ${folder ?? `(set ${referenceDataDirVariable})`}`, function () {
  this.timeout(180000);

  it('reads the real PPRRVU rows and the real PTP, MUE and PPRRVU headers', async () => {
    assert.ok(folder, `set ${referenceDataDirVariable} (npm run test:reference-data -- <folder>)`);
    const checks = await checkEditFiles(folder);
    console.log(
      `\n      ${checks.map((check) => `${check.ok ? 'ok' : 'FAILED'}: ${check.name}: ${check.detail}`).join('\n      ')}`,
    );
    assert.ok(checks.length > 0, 'no check ran');
    assert.deepEqual(
      checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`),
      [],
    );
  });
});
