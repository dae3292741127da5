/**
 * The CMS HCPCS Level II alpha-numeric file (`HCPC2026_JAN_ANWEB_01122026.txt`
 * in `january-2026-alpha-numeric-hcpcs-file.zip`), released every quarter.
 * 320-character fixed-width records (CMS's record layout, `HCPC2026_recordlayout.txt`):
 * code 1-5 (a modifier is 4-5), record identification 11 (3: a code's first
 * record, 4: its continuation; 7 and 8 the same for a modifier), long
 * description 12-91, continued over the continuation records, short
 * description 92-119, and on first records only the added date 269-276, the
 * action effective date 277-284 and the termination date 285-292 (the last
 * date the code may be billed). Positions below are 0-based slices. Real
 * files have a blank last line and a record longer than 320 characters:
 * both read fine, since only the positions matter.
 */
import type { HcpcsCodeSet, HcpcsEntry, LoadedFileReport } from '../../service/index';
import type { DataFile, FileCandidate, FileImporter, ImportResult } from '../fileImporter';
import { baseName, fileLines, headLines, isoDate, repeatedCodes } from './fixedWidthText';
import { HcpcsTable, hcpcsLayoutVersion } from './hcpcsTable';
import { joinProblems, LineTally, linesNotUnderstood } from './importReports';

const field = {
  code: [0, 5],
  modifier: [3, 5],
  sequence: [5, 10],
  recordId: [10, 11],
  long: [11, 91],
  short: [91, 119],
  added: [268, 276],
  actionEffective: [276, 284],
  terminated: [284, 292],
} as const;
type FieldName = keyof typeof field;

const slice = (line: string, name: FieldName): string => line.slice(field[name][0], field[name][1]);

type RecordKind = 'code' | 'modifier';

interface HcpcsRecord {
  kind: RecordKind;
  /** A first record (3 or 7), not a continuation (4 or 8). */
  first: boolean;
  code: string;
  long: string;
  short: string;
  added?: string;
  actionEffective?: string;
  terminated?: string;
}

/** One record, or undefined when the line does not have the layout. */
export function hcpcsRecord(line: string): HcpcsRecord | undefined {
  const recordId = slice(line, 'recordId');
  if (line.length <= field.long[0] || !/^\d{5}$/.test(slice(line, 'sequence')) || !'3478'.includes(recordId)) {
    return undefined;
  }
  const kind: RecordKind = recordId === '3' || recordId === '4' ? 'code' : 'modifier';
  const code = kind === 'code' ? slice(line, 'code') : slice(line, 'modifier');
  const codeShape = kind === 'code' ? /^[A-Z0-9]{5}$/ : /^[A-Z0-9]{2}$/;
  if (!codeShape.test(code) || (kind === 'modifier' && line.slice(0, 3) !== '   ')) {
    return undefined;
  }
  const first = recordId === '3' || recordId === '7';
  return {
    kind,
    first,
    code,
    long: slice(line, 'long').trim(),
    short: first ? slice(line, 'short').trim() : '',
    added: first ? isoDate(slice(line, 'added')) : undefined,
    actionEffective: first ? isoDate(slice(line, 'actionEffective')) : undefined,
    terminated: first ? isoDate(slice(line, 'terminated')) : undefined,
  };
}

/** The four releases of a year, by the month they take effect. */
const quarters = ['JAN', 'APR', 'JUL', 'OCT'] as const;
type Quarter = (typeof quarters)[number];
const firstMonth: Record<Quarter, string> = { JAN: '01', APR: '04', JUL: '07', OCT: '10' };

interface Release {
  year: number;
  quarter: Quarter;
}

/** The release a name gives: `HCPC2026_JAN_...`, else the zip's `january-2026-...`. */
export function releaseOf(name: string): Release | undefined {
  const own = /HCPC(20\d\d)_?(JAN|APR|JUL|OCT)/i;
  const match = own.exec(baseName(name)) ?? own.exec(name);
  if (match) {
    return release(match[1], match[2]);
  }
  const zip = /(jan|apr|jul|oct)(?:uary|il|y|ober)[-_ ]?(20\d\d)/i.exec(name);
  return zip ? release(zip[2], zip[1]) : undefined;
}

function release(year: string | undefined, quarter: string | undefined): Release | undefined {
  const found = quarters.find((known) => known === quarter?.toUpperCase());
  return found === undefined ? undefined : { year: Number(year), quarter: found };
}

/** The release of the quarter holding a date, for a file whose name says nothing. */
function releaseOfDate(date: string): Release {
  const quarter = quarters[Math.floor((Number(date.slice(5, 7)) - 1) / 3)] ?? 'JAN';
  return { year: Number(date.slice(0, 4)), quarter };
}

function releaseLabel(release: Release): string {
  return `HCPCS ${release.year} ${release.quarter.slice(0, 1)}${release.quarter.slice(1).toLowerCase()}`;
}

interface Collected {
  codes: HcpcsEntry[];
  modifiers: HcpcsEntry[];
  latestEffective: string;
  /** Sentences for the report, absent when there is nothing to say. */
  problems: (string | undefined)[];
}

/** Records into entries: each first record with its continuations' text. */
function collect(lines: readonly string[]): Collected {
  const codes: HcpcsEntry[] = [];
  const modifiers: HcpcsEntry[] = [];
  const seen = { code: new Set<string>(), modifier: new Set<string>() };
  let latestEffective = '';
  const bad = new LineTally();
  let duplicates = 0;
  /** The entry whose continuations come next; a repeated code's are read and dropped with it. */
  let open: { kind: RecordKind; entry: HcpcsEntry; longParts: string[]; repeated: boolean } | undefined;
  const close = (): void => {
    if (open !== undefined && !open.repeated) {
      open.entry.long = open.longParts.filter((part) => part !== '').join(' ');
      (open.kind === 'code' ? codes : modifiers).push(open.entry);
    }
    open = undefined;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      return;
    }
    const record = hcpcsRecord(line);
    if (record !== undefined && !record.first && open?.kind === record.kind && open.entry.code === record.code) {
      open.longParts.push(record.long);
      return;
    }
    if (record === undefined || !record.first) {
      // A continuation with no first record before it is as unreadable as a line of another layout.
      bad.add(index + 1);
      return;
    }
    close();
    const repeated = seen[record.kind].has(record.code);
    duplicates += repeated ? 1 : 0;
    seen[record.kind].add(record.code);
    latestEffective =
      record.actionEffective !== undefined && record.actionEffective > latestEffective
        ? record.actionEffective
        : latestEffective;
    const entry: HcpcsEntry = { code: record.code, long: '', short: record.short };
    if (record.added !== undefined) {
      entry.added = record.added;
    }
    if (record.terminated !== undefined) {
      entry.terminated = record.terminated;
    }
    open = { kind: record.kind, entry, longParts: [record.long], repeated };
  });
  close();
  const problems = [linesNotUnderstood(bad.count, bad.first), repeatedCodes(duplicates)];
  return { codes, modifiers, latestEffective, problems };
}

function readHcpcsFile(file: DataFile): { table?: HcpcsTable; report: LoadedFileReport } {
  const { codes, modifiers, latestEffective, problems } = collect(fileLines(file.bytes));
  if (codes.length === 0 && modifiers.length === 0) {
    return { report: { file: file.name, kind: 'hcpcs', problem: 'No HCPCS records were found.' } };
  }
  let release = releaseOf(file.name);
  if (release === undefined && latestEffective !== '') {
    release = releaseOfDate(latestEffective);
    problems.push(
      `The name does not say the release (as HCPC2026_JAN_ANWEB.txt does), so it was taken from the latest effective date in the file, ${latestEffective}.`,
    );
  }
  if (release === undefined) {
    return {
      report: {
        file: file.name,
        kind: 'hcpcs',
        problem: 'The release could not be read from the name or the dates; keep the name CMS gives it.',
      },
    };
  }
  const label = releaseLabel(release);
  const applies = { from: `${release.year}-${firstMonth[release.quarter]}-01` };
  const table = HcpcsTable.build({ label, applies, source: file.name }, codes, modifiers);
  const report: LoadedFileReport = {
    file: file.name,
    kind: 'hcpcs',
    edition: label,
    rows: codes.length + modifiers.length,
  };
  const problem = joinProblems(...problems);
  if (problem !== undefined) {
    report.problem = problem;
  }
  return { table, report };
}

/** How many of the head's records must have the layout (all of them, up to this many). */
const recordsToRecognize = 5;

export const hcpcsFileImporter: FileImporter<HcpcsCodeSet> = {
  kind: 'hcpcs',
  /** The cache layout of `hcpcsTable.ts`: entries of an older layout are imported again. */
  formatVersion: hcpcsLayoutVersion,

  recognizes(candidate: FileCandidate): boolean {
    const lines = headLines(candidate.head).slice(0, recordsToRecognize);
    return lines.length > 0 && lines.every((line) => hcpcsRecord(line) !== undefined);
  },

  editionKey(candidate: FileCandidate): string {
    const release = releaseOf(candidate.name);
    return release === undefined ? candidate.name : releaseLabel(release);
  },

  /** One release: the first file that reads; any other file of the same release is reported, not read. */
  import(files: readonly DataFile[]): ImportResult<HcpcsCodeSet> {
    const reports: LoadedFileReport[] = [];
    let table: HcpcsTable | undefined;
    for (const file of files) {
      if (table !== undefined) {
        reports.push({ file: file.name, kind: 'hcpcs', problem: `Not read: ${table.source} holds the same release.` });
        continue;
      }
      const read = readHcpcsFile(file);
      table = read.table;
      reports.push(read.report);
    }
    return { table, reports };
  },

  serialize(table: HcpcsCodeSet): Uint8Array {
    if (!(table instanceof HcpcsTable)) {
      throw new TypeError('only a table this importer built can be cached');
    }
    return table.serialize();
  },

  deserialize: (bytes: Uint8Array): HcpcsCodeSet => HcpcsTable.deserialize(bytes),
};
