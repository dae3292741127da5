/**
 * The code set importers' list: each fixture file is recognised by exactly
 * one importer of the list, the one of its kind.
 */
import * as assert from 'node:assert/strict';
import { codeSetImporters } from '../../server/src/referenceData/importers/codeSetImporters';
import { CacheMismatch } from '../../server/src/referenceData/importers/tableBytes';
import { candidateOf, fixtureFile } from './referenceFixtures';

describe('code set importers', () => {
  const cases = [
    ['icd10cm-order-2025.txt', 'icd10cm'],
    ['icd10cm-order-2026.txt', 'icd10cm'],
    ['HCPC2026_JAN_ANWEB_01122026.txt', 'hcpcs'],
  ] as const;
  for (const [name, kind] of cases) {
    it(`recognises ${name} as ${kind} only`, () => {
      const candidate = candidateOf(fixtureFile(name));
      const kinds = codeSetImporters
        .filter((importer) => importer.recognizes(candidate))
        .map((importer) => importer.kind);
      assert.deepEqual(kinds, [kind]);
    });
  }

  it('keeps the official line ends of the fixtures (CRLF), which git must not change', () => {
    for (const [name] of cases) {
      const text = Buffer.from(fixtureFile(name).bytes).toString('latin1');
      assert.equal(text.split('\r\n').length, text.split('\n').length, name);
    }
  });

  it("refuses to read one kind's cache bytes as the other's", () => {
    const [diagnoses, hcpcs] = codeSetImporters;
    const diagnosisTable = diagnoses.import([fixtureFile('icd10cm-order-2026.txt')]).table;
    const hcpcsTable = hcpcs.import([fixtureFile('HCPC2026_JAN_ANWEB_01122026.txt')]).table;
    assert.ok(diagnosisTable && hcpcsTable);
    assert.throws(() => hcpcs.deserialize(diagnoses.serialize(diagnosisTable)), CacheMismatch);
    assert.throws(() => diagnoses.deserialize(hcpcs.serialize(hcpcsTable)), CacheMismatch);
  });
});
