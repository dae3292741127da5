/**
 * The edit importers on mutated fixtures and random bytes (fast-check, a
 * fixed seed; FUZZ_SEED and FUZZ_RUNS replay or widen it): import never
 * throws, reports every file it was given, and a table it returns survives
 * the cache round trip with the same size and answers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import type { FileImporter } from '../../server/src/referenceData/fileImporter';
import { editImporters } from '../../server/src/referenceData/importers/editImporters';
import type { OfficialTable } from '../../server/src/service';
import { fixtureBytes, ncciFixtures } from './importerFixtures';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 60);

/** A few answers of a table, whatever its kind, to compare before and after the cache. */
function answers(table: OfficialTable): unknown[] {
  const codes = ['G0101', 'G0102', 'J9901', 'G9901', 'G9903', 'G9911', 'A9901'];
  switch (table.kind) {
    case 'ptp':
      return codes.flatMap((c1) => codes.map((c2) => table.edit(c1, c2, '2024-06-30')));
    case 'add-on':
      return codes.map((code) => table.edit(code, '2024-06-30'));
    case 'mue':
      return codes.map((code) => table.limit(code));
    case 'pfs':
      return codes.map((code) => table.entry(code));
    default:
      return [];
  }
}

/** A fixture with pieces cut out and bytes that matter to these formats put in. */
const mutation = fc.array(
  fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 12 }),
    insert: fc.constantFrom('', '\t', '\n', '\r\n', '"', ',', '*', '9', '2026999', 'ZZZZZ', '\u00e9', '\t\t\t'),
  }),
  { maxLength: 8 },
);

function mutate(bytes: Uint8Array, edits: readonly { at: number; cut: number; insert: string }[]): Uint8Array {
  let text = new TextDecoder('latin1').decode(bytes);
  for (const edit of edits) {
    const at = edit.at % (text.length + 1);
    text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
  }
  return new Uint8Array([...text].map((char) => char.charCodeAt(0) & 0xff));
}

function checkImport(importer: FileImporter, name: string, bytes: Uint8Array): void {
  const result = importer.import([{ name, bytes }]);
  assert.ok(
    result.reports.some((report) => report.file === name),
    'the file is reported',
  );
  if (result.table) {
    const loaded = importer.deserialize(importer.serialize(result.table));
    assert.equal(loaded.label, result.table.label);
    assert.deepEqual(answers(loaded), answers(result.table));
  }
}

describe('edit importers on damaged files', () => {
  for (const fixture of fs.readdirSync(ncciFixtures)) {
    const importer = editImporters.find((candidate) =>
      candidate.recognizes({ name: fixture, head: new TextDecoder('latin1').decode(fixtureBytes(fixture)) }),
    );
    it(`${fixture}: never throws, reports the file, round-trips what it reads`, () => {
      assert.ok(importer, 'an importer claims it');
      fc.assert(
        fc.property(mutation, (edits) => checkImport(importer, fixture, mutate(fixtureBytes(fixture), edits))),
        { seed, numRuns },
      );
    });
  }

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        for (const [importer, name] of editImporters.map(
          (importer) => [importer, fileNameOf(importer.kind)] as const,
        )) {
          checkImport(importer, name, bytes);
        }
      }),
      { seed, numRuns },
    );
  });
});

function fileNameOf(kind: string): string {
  return (
    {
      ptp: 'ccipra-v322r0-f1.TXT',
      'add-on': 'AOC_V2026Q3-F-MCR.txt',
      mue: 'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv',
      pfs: 'PPRRVU25_JAN.csv',
    }[kind] ?? 'file.txt'
  );
}
