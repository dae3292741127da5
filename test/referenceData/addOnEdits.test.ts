/**
 * The NCCI add-on code edit importer, whose layout is unconfirmed, on
 * fixtures written in the text form (whitespace-separated, the type digit
 * joined to the add-on code, Julian dates) and in the spreadsheet's columns
 * saved as CSV: types 1, 2 and 3, primaries in force on a date, deletion
 * dates (pairing, add-on), notes, what was not understood, the xlsx refused
 * with its reason, the cache round trip.
 */
import * as assert from 'node:assert/strict';
import { addOnEditsImporter } from '../../server/src/referenceData/importers/addOnEdits';
import { textRowOf } from '../../server/src/referenceData/importers/addOnRows';
import { dayOfIso } from '../../server/src/referenceData/importers/dayNumbers';
import { candidateOf, fixtureBytes, fixtureInZip, withCrlf } from './importerFixtures';

const zip = 'add-code-edits-medicare-effective-07012026.zip';
const textFile = () => fixtureInZip(zip, 'AOC_V2026Q3-F-MCR.txt');
const csvFile = () => fixtureInZip(zip, 'AOC_V2026Q3-F-MCR.csv');
const imported = () => {
  const { table } = addOnEditsImporter.import([textFile()]);
  assert.ok(table);
  return table;
};

describe('NCCI add-on code edits importer', () => {
  it('recognises the text, CSV and xlsx members by name, and one quarter’s forms as one edition', () => {
    assert.equal(addOnEditsImporter.recognizes(candidateOf(textFile())), true);
    assert.equal(addOnEditsImporter.recognizes(candidateOf(csvFile())), true);
    assert.equal(addOnEditsImporter.recognizes({ name: `${zip}/AOC_V2026Q3-MCR.xlsx`, head: '' }), true);
    assert.equal(addOnEditsImporter.recognizes({ name: 'saved.csv', head: candidateOf(csvFile()).head }), true);
    assert.equal(addOnEditsImporter.recognizes({ name: 'notes.txt', head: '1G9911 G9910 2020001' }), false);
    const key = (name: string) => addOnEditsImporter.editionKey({ name, head: '' });
    assert.equal(key('AOC_V2026Q3-F-MCR.txt'), key('x.zip/AOC_V2026Q3-MCR.xlsx'));
    assert.notEqual(key('AOC_V2026Q3-F-MCR.txt'), key('AOC_V2026Q2-F-MCR.txt'));
  });

  it('labels the quarter from the member’s name', () => {
    const table = imported();
    assert.equal(table.label, 'AOC 2026 Q3');
    assert.deepEqual(table.applies, { from: '2026-07-01' });
    const fromZip = addOnEditsImporter.import([
      { name: `${zip}/aoc.txt`, bytes: fixtureBytes('AOC_V2026Q3-F-MCR.txt') },
    ]);
    assert.equal(fromZip.table?.label, 'AOC 2026 Q3', 'from the zip’s effective date');
  });

  it('reads a text line by its tokens, the type digit joined to the add-on code', () => {
    assert.deepEqual(textRowOf('20054T   CCCCC   2013091   Contractor Defined Primary Codes'), {
      type: 2,
      addOn: '0054T',
      primary: 'CCCCC',
      from: dayOfIso('2013-04-01'),
      note: 'Contractor Defined Primary Codes',
    });
    assert.equal(textRowOf('4G9999 G9998 2020001'), undefined, 'no type 4');
    assert.equal(textRowOf('1G9961 G9960 2020400'), undefined, 'day 400');
    assert.equal(textRowOf('1G9951 G9950'), undefined, 'no date');
  });

  it('answers type 1 with the primaries in force on the date, deletion dates inclusive', () => {
    const table = imported();
    assert.deepEqual(table.edit('G9911', '2023-12-31'), {
      addOn: 'G9911',
      type: 1,
      primaries: ['G9910', 'G9912'],
      notes: ['Invented note for the G9911 family'],
    });
    assert.deepEqual(table.edit('G9911', '2024-01-01')?.primaries, ['G9910', 'G9913']);
    assert.equal(table.edit('G9911', '2019-12-31'), undefined, 'not an add-on before its first pairing');
    assert.equal(table.edit('g9911', '2024-01-01')?.addOn, 'G9911', 'codes in any case');
    assert.equal(table.edit('G9910', '2024-01-01'), undefined, 'a primary is not an add-on');
  });

  it('answers type 2 with no primaries and type 3 with its listed ones', () => {
    const table = imported();
    assert.deepEqual(table.edit('G9921', '2026-07-01'), {
      addOn: 'G9921',
      type: 2,
      primaries: [],
      notes: ['Contractor Defined Primary Codes'],
    });
    assert.deepEqual(table.edit('G9931', '2026-07-01')?.type, 3);
    assert.deepEqual(table.edit('G9931', '2026-07-01')?.primaries, ['G9930', 'G9932']);
    assert.deepEqual(table.edit('G9931', '2026-07-01')?.notes, ['G9930 (Practitioner Only)']);
  });

  it('ends a pairing at the add-on’s deletion date written before the primary', () => {
    const table = imported();
    assert.deepEqual(table.edit('G9941', '2022-06-30')?.primaries, ['G9940']);
    assert.equal(table.edit('G9941', '2022-07-01'), undefined);
  });

  it('says how many lines were not understood and where, and reads CRLF alike', () => {
    const { reports } = addOnEditsImporter.import([textFile()]);
    assert.deepEqual(reports, [
      {
        file: `${zip}/AOC_V2026Q3-F-MCR.txt`,
        kind: 'add-on',
        edition: 'AOC 2026 Q3',
        rows: 8,
        problem:
          '4 lines not understood (line 10, 11, 12, 13); they are left out. 1 line before the first edit taken as a title.',
      },
    ]);
    const crlf = addOnEditsImporter.import([
      fixtureInZip(zip, 'AOC_V2026Q3-F-MCR.txt', withCrlf(fixtureBytes('AOC_V2026Q3-F-MCR.txt'))),
    ]);
    assert.equal(crlf.table?.size, 8);
    assert.equal(crlf.table?.edit('G9971', '2026-07-01')?.notes[0], 'Invented note');
  });

  it('reads the spreadsheet’s columns saved as CSV', () => {
    const { table, reports } = addOnEditsImporter.import([csvFile()]);
    assert.equal(table?.size, 4);
    assert.deepEqual(table?.edit('G9911', '2023-12-31')?.primaries, ['G9910', 'G9912']);
    assert.deepEqual(table?.edit('G9911', '2023-12-31')?.notes, ['Invented note, with a comma']);
    assert.deepEqual(table?.edit('G9911', '2024-01-01')?.primaries, ['G9910']);
    assert.equal(table?.edit('G9921', '2026-07-01')?.type, 2);
    assert.equal(table?.edit('G9941', '2022-07-01'), undefined);
    assert.equal(
      reports[0]?.problem,
      '2 lines not understood (line 7, 8); they are left out. 1 line before the first edit taken as a title.',
    );
  });

  it('does not read the xlsx, and says to read the .txt member', () => {
    const xlsx = { name: `${zip}/AOC_V2026Q3-MCR.xlsx`, bytes: new Uint8Array([80, 75, 3, 4]) };
    const alone = addOnEditsImporter.import([xlsx]);
    assert.equal(alone.table, undefined);
    assert.equal(alone.reports[0]?.problem, 'The spreadsheet is not read: read the .txt member of the same zip.');
    const both = addOnEditsImporter.import([xlsx, textFile()]);
    assert.equal(both.table?.size, 8);
    assert.equal(both.reports.length, 2);
  });

  it('loads from its cache bytes with the same answers', () => {
    const table = imported();
    const loaded = addOnEditsImporter.deserialize(addOnEditsImporter.serialize(table));
    assert.equal(loaded.label, table.label);
    assert.equal(loaded.size, table.size);
    for (const [code, date] of [
      ['G9911', '2023-12-31'],
      ['G9911', '2024-01-01'],
      ['G9921', '2026-07-01'],
      ['G9941', '2022-07-01'],
    ] as const) {
      assert.deepEqual(loaded.edit(code, date), table.edit(code, date), `${code} ${date}`);
    }
  });
});
