/**
 * The reference-data suite (`npm run test:reference-data -- <folder>`): the
 * real ICD-10-CM FY2025 and FY2026 order files and the HCPCS January 2026
 * file, found in their downloaded zips under the folder named in
 * CLAIM_REFERENCE_DATA_DIR, imported, checked against facts of the files
 * (and against a plain second reading of their lines), and read back from
 * their cache bytes. Prints import times, memory and cache sizes. Not part of
 * `npm test`: it reads files the project does not hold (CONTRIBUTING.md).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDataFolderNow } from '../../../server/src/referenceData/dataFolder';
import type { FileImporter } from '../../../server/src/referenceData/fileImporter';
import { codeSetImporters } from '../../../server/src/referenceData/importers/codeSetImporters';
import {
  type DiagnosisCodeSet,
  editionFor,
  type HcpcsCodeSet,
  type LoadedFileReport,
  type OfficialTable,
} from '../../../server/src/service/index';
import {
  type EditionFiles,
  megabytes,
  memoryInUse,
  officialEditions,
  rawLines,
  referenceDataDirVariable,
} from './officialFiles';

const folder = process.env[referenceDataDirVariable];

interface Imported {
  edition: EditionFiles;
  table: OfficialTable | undefined;
  reports: LoadedFileReport[];
  importMs: number;
  memory: number;
}

/** An order-file line as the published layout reads, for the checks (not the importer's code). */
function orderLine(line: string): { code: string; billable: boolean; short: string; long: string } {
  return {
    code: line.slice(6, 13).trim(),
    billable: line[14] === '1',
    short: line.slice(16, 76).trim(),
    long: line.slice(77).trim(),
  };
}

/** The table through its cache bytes, timed and weighed in a frame of its own (so no value of the caller's is freed meanwhile). */
function readBack(
  importer: FileImporter,
  table: OfficialTable,
): { bytes: Uint8Array; loaded: OfficialTable; loadMs: number; loadedMemory: number } {
  const bytes = importer.serialize(table);
  const memoryBefore = memoryInUse();
  const start = performance.now();
  const loaded = importer.deserialize(bytes);
  const loadMs = performance.now() - start;
  return { bytes, loaded, loadMs, loadedMemory: memoryInUse() - memoryBefore };
}

/** The folder through the data folder reader, timed and weighed in a frame of its own (as `readBack`). */
function loadFolder(
  folder: string,
  cacheFolder: string,
): { data: ReturnType<typeof loadDataFolderNow>; loadMs: number; held: number } {
  const before = memoryInUse();
  const start = performance.now();
  const data = loadDataFolderNow(folder, { cacheFolder });
  const loadMs = performance.now() - start;
  return { data, loadMs, held: memoryInUse() - before };
}

const iso = (digits: string): string => `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;

describe(`the official code sets in ${folder ?? `(set ${referenceDataDirVariable})`}`, function () {
  this.timeout(180000);
  const imported: Imported[] = [];
  const measures: string[] = [];

  const find = (label: string): Imported => {
    const found = imported.find((entry) => entry.table?.label === label);
    assert.ok(
      found,
      `no table labelled ${label} was imported (found: ${imported.map((entry) => entry.table?.label).join(', ')})`,
    );
    return found;
  };
  const diagnoses = (label: string): DiagnosisCodeSet => {
    const table = find(label).table;
    assert.equal(table?.kind, 'icd10cm');
    return table;
  };
  const hcpcs = (label: string): HcpcsCodeSet => {
    const table = find(label).table;
    assert.equal(table?.kind, 'hcpcs');
    return table;
  };
  const lines = (label: string): string[] => {
    const file = find(label).edition.files[0];
    assert.ok(file);
    return rawLines(file).filter((line) => line.trim() !== '');
  };

  before(function () {
    assert.ok(folder, `set ${referenceDataDirVariable} (npm run test:reference-data -- <folder>)`);
    for (const edition of officialEditions(folder, codeSetImporters)) {
      const before = memoryInUse();
      const start = performance.now();
      const { table, reports } = edition.importer.import(edition.files);
      const importMs = performance.now() - start;
      imported.push({ edition, table, reports, importMs, memory: memoryInUse() - before });
    }
  });

  after(function () {
    console.log(`\n      ${measures.join('\n      ')}`);
  });

  it('finds the ICD-10-CM order files and the HCPCS file among the downloads, and no other member', () => {
    const names = imported.flatMap((entry) => entry.edition.files.map((file) => file.name.replace(/^.*\//, '')));
    assert.deepEqual(names.sort(), [
      'HCPC2026_JAN_ANWEB_01122026.txt',
      'icd10cm-order-2025.txt',
      'icd10cm-order-2026.txt',
    ]);
  });

  it('imports each file whole, with nothing it did not understand, and prints the time and memory', () => {
    for (const entry of imported) {
      assert.deepEqual(
        entry.reports.map((report) => report.problem),
        [undefined],
      );
      assert.ok(entry.table, entry.edition.key);
      measures.push(
        `${entry.table.label}: ${entry.reports[0]?.rows} rows imported in ${entry.importMs.toFixed(0)} ms, ` +
          `${megabytes(entry.memory)} in memory`,
      );
    }
  });

  it('counts 74,719 billable FY2026 codes, as the order file does, and reads every row as the layout says', () => {
    const table = diagnoses('ICD-10-CM FY2026');
    assert.deepEqual(table.applies, { from: '2025-10-01', to: '2026-09-30' });
    const rows = lines('ICD-10-CM FY2026').map(orderLine);
    assert.equal(rows.filter((row) => row.billable).length, 74719);
    assert.equal(table.billableCount, 74719);
    for (const row of rows) {
      assert.deepEqual(table.lookup(row.code), row);
    }
  });

  it('knows C50.411 as billable and C50.41 as a header whose billable codes include it', () => {
    const table = diagnoses('ICD-10-CM FY2026');
    assert.equal(table.lookup('C50.411')?.billable, true);
    assert.equal(table.lookup('C50.41')?.billable, false);
    assert.deepEqual(
      table.billableUnder('C50.41', 10).map((entry) => entry.code),
      ['C50411', 'C50412', 'C50419'],
    );
  });

  it('finds C50.411 by the words "malignant upper outer right breast", and by the beginning of its code', () => {
    const found = diagnoses('ICD-10-CM FY2026')
      .search('malignant upper outer right breast', 5)
      .map((entry) => entry.code);
    assert.ok(found.includes('C50411'), found.join(', '));
    const completions = diagnoses('ICD-10-CM FY2026')
      .search('C50.41', 5)
      .map((entry) => entry.code);
    assert.deepEqual(completions, ['C50411', 'C50412', 'C50419', 'C5041']);
  });

  it('does not know a code added in FY2026 for a date of service in FY2025', () => {
    const before = new Set(lines('ICD-10-CM FY2025').map((line) => orderLine(line).code));
    const added = lines('ICD-10-CM FY2026')
      .map(orderLine)
      .find((row) => row.billable && !before.has(row.code));
    assert.ok(added, 'FY2026 adds no billable code to FY2025');
    const editions = [diagnoses('ICD-10-CM FY2025'), diagnoses('ICD-10-CM FY2026')];
    assert.equal(editionFor(editions, '2025-03-01')?.label, 'ICD-10-CM FY2025');
    assert.equal(editionFor(editions, '2025-03-01')?.lookup(added.code), undefined, added.code);
    assert.equal(editionFor(editions, '2025-10-01')?.lookup(added.code)?.billable, true, added.code);
    measures.push(`${added.code} (added in FY2026): unknown for 2025-03-01, billable for 2025-10-01`);
  });

  it('has G0279 and the RT and XS modifiers with their descriptors', () => {
    const table = hcpcs('HCPCS 2026 Jan');
    assert.deepEqual(table.applies, { from: '2026-01-01' });
    assert.equal(table.codeCount, 8623);
    const g0279 = table.code('G0279');
    assert.match(g0279?.long ?? '', /^Diagnostic digital breast tomosynthesis, unilateral or bilateral .*77066\)$/);
    assert.equal(g0279?.short, 'Tomosynthesis, mammo');
    assert.equal(table.modifier('RT')?.short, 'Right side');
    assert.match(
      table.modifier('RT')?.long ?? '',
      /^Right side \(used to identify procedures performed on the right side/,
    );
    assert.equal(table.modifier('XS')?.short, 'Separate organ/structure');
    assert.match(table.modifier('XS')?.long ?? '', /^Separate structure, .* separate organ\/structure$/);
  });

  it('reports terminated HCPCS codes with their termination dates, and the others with none', () => {
    const table = hcpcs('HCPCS 2026 Jan');
    const firstRecords = lines('HCPCS 2026 Jan').filter((line) => line[10] === '3');
    const terminated = firstRecords.filter((line) => line.slice(284, 292).trim() !== '');
    const first = terminated[0];
    assert.ok(first, 'no terminated code in the file');
    assert.equal(table.code(first.slice(0, 5))?.terminated, iso(first.slice(284, 292)));
    for (const line of firstRecords) {
      const termination = line.slice(284, 292).trim();
      assert.equal(table.code(line.slice(0, 5))?.terminated, termination === '' ? undefined : iso(termination));
    }
    measures.push(
      `${first.slice(0, 5)} terminated ${iso(first.slice(284, 292))}; ${terminated.length} of ${firstRecords.length} codes carry a termination date`,
    );
  });

  it('prints the lookups a second and the time of a search (measured, not asserted: speed targets live in the bench)', () => {
    const table = diagnoses('ICD-10-CM FY2026');
    const codes = lines('ICD-10-CM FY2026').map((line) => orderLine(line).code);
    let found = 0;
    const start = performance.now();
    for (const code of codes) {
      found += table.lookup(code) === undefined ? 0 : 1;
    }
    const lookupMs = performance.now() - start;
    assert.equal(found, codes.length);
    const queries = ['malignant upper outer right breast', 'fracture', 'diabetes with', 'C50.4'];
    const searchMs = queries.map((query) => {
      const searchStart = performance.now();
      assert.ok(table.search(query, 20).length > 0, query);
      return `"${query}" ${(performance.now() - searchStart).toFixed(1)} ms`;
    });
    measures.push(
      `${table.label}: ${Math.round(codes.length / (lookupMs / 1000)).toLocaleString('en-US')} lookups a second; search ${searchMs.join(', ')}`,
    );
  });

  it("gives the same editions through the product's data folder reader, imported and then from its cache", () => {
    assert.ok(folder);
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'reference-data-cache-'));
    try {
      for (const run of ['imported', 'from the cache']) {
        const { data, loadMs, held } = loadFolder(folder, cacheFolder);
        assert.equal(data.problem, undefined);
        assert.deepEqual(
          data.diagnoses.map((table) => table.label),
          ['ICD-10-CM FY2025', 'ICD-10-CM FY2026'],
        );
        assert.deepEqual(
          data.hcpcs.map((table) => table.label),
          ['HCPCS 2026 Jan'],
        );
        assert.equal(editionFor(data.diagnoses, '2026-01-15')?.lookup('C50.411')?.billable, true, run);
        assert.equal(editionFor(data.hcpcs, '2026-01-15')?.modifier('XS')?.short, 'Separate organ/structure', run);
        measures.push(`the data folder ${run}: ${loadMs.toFixed(0)} ms, every table ${megabytes(held)} in memory`);
      }
    } finally {
      fs.rmSync(cacheFolder, { recursive: true, force: true });
    }
  });

  it('reads every table back from its cache bytes, exactly, and prints the sizes and times', () => {
    for (const { edition, table } of imported) {
      assert.ok(table);
      const { bytes, loaded, loadMs, loadedMemory } = readBack(edition.importer, table);
      assert.deepEqual(edition.importer.serialize(loaded), bytes);
      assert.deepEqual({ ...loaded.applies, label: loaded.label }, { ...table.applies, label: table.label });
      const codes = rawLines(edition.files[0] ?? { name: '', bytes: new Uint8Array() })
        .map((line) => (table.kind === 'icd10cm' ? line.slice(6, 13) : line.slice(0, 5)).trim())
        .filter((code) => code !== '');
      for (const code of codes) {
        if (table.kind === 'icd10cm' && loaded.kind === 'icd10cm') {
          assert.deepEqual(loaded.lookup(code), table.lookup(code), code);
        } else if (table.kind === 'hcpcs' && loaded.kind === 'hcpcs') {
          assert.deepEqual([loaded.code(code), loaded.modifier(code)], [table.code(code), table.modifier(code)], code);
        }
      }
      if (table.kind === 'icd10cm' && loaded.kind === 'icd10cm') {
        assert.deepEqual(loaded.search('fracture femur left', 20), table.search('fracture femur left', 20));
      }
      measures.push(
        `${table.label}: cache ${megabytes(bytes.byteLength)}, read back in ${loadMs.toFixed(0)} ms, ${megabytes(loadedMemory)} in memory`,
      );
    }
  });
});
