/**
 * The ICD-10-CM order file (`icd10cm-order-2026.txt`, in CDC's and CMS's
 * "Code Descriptions in Tabular Order" zip), one per fiscal year. Fixed
 * width, CRLF, ASCII: order number [0:5], code without its dot [6:13],
 * 1 = billable / 0 = header [14], short description [16:76], long
 * description [77:]. Headers (categories and subcategories) are listed with
 * their codes, which is what tells a coder that C50.41 needs a sixth
 * character. The file does not say its year: the name does (the fiscal year
 * runs October 1 to September 30; an April update from April 1).
 */
import type { DateSpan, DiagnosisCodeSet, LoadedFileReport } from '../../service/index';
import type { DataFile, FileCandidate, FileImporter, ImportResult } from '../fileImporter';
import { diagnosisLayoutVersion, type DiagnosisRow, DiagnosisTable } from './diagnosisTable';
import { baseName, fileLines, headLines, repeatedCodes } from './fixedWidthText';
import { joinProblems, LineTally, linesNotUnderstood } from './importReports';

/** Order number, space, code (3 to 7, space-padded to 7), space, flag, space, then the descriptions. */
const orderLineShape = /^\d{5} [A-Z][0-9A-Z]{2}[0-9A-Z ]{4} [01] \S/;
/** How many of the head's lines must have that shape (all of them, up to this many). */
const linesToRecognize = 5;

/** One order-file line as a row, or undefined when it does not have the layout. */
export function orderFileRow(line: string): DiagnosisRow | undefined {
  if (!orderLineShape.test(line)) {
    return undefined;
  }
  const code = line.slice(6, 13).trimEnd();
  if (code.includes(' ')) {
    return undefined;
  }
  const short = line.slice(16, 76).trimEnd();
  const long = line.slice(77).trim();
  return { code, billable: line[14] === '1', short, long: long === '' ? short : long };
}

/** The fiscal year a file's name gives (`icd10cm-order-2026.txt`, or the zip's name), as a number. */
function fiscalYearOf(name: string): number | undefined {
  const yearIn = (text: string): number | undefined => {
    const match = /(?:^|[^0-9])(20\d\d)(?![0-9])/.exec(text);
    return match ? Number(match[1]) : undefined;
  };
  return yearIn(baseName(name)) ?? yearIn(name);
}

/**
 * The edition a name gives: a fiscal year (October 1 to September 30), or the update CDC publishes
 * some years for April 1 (`April-1-2024`), which replaces the year's file from then to September 30.
 */
export function orderFileEdition(name: string): { label: string; applies: DateSpan } | undefined {
  const year = fiscalYearOf(name);
  if (year === undefined) {
    return undefined;
  }
  return /april/i.test(name)
    ? { label: `ICD-10-CM FY${year} Apr`, applies: { from: `${year}-04-01`, to: `${year}-09-30` } }
    : { label: `ICD-10-CM FY${year}`, applies: { from: `${year - 1}-10-01`, to: `${year}-09-30` } };
}

function readOrderFile(file: DataFile): { table?: DiagnosisTable; report: LoadedFileReport } {
  const edition = orderFileEdition(file.name);
  if (edition === undefined) {
    return {
      report: {
        file: file.name,
        kind: 'icd10cm',
        problem:
          'The fiscal year could not be read from the name; keep the name CDC gives it (icd10cm-order-2026.txt) or its zip.',
      },
    };
  }
  const rows: DiagnosisRow[] = [];
  const seen = new Set<string>();
  const bad = new LineTally();
  let duplicates = 0;
  fileLines(file.bytes).forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const row = orderFileRow(line);
    if (row === undefined) {
      bad.add(index + 1);
    } else if (seen.has(row.code)) {
      duplicates++;
    } else {
      seen.add(row.code);
      rows.push(row);
    }
  });
  const problem = joinProblems(linesNotUnderstood(bad.count, bad.first), repeatedCodes(duplicates));
  if (rows.length === 0) {
    return { report: { file: file.name, kind: 'icd10cm', problem: 'No ICD-10-CM order-file rows were found.' } };
  }
  const table = DiagnosisTable.build({ ...edition, source: file.name }, rows);
  const report: LoadedFileReport = { file: file.name, kind: 'icd10cm', edition: edition.label, rows: rows.length };
  if (problem !== undefined) {
    report.problem = problem;
  }
  return { table, report };
}

export const icd10cmOrderFileImporter: FileImporter<DiagnosisCodeSet> = {
  kind: 'icd10cm',
  /** The cache layout of `diagnosisTable.ts`: entries of an older layout are imported again. */
  formatVersion: diagnosisLayoutVersion,

  recognizes(candidate: FileCandidate): boolean {
    const lines = headLines(candidate.head).slice(0, linesToRecognize);
    return lines.length > 0 && lines.every((line) => orderFileRow(line) !== undefined);
  },

  editionKey(candidate: FileCandidate): string {
    return orderFileEdition(candidate.name)?.label ?? candidate.name;
  },

  /** One fiscal year: the first file that reads; any other file of the same year is reported, not read. */
  import(files: readonly DataFile[]): ImportResult<DiagnosisCodeSet> {
    const reports: LoadedFileReport[] = [];
    let table: DiagnosisTable | undefined;
    for (const file of files) {
      if (table !== undefined) {
        reports.push({
          file: file.name,
          kind: 'icd10cm',
          problem: `Not read: ${table.source} holds the same edition.`,
        });
        continue;
      }
      const read = readOrderFile(file);
      table = read.table;
      reports.push(read.report);
    }
    return { table, reports };
  },

  serialize(table: DiagnosisCodeSet): Uint8Array {
    if (!(table instanceof DiagnosisTable)) {
      throw new TypeError('only a table this importer built can be cached');
    }
    return table.serialize();
  },

  deserialize: (bytes: Uint8Array): DiagnosisCodeSet => DiagnosisTable.deserialize(bytes),
};
