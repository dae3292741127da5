/**
 * The NCCI add-on code edits (`add-code-edits-medicare-effective-07012026.zip`,
 * holding `AOC_V2026Q3-F-MCR.txt`, an xlsx copy and the file structure PDF).
 * The text file is read tolerantly (addOnRows.ts), or a CSV saved from the
 * spreadsheet; the xlsx itself is not read (the text member holds the same
 * edits). What could not be read is said in the report, with its lines.
 */
import { type EditionFacts, EditionTable } from './editionTable';
import type { AddOnEdit, AddOnEdits, LoadedFileReport } from '../../service/index';
import type { DataFile, FileCandidate, FileImporter, ImportResult } from '../fileImporter';
import { type AddOnRead, type AddOnRow, contractorDefined, readCsvRows, readTextRows } from './addOnRows';
import { csvRecords } from './csvRecords';
import { dayOfIso, quarterStart } from './dayNumbers';
import { baseName } from './fileNames';
import { firstTableOf, joinProblems, latin1Text, linesNotUnderstood } from './importReports';
import { packTable, unpackTable } from './tableBytes';

/** `AOC_V2026Q3-F-MCR.txt`, `AOC_V2026Q2-MCR.xlsx`: the year and quarter. */
const aocName = /^AOC_V(\d{4})Q([1-4])[-_A-Z0-9]*\.(txt|csv|xlsx)$/i;
const csvHeader = /Add-?On Code/i;

export class AddOnCodeEdits extends EditionTable implements AddOnEdits {
  readonly kind = 'add-on';
  private readonly byAddOn = new Map<string, AddOnRow[]>();

  constructor(
    edition: EditionFacts,
    private readonly rows: AddOnRow[],
  ) {
    super(edition);
    for (const row of rows) {
      const known = this.byAddOn.get(row.addOn);
      if (known) {
        known.push(row);
      } else {
        this.byAddOn.set(row.addOn, [row]);
      }
    }
  }

  get size(): number {
    return this.rows.length;
  }

  /** The pairings in force on the date; the type of the latest of them when a code changed type. */
  edit(addOn: string, dateOfService: string): AddOnEdit | undefined {
    const code = addOn.toUpperCase();
    const day = dayOfIso(dateOfService);
    const inForce = (this.byAddOn.get(code) ?? []).filter(
      (row) => day !== undefined && row.from <= day && (row.to === undefined || day <= row.to),
    );
    const latest = inForce.reduce<AddOnRow | undefined>((a, b) => (a && a.from >= b.from ? a : b), undefined);
    if (!latest) {
      return undefined;
    }
    const primaries = inForce.map((row) => row.primary).filter((primary) => primary !== contractorDefined);
    const notes = inForce.map((row) => row.note).filter((note) => note !== '');
    return {
      addOn: code,
      type: latest.type,
      primaries: latest.type === 2 ? [] : [...new Set(primaries)],
      notes: [...new Set(notes)],
    };
  }

  serialize(): Uint8Array {
    return packTable<EditionFacts & { rows: AddOnRow[] }>('add-on', { ...this.edition, rows: this.rows });
  }

  static deserialize(bytes: Uint8Array): AddOnCodeEdits {
    const { meta } = unpackTable<EditionFacts & { rows: AddOnRow[] }>('add-on', bytes);
    return new AddOnCodeEdits({ label: meta.label, applies: meta.applies, source: meta.source }, meta.rows);
  }
}

/** From the member's name (`AOC_V2026Q3`), else the zip's (`...-effective-07012026.zip`). */
function editionOf(name: string): EditionFacts {
  const member = aocName.exec(baseName(name));
  const zip = /effective-(\d\d)(\d\d)(\d{4})/i.exec(name);
  const year = Number(member?.[1] ?? zip?.[3]);
  const quarter = member ? Number(member[2]) : zip ? Math.floor((Number(zip[1]) - 1) / 3) + 1 : NaN;
  if (!Number.isInteger(year) || !Number.isInteger(quarter)) {
    return { label: `AOC (${baseName(name)})`, applies: {}, source: name };
  }
  return { label: `AOC ${year} Q${quarter}`, applies: { from: quarterStart(year, quarter) }, source: name };
}

/** The file's edits as a table, or why it gives none. */
function readEdition(file: DataFile): { table?: AddOnCodeEdits; report: LoadedFileReport } {
  const read = readFile(file);
  if (!read || read.rows.length === 0) {
    const why = read
      ? `No add-on code edit was understood in this file${read.notUnderstood.count > 0 ? ` (${read.notUnderstood.count} lines not understood: first at line ${read.notUnderstood.first[0]})` : ''}; it is not used.`
      : 'No header naming the edit type, add-on code, primary code and effective date columns was found; the file is not used.';
    return { report: { file: file.name, kind: 'add-on', rows: 0, problem: why } };
  }
  const table = new AddOnCodeEdits(editionOf(file.name), read.rows);
  return { table, report: reportOf(file, read, table.label) };
}

function readFile(file: DataFile): AddOnRead | undefined {
  const text = latin1Text(file.bytes);
  return /\.csv$/i.test(file.name) ? readCsvRows(csvRecords(text).records) : readTextRows(text);
}

function reportOf(file: DataFile, read: AddOnRead, label: string): LoadedFileReport {
  const report: LoadedFileReport = { file: file.name, kind: 'add-on', edition: label, rows: read.rows.length };
  const problem = joinProblems(
    linesNotUnderstood(read.notUnderstood.count, read.notUnderstood.first),
    read.preamble > 0
      ? `${read.preamble} ${read.preamble === 1 ? 'line' : 'lines'} before the first edit taken as a title.`
      : undefined,
  );
  if (problem) {
    report.problem = problem;
  }
  return report;
}

export const addOnEditsImporter: FileImporter<AddOnCodeEdits> = {
  kind: 'add-on',

  recognizes(candidate: FileCandidate): boolean {
    const name = baseName(candidate.name);
    return (
      aocName.test(name) ||
      (/\.csv$/i.test(name) && csvHeader.test(candidate.head) && /Primary Code/i.test(candidate.head))
    );
  },

  /** The text and spreadsheet forms of a quarter are one edition. */
  editionKey(candidate: FileCandidate): string {
    const match = aocName.exec(baseName(candidate.name));
    return match ? `aoc-${match[1]}q${match[2]}` : `aoc-${baseName(candidate.name).toLowerCase()}`;
  },

  import(files: readonly DataFile[]): ImportResult<AddOnCodeEdits> {
    const readable = files.filter((file) => !/\.xlsx$/i.test(file.name));
    const { table, reports } = firstTableOf(
      readable,
      'add-on',
      readEdition,
      (first) => `Not read: ${first.source} holds this quarter's edits.`,
    );
    for (const file of files.filter((candidate) => /\.xlsx$/i.test(candidate.name))) {
      reports.push({
        file: file.name,
        kind: 'add-on',
        problem: 'The spreadsheet is not read: read the .txt member of the same zip.',
      });
    }
    return table ? { table, reports } : { reports };
  },

  serialize: (table) => table.serialize(),
  deserialize: (bytes) => AddOnCodeEdits.deserialize(bytes),
};
