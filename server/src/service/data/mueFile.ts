/**
 * The CMS practitioner MUE file (`cptClaims.mueFile`) as published: copyright
 * preamble lines, then a header row, then one row per code with its MUE
 * value, adjudication indicator and rationale. The values are CMS's, read
 * from the user's file each quarter; none are bundled.
 */
import { codeKindOf } from './codeShapes';
import { type RowProblem, rowsOf } from './delimitedText';

/** 1: per line; 2: absolute per day (policy); 3: per day, clinical (appealable). */
export type MueIndicator = 1 | 2 | 3;

export interface MueEntry {
  code: string;
  value: number;
  indicator: MueIndicator;
  rationale: string;
}

export interface MueTable {
  entries: ReadonlyMap<string, MueEntry>;
  problems: RowProblem[];
  /** The quarter or date the file names in its preamble, when it does. */
  period?: string;
}

function columnIndex(header: readonly string[], pattern: RegExp): number {
  return header.findIndex((cell) => pattern.test(cell));
}

export function readMueFile(text: string): MueTable {
  const rows = rowsOf(text);
  const entries = new Map<string, MueEntry>();
  const problems: RowProblem[] = [];
  const headerIndex = rows.findIndex(({ cells }) => cells.some((c) => /hcpcs|cpt/i.test(c)) && cells.some((c) => /mue/i.test(c)));
  const header = rows[headerIndex];
  if (!header) {
    problems.push({ line: 1, message: 'No header row naming the HCPCS/CPT code and MUE value columns was found; the file is not used.' });
    return { entries, problems };
  }
  const codeColumn = columnIndex(header.cells, /hcpcs|cpt/i);
  const valueColumn = columnIndex(header.cells, /mue.*value|value/i);
  const indicatorColumn = columnIndex(header.cells, /adjudication|indicator|mai/i);
  const rationaleColumn = columnIndex(header.cells, /rationale/i);
  if (valueColumn === -1 || indicatorColumn === -1) {
    problems.push({ line: header.line, message: 'The header row has no MUE value or adjudication indicator column; the file is not used.' });
    return { entries, problems };
  }
  const period = rows
    .slice(0, headerIndex)
    .map(({ cells }) => /\b(20\d\d\s*Q[1-4]|Q[1-4]\s*20\d\d|(January|April|July|October)\s+\d{1,2},?\s+20\d\d)\b/i.exec(cells.join(' '))?.[0])
    .find((found) => found !== undefined);
  for (const { line, cells } of rows.slice(headerIndex + 1)) {
    const code = (cells[codeColumn] ?? '').toUpperCase();
    const value = Number(cells[valueColumn]);
    const indicator = Number((cells[indicatorColumn] ?? '').trim().charAt(0));
    if (codeKindOf(code) === undefined) {
      problems.push({ line, message: 'The code column is not a CPT or HCPCS code; the row is skipped.' });
    } else if (!Number.isInteger(value) || value < 0) {
      problems.push({ line, message: `${code}: the MUE value is not a whole number; the row is skipped.` });
    } else if (indicator !== 1 && indicator !== 2 && indicator !== 3) {
      problems.push({ line, message: `${code}: the adjudication indicator is not 1, 2 or 3; the row is skipped.` });
    } else {
      entries.set(code, { code, value, indicator, rationale: cells[rationaleColumn] ?? '' });
    }
  }
  const table: MueTable = { entries, problems };
  if (period) {
    table.period = period;
  }
  return table;
}
