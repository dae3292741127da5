/**
 * The reference-data section of `npm run bench` (issue 17): a synthetic
 * practitioner PTP quarter of about two million edits in the official layout
 * (ptpQuarterWriter.ts), imported, cached and loaded back in a forked child
 * (referenceDataChild.ts), with its import time, index size, memory held,
 * load time from the cache and pair lookups per second. The files live in a
 * temp folder removed at the end.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Outcome, runChild } from './childProcesses';
import { markdownTable } from './markdownTable';
import { writePtpQuarter } from './ptpQuarterWriter';
import type { ReferenceDataResult } from './referenceDataChild';
import { formatMs, formatNumber, megabytes } from './stats';

export async function measureReferenceData(
  rows: number,
  progress: (message: string) => void,
): Promise<Outcome<ReferenceDataResult>> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-bench-ptp-'));
  try {
    progress(`generating a synthetic PTP quarter of about ${rows.toLocaleString('en-US')} edits`);
    const files = writePtpQuarter(folder, rows);
    progress('importing it, caching it and loading it back in a child process');
    return await runChild<ReferenceDataResult>(path.join(__dirname, 'referenceDataChild.js'), [
      path.join(folder, 'ptp.cache'),
      ...files,
    ]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

export function describeReferenceData(outcome: Outcome<ReferenceDataResult>): string {
  return outcome.ok
    ? `import ${formatMs(outcome.value.importMs)}, load ${formatMs(outcome.value.loadMs)}, ${formatNumber(outcome.value.lookupsPerSecond)} lookups/s`
    : `MISS (${outcome.reason})`;
}

export function renderReferenceData(outcome: Outcome<ReferenceDataResult>): string {
  const heading = '### Reference data: the NCCI practitioner PTP table\n\n';
  if (!outcome.ok) {
    return `${heading}MISS: ${outcome.reason}\n`;
  }
  const r = outcome.value;
  const mb = (bytes: number) => `${megabytes(bytes).toFixed(1)} MB`;
  const table = markdownTable(
    [
      'edits',
      'pairs',
      'files',
      'import',
      'index',
      'memory held',
      'cache file',
      'write cache',
      'load from cache',
      'lookups/s',
    ],
    [
      [
        r.rows.toLocaleString('en-US'),
        r.pairs.toLocaleString('en-US'),
        mb(r.fileBytes),
        formatMs(r.importMs),
        mb(r.indexBytes),
        mb(r.retainedBytes),
        mb(r.cacheBytes),
        formatMs(r.serializeMs),
        formatMs(r.loadMs),
        formatNumber(r.lookupsPerSecond),
      ],
    ],
  );
  return `${heading}${table}\n\nA synthetic quarter in the official layout (invented codes); ${r.lookups.toLocaleString('en-US')} lookups, ${r.hits.toLocaleString('en-US')} of them finding an edit in force.\n`;
}
