/**
 * The files of a data folder: a bounded walk (depth, count) that never opens
 * anything but a regular file, and a guarded read of one file's bytes. The
 * folder is the user's download folder, so it may hold anything: pipes,
 * devices, links in a loop, huge files. Files are read by the one guarded
 * reader (`shared/src/guardedFile.ts`): nothing here blocks on a pipe, reads
 * without bound or throws to the caller.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  describeFileError,
  describeNonRegular,
  type FileBytes,
  pathProblem,
  readFileBytes as readGuardedBytes,
} from '../../../shared/src/guardedFile';

export type { FileBytes };

export interface FolderLimits {
  /** Subfolders below the data folder that are still read (CMS zips unpacked by hand sit one or two deep). */
  maxDepth: number;
  /** Files read at most: a year of every CMS file is about 40; more means the folder is not a data folder. */
  maxFiles: number;
  /**
   * A zip larger than this is not read. The largest official download, a PTP
   * quarter's file, is about 20 MB zipped; three times that leaves room for
   * growth while a zip read whole into memory stays small.
   */
  maxZipBytes: number;
  /**
   * A loose file, or a zip member once inflated, larger than this is not read.
   * The largest official text files (PTP, the ICD-10-CM order file, PPRRVU)
   * are 15 to about 100 MB; 256 MB leaves room while bounding what a zip bomb
   * or a stray disk image can make the server hold.
   */
  maxFileBytes: number;
  /** Members of one zip looked at, at most (CMS zips hold 2 to 10). */
  maxZipMembers: number;
}

export const folderLimits: FolderLimits = {
  maxDepth: 3,
  maxFiles: 200,
  maxZipBytes: 64 * 1024 * 1024,
  maxFileBytes: 256 * 1024 * 1024,
  maxZipMembers: 100,
};

/** A regular file found in the folder. */
export interface FolderFile {
  path: string;
  /** Relative to the data folder, with `/`: how reports name it. */
  name: string;
  size: number;
}

/** A folder entry not read, and why (a sentence). */
export interface SkippedEntry {
  name: string;
  reason: string;
}

export interface FolderListing {
  files: FolderFile[];
  skipped: SkippedEntry[];
  /** Why the folder itself cannot be read; no files then. */
  problem?: string;
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Hidden files and the `__MACOSX` copies a Mac's zip tool adds say nothing to a user. */
export function isHiddenName(name: string): boolean {
  return name.split('/').some((part) => part.startsWith('.') || part === '__MACOSX');
}

/** Every regular file under `folder`, in name order, within the limits; what was left out and why. */
export function listFolder(folder: string, limits: FolderLimits = folderLimits): FolderListing {
  const refused = pathProblem(folder);
  if (refused) {
    return { files: [], skipped: [], problem: refused };
  }
  let stats: fs.Stats;
  try {
    stats = fs.statSync(folder);
  } catch (error) {
    return { files: [], skipped: [], problem: describeFileError(errorCode(error)) };
  }
  if (!stats.isDirectory()) {
    return { files: [], skipped: [], problem: 'it is not a folder.' };
  }
  const listing: FolderListing = { files: [], skipped: [] };
  const visited = new Set<string>();
  let tooMany = false;
  const walk = (dir: string, prefix: string, depth: number): void => {
    let real: string;
    let entries: string[];
    try {
      real = fs.realpathSync.native(dir);
      entries = fs.readdirSync(dir).sort();
    } catch (error) {
      listing.skipped.push({ name: prefix || '.', reason: `the folder ${describeFileError(errorCode(error))}` });
      return;
    }
    // A link back to a folder already read would read it twice (or forever).
    if (visited.has(real)) {
      return;
    }
    visited.add(real);
    for (const entry of entries) {
      const name = prefix + entry;
      if (isHiddenName(entry)) {
        continue;
      }
      const full = path.join(dir, entry);
      let entryStats: fs.Stats;
      try {
        // A stat follows links: a link to a pipe is a pipe.
        entryStats = fs.statSync(full);
      } catch (error) {
        listing.skipped.push({ name, reason: describeFileError(errorCode(error)) });
        continue;
      }
      if (entryStats.isDirectory()) {
        if (depth < limits.maxDepth) {
          walk(full, `${name}/`, depth + 1);
        } else {
          listing.skipped.push({ name, reason: `it is a folder more than ${limits.maxDepth} levels deep.` });
        }
        continue;
      }
      const notRegular = describeNonRegular(entryStats);
      if (notRegular) {
        listing.skipped.push({ name, reason: notRegular });
      } else if (listing.files.length >= limits.maxFiles) {
        tooMany = true;
      } else {
        listing.files.push({ path: full, name, size: entryStats.size });
      }
    }
  };
  walk(folder, '', 0);
  if (tooMany) {
    listing.skipped.push({
      name: '.',
      reason: `the folder holds more than ${limits.maxFiles} files; only the first ${limits.maxFiles} are read.`,
    });
  }
  return listing;
}

/** The bytes of a regular file of the folder, at most `maxBytes`, read with the data files' guard. */
export function readFileBytes(file: string, maxBytes: number): FileBytes {
  return readGuardedBytes(file, maxBytes, (size) => tooLarge(size, maxBytes));
}

export function tooLarge(size: number, maxBytes: number): string {
  return `it is ${megabytes(size)}, more than the ${megabytes(maxBytes)} a file of this kind may be.`;
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}
