/**
 * The status bar's words for the data in use (client/src/dataStatusText.ts):
 * bundled or the licensed file names, the MUE quarter, a warning for files
 * that are not used; and the check on the server's answer.
 */
import * as assert from 'node:assert/strict';
import { dataStatusText, isDataInUse } from '../../client/src/dataStatusText';

describe('status bar: data in use', () => {
  it('says bundled when no data file is set', () => {
    const status = dataStatusText({ descriptorFiles: [], notUsed: [] });
    assert.equal(status.text, '$(book) CPT: bundled');
    assert.equal(status.warning, false);
    assert.match(status.tooltip, /bundled data, with our own summaries/);
    assert.match(status.tooltip, /MUE limits: none/);
  });

  it('names the descriptor file and the MUE quarter; several files as the first and how many more', () => {
    assert.equal(
      dataStatusText({ descriptorFiles: ['org-cpt.tsv'], mueFile: 'mue.csv', muePeriod: '2026 Q2', notUsed: [] }).text,
      '$(book) CPT: org-cpt.tsv · MUE 2026 Q2',
    );
    const several = dataStatusText({ descriptorFiles: ['a.tsv', 'b.csv', 'c.csv'], mueFile: 'mue.csv', notUsed: [] });
    assert.equal(several.text, '$(book) CPT: a.tsv +2 · MUE mue.csv');
    assert.match(several.tooltip, /licensed descriptors from a\.tsv, b\.csv, c\.csv/);
  });

  it('warns, with each reason in the tooltip, when a file the settings name is not used', () => {
    const status = dataStatusText({
      descriptorFiles: [],
      notUsed: [{ name: 'gone.csv', reason: 'it does not exist.' }],
    });
    assert.equal(status.text, '$(warning) CPT: bundled');
    assert.equal(status.warning, true);
    assert.match(status.tooltip, /Not used: gone\.csv: it does not exist\./);
  });

  it('accepts only answers of the expected shape', () => {
    assert.equal(isDataInUse({ descriptorFiles: ['a'], notUsed: [{ name: 'b', reason: 'c' }] }), true);
    for (const bad of [
      null,
      undefined,
      'x',
      {},
      { descriptorFiles: [1], notUsed: [] },
      { descriptorFiles: [], notUsed: [null] },
      { descriptorFiles: [] },
    ]) {
      assert.equal(isDataInUse(bad), false, JSON.stringify(bad));
    }
  });
});
