/**
 * Checks of the edit importers on the real CMS files kept in the shared data
 * folder (`<folder>/cms-layouts/`, see its LAYOUTS.md), for the
 * `npm run test:reference-data -- <folder>` suite: the real PPRRVU 2025 file
 * with its HCPCS Level II rows, and the verbatim headers of the 2026 PPRRVU,
 * the PTP and the MUE files, each followed by rows we write (the real rows
 * are CPT content, and are not kept there). Nothing here is copied into the
 * repository; the facts checked are read from the files at run time.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DataFile } from '../../../server/src/referenceData/fileImporter';
import { csvRecords } from '../../../server/src/referenceData/importers/csvRecords';
import { feeScheduleImporter, headerOf } from '../../../server/src/referenceData/importers/feeSchedule';
import { mueTableImporter } from '../../../server/src/referenceData/importers/mueTable';
import { ptpEditsImporter } from '../../../server/src/referenceData/importers/ptpEdits';

export interface EditFileCheck {
  name: string;
  ok: boolean;
  detail: string;
}

const pfs2025 = 'PPRRVU25_JAN.header-and-levelII-rows.csv';
const pfs2026 = 'PPRRVU2026_Jul_nonQPP.header-rows.csv';
const ptpHeader = 'ccipra-v322r0-f1.header-lines.txt';
const mueHeader = 'MCR_MUE_PractitionerServices_Eff_07-01-2026.header-records.csv';

/** The indicator columns the importer reads, by their combined header names. */
const indicatorNames = [
  'STATUS CODE',
  'PCTC IND',
  'GLOB DAYS',
  'MULT PROC',
  'BILAT SURG',
  'ASST SURG',
  'CO- SURG',
  'TEAM SURG',
];

type Check = () => { ok: boolean; detail: string };

function run(name: string, check: Check): EditFileCheck {
  const start = performance.now();
  try {
    const { ok, detail } = check();
    return { name, ok, detail: `${detail} (${Math.round(performance.now() - start)} ms)` };
  } catch (error) {
    return {
      name,
      ok: false,
      detail: `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
    };
  }
}

function dataFile(folder: string, file: string, name: string, appended = ''): DataFile {
  const bytes = fs.readFileSync(path.join(folder, file));
  return { name, bytes: new Uint8Array(Buffer.concat([bytes, Buffer.from(appended, 'latin1')])) };
}

/** The real 2025 file: every Level II row read, each with a status and a global-days value from the list. */
function pfs2025Check(layouts: string): Check {
  return () => {
    const file = dataFile(layouts, pfs2025, 'PPRRVU25_JAN.csv');
    const dataRows = new TextDecoder('latin1')
      .decode(file.bytes)
      .split(/\r?\n/)
      .slice(10)
      .filter((line) => line.trim() !== '');
    const { table, reports } = feeScheduleImporter.import([file]);
    const gCodes = dataRows.map((line) => line.split(',')[0] ?? '').filter((code) => code.startsWith('G'));
    const entries = gCodes.map((code) => table?.entry(code) ?? table?.entry(code, '53') ?? table?.entry(code, '26'));
    const withoutDays = gCodes.filter(
      (_, i) => entries[i]?.globalDays === undefined || !/^[A-Z]$/.test(entries[i]?.status ?? ''),
    );
    const problems = [
      table?.label === 'PFS 2025 Jan' ? '' : `label ${table?.label}`,
      table?.size === dataRows.length ? '' : `${table?.size} rows read of ${dataRows.length}`,
      reports[0]?.problem ? `problem: ${reports[0].problem}` : '',
      gCodes.length > 0 ? '' : 'no G-code rows',
      withoutDays.length === 0
        ? ''
        : `${withoutDays.length} G-codes without status or global days (first ${withoutDays[0]})`,
    ].filter((problem) => problem !== '');
    return {
      ok: problems.length === 0,
      detail:
        problems.join('; ') ||
        `${table?.label}: ${table?.size} rows, ${gCodes.length} G-codes each with a status and global days`,
    };
  };
}

/** Both years' headers: every indicator column found by name, PRIC IND only in 2026, and a row read by those names. */
function pfsHeadersCheck(layouts: string): Check {
  return () => {
    const details: string[] = [];
    let ok = true;
    for (const [file, name, year] of [
      [pfs2025, 'PPRRVU25_JAN.csv', 2025],
      [pfs2026, 'PPRRVU2026_Jul_nonQPP.csv', 2026],
    ] as const) {
      const text = new TextDecoder('latin1').decode(fs.readFileSync(path.join(layouts, file)));
      const header = headerOf(csvRecords(text).records);
      const names = header?.names ?? [];
      const missing = ['HCPCS', 'MOD', ...indicatorNames].filter((wanted) => !names.includes(wanted));
      const pricInd = names.includes('PRIC IND');
      // One invented row laid out by the header's own names, so the reading by name is what is tested.
      const cells = names.map(
        (column) =>
          ({ HCPCS: 'G9999', MOD: '', 'STATUS CODE': 'A', 'GLOB DAYS': '090', 'BILAT SURG': '1', 'CO- SURG': '2' })[
            column
          ] ?? '0',
      );
      const headerOnly = text.split(/\r?\n/).slice(0, 10).join('\r\n');
      const { table } = feeScheduleImporter.import([
        { name, bytes: new TextEncoder().encode(`${headerOnly}\r\n${cells.join(',')}\r\n`) },
      ]);
      const entry = table?.entry('G9999');
      const read =
        entry?.globalDays === '090' && entry.bilateral === 1 && entry.coSurgeon === 2 && entry.status === 'A';
      ok &&= missing.length === 0 && pricInd === (year === 2026) && read;
      details.push(
        `${year}: ${names.length} columns${missing.length ? `, missing ${missing.join(', ')}` : ''}, PRIC IND ${pricInd ? 'present' : 'absent'}, a row ${read ? 'read by name' : 'NOT read by name'}`,
      );
    }
    return { ok, detail: details.join('; ') };
  };
}

/** The verbatim PTP preamble followed by rows we write: the preamble is not taken for bad rows, the quarter comes from the name. */
function ptpHeaderCheck(layouts: string): Check {
  return () => {
    const rows = [
      'G9901\tG9902\t\t20200101\t*\t1\tMutually exclusive procedures',
      'G9901\tG9903\t*\t19960101\t20231231\t0\tStandards of medical/surgical practice',
    ];
    const file = dataFile(
      layouts,
      ptpHeader,
      'medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip/ccipra-v322r0-f1.TXT',
      `${rows.join('\r\n')}\r\n`,
    );
    const head = new TextDecoder('latin1').decode(file.bytes);
    const recognised = ptpEditsImporter.recognizes({ name: 'renamed.txt', head });
    const { table, reports } = ptpEditsImporter.import([file]);
    const problem = reports[0]?.problem ?? '';
    const ok =
      recognised &&
      table?.label === 'PTP 2026 Q3' &&
      table.size === 2 &&
      !/not understood/.test(problem) &&
      table.edit('G9901', 'G9903', '2023-12-31')?.indicator === 0;
    return {
      ok,
      detail: `recognised by its title ${recognised}; ${table?.label}: ${table?.size} edits; report: ${problem || 'no problem'}`,
    };
  };
}

/** The verbatim MUE notice and header (a newline inside the header's first cell) followed by rows we write. */
function mueHeaderCheck(layouts: string): Check {
  return () => {
    const rows = [
      'G9901,2,3 Date of Service Edit: Clinical,Clinical: Data',
      'J9901,0,2 Date of Service Edit: Policy,CMS Policy',
    ];
    const file = dataFile(
      layouts,
      mueHeader,
      'MCR_MUE_PractitionerServices_Eff_07-01-2026.csv',
      `${rows.join('\n')}\n`,
    );
    const { table, reports } = mueTableImporter.import([file]);
    const ok =
      table?.label === 'MUE 2026 Q3' &&
      table.size === 2 &&
      reports[0]?.problem === undefined &&
      table.limit('G9901')?.indicator === 3 &&
      table.limit('J9901')?.value === 0;
    return { ok, detail: `${table?.label}: ${table?.size} limits; report: ${reports[0]?.problem ?? 'no problem'}` };
  };
}

export function checkEditFiles(folder: string): Promise<EditFileCheck[]> {
  const layouts = path.join(folder, 'cms-layouts');
  return Promise.resolve([
    run('PFS 2025: the real Level II rows', pfs2025Check(layouts)),
    run('PFS 2025 and 2026: indicator columns by name', pfsHeadersCheck(layouts)),
    run('PTP: the real preamble', ptpHeaderCheck(layouts)),
    run('MUE: the real notice and header', mueHeaderCheck(layouts)),
  ]);
}
