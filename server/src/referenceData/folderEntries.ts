/**
 * What each file of the data folder holds for the importers: a loose file is
 * one `DataFile`, a zip is its members. Documentation (the format PDFs, Word
 * files and the Excel copies CMS zips beside each text file) is left out
 * before anything is inflated: no importer reads it, and a user does not need
 * to be told about each one.
 */
import { ZipProblem, zipMembers } from './zipMembers';
import type { DataFile, FileCandidate } from './fileImporter';
import {
  type FileBytes,
  type FolderFile,
  type FolderLimits,
  isHiddenName,
  readFileBytes,
  tooLarge,
} from './folderFiles';

/** What an importer sees of a file: its first 8 KB, as Latin-1 (every byte one character). */
export const headBytes = 8 * 1024;

const documentationExtensions = new Set(['pdf', 'doc', 'docx', 'rtf', 'htm', 'html', 'md', 'png', 'jpg', 'gif']);
const spreadsheetExtensions = new Set(['xlsx', 'xls']);

function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot < 0 ? '' : base.slice(dot + 1).toLowerCase();
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > name.lastIndexOf('/') ? name.slice(0, dot) : name;
}

export function isZipName(name: string): boolean {
  return extensionOf(name) === 'zip';
}

/**
 * Whether a name is documentation the user need not hear about: PDFs and
 * Word files always; an Excel workbook when a text or CSV file of the same
 * name sits beside it (CMS ships both; the text copy is read). A workbook
 * alone is reported, since the user may expect it to be read.
 */
export function isQuietlySkipped(name: string, siblings: ReadonlySet<string>): boolean {
  const extension = extensionOf(name);
  if (isHiddenName(name) || documentationExtensions.has(extension)) {
    return true;
  }
  if (!spreadsheetExtensions.has(extension)) {
    return false;
  }
  const base = withoutExtension(name).toLowerCase();
  return ['txt', 'csv'].some((text) => siblings.has(`${base}.${text}`));
}

export function isSpreadsheet(name: string): boolean {
  return spreadsheetExtensions.has(extensionOf(name));
}

/** Lower-case names, for `isQuietlySkipped`'s sibling test. */
export function lowerCaseNames(names: Iterable<string>): Set<string> {
  return new Set([...names].map((name) => name.toLowerCase()));
}

export function candidateOf(file: DataFile): FileCandidate {
  const head = file.bytes.subarray(0, headBytes);
  return { name: file.name, head: Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1') };
}

/** The files one folder file holds, and the entries of it that cannot be read (each with a reason). */
export interface FolderFileContents {
  files: DataFile[];
  problems: Array<{ name: string; reason: string }>;
  /** True for a zip: its unrecognised members are its companions (layouts, notes), not worth a report each. */
  isZip: boolean;
}

/** A folder file's bytes as they are on disk (a zip not inflated), within the cap for its kind. */
export function readFolderFileBytes(file: FolderFile, limits: FolderLimits): FileBytes {
  return readFileBytes(file.path, isZipName(file.name) ? limits.maxZipBytes : limits.maxFileBytes);
}

/** What a folder file's bytes hold: a loose file is itself, a zip its members (documentation left out). */
export function contentsOf(name: string, bytes: Uint8Array, limits: FolderLimits): FolderFileContents {
  return isZipName(name) ? zipContents(name, bytes, limits) : { files: [{ name, bytes }], problems: [], isZip: false };
}

/** A zip's members, documentation and oversized members left out (the latter reported). */
export function zipContents(zipName: string, bytes: Uint8Array, limits: FolderLimits): FolderFileContents {
  const problems: FolderFileContents['problems'] = [];
  const seen: string[] = [];
  let looked = 0;
  try {
    // Members are chosen in two passes of the central directory's names: the first learns every name (for the
    // Excel copies' siblings) and inflates nothing.
    zipMembers(zipName, bytes, (member) => {
      seen.push(member);
      return false;
    });
    const siblings = lowerCaseNames(seen);
    const files = zipMembers(zipName, bytes, (member, size) => {
      if (isQuietlySkipped(member, siblings)) {
        return false;
      }
      if (++looked > limits.maxZipMembers) {
        return false;
      }
      if (size !== undefined && size > limits.maxFileBytes) {
        problems.push({ name: `${zipName}/${member}`, reason: tooLarge(size, limits.maxFileBytes) });
        return false;
      }
      return true;
    });
    if (looked > limits.maxZipMembers) {
      problems.push({
        name: zipName,
        reason: `it holds more than ${limits.maxZipMembers} files; only the first ${limits.maxZipMembers} are read.`,
      });
    }
    return { files, problems, isZip: true };
  } catch (error) {
    const reason =
      error instanceof ZipProblem
        ? `unreadable zip: ${error.message}`
        : `unreadable zip: it could not be opened (${error instanceof Error ? error.name : 'unknown error'}).`;
    return { files: [], problems: [{ name: zipName, reason }], isZip: true };
  }
}
