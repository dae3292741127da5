/**
 * The disk cache of imported tables, so a restart does not import again: a
 * PTP quarter takes seconds to import and milliseconds to deserialize. Every
 * key is a sha256 of file contents (never of paths or times), so a changed
 * download is imported again and a renamed one is not. Two kinds of entry:
 *
 * - `<key>.members.json`: what the importers recognised in one folder file
 *   (for a zip, each member's kind and edition key), keyed by the file's
 *   bytes as they are on disk, so a restart hashes each download but
 *   inflates no zip to look at its members' first lines again;
 * - `<key>.table`: one edition's table as its importer serialised it, with
 *   the reports of its import (rows, problems) in front.
 *
 * The cache is an optimisation: an entry that cannot be read or does not
 * parse is ignored (and written again), and a cache folder that cannot be
 * written is no error. Entries are written whole to a temporary name and
 * renamed, so two processes sharing the folder never read half an entry.
 * Bounded: each load touches the entries it used, and removes entries no load
 * has used for `unusedDays` days (a folder's old quarters, a folder no longer
 * set); only files named like entries are ever removed.
 */
import { constants as bufferConstants } from 'node:buffer';
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readFileBytes } from '../../../shared/src/guardedFile';
import type { LoadedFileReport } from '../service/index';

/** Raised when what an entry holds, or how keys are made, changes: old entries then simply stop matching. */
export const cacheFormatVersion = 1;
export const unusedDays = 30;
const entryPattern = /^[0-9a-f]{64}\.(members\.json|table)$/;

export function sha256(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    // A separator, so ['ab', 'c'] and ['a', 'bc'] differ.
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** A member of a folder file as its importer recognised it (`importer` absent: none did). */
export interface RecognisedMember {
  name: string;
  importer?: number;
  editionKey?: string;
}

/** What the importers recognised in one folder file, and what of it could not be read. */
export interface RecognisedFile {
  members: RecognisedMember[];
  problems: Array<{ name: string; reason: string }>;
  isZip: boolean;
}

export interface CachedTable {
  reports: LoadedFileReport[];
  bytes: Uint8Array;
}

export class TableCache {
  private readonly used = new Set<string>();

  /** `folder` undefined: nothing is cached (every load imports). */
  constructor(private readonly folder: string | undefined) {}

  readMembers(key: string): RecognisedFile | undefined {
    const bytes = this.read(`${key}.members.json`);
    if (!bytes) {
      return undefined;
    }
    try {
      const parsed: unknown = JSON.parse(Buffer.from(bytes).toString('utf8'));
      return isRecognisedFile(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  writeMembers(key: string, recognised: RecognisedFile): void {
    this.write(`${key}.members.json`, Buffer.from(JSON.stringify(recognised), 'utf8'));
  }

  /** The entry: a 4-byte length, the reports as JSON, the table's bytes. */
  readTable(key: string): CachedTable | undefined {
    const bytes = this.read(`${key}.table`);
    if (!bytes || bytes.length < 4) {
      return undefined;
    }
    const length = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0);
    if (4 + length > bytes.length) {
      return undefined;
    }
    try {
      const reports: unknown = JSON.parse(Buffer.from(bytes.subarray(4, 4 + length)).toString('utf8'));
      if (!Array.isArray(reports) || !reports.every(isReport)) {
        return undefined;
      }
      return { reports, bytes: bytes.subarray(4 + length) };
    } catch {
      return undefined;
    }
  }

  writeTable(key: string, entry: CachedTable): void {
    const reports = Buffer.from(JSON.stringify(entry.reports), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32LE(reports.length, 0);
    this.write(`${key}.table`, Buffer.concat([length, reports, entry.bytes]));
  }

  /** Touches the entries this load used and removes those unused for `unusedDays` days. Never throws. */
  prune(now = Date.now()): void {
    if (this.folder === undefined) {
      return;
    }
    const oldest = now - unusedDays * 24 * 60 * 60 * 1000;
    let names: string[];
    try {
      names = fs.readdirSync(this.folder);
    } catch {
      return;
    }
    for (const name of names.filter((entry) => entryPattern.test(entry))) {
      const file = path.join(this.folder, name);
      try {
        if (this.used.has(name)) {
          const time = new Date(now);
          fs.utimesSync(file, time, time);
        } else if (fs.statSync(file).mtimeMs < oldest) {
          fs.unlinkSync(file);
        }
      } catch {
        // Another process removed or replaced it meanwhile: nothing to do.
      }
    }
  }

  private read(name: string): Uint8Array | undefined {
    if (this.folder === undefined) {
      return undefined;
    }
    // Guarded like every file the product opens: a pipe or device named like an entry is not waited on. The
    // cap is what a buffer can hold, since every entry this cache wrote was one.
    const read = readFileBytes(path.join(this.folder, name), bufferConstants.MAX_LENGTH - 1, () => 'too large');
    if (!read.ok) {
      return undefined;
    }
    this.used.add(name);
    return read.bytes;
  }

  private write(name: string, bytes: Uint8Array): void {
    if (this.folder === undefined) {
      return;
    }
    const file = path.join(this.folder, name);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      fs.writeFileSync(temporary, bytes);
      fs.renameSync(temporary, file);
      this.used.add(name);
    } catch {
      // A read-only or full disk: the next load imports again.
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // No temporary file was made (its folder cannot be).
      }
    }
  }
}

function isRecognisedFile(value: unknown): value is RecognisedFile {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { members, problems, isZip } = value as Record<string, unknown>;
  return (
    Array.isArray(members) &&
    members.every(isRecognisedMember) &&
    Array.isArray(problems) &&
    problems.every(
      (problem: unknown) =>
        typeof (problem as Record<string, unknown> | null)?.['name'] === 'string' &&
        typeof (problem as Record<string, unknown>)['reason'] === 'string',
    ) &&
    typeof isZip === 'boolean'
  );
}

function isRecognisedMember(value: unknown): value is RecognisedMember {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { name, importer, editionKey } = value as Record<string, unknown>;
  return (
    typeof name === 'string' &&
    (importer === undefined || typeof importer === 'number') &&
    (editionKey === undefined || typeof editionKey === 'string')
  );
}

function isReport(value: unknown): value is LoadedFileReport {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)['file'] === 'string';
}
