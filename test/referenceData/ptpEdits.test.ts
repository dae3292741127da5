/**
 * The NCCI practitioner PTP importer on fixtures written in the official
 * layout (6 preamble lines, 7 tab-separated fields): recognition and the
 * quarter from the version, dates and their boundaries (effective, deletion
 * inclusive, a pair deleted and added again), indicators, bad rows reported
 * by line, and the disk-cache round trip.
 */
import * as assert from 'node:assert/strict';
import type { DataFile } from '../../server/src/referenceData/fileImporter';
import { ptpEditsImporter } from '../../server/src/referenceData/importers/ptpEdits';
import type { PtpIndex } from '../../server/src/referenceData/importers/ptpIndex';
import { candidateOf, fixtureBytes, fixtureInZip, textBytes, withCrlf } from './importerFixtures';

const zipOf = (file: number) => `medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f${file}.zip`;
const quarterFiles = (): DataFile[] =>
  [1, 2, 3, 4].map((file) => fixtureInZip(zipOf(file), `ccipra-v322r0-f${file}.TXT`));

function imported(files: readonly DataFile[]): { table: PtpIndex; problems: (string | undefined)[] } {
  const result = ptpEditsImporter.import(files);
  assert.ok(result.table, 'a table');
  return { table: result.table, problems: result.reports.map((report) => report.problem) };
}

describe('NCCI PTP edits importer', () => {
  it('recognises the practitioner files by name, or a renamed one by its title line', () => {
    const [first] = quarterFiles();
    assert.ok(first);
    assert.equal(ptpEditsImporter.recognizes(candidateOf(first)), true);
    const head = candidateOf(first).head;
    assert.equal(ptpEditsImporter.recognizes({ name: 'edits/my-copy.txt', head }), true);
    assert.equal(ptpEditsImporter.recognizes({ name: 'x.zip/ccioph-v322r0-f1.TXT', head }), false);
    assert.equal(ptpEditsImporter.recognizes({ name: 'x.zip/ccipra-v322r0-f1.xlsx', head: '' }), false);
    assert.equal(ptpEditsImporter.recognizes({ name: 'notes.txt', head: 'Column 1 and 2' }), false);
  });

  it('groups the four files of a version into one edition, labelled with its quarter', () => {
    const keys = quarterFiles().map((file) => ptpEditsImporter.editionKey(candidateOf(file)));
    assert.deepEqual(new Set(keys).size, 1);
    assert.notEqual(keys[0], ptpEditsImporter.editionKey({ name: 'ccipra-v321r0-f1.TXT', head: '' }));
    const { table } = imported(quarterFiles());
    assert.equal(table.label, 'PTP 2026 Q3');
    assert.deepEqual(table.applies, { from: '2026-07-01' });
    assert.equal(
      ptpEditsImporter.import([fixtureInZip('a.zip', 'ccipra-v322r0-f1.TXT', fixtureBytes('ccipra-v322r0-f1.TXT'))])
        .table?.label,
      'PTP 2026 Q3',
    );
    const v26 = { name: 'ccipra-v260r0-f1.TXT', bytes: fixtureBytes('ccipra-v322r0-f1.TXT') };
    assert.equal(ptpEditsImporter.import([v26]).table?.label, 'PTP 2020 Q1');
  });

  it('says when the zip’s name and the version disagree on the quarter', () => {
    const bytes = fixtureBytes('ccipra-v322r0-f1.TXT');
    const agreeing = ptpEditsImporter.import([fixtureInZip(zipOf(1), 'ccipra-v322r0-f1.TXT', bytes)]);
    assert.doesNotMatch(agreeing.reports[0]?.problem ?? '', /zip's name/);
    const other = ptpEditsImporter.import([
      fixtureInZip(zipOf(1).replace('2026q3', '2026q2'), 'ccipra-v322r0-f1.TXT', bytes),
    ]);
    assert.equal(other.table?.label, 'PTP 2026 Q3');
    assert.match(
      other.reports[0]?.problem ?? '',
      /The zip's name says 2026 Q2 but the version in the file name is 2026 Q3/,
    );
  });

  it('answers the edit in force on the date, the deletion date included', () => {
    const { table } = imported(quarterFiles());
    assert.equal(table.size, 9);
    const active = table.edit('G0101', 'G0102', '2026-07-15');
    assert.deepEqual(active, {
      column1: 'G0101',
      column2: 'G0102',
      effective: '2020-01-01',
      indicator: 0,
      rationale: 'Mutually exclusive procedures',
    });
    assert.equal(table.edit('G0101', 'G0102', '2019-12-31'), undefined, 'before its effective date');
    assert.equal(table.edit('G0101', 'G0102', '2020-01-01')?.effective, '2020-01-01', 'on its effective date');
    assert.equal(table.edit('G0102', 'G0101', '2026-07-15'), undefined, 'the columns are ordered');
    assert.equal(table.edit('g0101', 'g0102', '2026-07-15')?.indicator, 0, 'codes in any case');
    assert.equal(table.edit('G0101', 'G0102', 'not a date'), undefined);
    assert.equal(table.edit('G0101', 'A9999', '2026-07-15'), undefined, 'a code the table does not hold');
  });

  it('tells apart the rows of a pair deleted and added again', () => {
    const { table } = imported(quarterFiles());
    const first = table.edit('G0101', 'G0103', '2023-12-31');
    assert.equal(first?.effective, '2019-01-01');
    assert.equal(first?.deleted, '2023-12-31', 'in force on its deletion date');
    assert.equal(table.edit('G0101', 'G0103', '2024-01-01'), undefined, 'none between deletion and re-adding');
    assert.equal(table.edit('G0101', 'G0103', '2025-03-31'), undefined);
    const again = table.edit('G0101', 'G0103', '2025-04-01');
    assert.equal(again?.effective, '2025-04-01');
    assert.equal(again?.deleted, undefined);
  });

  it('keeps indicators 0, 1 and 9 and the rationale text', () => {
    const { table } = imported(quarterFiles());
    assert.equal(table.edit('G0104', 'G0105', '2026-07-01')?.indicator, 1);
    assert.equal(
      table.edit('G0104', 'G0105', '2026-07-01')?.rationale,
      'Misuse of Column Two code with Column One code',
    );
    assert.equal(table.edit('G0104', 'G0105', '1995-12-31'), undefined);
    const retroactive = table.edit('G0106', 'G0107', '2021-01-01');
    assert.equal(retroactive?.indicator, 9);
    assert.equal(retroactive?.deleted, '2021-01-01');
    assert.equal(table.edit('J7301', 'J7308', '2026-07-01')?.indicator, 0, 'a good row after bad ones');
    assert.equal(table.edit('Z9901', 'G0102', '2026-07-01')?.column1, 'Z9901', 'file 4 read too');
    assert.equal(table.edit('Q0091', 'G0123', '2026-07-01')?.rationale, 'Standards of medical/surgical practice');
  });

  it('reports bad rows with their count and first lines, and uses the rest', () => {
    const result = ptpEditsImporter.import(quarterFiles());
    const second = result.reports.find((report) => report.file.endsWith('f2.TXT'));
    assert.equal(second?.rows, 2);
    assert.equal(second?.edition, 'PTP 2026 Q3');
    assert.equal(second?.problem, '5 lines not understood (line 8, 9, 10, 11, 12); they are left out.');
    assert.equal(result.reports.find((report) => report.file.endsWith('f1.TXT'))?.problem, undefined);
    assert.equal(result.table?.edit('J7301', 'J7304', '2026-07-01'), undefined);
  });

  it('reads CRLF files as LF files, and says which of the four files are missing', () => {
    const crlf = [1, 2].map((file) =>
      fixtureInZip(zipOf(file), `ccipra-v322r0-f${file}.TXT`, withCrlf(fixtureBytes(`ccipra-v322r0-f${file}.TXT`))),
    );
    const result = ptpEditsImporter.import(crlf);
    assert.equal(result.table?.size, 7);
    assert.equal(
      result.table?.edit('G0101', 'G0103', '2023-12-31')?.rationale,
      'Standards of medical/surgical practice',
    );
    assert.match(result.reports[0]?.problem ?? '', /f3, f4 are not in the folder/);
  });

  it('gives no table for a file without edits, and says why', () => {
    const result = ptpEditsImporter.import([{ name: 'ccipra-v322r0-f1.TXT', bytes: textBytes('just\ttext\n\n') }]);
    assert.equal(result.table, undefined);
    assert.match(result.reports[0]?.problem ?? '', /No PTP edit was found/);
  });

  it('loads from its cache bytes with the same answers', () => {
    const { table } = imported(quarterFiles());
    const loaded = ptpEditsImporter.deserialize(ptpEditsImporter.serialize(table));
    assert.equal(loaded.label, table.label);
    assert.deepEqual(loaded.applies, table.applies);
    assert.equal(loaded.source, table.source);
    assert.equal(loaded.size, table.size);
    for (const [c1, c2, date] of [
      ['G0101', 'G0102', '2026-07-01'],
      ['G0101', 'G0103', '2023-12-31'],
      ['G0101', 'G0103', '2024-06-01'],
      ['G0106', 'G0107', '2021-01-01'],
      ['Z9901', 'G0102', '2026-01-01'],
    ] as const) {
      assert.deepEqual(loaded.edit(c1, c2, date), table.edit(c1, c2, date), `${c1} ${c2} ${date}`);
    }
    assert.throws(() => ptpEditsImporter.deserialize(textBytes('nonsense')));
  });
});
