/**
 * The records of a CMS CSV through csv-parse: the MUE and PPRRVU files have
 * quoted cells with newlines inside (a copyright notice, a header cell), so
 * splitting on lines would break them. Records of other lengths are kept (the
 * reader of each file checks its columns), blank lines are skipped, and a
 * record csv-parse cannot read is skipped, not fatal.
 */
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  cells: string[];
  /** The line the record ends on (1-based): the record's line for a one-line record. */
  line: number;
}

export interface CsvRead {
  records: CsvRecord[];
  /** Why reading stopped early, when it did. */
  failure?: string;
}

export function csvRecords(text: string): CsvRead {
  const records: CsvRecord[] = [];
  try {
    // Line ends made LF first: csv-parse counts a CRLF inside quotes as two lines, which would skew the line numbers.
    const parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]; // its types do not model `info: true`
    for (const { record, info } of parsed) {
      records.push({ cells: record, line: info.lines });
    }
    return { records };
  } catch (error) {
    return { records, failure: `The CSV could not be read (${(error as Error).message}).` };
  }
}

/** A header cell's name with its line breaks and runs of spaces made one space, upper case. */
export function headerName(cell: string): string {
  return cell.replace(/\s+/g, ' ').trim().toUpperCase();
}
