/**
 * The claim files of the workspace folders, for workspace problems and find
 * references: found by walking the folders, read guarded as data files are
 * (`shared/src/guardedFile.ts`). A walk never follows a linked folder (no loops, no
 * wandering out of the workspace), skips the folders no one keeps claims in
 * (`node_modules`, `.git` and every other hidden folder), and stops at a cap
 * of files and of entries visited. A file is opened only after a stat says it
 * is a regular file (never a pipe or device), read without blocking, and
 * refused above a size; in an untrusted workspace a link leading out of the
 * folders is not read.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isInsideAny, textOf } from '../../../shared/src/dataFileReader';
import {
  describeFileError,
  describeNonRegular,
  errorCode,
  pathProblem,
  readFileBytesAsync,
} from '../../../shared/src/guardedFile';

/** The extensions package.json gives the `claim` and `x12` languages. */
export const claimFileExtensions: readonly string[] = ['.claim', '.837', '.x12', '.edi'];
/** More claim files than this are not checked: a scan of them takes minutes and the Problems panel is no help past it. */
const maxWorkspaceClaimFiles = 10_000;
/** A walk stops after this many folder entries, so a workspace holding a whole disk does not scan for ever. */
const maxEntriesVisited = 500_000;
/** Folders no one keeps claim files in, skipped with every hidden folder. */
const skippedFolderNames = new Set(['node_modules', 'bower_components']);

interface ClaimFileListing {
  /** Absolute paths, sorted, each once. */
  files: string[];
  /** Why the walk stopped early, when it did: a sentence for the user. */
  truncated?: string;
}

function isClaimFileName(name: string): boolean {
  const extension = path.extname(name).toLowerCase();
  return claimFileExtensions.includes(extension);
}

/** The language id the editor gives the file: `.claim` files are `claim`, the others X12 (the service reads any ISA text as X12 too). */
export function languageIdOf(file: string): 'claim' | 'x12' {
  return path.extname(file).toLowerCase() === '.claim' ? 'claim' : 'x12';
}

export function fileUriOf(file: string): string {
  return pathToFileURL(file).toString();
}

function isSkippedFolder(name: string): boolean {
  return name.startsWith('.') || skippedFolderNames.has(name);
}

/** Whether a linked claim file may be read: it must be a regular file, and inside the folders unless the workspace is trusted. */
async function linkedFileUsable(file: string, folders: readonly string[], trusted: boolean): Promise<boolean> {
  try {
    const stats = await fs.promises.stat(file);
    return stats.isFile() && (trusted || isInsideAny(file, folders));
  } catch {
    return false;
  }
}

/** The claim files under the folders, breadth first, within the caps. Folders that cannot be read are skipped. */
export async function listClaimFiles(
  folders: readonly string[],
  options: { trusted: boolean; maxFiles?: number; maxEntries?: number },
): Promise<ClaimFileListing> {
  const maxFiles = options.maxFiles ?? maxWorkspaceClaimFiles;
  const maxEntries = options.maxEntries ?? maxEntriesVisited;
  const found = new Set<string>();
  const queue = folders.filter((folder) => pathProblem(folder) === undefined).map((folder) => path.resolve(folder));
  const visitedFolders = new Set<string>();
  let entries = 0;
  while (queue.length > 0) {
    const folder = queue.shift() as string;
    // Nested workspace folders would be walked twice.
    if (visitedFolders.has(folder)) {
      continue;
    }
    visitedFolders.add(folder);
    let dirents: fs.Dirent[];
    try {
      dirents = await fs.promises.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const dirent of dirents) {
      entries += 1;
      if (entries > maxEntries) {
        return {
          files: [...found].sort(),
          truncated: `the walk stopped after ${maxEntries.toLocaleString('en-US')} files and folders`,
        };
      }
      const full = path.join(folder, dirent.name);
      if (dirent.isDirectory()) {
        if (!isSkippedFolder(dirent.name)) {
          queue.push(full);
        }
      } else if (
        isClaimFileName(dirent.name) &&
        (dirent.isFile() || (dirent.isSymbolicLink() && (await linkedFileUsable(full, folders, options.trusted))))
      ) {
        if (found.size >= maxFiles) {
          return {
            files: [...found].sort(),
            truncated: `the workspace holds more than ${maxFiles.toLocaleString('en-US')} claim files`,
          };
        }
        found.add(full);
      }
    }
  }
  return { files: [...found].sort() };
}

/** What a claim file on disk is now: a stamp that changes when it does, its size, or why it cannot be read. */
type ClaimFileState = { ok: true; stamp: string; size: number } | { ok: false; reason: string };

export async function claimFileState(file: string): Promise<ClaimFileState> {
  const refused = pathProblem(file);
  if (refused) {
    return { ok: false, reason: refused };
  }
  try {
    const stats = await fs.promises.stat(file);
    const notRegular = describeNonRegular(stats);
    return notRegular
      ? { ok: false, reason: notRegular }
      : { ok: true, stamp: `${stats.size}:${stats.mtimeMs}:${stats.ino}`, size: stats.size };
  } catch (error) {
    return { ok: false, reason: describeFileError(errorCode(error)) };
  }
}

type ClaimFileText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The text of a claim file of at most `maxBytes`, read by the one guarded
 * reader: never a pipe or device (a link is judged by its target), without
 * blocking the event loop, and never past the cap.
 */
export async function readClaimFile(file: string, maxBytes: number): Promise<ClaimFileText> {
  const read = await readFileBytesAsync(
    file,
    maxBytes,
    () => `it is larger than ${Math.round(maxBytes / 1_000_000)} MB`,
  );
  if (!read.ok) {
    return { ok: false, reason: read.reason };
  }
  const text = textOf(read.bytes);
  return text.ok ? text : { ok: false, reason: text.reason };
}
