/**
 * The data folder reader with fake importers, on folders written here:
 * loose files and zips, what is not read and why, editions grouped and put
 * in date order, and the disk cache (a second load deserialises instead of
 * importing; a corrupt entry or a changed file is imported again).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import {
  dataFolderSteps,
  loadDataFolderNow,
  noProductFileInZip,
  notAProductFile,
} from '../../../server/src/referenceData/dataFolder';
import { folderLimits } from '../../../server/src/referenceData/folderFiles';
import type { FileImporter } from '../../../server/src/referenceData/fileImporter';
import type { LoadedFileReport } from '../../../server/src/service';
import { fakeFile, fakeImporters } from '../../support/referenceData/fakeImporters';

const text = (value: string) => new Uint8Array(Buffer.from(value, 'latin1'));

function tempFolder(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `${name}-`));
}

function write(folder: string, name: string, content: string | Uint8Array): string {
  const file = path.join(folder, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

function reportOf(files: readonly LoadedFileReport[], name: string): LoadedFileReport | undefined {
  return files.find((report) => report.file === name);
}

/** A folder like a user's downloads: loose files, zips with companions, and things that are not data. */
function downloadsFolder(): string {
  const folder = tempFolder('data-folder');
  write(folder, 'mue-2026q3.txt', fakeFile('mue', '2026Q3', '2026-07-01', ['A1', 'A2', 'A3']));
  write(
    folder,
    'mue-2026q1.zip',
    zipSync({
      'mue.txt': text(fakeFile('mue', '2026Q1', '2026-01-01', ['B1', 'bad row'])),
      'format.pdf': text('%PDF-1.4'),
      'layout.txt': text('Record layout of the MUE file'),
    }),
  );
  write(
    folder,
    'ptp-2026q3.zip',
    zipSync({
      'ptp-f1.txt': text(fakeFile('ptp', '2026Q3', '2026-07-01', ['P1', 'P2'])),
      'ptp-f2.txt': text(fakeFile('ptp', '2026Q3', '2026-07-01', ['P3'])),
    }),
  );
  write(folder, 'broken.zip', 'this is not a zip');
  write(folder, 'nothing-here.zip', zipSync({ 'readme.txt': text('hello') }));
  write(folder, 'only-pdf.zip', zipSync({ 'policy.pdf': text('%PDF-1.4') }));
  write(folder, 'notes.txt', 'Notes the user keeps beside the downloads');
  write(folder, 'policy.pdf', '%PDF-1.4');
  write(folder, 'alone.xlsx', 'PK workbook');
  write(folder, 'twin.xlsx', 'PK workbook');
  write(folder, 'twin.txt', 'a text copy no importer reads');
  // A folder named like a zip is a folder: its files are read.
  write(folder, 'unpacked.zip/mue-2025q4.txt', fakeFile('mue', '2025Q4', '2025-10-01', ['C1']));
  write(folder, '.hidden.txt', fakeFile('mue', 'HIDDEN', '2020-01-01', ['H1']));
  execFileSync('mkfifo', [path.join(folder, 'pipe.txt')]);
  return folder;
}

describe('data folder reader', () => {
  describe('files', () => {
    it('loads loose files, zip members and folders named like zips, each kind in date order', () => {
      const { importers } = fakeImporters();
      const data = loadDataFolderNow(downloadsFolder(), { importers });
      assert.equal(data.problem, undefined);
      assert.deepEqual(
        data.mue.map((table) => table.label),
        ['MUE 2025Q4', 'MUE 2026Q1', 'MUE 2026Q3'],
      );
      assert.deepEqual(
        data.ptp.map((table) => [table.label, table.size]),
        [['PTP 2026Q3', 3]],
      );
      assert.deepEqual(data.diagnoses, []);
      assert.deepEqual(reportOf(data.files, 'mue-2026q3.txt'), {
        file: 'mue-2026q3.txt',
        kind: 'mue',
        edition: 'MUE 2026Q3',
        rows: 3,
      });
      assert.deepEqual(reportOf(data.files, 'unpacked.zip/mue-2025q4.txt')?.edition, 'MUE 2025Q4');
      // The importer's own problem is kept, with the edition the file still gave.
      assert.deepEqual(reportOf(data.files, 'mue-2026q1.zip/mue.txt'), {
        file: 'mue-2026q1.zip/mue.txt',
        kind: 'mue',
        edition: 'MUE 2026Q1',
        rows: 1,
        problem: '1 rows could not be read.',
      });
      // The four files of a PTP quarter are one edition: each reported.
      assert.equal(reportOf(data.files, 'ptp-2026q3.zip/ptp-f1.txt')?.edition, 'PTP 2026Q3');
      assert.equal(reportOf(data.files, 'ptp-2026q3.zip/ptp-f2.txt')?.rows, 1);
    });

    it('says why each other file is not used, and leaves documentation and companions out', () => {
      const { importers } = fakeImporters();
      const data = loadDataFolderNow(downloadsFolder(), { importers });
      assert.match(reportOf(data.files, 'broken.zip')?.problem ?? '', /^unreadable zip: broken\.zip is not a zip/);
      assert.equal(reportOf(data.files, 'nothing-here.zip')?.problem, noProductFileInZip);
      assert.equal(reportOf(data.files, 'only-pdf.zip')?.problem, noProductFileInZip);
      assert.equal(reportOf(data.files, 'notes.txt')?.problem, notAProductFile);
      assert.equal(reportOf(data.files, 'twin.txt')?.problem, notAProductFile);
      assert.match(reportOf(data.files, 'alone.xlsx')?.problem ?? '', /Excel workbook/);
      assert.match(reportOf(data.files, 'pipe.txt')?.problem ?? '', /named pipe/);
      const reported = data.files.map((report) => report.file);
      for (const quiet of ['policy.pdf', 'twin.xlsx', 'mue-2026q1.zip/format.pdf', 'mue-2026q1.zip/layout.txt']) {
        assert.ok(!reported.includes(quiet), quiet);
      }
      assert.ok(!reported.some((file) => file.includes('hidden')), reported.join());
      assert.deepEqual(reported, [...reported].sort(), 'reports are in name order');
    });

    it("keeps the importer's word on a file of an edition it set aside", () => {
      const folder = tempFolder('set-aside');
      write(folder, 'mue.txt', fakeFile('mue', 'Q', '2026-01-01', ['M1']));
      write(folder, 'mue-copy.txt', fakeFile('mue', 'Q', '2026-01-01', ['M1']));
      const { importers } = fakeImporters();
      const [mue, ptp] = importers as [FileImporter, FileImporter];
      const choosy: FileImporter = {
        ...mue,
        import: (files) => {
          const result = mue.import(files.filter((file) => file.name === 'mue.txt'));
          return { ...result, reports: [...result.reports, { file: 'mue-copy.txt', problem: 'Not read: a copy.' }] };
        },
      };
      const data = loadDataFolderNow(folder, { importers: [choosy, ptp] });
      assert.equal(reportOf(data.files, 'mue.txt')?.edition, 'MUE Q');
      assert.deepEqual(reportOf(data.files, 'mue-copy.txt'), {
        file: 'mue-copy.txt',
        kind: 'mue',
        problem: 'Not read: a copy.',
      });
    });

    it('reports a folder that cannot be read, without throwing', () => {
      const { importers } = fakeImporters();
      const missing = loadDataFolderNow(path.join(tempFolder('gone'), 'nothing'), { importers });
      assert.equal(missing.problem, 'it does not exist.');
      assert.deepEqual(missing.files, []);
      const file = write(tempFolder('a-file'), 'x.txt', 'x');
      assert.equal(loadDataFolderNow(file, { importers }).problem, 'it is not a folder.');
    });

    it('keeps to the limits: files, depth, and a zip member too large once inflated', () => {
      const folder = tempFolder('limits');
      write(folder, 'a.txt', fakeFile('mue', 'A', '2026-01-01', ['1']));
      write(folder, 'b.txt', fakeFile('mue', 'B', '2026-04-01', ['1']));
      write(folder, 'c.txt', fakeFile('mue', 'C', '2026-07-01', ['1']));
      write(folder, 'deep/deeper/d.txt', fakeFile('mue', 'D', '2026-10-01', ['1']));
      write(folder, 'big.zip', zipSync({ 'big.txt': text(fakeFile('mue', 'BIG', '2027-01-01', ['1'.repeat(5000)])) }));
      const { importers } = fakeImporters();
      const data = loadDataFolderNow(folder, {
        importers,
        limits: { ...folderLimits, maxFiles: 3, maxDepth: 1, maxFileBytes: 1000 },
      });
      assert.deepEqual(
        data.mue.map((table) => table.label),
        ['MUE A', 'MUE B'],
      );
      assert.match(reportOf(data.files, '.')?.problem ?? '', /more than 3 files/);
      assert.match(reportOf(data.files, 'deep/deeper')?.problem ?? '', /more than 1 levels deep/);
      assert.match(reportOf(data.files, 'big.zip/big.txt')?.problem ?? '', /more than the 0 MB/);
    });

    it('reports an importer that throws by the error type alone, and still loads the other kinds', () => {
      const folder = tempFolder('throws');
      write(folder, 'mue.txt', fakeFile('mue', 'Q', '2026-01-01', ['secret-looking row']));
      write(folder, 'ptp.txt', fakeFile('ptp', 'Q', '2026-01-01', ['P1']));
      const { importers } = fakeImporters();
      const [mue, ptp] = importers as [FileImporter, FileImporter];
      const throwing: FileImporter = {
        ...mue,
        import: () => {
          throw new RangeError('row: secret-looking row');
        },
      };
      const data = loadDataFolderNow(folder, { importers: [throwing, ptp] });
      assert.deepEqual(reportOf(data.files, 'mue.txt'), {
        file: 'mue.txt',
        kind: 'mue',
        problem: 'it could not be imported (RangeError).',
      });
      assert.equal(data.ptp.length, 1);
      assert.ok(!JSON.stringify(data.files).includes('secret'));
    });

    it('is the same run in steps as at once, and the steps yield between files', () => {
      const folder = downloadsFolder();
      const { importers } = fakeImporters();
      let steps = 0;
      const generator = dataFolderSteps(folder, { importers });
      let step = generator.next();
      for (; step.done !== true; step = generator.next()) {
        steps++;
      }
      assert.ok(steps >= 10, String(steps));
      const atOnce = loadDataFolderNow(folder, { importers });
      assert.deepEqual(step.value.files, atOnce.files);
      assert.deepEqual(
        step.value.mue.map((table) => table.label),
        atOnce.mue.map((table) => table.label),
      );
    });
  });

  describe('cache', () => {
    it('loads a second time from the cache: deserialised, not imported, nor its files recognised again', () => {
      const folder = downloadsFolder();
      const cacheFolder = tempFolder('cache');
      const first = fakeImporters();
      const loaded = loadDataFolderNow(folder, { importers: first.importers, cacheFolder });
      assert.equal(first.calls.import, 4);
      assert.equal(first.calls.serialize, 4);
      const second = fakeImporters();
      const again = loadDataFolderNow(folder, { importers: second.importers, cacheFolder });
      assert.deepEqual(second.calls, { recognizes: 0, import: 0, serialize: 0, deserialize: 4 });
      assert.deepEqual(again.files, loaded.files);
      assert.deepEqual(
        again.mue.map((table) => [table.label, table.size, table.applies.from]),
        loaded.mue.map((table) => [table.label, table.size, table.applies.from]),
      );
    });

    it('imports again for a corrupt or truncated entry, and writes it again', () => {
      const folder = downloadsFolder();
      const cacheFolder = tempFolder('cache');
      loadDataFolderNow(folder, { importers: fakeImporters().importers, cacheFolder });
      const tables = fs.readdirSync(cacheFolder).filter((name) => name.endsWith('.table'));
      assert.equal(tables.length, 4);
      const [first, second, third] = tables;
      fs.writeFileSync(path.join(cacheFolder, first ?? ''), 'garbage that is not an entry');
      fs.writeFileSync(path.join(cacheFolder, second ?? ''), Buffer.from([1, 0]));
      // A well-formed entry whose table bytes the importer cannot read.
      const entry = fs.readFileSync(path.join(cacheFolder, third ?? ''));
      fs.writeFileSync(path.join(cacheFolder, third ?? ''), Buffer.concat([entry.subarray(0, entry.length - 3)]));
      const rebuilt = fakeImporters();
      const data = loadDataFolderNow(folder, { importers: rebuilt.importers, cacheFolder });
      assert.equal(rebuilt.calls.import, 3);
      assert.equal(data.mue.length + data.ptp.length, 4);
      const healed = fakeImporters();
      loadDataFolderNow(folder, { importers: healed.importers, cacheFolder });
      assert.equal(healed.calls.import, 0);
    });

    it('imports again, without waiting on it, for a named pipe where an entry was, and writes the entry over it', () => {
      const folder = downloadsFolder();
      const cacheFolder = tempFolder('cache');
      loadDataFolderNow(folder, { importers: fakeImporters().importers, cacheFolder });
      const [table] = fs.readdirSync(cacheFolder).filter((name) => name.endsWith('.table'));
      const entry = path.join(cacheFolder, table ?? '');
      fs.rmSync(entry);
      execFileSync('mkfifo', [entry]);
      const rebuilt = fakeImporters();
      const data = loadDataFolderNow(folder, { importers: rebuilt.importers, cacheFolder });
      assert.equal(rebuilt.calls.import, 1);
      assert.equal(data.mue.length + data.ptp.length, 4);
      assert.ok(fs.statSync(entry).isFile(), 'the entry is a file again');
    });

    it('imports a file again when its contents change, and only that edition', () => {
      const folder = downloadsFolder();
      const cacheFolder = tempFolder('cache');
      loadDataFolderNow(folder, { importers: fakeImporters().importers, cacheFolder });
      write(folder, 'mue-2026q3.txt', fakeFile('mue', '2026Q3', '2026-07-01', ['A1', 'A2', 'A3', 'A4']));
      const changed = fakeImporters();
      const data = loadDataFolderNow(folder, { importers: changed.importers, cacheFolder });
      assert.equal(changed.calls.import, 1);
      assert.equal(data.mue.find((table) => table.label === 'MUE 2026Q3')?.size, 4);
    });

    it("imports again when an importer's format version changes", () => {
      const folder = downloadsFolder();
      const cacheFolder = tempFolder('cache');
      loadDataFolderNow(folder, { importers: fakeImporters().importers, cacheFolder });
      const bumped = fakeImporters();
      const [mue, ptp] = bumped.importers as [FileImporter, FileImporter];
      loadDataFolderNow(folder, { importers: [{ ...mue, formatVersion: 2 }, ptp], cacheFolder });
      // Every file is recognised again (recognition depends on the whole list), but only the MUE editions are
      // imported again: the PTP importer's tables are still its own.
      assert.ok(bumped.calls.recognizes > 0);
      assert.equal(bumped.calls.import, 3);
      const again = fakeImporters();
      const [mueAgain, ptpAgain] = again.importers as [FileImporter, FileImporter];
      loadDataFolderNow(folder, { importers: [{ ...mueAgain, formatVersion: 2 }, ptpAgain], cacheFolder });
      assert.equal(again.calls.import, 0);
    });

    it('removes entries unused for a month, and keeps the ones in use', () => {
      const folder = downloadsFolder();
      const cacheFolder = tempFolder('cache');
      const stale = write(cacheFolder, `${'a'.repeat(64)}.table`, 'old');
      const longAgo = new Date(Date.now() - 40 * 24 * 60 * 60 * 1000);
      fs.utimesSync(stale, longAgo, longAgo);
      const recent = write(cacheFolder, `${'b'.repeat(64)}.table`, 'recent');
      const notOurs = write(cacheFolder, 'notes.txt', 'a file the cache does not own');
      fs.utimesSync(notOurs, longAgo, longAgo);
      loadDataFolderNow(folder, { importers: fakeImporters().importers, cacheFolder });
      assert.ok(!fs.existsSync(stale));
      assert.ok(fs.existsSync(recent));
      assert.ok(fs.existsSync(notOurs));
    });

    it('works without a cache folder it can write', () => {
      const folder = downloadsFolder();
      const blocked = write(tempFolder('cache'), 'a-file', 'a file where the cache folder would be');
      const { importers, calls } = fakeImporters();
      const data = loadDataFolderNow(folder, { importers, cacheFolder: path.join(blocked, 'cache') });
      assert.equal(data.mue.length, 3);
      assert.equal(calls.import, 4);
    });
  });
});
