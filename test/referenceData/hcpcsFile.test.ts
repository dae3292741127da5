/**
 * The HCPCS Level II importer on our fixture file (CMS's 320-character record
 * layout, CRLF, HCPCS Level II codes and modifiers with descriptions of our
 * own, a description continued over two records, an over-long record and a
 * blank last line as in the real file): recognition, the release from the
 * name, codes, modifiers, termination dates, search, bad records, the cache.
 */
import * as assert from 'node:assert/strict';
import { hcpcsFileImporter as importer } from '../../server/src/referenceData/importers/hcpcsFile';
import { CacheMismatch } from '../../server/src/referenceData/importers/tableBytes';
import type { HcpcsCodeSet } from '../../server/src/service/index';
import { candidateOf, fixtureFile, textFile, withLines } from './referenceFixtures';

const fixtureName = 'HCPC2026_JAN_ANWEB_01122026.txt';
const january2026 = (): HcpcsCodeSet => {
  const { table } = importer.import([fixtureFile(fixtureName)]);
  assert.ok(table);
  return table;
};
const codes = (entries: readonly { code: string }[]): string[] => entries.map((entry) => entry.code);
/** A first record (3) of `code` in the layout, with no dates. */
const firstRecord = (code: string, long: string): string => `${code}001003${long.padEnd(80)}`.padEnd(320);

describe('HCPCS Level II file importer', () => {
  describe('recognition', () => {
    it('recognises the alpha-numeric file by its records, whatever its name', () => {
      assert.equal(importer.recognizes(candidateOf(fixtureFile(fixtureName))), true);
      assert.equal(importer.recognizes(candidateOf(fixtureFile(fixtureName, 'codes.txt'))), true);
    });

    it('does not recognise the ICD-10-CM order file, the processing notes, a zip or an empty file', () => {
      const others = [
        fixtureFile('icd10cm-order-2026.txt'),
        textFile('proc_notes_JAN2026.txt', 'Processing notes\r\n\r\n0001  Invented note about a code\r\n'),
        textFile('HCPC2026_JAN_ANWEB_01122026.xlsx', 'PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000'),
        textFile(fixtureName, ''),
      ];
      for (const other of others) {
        assert.equal(importer.recognizes(candidateOf(other)), false, other.name);
      }
    });

    it('keys a release by the file name, or by its zip', () => {
      const key = (name: string): string => importer.editionKey({ name, head: '' });
      assert.equal(key(`january-2026-alpha-numeric-hcpcs-file.zip/${fixtureName}`), 'HCPCS 2026 Jan');
      assert.equal(key('HCPC2025_OCT_ANWEB_v2.txt'), 'HCPCS 2025 Oct');
      assert.equal(key('april-2026-alpha-numeric-hcpcs-file.zip/codes.txt'), 'HCPCS 2026 Apr');
      assert.equal(key('codes.txt'), 'codes.txt');
    });
  });

  describe('import', () => {
    it('reads the release, its first day of service and every record, the over-long one and the blank line too', () => {
      const result = importer.import([fixtureFile(fixtureName)]);
      assert.deepEqual(result.reports, [{ file: fixtureName, kind: 'hcpcs', edition: 'HCPCS 2026 Jan', rows: 10 }]);
      const table = result.table;
      assert.ok(table);
      assert.equal(table.kind, 'hcpcs');
      assert.deepEqual(table.applies, { from: '2026-01-01' });
      assert.equal(table.codeCount, 6);
      assert.equal(table.code('G9990')?.long, 'Online coaching for diabetes prevention, one hour');
    });

    it('joins a long description continued over several records', () => {
      assert.deepEqual(january2026().code('G0279'), {
        code: 'G0279',
        long: 'Breast tomosynthesis, one or both sides, reported beside a screening or diagnostic mammogram of the same day',
        short: 'Breast tomosynthesis',
        added: '2015-01-01',
      });
    });

    it('reads modifiers apart from codes', () => {
      const table = january2026();
      assert.deepEqual(table.modifier('rt'), {
        code: 'RT',
        long: 'Right side of the body (the procedure was done on the right)',
        short: 'Right side',
        added: '1984-01-01',
      });
      assert.equal(table.modifier('LT')?.short, 'Left side');
      assert.equal(
        table.modifier('XS')?.long,
        'Distinct service: it was done on a different organ or structure from the other services of the day',
      );
      assert.equal(table.code('RT'), undefined);
      assert.equal(table.modifier('E0100'), undefined);
    });

    it('keeps the termination date of a terminated code or modifier, and gives none to the others', () => {
      const table = january2026();
      assert.equal(table.code('A4397')?.terminated, '2021-12-31');
      assert.equal(table.modifier('ZQ')?.terminated, '2019-12-31');
      assert.equal(table.code('E0100')?.terminated, undefined);
      assert.equal('terminated' in (table.code('E0100') ?? {}), false);
    });

    it('counts the records it cannot read in the report and keeps the others', () => {
      const file = withLines(
        fixtureFile(fixtureName),
        'garbled text',
        `${'K0002'}002004${'a continuation with no first record'.padEnd(80)}`.padEnd(320),
        firstRecord('K0003', 'Invented wheelchair read after the bad records'),
      );
      const { table, reports } = importer.import([file]);
      assert.equal(reports[0]?.rows, 11);
      assert.equal(reports[0]?.problem, '2 lines not understood (line 13, 14); they are left out.');
      assert.equal(table?.code('K0003')?.long, 'Invented wheelchair read after the bad records');
      assert.equal(table?.code('K0003')?.added, undefined);
      assert.equal(table?.code('K0002'), undefined);
    });

    it('reads a repeated code once and says so', () => {
      const continuation = `E0100002004${'continued'.padEnd(80)}`.padEnd(320);
      const file = withLines(fixtureFile(fixtureName), firstRecord('E0100', 'A second cane'), continuation);
      const { table, reports } = importer.import([file]);
      assert.equal(reports[0]?.problem, '1 repeated code was read once.');
      assert.equal(table?.code('E0100')?.long, 'Walking cane of any length, with a rubber tip');
    });

    it('takes the release from the latest effective date when the name does not say it, and says so', () => {
      const { table, reports } = importer.import([fixtureFile(fixtureName, 'codes.txt')]);
      assert.equal(table?.label, 'HCPCS 2026 Jan');
      assert.match(reports[0]?.problem ?? '', /^The name does not say the release .* 2026-01-01\.$/);
    });

    it('loads nothing from a file without one record', () => {
      const { table, reports } = importer.import([textFile(fixtureName, 'nothing\r\n')]);
      assert.equal(table, undefined);
      assert.equal(reports[0]?.problem, 'No HCPCS records were found.');
    });
  });

  describe('search', () => {
    it('finds codes by prefixes of their words, shorter descriptions first', () => {
      const table = january2026();
      assert.deepEqual(codes(table.search('cane', 10)), ['E0100', 'E0105']);
      assert.deepEqual(codes(table.search('TOMO mammo', 10)), ['G0279'], 'words of the continuation count');
    });

    it('puts terminated codes after the codes in force', () => {
      assert.deepEqual(codes(january2026().search('with', 10)), ['E0100', 'K0001', 'E0105', 'A4397']);
    });

    it('lists the codes a code-shaped query begins, in code order', () => {
      const table = january2026();
      assert.deepEqual(codes(table.search('e01', 10)), ['E0100', 'E0105']);
      assert.deepEqual(codes(table.search('G0279', 10)), ['G0279']);
      assert.deepEqual(codes(table.search('E0', 1)), ['E0100']);
      assert.deepEqual(table.search('E9', 10), []);
    });

    it('does not search modifiers, nor find words no description holds', () => {
      const table = january2026();
      assert.deepEqual(table.search('right', 10), []);
      assert.deepEqual(table.search('cane wheelchair', 10), []);
    });
  });

  describe('the disk cache', () => {
    it('reads back exactly what it wrote', () => {
      const table = january2026();
      const bytes = importer.serialize(table);
      const loaded = importer.deserialize(bytes);
      for (const field of ['kind', 'label', 'applies', 'source', 'codeCount'] as const) {
        assert.deepEqual(loaded[field], table[field], field);
      }
      for (const code of ['A4397', 'E0100', 'G0279', 'G9990', 'K0001', 'K0009']) {
        assert.deepEqual(loaded.code(code), table.code(code), code);
      }
      for (const modifier of ['RT', 'LT', 'XS', 'ZQ', 'QQ']) {
        assert.deepEqual(loaded.modifier(modifier), table.modifier(modifier), modifier);
      }
      assert.deepEqual(loaded.search('with', 10), table.search('with', 10));
      assert.deepEqual(importer.serialize(loaded), bytes);
    });

    it('hands out entries no caller can change', () => {
      const table = january2026();
      assert.equal(Object.isFrozen(table.code('E0100')), true);
      assert.equal(Object.isFrozen(importer.deserialize(importer.serialize(table)).modifier('RT')), true);
    });

    it('refuses damaged bytes with a CacheMismatch, so the cache can import again', () => {
      const damaged = importer.serialize(january2026());
      // Spoil the opening brace of the header's JSON.
      damaged[Buffer.from(damaged).indexOf('{"magic"')] = 0x21;
      assert.throws(() => importer.deserialize(damaged), CacheMismatch);
    });

    it('refuses bytes that are not its table', () => {
      const bytes = importer.serialize(january2026());
      assert.throws(() => importer.deserialize(bytes.subarray(0, bytes.length - 9)), CacheMismatch);
      assert.throws(() => importer.deserialize(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])), CacheMismatch);
    });
  });
});
