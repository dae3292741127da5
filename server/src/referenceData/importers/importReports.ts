/** What an importer says about the lines of a file it could not use, in the words of the reports. */
import type { LoadedFileReport, OfficialKind } from '../../service/index';
import type { DataFile } from '../fileImporter';

/** How many line numbers of bad rows a report quotes. */
export const quotedBadLines = 5;

/** The lines of a file that were not understood: how many, and the first few. */
export class LineTally {
  count = 0;
  readonly first: number[] = [];

  add(line: number): void {
    this.count++;
    if (this.first.length < quotedBadLines) {
      this.first.push(line);
    }
  }
}

/** `3 lines not understood (line 8, 9, 12); they are left out.`, or undefined when there were none. */
export function linesNotUnderstood(count: number, firstLines: readonly number[]): string | undefined {
  if (count === 0) {
    return undefined;
  }
  const more = count > firstLines.length ? ', ...' : '';
  const noun = count === 1 ? 'line' : 'lines';
  return `${count.toLocaleString('en-US')} ${noun} not understood (line ${firstLines.join(', ')}${more}); ${count === 1 ? 'it is' : 'they are'} left out.`;
}

/** Two sentences of a report as one, either possibly absent. */
export function joinProblems(...problems: (string | undefined)[]): string | undefined {
  const present = problems.filter((problem): problem is string => problem !== undefined && problem !== '');
  return present.length === 0 ? undefined : present.join(' ');
}

/** A file's bytes as text: the CMS files are Latin-1 (ASCII in practice). */
export function latin1Text(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/^\uFEFF|^ï»¿/, '');
}

/**
 * An edition published as one file but handed over as several (the same edition saved twice, a release's QPP and
 * nonQPP files): the files are read in order until one gives a table, and those after it are reported as not read,
 * `notRead` saying why.
 */
export function firstTableOf<T extends { source: string }>(
  files: readonly DataFile[],
  kind: OfficialKind,
  read: (file: DataFile) => { table?: T | undefined; report: LoadedFileReport },
  notRead: (table: T) => string,
): { table?: T; reports: LoadedFileReport[] } {
  const reports: LoadedFileReport[] = [];
  let table: T | undefined;
  for (const file of files) {
    if (table) {
      reports.push({ file: file.name, kind, problem: notRead(table) });
      continue;
    }
    const result = read(file);
    table = result.table;
    reports.push(result.report);
  }
  return table ? { table, reports } : { reports };
}
