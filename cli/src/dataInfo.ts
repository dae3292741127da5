/**
 * `claim-lint --data-info`: what the data folder gives, one line per
 * edition (its dates, rows and files) and one per file it could not use, so
 * a user can see what a run will check against before running it. Exit 0,
 * or 2 when the folder cannot be read.
 */
import * as path from 'node:path';
import type { ConfigResolver } from './config';
import type { DataFolderData } from '../../server/src/referenceData/dataFolder';
import { loadedEditions } from '../../server/src/referenceData/officialTables';
import type { ClaimSettings, DateSpan } from '../../server/src/service';
import { readSettings } from '../../server/src/service';

export interface DataInfoIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

function withCommas(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function dates(applies: DateSpan): string {
  if (applies.from !== undefined && applies.to !== undefined) {
    return `${applies.from} to ${applies.to}`;
  }
  if (applies.from !== undefined) {
    return `from ${applies.from}`;
  }
  return applies.to !== undefined ? `until ${applies.to}` : 'any date';
}

/** The lines `--data-info` prints for a folder that could be read. */
export function dataInfoLines(data: DataFolderData): string[] {
  const lines = [`Data folder ${data.folder}`];
  const editions = loadedEditions(data);
  if (editions.length === 0) {
    lines.push('  No edition loaded: the bundled data alone is used.');
  }
  for (const table of editions) {
    const files = data.files.filter((file) => file.edition === table.label && file.kind === table.kind);
    const rows = files.reduce((sum, file) => sum + (file.rows ?? 0), 0);
    const counted = files.some((file) => file.rows !== undefined) ? `, ${withCommas(rows)} rows` : '';
    const from = files.length > 0 ? files.map((file) => file.file).join(', ') : table.source;
    lines.push(`  ${table.label} (${dates(table.applies)}${counted}): ${from}`);
  }
  const problems = data.files.filter((file) => file.problem !== undefined);
  if (problems.length > 0) {
    lines.push('Not used, or not fully:');
    problems.forEach((file) => lines.push(`  ${file.file}: ${file.problem ?? ''}`));
  }
  return lines;
}

/** Prints what the data folder gives; the folder is `--data`, else the `dataFolder` of the config for `cwd`. */
export function printDataInfo(configs: ConfigResolver, io: DataInfoIo): number {
  const configFile = configs.configFileFor(io.cwd);
  let settings: ClaimSettings;
  try {
    settings = configFile === undefined ? readSettings({}) : configs.configFor(path.join(io.cwd, 'x.claim')).settings;
  } catch (error) {
    io.stderr(`claim-lint: ${error instanceof Error ? error.message : 'the config cannot be read'}\n`);
    return 2;
  }
  const folder = configs.dataFolderFor(configFile, settings);
  if (folder === undefined) {
    void io.stdout('No data folder (--data, or dataFolder in .claimlintrc.json): the bundled data alone is used.\n');
    return 0;
  }
  const data = configs.officialData(folder);
  if (data.problem !== undefined) {
    io.stderr(`claim-lint: cannot read data folder ${folder}: ${data.problem}\n`);
    return 2;
  }
  void io.stdout(`${dataInfoLines(data).join('\n')}\n`);
  return 0;
}
