/** The edit importers together, as the data folder reader asks them: every fixture is claimed by exactly one. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { editImporters } from '../../server/src/referenceData/importers/editImporters';
import { candidateOf, fixtureInZip, ncciFixtures } from './importerFixtures';

describe('edit importers', () => {
  it('has one importer of each kind', () => {
    assert.deepEqual(editImporters.map((importer) => importer.kind).sort(), ['add-on', 'mue', 'pfs', 'ptp']);
  });

  it('recognises each fixture by exactly the importer of its kind', () => {
    const expected: Record<string, string> = { ccipra: 'ptp', MCR_MUE: 'mue', PPRRVU: 'pfs', AOC_: 'add-on' };
    const names = fs.readdirSync(ncciFixtures);
    assert.ok(names.length >= 8, `${names.length} fixtures`);
    for (const name of names) {
      const candidate = candidateOf(fixtureInZip('download.zip', name));
      const claimedBy = editImporters
        .filter((importer) => importer.recognizes(candidate))
        .map((importer) => importer.kind);
      const kind = Object.entries(expected).find(([prefix]) => name.startsWith(prefix))?.[1];
      assert.deepEqual(claimedBy, [kind], name);
    }
  });

  it('claims no other file of a CMS zip', () => {
    for (const name of [
      'RVU25A.pdf',
      'GPCI2025.csv',
      'ANES2025.csv',
      'OPPSCAP_JAN.csv',
      'read-me.txt',
      'ccioph-v322r0-f1.TXT',
    ]) {
      const candidate = { name: `download.zip/${name}`, head: 'Some text of another file' };
      assert.deepEqual(
        editImporters.filter((importer) => importer.recognizes(candidate)).map((importer) => importer.kind),
        [],
        name,
      );
    }
  });
});
