/**
 * The code set importers' list: each fixture file is recognised by exactly
 * one importer of the list, the one of its kind.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeSetImporters } from '../../server/src/referenceData/importers/codeSetImporters';
import { editImporters } from '../../server/src/referenceData/importers/editImporters';
import { CacheMismatch } from '../../server/src/referenceData/importers/tableBytes';
import { repoRoot } from '../support/repoRoot';
import { candidateOf, fixtureFile, textFile } from './referenceFixtures';

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

  it('leaves every fixture of the edit files to its own importer: all six importers claim each fixture once', () => {
    const folder = path.join(repoRoot(), 'test', 'fixtures', 'referenceData');
    const kinds: Record<string, string> = {
      icd10cm: 'icd10cm',
      HCPC: 'hcpcs',
      ccipra: 'ptp',
      MCR_MUE: 'mue',
      PPRRVU: 'pfs',
      AOC_: 'add-on',
    };
    const names = fs
      .readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => fs.statSync(path.join(folder, name)).isFile() && !name.endsWith('.gitattributes'));
    assert.ok(names.length >= 12, `${names.length} fixtures`);
    for (const name of names) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(folder, name)));
      const candidate = candidateOf({ name: `download.zip/${name}`, bytes });
      const claimedBy = [...codeSetImporters, ...editImporters]
        .filter((importer) => importer.recognizes(candidate))
        .map((importer) => importer.kind);
      const kind = Object.entries(kinds).find(([prefix]) => path.basename(name).startsWith(prefix))?.[1];
      assert.deepEqual(claimedBy, [kind], name);
    }
  });

  it('claims no other file of the code set zips', () => {
    const others = [
      textFile('icd10cm-codes-2026.txt', 'U9001   Invented growth of upper-outer lobe of right widget gland\r\n'),
      textFile('HCPC2026_recordlayout.txt', '\r\n  CMS RIF REPORT\r\n  AS OF: 11/12/2025\r\n'),
      textFile('icd10cmCodesFile.pdf', '%PDF-1.7\r\n%\u00e2\u00e3\u00cf\u00d3\r\n'),
    ];
    for (const other of others) {
      const candidate = candidateOf(other);
      assert.deepEqual(
        [...codeSetImporters, ...editImporters].filter((importer) => importer.recognizes(candidate)),
        [],
        other.name,
      );
    }
  });

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
