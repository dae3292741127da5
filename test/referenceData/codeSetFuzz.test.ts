/**
 * The code set importers on mutated fixtures and random bytes (fast-check, a
 * fixed seed; FUZZ_SEED and FUZZ_RUNS replay or widen it): import never
 * throws and reports the file; a table it returns answers the same after the
 * cache round trip, and what search and billableUnder list is what lookup
 * says of each code.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeSetImporters } from '../../server/src/referenceData/importers/codeSetImporters';
import type { DiagnosisCodeSet, HcpcsCodeSet } from '../../server/src/service/index';
import { fixtureBytes } from './referenceFixtures';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 60);
const [diagnosisImporter, hcpcsImporter] = codeSetImporters;

const diagnosisCodes = ['U90', 'U900', 'U9001', 'U9002', 'U901', 'U91', 'U92', 'U920XXA', 'U920XXD', 'U930'];
const hcpcsCodes = ['A4397', 'E0100', 'E0105', 'G0279', 'G9990', 'K0001', 'RT', 'LT', 'XS', 'ZQ'];
const queries = ['widget', 'right lobe', 'U90', 'cane', 'with', 'G0', 'fx shaft'];

/** A fixture with pieces cut out and characters that matter to fixed-width records put in. */
const mutation = fc.array(
  fc.record({
    at: fc.nat(),
    cut: fc.nat({ max: 12 }),
    insert: fc.constantFrom(
      '',
      ' ',
      '  ',
      '\n',
      '\r\n',
      '0',
      '1',
      '3',
      '4',
      '8',
      'X',
      'ZZZZZ',
      '.',
      '\u00e9',
      ' '.repeat(40),
    ),
  }),
  { maxLength: 8 },
);

function mutate(bytes: Uint8Array, edits: readonly { at: number; cut: number; insert: string }[]): Uint8Array {
  let text = Buffer.from(bytes).toString('latin1');
  for (const edit of edits) {
    const at = edit.at % (text.length + 1);
    text = text.slice(0, at) + edit.insert + text.slice(at + edit.cut);
  }
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

function diagnosisAnswers(table: DiagnosisCodeSet): unknown[] {
  return [
    table.billableCount,
    diagnosisCodes.map((code) => table.lookup(code)),
    diagnosisCodes.map((code) => table.billableUnder(code, 5)),
    queries.map((query) => table.search(query, 5)),
  ];
}

function hcpcsAnswers(table: HcpcsCodeSet): unknown[] {
  return [
    table.codeCount,
    hcpcsCodes.map((code) => [table.code(code), table.modifier(code)]),
    queries.map((query) => table.search(query, 5)),
  ];
}

function checkDiagnoses(name: string, bytes: Uint8Array): void {
  const { table, reports } = diagnosisImporter.import([{ name, bytes }]);
  assert.deepEqual(
    reports.map((report) => report.file),
    [name],
  );
  if (table) {
    assert.deepEqual(
      diagnosisAnswers(diagnosisImporter.deserialize(diagnosisImporter.serialize(table))),
      diagnosisAnswers(table),
    );
    for (const entry of [...queries.flatMap((query) => table.search(query, 5)), ...table.billableUnder('U90', 9)]) {
      assert.deepEqual(table.lookup(entry.code), entry, entry.code);
    }
  }
}

function checkHcpcs(name: string, bytes: Uint8Array): void {
  const { table, reports } = hcpcsImporter.import([{ name, bytes }]);
  assert.deepEqual(
    reports.map((report) => report.file),
    [name],
  );
  if (table) {
    assert.deepEqual(hcpcsAnswers(hcpcsImporter.deserialize(hcpcsImporter.serialize(table))), hcpcsAnswers(table));
    for (const entry of queries.flatMap((query) => table.search(query, 5))) {
      assert.deepEqual(table.code(entry.code), entry, entry.code);
    }
  }
}

describe('code set importers on damaged files', () => {
  it('icd10cm-order-2026.txt: never throws, reports the file, answers the same from the cache', () => {
    const name = 'icd10cm-order-2026.txt';
    fc.assert(
      fc.property(mutation, (edits) => checkDiagnoses(name, mutate(fixtureBytes(name), edits))),
      { seed, numRuns },
    );
  });

  it('HCPC2026_JAN_ANWEB_01122026.txt: never throws, reports the file, answers the same from the cache', () => {
    const name = 'HCPC2026_JAN_ANWEB_01122026.txt';
    fc.assert(
      fc.property(mutation, (edits) => checkHcpcs(name, mutate(fixtureBytes(name), edits))),
      { seed, numRuns },
    );
  });

  it('never throws on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        checkDiagnoses('icd10cm-order-2026.txt', bytes);
        checkHcpcs('HCPC2026_JAN_ANWEB_01122026.txt', bytes);
      }),
      { seed, numRuns },
    );
  });
});
