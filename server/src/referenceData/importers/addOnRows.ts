/**
 * Reading the rows of the NCCI add-on code edit file, whose layout is not
 * confirmed (LAYOUTS.md section 3): the fixed-width text form, read as
 * whitespace-separated tokens, and a CSV with the spreadsheet's header (for a
 * user who saved the xlsx as CSV). Each row is one pairing of an add-on code
 * with a primary code (`CCCCC` for type 2: the contractor decides), with
 * Julian dates `YYYYDDD`.
 *
 * The dates are read by what they must be, not by position, because blank
 * fields vanish when a line is split on whitespace: the earliest date on a
 * row is when the pairing took effect, and the earliest of the others (the
 * add-on's, the primary's or the pairing's deletion) is the last day it is in
 * force. That deletion dates are inclusive is our reading, as in the PTP
 * files; the CMS file structure document would settle it.
 */
import { type CsvRecord, headerName } from './csvRecords';
import { dayOfCompactDate, dayOfJulianDate, dayOfUsDate } from './dayNumbers';
import { LineTally } from './importReports';

export type AddOnType = 1 | 2 | 3;

export interface AddOnRow {
  type: AddOnType;
  addOn: string;
  /** `CCCCC` when the contractor defines the primaries. */
  primary: string;
  /** Day numbers; `to` is the last day in force, absent while in force. */
  from: number;
  to?: number;
  note: string;
}

export const contractorDefined = 'CCCCC';

export interface AddOnRead {
  rows: AddOnRow[];
  notUnderstood: LineTally;
  /** Lines before the first edit that were taken as a title, not as data. */
  preamble: number;
}

const codePattern = /^[0-9A-Z]{5}$/;

function rowFromDates(
  type: AddOnType,
  addOn: string,
  primary: string,
  dates: number[],
  note: string,
): AddOnRow | undefined {
  if (dates.length === 0) {
    return undefined;
  }
  const sorted = [...dates].sort((a, b) => a - b);
  const [from = 0, to] = sorted;
  return to === undefined ? { type, addOn, primary, from, note } : { type, addOn, primary, from, to, note };
}

function typeOf(text: string | undefined): AddOnType | undefined {
  return text === '1' || text === '2' || text === '3' ? (Number(text) as AddOnType) : undefined;
}

/** One line of the text form: `1G9911  G9910  2020001  [dates...]  notes`, the type digit joined to the add-on code. */
export function textRowOf(line: string): AddOnRow | undefined {
  const tokens = line.trim().toUpperCase().split(/\s+/);
  let at = 0;
  let type: AddOnType | undefined;
  let addOn: string | undefined;
  const joined = /^([123])([0-9A-Z]{5})$/.exec(tokens[0] ?? '');
  if (joined) {
    type = typeOf(joined[1]);
    addOn = joined[2];
    at = 1;
  } else if (typeOf(tokens[0]) && codePattern.test(tokens[1] ?? '')) {
    type = typeOf(tokens[0]);
    addOn = tokens[1];
    at = 2;
  }
  if (type === undefined || addOn === undefined) {
    return undefined;
  }
  const dates: number[] = [];
  // An add-on deletion date may come before the primary code, as the spreadsheet's columns have it.
  while (/^\d{7}$/.test(tokens[at] ?? '')) {
    const day = dayOfJulianDate(tokens[at++] ?? '');
    if (day === undefined) {
      return undefined;
    }
    dates.push(day);
  }
  const primary = tokens[at++] ?? '';
  if (!codePattern.test(primary)) {
    return undefined;
  }
  while (/^\d{7}$/.test(tokens[at] ?? '')) {
    const day = dayOfJulianDate(tokens[at++] ?? '');
    if (day === undefined) {
      return undefined;
    }
    dates.push(day);
  }
  const note = line.trim().split(/\s+/).slice(at).join(' ');
  return rowFromDates(type, addOn, primary, dates, note);
}

export function readTextRows(text: string): AddOnRead {
  const rows: AddOnRow[] = [];
  const notUnderstood = new LineTally();
  let preamble = 0;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const row = textRowOf(line);
    if (row) {
      rows.push(row);
    } else if (rows.length === 0 && !/^\s*[123][0-9A-Z]{5}\s/i.test(line)) {
      preamble++;
    } else {
      notUnderstood.add(index + 1);
    }
  });
  return { rows, notUnderstood, preamble };
}

/** A date cell of the CSV form: Julian `YYYYDDD` as CMS writes it, or as a spreadsheet may have turned it. */
function csvDay(cell: string | undefined): number | undefined | 'bad' {
  const text = (cell ?? '').trim();
  if (text === '') {
    return undefined;
  }
  return dayOfJulianDate(text) ?? dayOfCompactDate(text) ?? dayOfUsDate(text) ?? 'bad';
}

interface CsvColumns {
  type: number;
  addOn: number;
  primary: number;
  effective: number;
  deletions: number[];
  note: number;
}

/** The spreadsheet's header: `AOC Edit Type, Add-On Code, AOC DelDT (Julian), Primary Code, ...`. */
export function csvColumnsOf(cells: readonly string[]): CsvColumns | undefined {
  const names = cells.map(headerName);
  const find = (pattern: RegExp) => names.findIndex((name) => pattern.test(name));
  const columns: CsvColumns = {
    type: find(/EDIT TYPE/),
    addOn: find(/^ADD-?ON CODE$/),
    primary: find(/^PRIMARY CODE$/),
    effective: find(/EFFDT|EFFECTIVE/),
    deletions: names.flatMap((name, index) => (/DELDT|DELETION/.test(name) ? [index] : [])),
    note: find(/NOTE/),
  };
  return columns.type < 0 || columns.addOn < 0 || columns.primary < 0 || columns.effective < 0 ? undefined : columns;
}

function csvRowOf(cells: readonly string[], columns: CsvColumns): AddOnRow | undefined {
  const type = typeOf(cells[columns.type]?.trim());
  const addOn = (cells[columns.addOn] ?? '').trim().toUpperCase();
  const primary = (cells[columns.primary] ?? '').trim().toUpperCase();
  const effective = csvDay(cells[columns.effective]);
  const deletions = columns.deletions.map((column) => csvDay(cells[column]));
  if (
    !type ||
    !codePattern.test(addOn) ||
    !codePattern.test(primary) ||
    typeof effective !== 'number' ||
    deletions.includes('bad')
  ) {
    return undefined;
  }
  const ends = deletions.filter((day): day is number => typeof day === 'number');
  const to = ends.length === 0 ? undefined : Math.min(...ends);
  const note = columns.note < 0 ? '' : (cells[columns.note] ?? '').trim();
  return to === undefined
    ? { type, addOn, primary, from: effective, note }
    : { type, addOn, primary, from: effective, to, note };
}

export function readCsvRows(records: readonly CsvRecord[]): AddOnRead | undefined {
  const headerAt = records.findIndex((record) => csvColumnsOf(record.cells) !== undefined);
  const columns = headerAt < 0 ? undefined : csvColumnsOf(records[headerAt]?.cells ?? []);
  if (!columns) {
    return undefined;
  }
  const rows: AddOnRow[] = [];
  const notUnderstood = new LineTally();
  for (const record of records.slice(headerAt + 1)) {
    const row = csvRowOf(record.cells, columns);
    if (row) {
      rows.push(row);
    } else {
      notUnderstood.add(record.line);
    }
  }
  return { rows, notUnderstood, preamble: headerAt };
}
