/**
 * The data folder reader: the user's folder of official downloads becomes
 * the `OfficialData` the language service reads. Every file (and every member
 * of every zip) is offered to the importers by name and first lines; the
 * first that recognises one takes it; files of one edition are imported
 * together; each kind's editions are put in date order. Every file gets a
 * report: what it was recognised as, its edition and rows, or why it was not
 * used. Never throws and never logs; the server and `claim-lint` say what
 * the reports say.
 *
 * The work is a generator of steps (a folder file read, an edition imported),
 * so the server can answer requests between them (`dataFiles/dataFolderLoader.ts`)
 * and the command line can run it straight through (`loadDataFolderNow`).
 */
import type { LoadedFileReport, OfficialData, OfficialKind, OfficialTable } from '../service/index';
import { allImporters } from './allImporters';
import type { DataFile, FileImporter } from './fileImporter';
import {
  candidateOf,
  contentsOf,
  isQuietlySkipped,
  isSpreadsheet,
  lowerCaseNames,
  readFolderFileBytes,
} from './folderEntries';
import { type FolderFile, type FolderLimits, folderLimits, listFolder } from './folderFiles';
import { cacheFormatVersion, type RecognisedMember, sha256, TableCache } from './tableCache';
import { tablesOf } from './officialTables';

export interface DataFolderOptions {
  /** The importers, first match wins; default: every importer of the product. Tests pass their own. */
  importers?: readonly FileImporter[];
  /** Where imported tables are cached; absent: nothing is cached. */
  cacheFolder?: string;
  limits?: FolderLimits;
}

/** The folder's data, and why the folder itself could not be read, when it could not. */
export interface DataFolderData extends OfficialData {
  readonly folder: string;
  readonly problem?: string;
}

export const notAProductFile = 'not a file this product reads.';
export const noProductFileInZip = 'the zip holds no file this product reads.';
const spreadsheetAlone =
  'an Excel workbook: this product reads the text or CSV copy of a file, which CMS ships beside the workbook.';

/** The files of the folder one importer recognised as one edition. */
interface EditionGroup {
  importer: number;
  editionKey: string;
  /** Each recognised file: which folder file holds it, and its contents' hash. */
  members: Array<{ name: string; folderFile: FolderFile; fileHash: string }>;
}

/** Runs the steps to their end, here and now (the command line). */
export function loadDataFolderNow(folder: string, options: DataFolderOptions = {}): DataFolderData {
  const steps = dataFolderSteps(folder, options);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) {
      return step.value;
    }
  }
}

export function* dataFolderSteps(folder: string, options: DataFolderOptions = {}): Generator<void, DataFolderData> {
  try {
    return yield* readFolder(folder, options);
  } catch (error) {
    // Not expected (every file problem is a report), but a caller is promised an answer, not an exception.
    return {
      ...tablesOf([], []),
      folder,
      problem: `the folder could not be read (${error instanceof Error ? error.name : 'unknown error'}).`,
    };
  }
}

function* readFolder(folder: string, options: DataFolderOptions): Generator<void, DataFolderData> {
  const importers = options.importers ?? allImporters;
  const limits = options.limits ?? folderLimits;
  const cache = new TableCache(options.cacheFolder);
  const listing = listFolder(folder, limits);
  if (listing.problem) {
    return { ...tablesOf([], []), folder, problem: listing.problem };
  }
  const reports: LoadedFileReport[] = listing.skipped.map(({ name, reason }) => ({ file: name, problem: reason }));
  const siblings = lowerCaseNames(listing.files.map((file) => file.name));
  const groups = new Map<string, EditionGroup>();
  // Recognition depends on every importer and its order: a manifest is valid for this exact list.
  const importerKinds = importers.map((importer) => `${importer.kind}@${importer.formatVersion ?? 0}`).join(',');
  for (const folderFile of listing.files) {
    if (isQuietlySkipped(folderFile.name, siblings)) {
      continue;
    }
    const recognised = recogniseFolderFile(folderFile, importers, importerKinds, limits, cache, reports);
    for (const member of recognised.members) {
      if (member.importer === undefined || member.editionKey === undefined) {
        continue;
      }
      const groupKey = `${member.importer}\0${member.editionKey}`;
      const group = groups.get(groupKey) ?? { importer: member.importer, editionKey: member.editionKey, members: [] };
      group.members.push({ name: member.name, folderFile, fileHash: recognised.fileHash });
      groups.set(groupKey, group);
    }
    yield;
  }
  const tables: OfficialTable[] = [];
  for (const group of groups.values()) {
    const importer = importers[group.importer];
    if (importer) {
      const imported = importGroup(group, importer, limits, cache);
      reports.push(...imported.reports);
      if (imported.table) {
        tables.push(imported.table);
      }
    }
    yield;
  }
  cache.prune();
  reports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { ...tablesOf(tables, reports), folder };
}

/**
 * What the importers recognise in one folder file: from the cache when its
 * contents were looked at before, else by reading it (a zip's members
 * inflated). Problems go straight into `reports`.
 */
function recogniseFolderFile(
  folderFile: FolderFile,
  importers: readonly FileImporter[],
  importerKinds: string,
  limits: FolderLimits,
  cache: TableCache,
  reports: LoadedFileReport[],
): { members: RecognisedMember[]; fileHash: string } {
  const read = readFolderFileBytes(folderFile, limits);
  if (!read.ok) {
    reports.push({ file: folderFile.name, problem: read.reason });
    return { members: [], fileHash: '' };
  }
  // The file's bytes as they are on disk: a zip is hashed, not inflated, when the cache knows it.
  const fileHash = sha256(read.bytes);
  const membersKey = sha256(String(cacheFormatVersion), 'members', importerKinds, fileHash);
  let recognised = cache.readMembers(membersKey);
  if (!recognised) {
    const contents = contentsOf(folderFile.name, read.bytes, limits);
    recognised = {
      members: contents.files.map((file) => recognise(file, importers)),
      problems: contents.problems,
      isZip: contents.isZip,
    };
    cache.writeMembers(membersKey, recognised);
  }
  recognised.problems.forEach(({ name, reason }) => reports.push({ file: name, problem: reason }));
  const { members, isZip } = recognised;
  for (const member of members.filter((m) => m.importer === undefined)) {
    if (!isZip) {
      reports.push({ file: member.name, problem: isSpreadsheet(member.name) ? spreadsheetAlone : notAProductFile });
    }
  }
  // A zip's other members (record layouts, notes) beside a recognised file are its companions: no report each.
  if (isZip && recognised.problems.length === 0 && !members.some((member) => member.importer !== undefined)) {
    reports.push({ file: folderFile.name, problem: noProductFileInZip });
  }
  return { members, fileHash };
}

function recognise(file: DataFile, importers: readonly FileImporter[]): RecognisedMember {
  const candidate = candidateOf(file);
  for (const [index, importer] of importers.entries()) {
    try {
      if (importer.recognizes(candidate)) {
        return { name: file.name, importer: index, editionKey: importer.editionKey(candidate) };
      }
    } catch {
      // An importer that fails on a file does not recognise it; the next may.
    }
  }
  return { name: file.name };
}

/** One edition: deserialised from the cache when its files' contents were imported before, else imported (and cached). */
function importGroup(
  group: EditionGroup,
  importer: FileImporter,
  limits: FolderLimits,
  cache: TableCache,
): { table?: OfficialTable; reports: LoadedFileReport[] } {
  const names = group.members.map((member) => member.name);
  const tableKey = sha256(
    String(cacheFormatVersion),
    'table',
    importer.kind,
    String(importer.formatVersion ?? 0),
    group.editionKey,
    ...group.members.flatMap((member) => [member.name, member.fileHash]),
  );
  const cached = cache.readTable(tableKey);
  if (cached) {
    try {
      return { table: importer.deserialize(cached.bytes), reports: cached.reports };
    } catch {
      // A corrupt entry (or one an older importer wrote): imported again below, and written again.
    }
  }
  const files = readMembers(group, limits);
  if (files.length < names.length) {
    // A file changed or vanished between the two reads: the next load will see it as it is now.
    return { reports: names.map((file) => ({ file, kind: importer.kind, problem: 'it changed while it was read.' })) };
  }
  let imported: ReturnType<FileImporter['import']>;
  try {
    imported = importer.import(files);
  } catch (error) {
    // Only the error's type: its message could quote the file.
    const problem = `it could not be imported (${error instanceof Error ? error.name : 'unknown error'}).`;
    return { reports: names.map((file) => ({ file, kind: importer.kind, problem })) };
  }
  const reports = completeReports(names, importer.kind, imported.table, imported.reports);
  if (imported.table) {
    try {
      cache.writeTable(tableKey, { reports, bytes: importer.serialize(imported.table) });
    } catch {
      // A table that cannot be serialised is still used; it is imported again next time.
    }
  }
  return imported.table ? { table: imported.table, reports } : { reports };
}

/**
 * The group's files read again, one folder file at a time, so only one
 * edition's bytes are held at once. A folder file whose bytes are no longer
 * those recognised (and keyed) gives nothing: the caller says it changed.
 */
function readMembers(group: EditionGroup, limits: FolderLimits): DataFile[] {
  const wanted = new Set(group.members.map((member) => member.name));
  const folderFiles = new Map(group.members.map((member) => [member.folderFile, member.fileHash]));
  return [...folderFiles].flatMap(([folderFile, fileHash]) => {
    const read = readFolderFileBytes(folderFile, limits);
    if (!read.ok || sha256(read.bytes) !== fileHash) {
      return [];
    }
    return contentsOf(folderFile.name, read.bytes, limits).files.filter((file) => wanted.has(file.name));
  });
}

/** Every file of the group reported, with its kind, and its edition when the import gave a table. */
function completeReports(
  names: readonly string[],
  kind: OfficialKind,
  table: OfficialTable | undefined,
  given: readonly LoadedFileReport[],
): LoadedFileReport[] {
  return names.map((file) => {
    const report: LoadedFileReport = { ...given.find((r) => r.file === file), file, kind };
    // A file the importer read rows of, or said nothing against, gave the edition; one it set aside did not.
    if (table && report.edition === undefined && (report.problem === undefined || report.rows !== undefined)) {
      report.edition = table.label;
    }
    if (!table && report.problem === undefined) {
      report.problem = 'nothing in it could be used.';
    }
    return report;
  });
}
