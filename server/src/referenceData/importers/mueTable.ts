/**
 * The CMS practitioner MUE table (`MCR_MUE_PractitionerServices_Eff_07-01-2026.csv`,
 * from the quarter's zip): a quoted multi-line copyright record, a header
 * record whose first cell has a newline inside its quotes, then one row per
 * code: MUE value, adjudication indicator (a digit and its words, `3 Date of
 * Service Edit: Clinical`), rationale. Layout: LAYOUTS.md section 2. The older
 * `cptClaims.mueFile` setting keeps its own reader (service/reference/mueFile.ts).
 */
import { type EditionFacts, EditionTable } from './editionTable';
import type { LoadedFileReport, MueAdjudicationIndicator, MueLimit, MueTable } from '../../service/index';
import type { DataFile, FileCandidate, FileImporter, ImportResult } from '../fileImporter';
import { type CsvRecord, csvRecords, headerName } from './csvRecords';
import { baseName, quarterOfMonth } from './fileNames';
import { joinProblems, latin1Text, LineTally, linesNotUnderstood } from './importReports';
import { packTable, unpackTable } from './tableBytes';

/** `MCR_MUE_PractitionerServices_Eff_07-01-2026.csv`: the date it is effective from. */
const practitionerMueName = /MUE_PractitionerServices_Eff_(\d\d)-(\d\d)-(\d{4})\.csv$/i;
const practitionerHeader = /Practitioner Services MUE Values/i;

type MueRow = [code: string, value: number, indicator: MueAdjudicationIndicator, rationale: number];

interface MueMeta extends EditionFacts {
  rationales: string[];
  rows: MueRow[];
}

export class MueLimits extends EditionTable implements MueTable {
  readonly kind = 'mue';
  private readonly limits = new Map<string, MueLimit>();

  constructor(
    edition: EditionFacts,
    private readonly rationales: string[],
    private readonly rows: MueRow[],
  ) {
    super(edition);
    for (const [code, value, indicator, rationale] of rows) {
      this.limits.set(code, { code, value, indicator, rationale: rationales[rationale] ?? '' });
    }
  }

  get size(): number {
    return this.limits.size;
  }

  limit(code: string): MueLimit | undefined {
    return this.limits.get(code.toUpperCase());
  }

  serialize(): Uint8Array {
    return packTable<MueMeta>('mue', { ...this.edition, rationales: this.rationales, rows: this.rows });
  }

  static deserialize(bytes: Uint8Array): MueLimits {
    const { meta } = unpackTable<MueMeta>('mue', bytes);
    return new MueLimits({ label: meta.label, applies: meta.applies, source: meta.source }, meta.rationales, meta.rows);
  }
}

/** The quarter from the file name's effective date: 07-01-2026 is `MUE 2026 Q3`, from 2026-07-01. */
function editionOf(name: string): EditionFacts {
  const match = practitionerMueName.exec(baseName(name));
  if (!match) {
    return { label: `MUE (${baseName(name)})`, applies: {}, source: name };
  }
  const [, month = '', day = '', year = ''] = match;
  return {
    label: `MUE ${year} Q${quarterOfMonth(Number(month))}`,
    applies: { from: `${year}-${month}-${day}` },
    source: name,
  };
}

interface Columns {
  code: number;
  value: number;
  indicator: number;
  rationale: number;
}

function columnsOf(header: readonly string[]): Columns | undefined {
  const names = header.map(headerName);
  const columns = {
    code: names.findIndex((name) => /HCPCS|CPT/.test(name)),
    value: names.findIndex((name) => /MUE VALUE/.test(name)),
    indicator: names.findIndex((name) => /ADJUDICATION/.test(name)),
    rationale: names.findIndex((name) => /RATIONALE/.test(name)),
  };
  return columns.code < 0 || columns.value < 0 || columns.indicator < 0 ? undefined : columns;
}

function rowOf(cells: readonly string[], columns: Columns, rationaleIds: Map<string, number>): MueRow | undefined {
  const code = (cells[columns.code] ?? '').toUpperCase();
  const valueText = cells[columns.value] ?? '';
  const value = Number(valueText);
  const indicator = Number((cells[columns.indicator] ?? '').charAt(0));
  if (
    !/^[0-9A-Z]{5}$/.test(code) ||
    !/^\d+$/.test(valueText) ||
    (indicator !== 1 && indicator !== 2 && indicator !== 3)
  ) {
    return undefined;
  }
  const rationale = cells[columns.rationale] ?? '';
  let id = rationaleIds.get(rationale);
  if (id === undefined) {
    id = rationaleIds.size;
    rationaleIds.set(rationale, id);
  }
  return [code, value, indicator, id];
}

function readRows(records: readonly CsvRecord[]): {
  rows: MueRow[];
  rationales: string[];
  bad: LineTally;
  headerFound: boolean;
} {
  const rationaleIds = new Map<string, number>();
  const rows: MueRow[] = [];
  const bad = new LineTally();
  let columns: Columns | undefined;
  for (const record of records) {
    if (!columns) {
      // Before the header: the copyright record, which is not data.
      columns = columnsOf(record.cells);
      continue;
    }
    const row = rowOf(record.cells, columns, rationaleIds);
    if (row) {
      rows.push(row);
    } else {
      bad.add(record.line);
    }
  }
  return { rows, rationales: [...rationaleIds.keys()], bad, headerFound: columns !== undefined };
}

export const mueTableImporter: FileImporter<MueLimits> = {
  kind: 'mue',

  recognizes(candidate: FileCandidate): boolean {
    const name = baseName(candidate.name);
    return practitionerMueName.test(name) || (/\.csv$/i.test(name) && practitionerHeader.test(candidate.head));
  },

  editionKey: (candidate) => `mue-${baseName(candidate.name).toLowerCase()}`,

  import(files: readonly DataFile[]): ImportResult<MueLimits> {
    // One file an edition; should the reader hand over more, the first is read and the others said to be unused.
    const [file, ...others] = files;
    const reports: LoadedFileReport[] = others.map((other) => ({
      file: other.name,
      kind: 'mue',
      problem: `Not read: ${file?.name ?? ''} is the same edition.`,
    }));
    if (!file) {
      return { reports };
    }
    const read = csvRecords(latin1Text(file.bytes));
    const { rows, rationales, bad, headerFound } = readRows(read.records);
    if (!headerFound || rows.length === 0) {
      const why = headerFound
        ? 'No MUE row was found under the header; the file is not used.'
        : 'No header naming the HCPCS/CPT code, MUE value and adjudication indicator columns was found; the file is not used.';
      return {
        reports: [
          { file: file.name, kind: 'mue', rows: 0, problem: joinProblems(why, read.failure) ?? why },
          ...reports,
        ],
      };
    }
    const table = new MueLimits(editionOf(file.name), rationales, rows);
    const problem = joinProblems(
      linesNotUnderstood(bad.count, bad.first),
      read.failure,
      table.applies.from
        ? undefined
        : 'The file name does not give the effective date; its limits apply to every date.',
    );
    const report: LoadedFileReport = { file: file.name, kind: 'mue', edition: table.label, rows: rows.length };
    if (problem) {
      report.problem = problem;
    }
    return { table, reports: [report, ...reports] };
  },

  serialize: (table) => table.serialize(),
  deserialize: (bytes) => MueLimits.deserialize(bytes),
};
