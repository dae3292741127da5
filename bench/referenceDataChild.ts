/**
 * Forked by referenceDataBench.ts: imports a PTP quarter's four files,
 * serializes the table, loads it back from the cache file and times pair
 * lookups; measures the memory the table holds (heap plus the typed arrays'
 * buffers, after a full GC, above the idle process).
 */
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ptpEditsImporter } from '../server/src/referenceData/importers/ptpEdits';
import type { PtpIndex } from '../server/src/referenceData/importers/ptpIndex';
import { answerParent, collectGarbage } from './childProcesses';

export interface ReferenceDataResult {
  rows: number;
  pairs: number;
  fileBytes: number;
  importMs: number;
  indexBytes: number;
  retainedBytes: number;
  cacheBytes: number;
  serializeMs: number;
  loadMs: number;
  lookups: number;
  lookupsPerSecond: number;
  hits: number;
}

function heldBytes(): number {
  // Twice: a typed array's buffer is freed by the collection after the one that finds it dead.
  collectGarbage();
  collectGarbage();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

/** Pairs to ask: codes drawn from the table's own numbering (hits and misses alike), on dates over 30 years. */
function lookupPlan(count: number): { column1: string[]; column2: string[]; dates: string[] } {
  const code = (n: number) => (n % 4 === 3 ? `${String(10000 + n).slice(1)}X` : String(10000 + n));
  const plan = { column1: [] as string[], column2: [] as string[], dates: [] as string[] };
  for (let i = 0; i < count; i++) {
    const column1 = (i * 7919) % 12000;
    plan.column1.push(code(column1));
    plan.column2.push(code(12000 + ((column1 * 7 + (i % 120) * 13) % 20000)));
    plan.dates.push(`${1996 + (i % 31)}-0${1 + (i % 9)}-15`);
  }
  return plan;
}

function measure(files: readonly string[], cacheFile: string): ReferenceDataResult {
  const baseline = heldBytes();
  const dataFiles = files.map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(name)) }));
  const fileBytes = dataFiles.reduce((sum, file) => sum + file.bytes.length, 0);
  const importStart = performance.now();
  const imported = ptpEditsImporter.import(dataFiles);
  const importMs = performance.now() - importStart;
  if (!imported.table) {
    throw new Error('the synthetic quarter gave no table');
  }
  dataFiles.length = 0;
  let table: PtpIndex = imported.table;
  const retainedBytes = heldBytes() - baseline;
  const serializeStart = performance.now();
  const bytes = ptpEditsImporter.serialize(table);
  fs.writeFileSync(cacheFile, bytes);
  const serializeMs = performance.now() - serializeStart;
  const loadStart = performance.now();
  table = ptpEditsImporter.deserialize(new Uint8Array(fs.readFileSync(cacheFile)));
  const loadMs = performance.now() - loadStart;
  const lookups = 1_000_000;
  const plan = lookupPlan(lookups);
  let hits = 0;
  const lookupStart = performance.now();
  for (let i = 0; i < lookups; i++) {
    if (table.edit(plan.column1[i] ?? '', plan.column2[i] ?? '', plan.dates[i] ?? '')) {
      hits++;
    }
  }
  const lookupMs = performance.now() - lookupStart;
  return {
    rows: table.size,
    pairs: table.pairCount,
    fileBytes,
    importMs,
    indexBytes: table.indexBytes,
    retainedBytes,
    cacheBytes: bytes.length,
    serializeMs,
    loadMs,
    lookups,
    lookupsPerSecond: lookups / (lookupMs / 1000),
    hits,
  };
}

const [cacheFile, ...files] = process.argv.slice(2);
if (cacheFile === undefined || files.length === 0) {
  throw new Error('usage: referenceDataChild <cache file> <ptp files...>');
}
answerParent(() => measure(files, cacheFile));
