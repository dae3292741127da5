/**
 * The Physician Fee Schedule relative value file, PPRRVU (`PPRRVU25_JAN.csv`,
 * from 2026 `PPRRVU2026_Jul_nonQPP.csv`, in the RVU zip of each release):
 * five preamble rows (title, AMA and ADA notices, a blank row, the release
 * date), then a header spread over five rows, each column's name read down
 * them (`GLOB` over `DAYS`). Columns are found by those names, not by
 * position: 2026 added `PRIC IND` in the middle. Only the payment-policy
 * indicators the rules use are kept. Layout and meanings: LAYOUTS.md section 4.
 */
import { type EditionFacts, EditionTable } from './editionTable';
import type { FeeSchedule, FeeScheduleEntry, GlobalDays, LoadedFileReport } from '../../service/index';
import type { DataFile, FileCandidate, FileImporter, ImportResult } from '../fileImporter';
import { type CsvRecord, csvRecords, headerName } from './csvRecords';
import { baseName, monthLabel, monthOfName } from './fileNames';
import { firstTableOf, joinProblems, latin1Text, LineTally, linesNotUnderstood } from './importReports';
import { packTable, unpackTable } from './tableBytes';

/** `PPRRVU25_JAN.csv`, `PPRRVU2026_Jul_nonQPP.csv`: the year (two or four digits) and the release month. */
const pprrvuName = /^PPRRVU(\d{4}|\d{2})_([A-Za-z]{3})[A-Za-z_]*\.csv$/i;
/** The title row: `2025 National Physician Fee Schedule Relative Value File January Release`. */
const titlePattern = /(\d{4}) National Physician Fee Schedule Relative Value File (\w+) Release/i;

/** The columns read, by their combined header names with spaces and hyphens left out (`CO- SURG` is `COSURG`). */
const wantedColumns = {
  code: 'HCPCS',
  modifier: 'MOD',
  status: 'STATUSCODE',
  pcTc: 'PCTCIND',
  globalDays: 'GLOBDAYS',
  multipleProcedure: 'MULTPROC',
  bilateral: 'BILATSURG',
  assistant: 'ASSTSURG',
  coSurgeon: 'COSURG',
  teamSurgery: 'TEAMSURG',
} as const;
type Column = keyof typeof wantedColumns;
type Columns = Record<Column, number>;

const globalDays = new Set<string>(['000', '010', '090', 'MMM', 'XXX', 'YYY', 'ZZZ']);

type PfsRow = [
  code: string,
  modifier: string,
  status: string,
  pcTc: number,
  globalDays: string,
  multipleProcedure: number,
  bilateral: number,
  assistant: number,
  coSurgeon: number,
  teamSurgery: number,
];

const key = (code: string, modifier: string) => `${code.toUpperCase()} ${modifier.toUpperCase()}`;

export class FeeScheduleIndicators extends EditionTable implements FeeSchedule {
  readonly kind = 'pfs';
  private readonly entries = new Map<string, FeeScheduleEntry>();

  constructor(
    edition: EditionFacts,
    private readonly rows: PfsRow[],
  ) {
    super(edition);
    for (const [
      code,
      modifier,
      status,
      pcTc,
      days,
      multipleProcedure,
      bilateral,
      assistant,
      coSurgeon,
      teamSurgery,
    ] of rows) {
      this.entries.set(key(code, modifier), {
        code,
        modifier,
        status,
        pcTc,
        globalDays: globalDays.has(days) ? (days as GlobalDays) : undefined,
        multipleProcedure,
        bilateral,
        assistant,
        coSurgeon,
        teamSurgery,
      });
    }
  }

  get size(): number {
    return this.entries.size;
  }

  entry(code: string, modifier = ''): FeeScheduleEntry | undefined {
    return this.entries.get(key(code, modifier));
  }

  serialize(): Uint8Array {
    return packTable<EditionFacts & { rows: PfsRow[] }>('pfs', { ...this.edition, rows: this.rows });
  }

  static deserialize(bytes: Uint8Array): FeeScheduleIndicators {
    const { meta } = unpackTable<EditionFacts & { rows: PfsRow[] }>('pfs', bytes);
    return new FeeScheduleIndicators({ label: meta.label, applies: meta.applies, source: meta.source }, meta.rows);
  }
}

/** The release from the file name, else from the title row: `PFS 2025 Jan` from 2025-01-01. */
function editionOf(name: string, records: readonly CsvRecord[]): EditionFacts {
  const fromName = pprrvuName.exec(baseName(name));
  const title = records
    .slice(0, 5)
    .map((record) => record.cells.join(' '))
    .join(' ');
  const fromTitle = titlePattern.exec(title);
  const yearText = fromName?.[1] ?? fromTitle?.[1];
  const month = monthOfName(fromName?.[2] ?? fromTitle?.[2] ?? '');
  if (yearText === undefined || month === undefined) {
    return { label: `PFS (${baseName(name)})`, applies: {}, source: name };
  }
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return {
    label: `PFS ${year} ${monthLabel(month)}`,
    applies: { from: `${year}-${String(month).padStart(2, '0')}-01` },
    source: name,
  };
}

/** The last header row is the one that starts `HCPCS, MOD`; the rows above it down to the preamble hold the rest of each name. */
export function headerOf(records: readonly CsvRecord[]): { names: string[]; end: number } | undefined {
  const end = records.findIndex(
    (record) => headerName(record.cells[0] ?? '') === 'HCPCS' && headerName(record.cells[1] ?? '') === 'MOD',
  );
  if (end < 0) {
    return undefined;
  }
  let start = end;
  while (
    start > 0 &&
    end - start < 4 &&
    !/RELEASED|COPYRIGHT|RELATIVE VALUE FILE/i.test(records[start - 1]?.cells.join(' ') ?? '')
  ) {
    start--;
  }
  const rows = records.slice(start, end + 1).map((record) => record.cells);
  const width = Math.max(...rows.map((cells) => cells.length));
  const names = Array.from({ length: width }, (_, column) =>
    headerName(
      rows
        .map((cells) => cells[column] ?? '')
        .filter((cell) => cell.trim() !== '')
        .join(' '),
    ),
  );
  return { names, end };
}

function columnsOf(names: readonly string[]): { columns?: Columns; missing: string[] } {
  const compact = names.map((name) => name.replace(/[^0-9A-Z]/g, ''));
  const found: Partial<Columns> = {};
  const missing: string[] = [];
  for (const [column, name] of Object.entries(wantedColumns) as [Column, string][]) {
    const index = compact.indexOf(name);
    if (index < 0) {
      missing.push(name);
    } else {
      found[column] = index;
    }
  }
  return missing.length === 0 ? { columns: found as Columns, missing } : { missing };
}

function digitOf(cell: string | undefined): number {
  return cell !== undefined && /^\d$/.test(cell) ? Number(cell) : NaN;
}

function rowOf(cells: readonly string[], columns: Columns): PfsRow | undefined {
  const code = (cells[columns.code] ?? '').toUpperCase();
  const status = (cells[columns.status] ?? '').toUpperCase();
  const numbers = [
    columns.pcTc,
    columns.multipleProcedure,
    columns.bilateral,
    columns.assistant,
    columns.coSurgeon,
    columns.teamSurgery,
  ].map((column) => digitOf(cells[column]));
  if (!/^[0-9A-Z]{5}$/.test(code) || !/^[A-Z]$/.test(status) || numbers.some(Number.isNaN)) {
    return undefined;
  }
  const [pcTc = 9, multipleProcedure = 9, bilateral = 9, assistant = 9, coSurgeon = 9, teamSurgery = 9] = numbers;
  return [
    code,
    (cells[columns.modifier] ?? '').toUpperCase(),
    status,
    pcTc,
    (cells[columns.globalDays] ?? '').toUpperCase(),
    multipleProcedure,
    bilateral,
    assistant,
    coSurgeon,
    teamSurgery,
  ];
}

function readFile(file: DataFile): { table?: FeeScheduleIndicators; report: LoadedFileReport } {
  const read = csvRecords(latin1Text(file.bytes));
  const header = headerOf(read.records);
  const { columns, missing } = header ? columnsOf(header.names) : { columns: undefined, missing: [] };
  if (!header || !columns) {
    const why = header
      ? `The header has no ${missing.join(', ')} column; the file is not used.`
      : 'No header row starting HCPCS, MOD was found; the file is not used.';
    return { report: { file: file.name, kind: 'pfs', rows: 0, problem: joinProblems(why, read.failure) ?? why } };
  }
  const rows: PfsRow[] = [];
  const bad = new LineTally();
  for (const record of read.records.slice(header.end + 1)) {
    const row = rowOf(record.cells, columns);
    if (row) {
      rows.push(row);
    } else {
      bad.add(record.line);
    }
  }
  if (rows.length === 0) {
    return {
      report: {
        file: file.name,
        kind: 'pfs',
        rows: 0,
        problem: 'No code row was found under the header; the file is not used.',
      },
    };
  }
  const table = new FeeScheduleIndicators(editionOf(file.name, read.records), rows);
  const report: LoadedFileReport = { file: file.name, kind: 'pfs', edition: table.label, rows: rows.length };
  const problem = joinProblems(
    linesNotUnderstood(bad.count, bad.first),
    read.failure,
    table.applies.from
      ? undefined
      : 'Neither the file name nor the title row gives the release; its indicators apply to every date.',
  );
  if (problem) {
    report.problem = problem;
  }
  return { table, report };
}

export const feeScheduleImporter: FileImporter<FeeScheduleIndicators> = {
  kind: 'pfs',

  recognizes(candidate: FileCandidate): boolean {
    const name = baseName(candidate.name);
    return pprrvuName.test(name) || (/\.csv$/i.test(name) && titlePattern.test(candidate.head));
  },

  /** A release's QPP and nonQPP files differ only in conversion factor: one edition. */
  editionKey(candidate: FileCandidate): string {
    const match = pprrvuName.exec(baseName(candidate.name));
    return match
      ? `pfs-${match[1]?.slice(-2)}-${match[2]?.toUpperCase()}`
      : `pfs-${baseName(candidate.name).toLowerCase()}`;
  },

  import(files: readonly DataFile[]): ImportResult<FeeScheduleIndicators> {
    // The nonQPP file first (most practitioners), then any other: the first that reads is the edition.
    const ordered = [...files].sort((a, b) => Number(!/nonQPP/i.test(a.name)) - Number(!/nonQPP/i.test(b.name)));
    return firstTableOf(
      ordered,
      'pfs',
      readFile,
      (table) => `Not read: ${table.source} holds the same release's indicators.`,
    );
  },

  serialize: (table) => table.serialize(),
  deserialize: (bytes) => FeeScheduleIndicators.deserialize(bytes),
};
