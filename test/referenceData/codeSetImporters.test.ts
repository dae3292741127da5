/**
 * The code set importers' list: each fixture file is recognised by exactly
 * one importer of the list, the one of its kind.
 */
import * as assert from 'node:assert/strict';
import { codeSetImporters } from '../../server/src/referenceData/importers/codeSetImporters';
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
});
