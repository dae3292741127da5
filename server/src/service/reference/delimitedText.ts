/**
 * Splitting a row of a comma- or tab-separated file, as organisations and CMS
 * publish them: commas inside double quotes belong to the field, and `""`
 * inside quotes is one quote.
 */
export function splitRow(row: string): string[] {
  if (row.includes('\t')) {
    return row.split('\t').map((cell) => unquote(cell.trim()));
  }
  if (!row.includes('"')) {
    // Most rows quote nothing; building cells a character at a time is kept for those that do.
    return row.split(',').map((cell) => cell.trim());
  }
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < row.length; i++) {
    const char = row[i];
    if (quoted) {
      if (char === '"' && row[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      cells.push(cell.trim());
      cell = '';
    } else {
      cell += char;
    }
  }
  cells.push(cell.trim());
  return cells;
}

function unquote(cell: string): string {
  return cell.length >= 2 && cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
}

/**
 * Rows of a file with their 1-based line numbers, blank rows left out. Rows
 * are made one at a time, so a file of millions of lines is never held as
 * millions of rows at once.
 */
export function* rowsOf(text: string): Generator<RowPlace & { cells: string[] }> {
  const lineEnd = /\r\n|\r|\n/g;
  const body = text.replace(/^\uFEFF/, '');
  let line = 1;
  for (let start = 0; start <= body.length; line++) {
    const match = lineEnd.exec(body);
    const end = match ? match.index : body.length;
    const row = body.slice(start, end);
    if (row.trim() !== '') {
      yield { line, length: row.length, cells: splitRow(row) };
    }
    start = match ? lineEnd.lastIndex : body.length + 1;
  }
}

/** Where a row is: its 1-based line and the line's length (UTF-16 units, without the line end or a BOM). */
export interface RowPlace {
  line: number;
  /** A diagnostic on the row ends here, never past its line. */
  length: number;
}

/** A row a data file could not use, reported once with its line. */
export interface RowProblem extends RowPlace {
  message: string;
}

/** At most this many row problems are kept per file: a file of junk would otherwise make one per line. */
export const maxRowProblemsKept = 100;

/** The first row problems of a file, and how many there were in all. */
export class RowProblems {
  readonly kept: RowProblem[] = [];
  total = 0;

  /** The message is made only for a problem that is kept: a file of junk has millions that are only counted. */
  add({ line, length }: RowPlace, message: () => string): void {
    this.total++;
    if (this.kept.length < maxRowProblemsKept) {
      this.kept.push({ line, length, message: message() });
    }
  }
}
