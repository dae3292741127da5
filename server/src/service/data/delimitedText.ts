/**
 * Splitting a row of a comma- or tab-separated file, as organisations and CMS
 * publish them: commas inside double quotes belong to the field, and `""`
 * inside quotes is one quote.
 */
export function splitRow(row: string): string[] {
  if (row.includes('\t')) {
    return row.split('\t').map((cell) => unquote(cell.trim()));
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

/** Rows of a file with their 1-based line numbers, blank rows left out. */
export function rowsOf(text: string): Array<{ line: number; cells: string[] }> {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((row, index) => ({ line: index + 1, row }))
    .filter(({ row }) => row.trim() !== '')
    .map(({ line, row }) => ({ line, cells: splitRow(row) }));
}

/** A row a data file could not use, reported once with its line. */
export interface RowProblem {
  line: number;
  message: string;
}
