/**
 * The CMS practitioner MUE file (`cptClaims.mueFile`) as published: copyright
 * preamble lines, then a header row, then one row per code with its MUE
 * value, adjudication indicator and rationale. The values are CMS's, read
 * from the user's file each quarter; none are bundled.
 */
import { codeKindOf } from './codeShapes';
import { type RowPlace, type RowProblem, RowProblems, rowsOf } from './delimitedText';

/** 1: per line; 2: absolute per day (policy); 3: per day, clinical (appealable). */
type MueIndicator = 1 | 2 | 3;

export interface MueEntry {
  code: string;
  value: number;
  indicator: MueIndicator;
  rationale: string;
}

interface MueTable {
  entries: ReadonlyMap<string, MueEntry>;
  /** The first bad rows (at most `maxRowProblemsKept`). */
  problems: RowProblem[];
  /** How many rows were bad in all. */
  problemCount: number;
  /** The quarter or date the file names in its preamble, when it does. */
  period?: string;
}

function columnIndex(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell));
}

const periodPattern = /\b(20\d\d\s*Q[1-4]|Q[1-4]\s*20\d\d|(January|April|July|October)\s+\d{1,2},?\s+20\d\d)\b/i;

interface Columns {
  code: number;
  value: number;
  indicator: number;
  rationale: number;
}

function isHeaderRow(cells: readonly string[]): boolean {
  return cells.some((c) => /hcpcs|cpt/i.test(c)) && cells.some((c) => /mue/i.test(c));
}

function columnsOf(header: readonly string[]): Columns {
  return {
    code: columnIndex(header, /hcpcs|cpt/i),
    value: columnIndex(header, /mue.*value|value/i),
    indicator: columnIndex(header, /adjudication|indicator|mai/i),
    rationale: columnIndex(header, /rationale/i),
  };
}

/** One row after the header: an entry, or a problem. */
function readRow(
  row: RowPlace,
  cells: readonly string[],
  columns: Columns,
  entries: Map<string, MueEntry>,
  problems: RowProblems,
): void {
  const code = (cells[columns.code] ?? '').toUpperCase();
  const value = Number(cells[columns.value]);
  const indicator = Number((cells[columns.indicator] ?? '').trim().charAt(0));
  if (codeKindOf(code) === undefined) {
    problems.add(row, () => 'The code column is not a CPT or HCPCS code; the row is skipped.');
  } else if (!Number.isInteger(value) || value < 0) {
    problems.add(row, () => `${code}: the MUE value is not a whole number; the row is skipped.`);
  } else if (indicator !== 1 && indicator !== 2 && indicator !== 3) {
    problems.add(row, () => `${code}: the adjudication indicator is not 1, 2 or 3; the row is skipped.`);
  } else {
    entries.set(code, { code, value, indicator, rationale: cells[columns.rationale] ?? '' });
  }
}

/** The preamble (where the period is named), the header row, then the rows, in one pass. */
export function readMueFile(text: string): MueTable {
  const entries = new Map<string, MueEntry>();
  const problems = new RowProblems();
  let columns: Columns | undefined;
  let period: string | undefined;
  // Where a problem of the whole file is shown: its first row (line 1, empty, when it has none).
  let firstRow: RowPlace | undefined;
  for (const row of rowsOf(text)) {
    const { cells } = row;
    firstRow ??= { line: row.line, length: row.length };
    if (columns) {
      readRow(row, cells, columns, entries, problems);
    } else if (isHeaderRow(cells)) {
      columns = columnsOf(cells);
      if (columns.value === -1 || columns.indicator === -1) {
        problems.add(
          row,
          () => 'The header row has no MUE value or adjudication indicator column; the file is not used.',
        );
        return { entries, problems: problems.kept, problemCount: problems.total };
      }
    } else {
      period ??= periodPattern.exec(cells.join(' '))?.[0];
    }
  }
  if (!columns) {
    problems.add(
      firstRow ?? { line: 1, length: 0 },
      () => 'No header row naming the HCPCS/CPT code and MUE value columns was found; the file is not used.',
    );
  }
  const table: MueTable = { entries, problems: problems.kept, problemCount: problems.total };
  if (period) {
    table.period = period;
  }
  return table;
}
