/**
 * The ICD-10-CM order-file importer on our fixture files (the official fixed
 * width layout, CRLF, invented U9x codes): recognition, the fiscal year from
 * the name, headers and billable codes, the run of billable codes under a
 * header, search by words, bad rows in the report, the cache round trip.
 */
import * as assert from 'node:assert/strict';
import { zipSync } from 'fflate';
import { type DiagnosisRow, DiagnosisTable } from '../../server/src/referenceData/importers/diagnosisTable';
import { icd10cmOrderFileImporter as importer } from '../../server/src/referenceData/importers/icd10cmOrderFile';
import { CacheMismatch } from '../../server/src/referenceData/importers/tableBytes';
import { zipMembers } from '../../server/src/referenceData/zipMembers';
import { type DiagnosisCodeSet, editionFor } from '../../server/src/service/index';
import { candidateOf, fixtureFile, textFile, withLines } from './referenceFixtures';

const fy2026 = (): DiagnosisCodeSet => {
  const { table } = importer.import([fixtureFile('icd10cm-order-2026.txt')]);
  assert.ok(table);
  return table;
};
const codes = (entries: readonly { code: string }[]): string[] => entries.map((entry) => entry.code);

describe('ICD-10-CM order file importer', () => {
  describe('recognition', () => {
    it('recognises the order file by its lines, whatever its name', () => {
      assert.equal(importer.recognizes(candidateOf(fixtureFile('icd10cm-order-2026.txt'))), true);
      assert.equal(importer.recognizes(candidateOf(fixtureFile('icd10cm-order-2026.txt', 'renamed.txt'))), true);
    });

    it('does not recognise the codes file, the addenda, the HCPCS file, a zip or an empty file', () => {
      const others = [
        textFile('icd10cm-codes-2026.txt', 'U9001   Invented growth of upper-outer lobe of right widget gland\r\n'),
        textFile(
          'icd10cm-order-addenda-2026.txt',
          'Add:         1 U9001   Invented growth                                              Invented growth\r\n',
        ),
        fixtureFile('HCPC2026_JAN_ANWEB_01122026.txt'),
        textFile('icd10cm-order-2026.zip', 'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000'),
        textFile('icd10cm-order-2026.txt', ''),
      ];
      for (const other of others) {
        assert.equal(importer.recognizes(candidateOf(other)), false, other.name);
      }
    });

    it('does not recognise a file whose later head lines break the layout', () => {
      const broken = withLines(fixtureFile('icd10cm-order-2026.txt'), 'not an order line');
      const lines = Buffer.from(broken.bytes).toString('latin1').split('\r\n');
      const head = [lines[0], 'not an order line', ...lines.slice(1)].join('\r\n');
      assert.equal(importer.recognizes({ name: broken.name, head }), false);
    });

    it('keys an edition by the fiscal year of the file name, or of its zip', () => {
      const key = (name: string): string => importer.editionKey({ name, head: '' });
      assert.equal(key('icd10cm-Code Descriptions-2026.zip/icd10cm-order-2026.txt'), 'ICD-10-CM FY2026');
      assert.equal(key('ICD10-CM Code Descriptions 2025.zip/order.txt'), 'ICD-10-CM FY2025');
      assert.equal(key('order.txt'), 'order.txt');
    });

    it('tells an April update from the fiscal year file: it applies from April 1', () => {
      const name = 'April-1-2024-Code Descriptions in Tabular Order.zip/icd10cm-order-April-1-2024.txt';
      assert.equal(importer.editionKey({ name, head: '' }), 'ICD-10-CM FY2024 Apr');
      const { table } = importer.import([fixtureFile('icd10cm-order-2026.txt', name)]);
      assert.equal(table?.label, 'ICD-10-CM FY2024 Apr');
      assert.deepEqual(table?.applies, { from: '2024-04-01', to: '2024-09-30' });
      const october = importer.import([fixtureFile('icd10cm-order-2025.txt', 'icd10cm-order-2024.txt')]).table;
      assert.ok(october && table);
      assert.equal(editionFor([october, table], '2024-03-31')?.label, 'ICD-10-CM FY2024');
      assert.equal(editionFor([october, table], '2024-04-01')?.label, 'ICD-10-CM FY2024 Apr');
    });
  });

  describe('import', () => {
    it('reads the edition, its dates of service and every row', () => {
      const result = importer.import([fixtureFile('icd10cm-order-2026.txt')]);
      assert.deepEqual(result.reports, [
        { file: 'icd10cm-order-2026.txt', kind: 'icd10cm', edition: 'ICD-10-CM FY2026', rows: 13 },
      ]);
      const table = result.table;
      assert.ok(table);
      assert.equal(table.kind, 'icd10cm');
      assert.equal(table.label, 'ICD-10-CM FY2026');
      assert.deepEqual(table.applies, { from: '2025-10-01', to: '2026-09-30' });
      assert.equal(table.source, 'icd10cm-order-2026.txt');
      assert.equal(table.billableCount, 8);
    });

    it('reads the file inside its zip', () => {
      const zip = zipSync({ 'icd10cm-order-2026.txt': fixtureFile('icd10cm-order-2026.txt').bytes });
      const members = zipMembers('icd10cm-Code Descriptions-2026.zip', zip, (name) => name.includes('order'));
      const { table } = importer.import(members);
      assert.equal(table?.source, 'icd10cm-Code Descriptions-2026.zip/icd10cm-order-2026.txt');
      assert.equal(table?.lookup('U9001')?.billable, true);
    });

    it('counts the lines it cannot read in the report and keeps the others', () => {
      const file = withLines(
        fixtureFile('icd10cm-order-2026.txt'),
        'garbled text',
        '00015 U94     X Invented flag that is neither 0 nor 1              Invented',
        '',
        '00016 U95     1 Invented late arrival                                          Invented late arrival',
      );
      const { table, reports } = importer.import([file]);
      assert.equal(reports[0]?.rows, 14);
      assert.equal(reports[0]?.problem, '2 lines not understood (line 14, 15); they are left out.');
      assert.equal(table?.lookup('U95')?.long, 'Invented late arrival');
      assert.equal(table?.lookup('U94'), undefined);
    });

    it('reads a repeated code once and says so', () => {
      const file = withLines(
        fixtureFile('icd10cm-order-2026.txt'),
        '00014 U91     0 Invented second sprain                                       Invented second sprain',
      );
      const { table, reports } = importer.import([file]);
      assert.equal(reports[0]?.problem, '1 repeated code was read once.');
      assert.equal(table?.lookup('U91')?.billable, true);
    });

    it('loads nothing from a file whose name gives no year, and says why', () => {
      const { table, reports } = importer.import([fixtureFile('icd10cm-order-2026.txt', 'order.txt')]);
      assert.equal(table, undefined);
      assert.match(reports[0]?.problem ?? '', /fiscal year could not be read from the name/);
    });

    it('loads nothing from a file without one order row', () => {
      const { table, reports } = importer.import([textFile('icd10cm-order-2026.txt', 'nothing\r\nhere\r\n')]);
      assert.equal(table, undefined);
      assert.equal(reports[0]?.problem, 'No ICD-10-CM order-file rows were found.');
    });

    it('reads one file of an edition and reports the other as not read', () => {
      const { table, reports } = importer.import([
        fixtureFile('icd10cm-order-2026.txt', 'a/icd10cm-order-2026.txt'),
        fixtureFile('icd10cm-order-2026.txt', 'b.zip/icd10cm-order-2026.txt'),
      ]);
      assert.equal(table?.source, 'a/icd10cm-order-2026.txt');
      assert.equal(reports[1]?.problem, 'Not read: a/icd10cm-order-2026.txt holds the same edition.');
    });
  });

  describe('the table', () => {
    it('looks a code up with or without its dot, in any case', () => {
      const table = fy2026();
      const billable = {
        code: 'U9001',
        billable: true,
        short: 'Invntd growth of upper-outer lobe of right widget gland',
        long: 'Invented growth of upper-outer lobe of right widget gland',
      };
      assert.deepEqual(table.lookup('U9001'), billable);
      assert.deepEqual(table.lookup('u90.01'), billable);
      assert.equal(table.lookup('U920XXA')?.long, 'Invented fracture of shaft of imaginary bone, initial encounter');
    });

    it('tells a header from a billable code', () => {
      const table = fy2026();
      assert.equal(table.lookup('U900')?.billable, false);
      assert.equal(table.lookup('U90')?.billable, false);
      assert.equal(table.lookup('U91')?.billable, true);
    });

    it('knows no code the file does not list', () => {
      const table = fy2026();
      for (const code of ['U9003', 'U9', 'U', '', 'U920XXAB', 'A00']) {
        assert.equal(table.lookup(code), undefined, code);
      }
    });

    it('lists the billable codes under a header in code order, and no header', () => {
      const table = fy2026();
      assert.deepEqual(codes(table.billableUnder('U90', 10)), ['U9001', 'U9002', 'U9009', 'U901']);
      assert.deepEqual(codes(table.billableUnder('U900', 10)), ['U9001', 'U9002', 'U9009']);
      assert.deepEqual(codes(table.billableUnder('U92', 10)), ['U920XXA', 'U920XXD']);
      assert.deepEqual(codes(table.billableUnder('U90', 2)), ['U9001', 'U9002']);
    });

    it('lists nothing under a billable code or an unknown one', () => {
      const table = fy2026();
      assert.deepEqual(table.billableUnder('U91', 10), []);
      assert.deepEqual(table.billableUnder('U9', 10), []);
    });

    it('finds codes by prefixes of the words of their descriptions', () => {
      const table = fy2026();
      assert.deepEqual(codes(table.search('invented upper outer right widget', 5)), ['U9001']);
      assert.deepEqual(codes(table.search('Grow UPPER-out LEFT', 5)), ['U9002']);
      assert.deepEqual(codes(table.search('fx shaft subs', 5)), ['U920XXD'], 'words of the short description count');
    });

    it('puts billable codes first, then shorter descriptions', () => {
      const table = fy2026();
      assert.deepEqual(codes(table.search('right', 10)), ['U9001', 'U930', 'U93']);
      assert.deepEqual(codes(table.search('widget lobe', 10)), ['U901', 'U9002', 'U9001', 'U9009', 'U900']);
      assert.deepEqual(codes(table.search('widget lobe', 2)), ['U901', 'U9002']);
    });

    it('lists the codes a code-shaped query begins first, billable ones first, each in code order', () => {
      const table = fy2026();
      assert.deepEqual(codes(table.search('U90', 10)), ['U9001', 'U9002', 'U9009', 'U901', 'U90', 'U900']);
      assert.deepEqual(codes(table.search('u90.0', 10)), ['U9001', 'U9002', 'U9009', 'U900']);
      assert.deepEqual(codes(table.search('U90', 2)), ['U9001', 'U9002']);
      assert.deepEqual(codes(table.search('U920X', 10)), ['U920XXA', 'U920XXD']);
      assert.deepEqual(table.search('U97', 10), []);
    });

    it('finds nothing for words no description holds, or no words', () => {
      const table = fy2026();
      assert.deepEqual(table.search('widget elbow', 10), []);
      assert.deepEqual(table.search(' ,- ', 10), []);
      assert.deepEqual(table.search('lobe', 0), []);
    });
  });

  describe('the kept texts', () => {
    it('gives back every description of a long run of neighbours sharing their beginnings, from the table and its cache', () => {
      const sides = ['right', 'left', 'unspecified'];
      const rows: DiagnosisRow[] = Array.from({ length: 50 }, (_, index) => {
        const long = `Invented growth of lobe ${Math.floor(index / 3)} of ${sides[index % 3]} widget gland${index % 7 === 0 ? '' : ', with an invented complication of a long kind'.repeat(index % 3)}`;
        return {
          code: `U8${String(index).padStart(3, '0')}`,
          billable: index % 5 !== 0,
          short: long.slice(0, 60),
          long,
        };
      });
      rows.push(
        { code: 'U8999', billable: true, short: 'Same', long: 'x'.repeat(300) },
        { code: 'U89991', billable: true, short: 'S', long: `${'x'.repeat(300)}y` },
      );
      const table = DiagnosisTable.build({ label: 'test', applies: {}, source: 'rows' }, rows);
      const loaded = importer.deserialize(importer.serialize(table));
      for (const row of rows) {
        assert.deepEqual(table.lookup(row.code), row, row.code);
        assert.deepEqual(loaded.lookup(row.code), row, row.code);
      }
    });
  });

  describe('editions', () => {
    it('picks the fiscal year of a date of service; a code added in FY2026 is unknown before it', () => {
      const fy2025 = importer.import([fixtureFile('icd10cm-order-2025.txt')]).table;
      assert.ok(fy2025);
      const editions = [fy2025, fy2026()];
      assert.equal(editionFor(editions, '2025-03-01')?.label, 'ICD-10-CM FY2025');
      assert.equal(editionFor(editions, '2025-09-30')?.label, 'ICD-10-CM FY2025');
      assert.equal(editionFor(editions, '2025-10-01')?.label, 'ICD-10-CM FY2026');
      assert.equal(editionFor(editions, '2025-03-01')?.lookup('U920XXD'), undefined);
      assert.equal(editionFor(editions, '2025-10-01')?.lookup('U920XXD')?.billable, true);
      assert.equal(editionFor(editions, '2025-03-01')?.lookup('U900')?.billable, true, 'a header only from FY2026');
    });
  });

  describe('the disk cache', () => {
    it('reads back exactly what it wrote', () => {
      const table = fy2026();
      const bytes = importer.serialize(table);
      const loaded = importer.deserialize(bytes);
      for (const field of ['kind', 'label', 'applies', 'source', 'billableCount'] as const) {
        assert.deepEqual(loaded[field], table[field], field);
      }
      for (const code of ['U90', 'U900', 'U9001', 'U920XXD', 'U930', 'U9003']) {
        assert.deepEqual(loaded.lookup(code), table.lookup(code), code);
      }
      assert.deepEqual(loaded.billableUnder('U90', 10), table.billableUnder('U90', 10));
      assert.deepEqual(loaded.search('widget right', 10), table.search('widget right', 10));
      assert.deepEqual(importer.serialize(loaded), bytes);
    });

    it('refuses damaged bytes with a CacheMismatch, so the cache can import again', () => {
      const damaged = importer.serialize(fy2026());
      // Spoil the opening brace of the header's JSON.
      damaged[Buffer.from(damaged).indexOf('{"magic"')] = 0x21;
      assert.throws(() => importer.deserialize(damaged), CacheMismatch);
    });

    it('refuses bytes that are not its table', () => {
      const bytes = importer.serialize(fy2026());
      assert.throws(() => importer.deserialize(bytes.subarray(0, bytes.length - 9)), CacheMismatch);
      assert.throws(() => importer.deserialize(new Uint8Array([1, 2, 3])), CacheMismatch);
      assert.throws(() => importer.deserialize(new Uint8Array(0)), CacheMismatch);
    });
  });
});
