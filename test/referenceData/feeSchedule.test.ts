/**
 * The PPRRVU importer on fixtures in the official CSV layouts of 2025 and
 * 2026 (five preamble rows, a header read down five rows, 2026's extra PRIC
 * IND column), with HCPCS Level II codes and invented values: recognition,
 * the release from the name or the title row, indicators read by column name
 * in both years, modifier rows, bad rows by line, the cache round trip.
 */
import * as assert from 'node:assert/strict';
import { feeScheduleImporter, headerOf } from '../../server/src/referenceData/importers/feeSchedule';
import { csvRecords } from '../../server/src/referenceData/importers/csvRecords';
import { candidateOf, fixtureBytes, fixtureInZip, textBytes } from './importerFixtures';

const files = {
  2025: () => fixtureInZip('rvu25a.zip', 'PPRRVU25_JAN.csv'),
  2026: () => fixtureInZip('rvu26c.zip', 'PPRRVU2026_Jul_nonQPP.csv'),
};

describe('PFS PPRRVU importer', () => {
  it('recognises the file by name, or a renamed one by its title row', () => {
    assert.equal(feeScheduleImporter.recognizes(candidateOf(files[2025]())), true);
    assert.equal(feeScheduleImporter.recognizes(candidateOf(files[2026]())), true);
    assert.equal(feeScheduleImporter.recognizes({ name: 'rvu.csv', head: candidateOf(files[2026]()).head }), true);
    assert.equal(feeScheduleImporter.recognizes({ name: 'PPRRVU25_JAN.xlsx', head: '' }), false);
    assert.equal(
      feeScheduleImporter.recognizes({ name: 'GPCI2025.csv', head: 'Geographic Practice Cost Indices' }),
      false,
    );
  });

  it('labels each release by its year and month, and groups its QPP and nonQPP files', () => {
    assert.equal(feeScheduleImporter.import([files[2025]()]).table?.label, 'PFS 2025 Jan');
    assert.deepEqual(feeScheduleImporter.import([files[2025]()]).table?.applies, { from: '2025-01-01' });
    assert.equal(feeScheduleImporter.import([files[2026]()]).table?.label, 'PFS 2026 Jul');
    assert.deepEqual(feeScheduleImporter.import([files[2026]()]).table?.applies, { from: '2026-07-01' });
    const renamed = feeScheduleImporter.import([
      { name: 'my-rvus.csv', bytes: fixtureBytes('PPRRVU2026_Jul_nonQPP.csv') },
    ]);
    assert.equal(renamed.table?.label, 'PFS 2026 Jul', 'from the title row');
    const key = (name: string) => feeScheduleImporter.editionKey({ name, head: '' });
    assert.equal(key('PPRRVU2026_Jul_QPP.csv'), key('a.zip/PPRRVU2026_Jul_nonQPP.csv'));
    assert.notEqual(key('PPRRVU2026_Apr_nonQPP.csv'), key('PPRRVU2026_Jul_nonQPP.csv'));
    assert.equal(key('PPRRVU26_JUL.csv'), key('PPRRVU2026_Jul_nonQPP.csv'));
  });

  it('combines each column’s name down the header rows, PRIC IND included in 2026', () => {
    for (const year of [2025, 2026] as const) {
      const header = headerOf(csvRecords(new TextDecoder().decode(files[year]().bytes)).records);
      assert.ok(header);
      assert.equal(header.names[0], 'HCPCS');
      assert.equal(header.names[3], 'STATUS CODE');
      assert.equal(header.names[4], 'NOT USED FOR MEDICARE PAYMENT');
      assert.equal(header.names[14], 'GLOB DAYS');
      assert.equal(header.names[21], 'CO- SURG');
      assert.equal(header.names.includes('PRIC IND'), year === 2026);
      assert.equal(header.names.at(-1), 'MP USED FOR OPPS PAYMENT AMOUNT');
    }
  });

  it('reads the same indicators in both years, whatever column they moved to', () => {
    for (const year of [2025, 2026] as const) {
      const { table } = feeScheduleImporter.import([files[year]()]);
      assert.equal(table?.size, 9, `${year}`);
      assert.deepEqual(table?.entry('G9902'), {
        code: 'G9902',
        modifier: '',
        status: 'A',
        pcTc: 0,
        globalDays: '090',
        multipleProcedure: 2,
        bilateral: 0,
        assistant: 1,
        coSurgeon: 1,
        teamSurgery: 2,
      });
      assert.equal(table?.entry('G9901')?.globalDays, '010');
      assert.equal(table?.entry('G9901')?.bilateral, 1);
      assert.equal(table?.entry('G9904')?.globalDays, 'ZZZ');
      assert.equal(table?.entry('G9905')?.status, 'B');
      assert.equal(table?.entry('A9909')?.globalDays, undefined, 'a global-days value outside the list');
    }
  });

  it('keeps the 26, TC and 53 rows apart from the global row', () => {
    const { table } = feeScheduleImporter.import([files[2025]()]);
    assert.equal(table?.entry('G9903')?.modifier, '');
    assert.equal(table?.entry('G9903', '26')?.modifier, '26');
    assert.equal(table?.entry('G9903', 'tc')?.modifier, 'TC');
    assert.equal(table?.entry('G9906'), undefined, 'only a 53 row');
    assert.equal(table?.entry('G9906', '53')?.globalDays, '000');
  });

  it('reports bad rows by line and a file without the header', () => {
    const { reports } = feeScheduleImporter.import([files[2026]()]);
    assert.equal(reports[0]?.rows, 9);
    assert.equal(reports[0]?.problem, '2 lines not understood (line 21, 22); they are left out.');
    const noHeader = feeScheduleImporter.import([{ name: 'PPRRVU25_JAN.csv', bytes: textBytes('G9901,,x,A\n') }]);
    assert.equal(noHeader.table, undefined);
    assert.match(noHeader.reports[0]?.problem ?? '', /No header row starting HCPCS, MOD/);
    const text = new TextDecoder().decode(fixtureBytes('PPRRVU25_JAN.csv')).replace('BILAT', 'BILATERAL');
    const renamedColumn = feeScheduleImporter.import([{ name: 'PPRRVU25_JAN.csv', bytes: textBytes(text) }]);
    assert.equal(renamedColumn.table, undefined);
    assert.equal(renamedColumn.reports[0]?.problem, 'The header has no BILATSURG column; the file is not used.');
  });

  it('reads one of a release’s two files and says the other was not needed', () => {
    const qpp = { name: 'rvu26c.zip/PPRRVU2026_Jul_QPP.csv', bytes: fixtureBytes('PPRRVU2026_Jul_nonQPP.csv') };
    const { table, reports } = feeScheduleImporter.import([qpp, files[2026]()]);
    assert.equal(table?.source, 'rvu26c.zip/PPRRVU2026_Jul_nonQPP.csv');
    assert.match(reports.find((report) => report.file === qpp.name)?.problem ?? '', /^Not read/);
  });

  it('loads from its cache bytes with the same answers', () => {
    const { table } = feeScheduleImporter.import([files[2026]()]);
    assert.ok(table);
    const loaded = feeScheduleImporter.deserialize(feeScheduleImporter.serialize(table));
    assert.equal(loaded.label, table.label);
    assert.equal(loaded.size, table.size);
    for (const [code, modifier] of [
      ['G9901', ''],
      ['G9903', 'TC'],
      ['G9906', '53'],
      ['A9909', ''],
      ['J0000', ''],
    ]) {
      assert.deepEqual(loaded.entry(code ?? '', modifier), table.entry(code ?? '', modifier));
    }
  });
});
