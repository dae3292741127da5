/**
 * The one guarded way the product opens a file it did not write itself:
 * claim files (`claim-lint`, and the server's workspace scan, references and
 * procedure index), `claim-lint`'s configs, the data files the settings name
 * and the files of the data folder. Whatever the path turns out to be, nothing
 * here waits on a writer, reads without bound or throws to the caller:
 *
 * - The path is stat'ed first, following links (a link is judged by its
 *   target), and anything but a regular file is refused unopened: opening a
 *   device can have side effects of its own (a tape rewinds).
 * - It is then opened with `O_NONBLOCK` (a named pipe put there since the stat
 *   opens at once instead of waiting for a writer) and `O_NOCTTY`, and the
 *   descriptor is fstat'ed: what was opened decides, not what the stat saw,
 *   so a path swapped in between is still refused.
 * - At most the cap plus one byte is read, whatever the size said, so a file
 *   that grows meanwhile (or a `/proc` file that says it is empty) is bounded.
 *
 * Each kind of file has its cap, next to its reader: data files 16 MB
 * (`dataFileReader.ts`), configs `maxConfigFileBytes`, a claim file read whole
 * `claim-lint`'s `--stream-threshold` or the server's `skipCheckAboveMB`
 * (larger claim files are streamed from the descriptor this module opened).
 */
import * as fs from 'node:fs';

/** A `.claimlintrc.json` is a few hundred bytes; a megabyte is not a config. */
export const maxConfigFileBytes = 1024 * 1024;
/** Longer paths are refused before the file system is asked (Linux allows 4,096 bytes). */
const maxPathLength = 4096;
/** Read-only, never waiting for a pipe's writer, never becoming the process's terminal. */
const openFlags = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** Why a file is not read: a sentence, and the file system's error code when it gave one. */
export interface FileRefusal {
  ok: false;
  reason: string;
  code?: string;
}

export type FileBytes = { ok: true; bytes: Uint8Array } | FileRefusal;
/** A regular file opened for reading, with the size its descriptor had; the caller closes it. */
export type OpenedFile = { ok: true; descriptor: number; size: number } | FileRefusal;

/** Why a path cannot name a file at all, found without touching the file system. */
export function pathProblem(file: string): string | undefined {
  if (file.includes('\0')) {
    return 'its path holds a NUL character, which no file name can.';
  }
  if (file.length > maxPathLength) {
    return `its path is ${file.length} characters long, more than a file system allows.`;
  }
  return undefined;
}

/** A file system error code as the reason a file is not used. */
export function describeFileError(code: string | undefined): string {
  switch (code) {
    case 'ENOENT':
      return 'it does not exist.';
    case 'EACCES':
    case 'EPERM':
      return 'the server is not allowed to read it (permission denied).';
    case 'ENAMETOOLONG':
      return 'its path is too long for the file system.';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder.';
    case 'ELOOP':
      return 'its path runs in a loop of symbolic links.';
    default:
      return `it cannot be read (${code ?? 'unknown error'}).`;
  }
}

/** Why something that is not a regular file is not read; undefined for a regular file. */
export function describeNonRegular(stats: fs.Stats): string | undefined {
  if (stats.isFile()) {
    return undefined;
  }
  if (stats.isDirectory()) {
    return 'it is a folder, not a file.';
  }
  if (stats.isFIFO()) {
    // Reading a pipe waits for a writer: the whole server, or the whole run, would stop.
    return 'it is a named pipe (FIFO), not a file, and reading it could wait forever.';
  }
  if (stats.isCharacterDevice() || stats.isBlockDevice()) {
    return 'it is a device, not a file.';
  }
  return stats.isSocket() ? 'it is a socket, not a file.' : 'it is not a regular file.';
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function refusalOf(error: unknown): FileRefusal {
  const code = errorCode(error);
  return { ok: false, reason: describeFileError(code), ...(code === undefined ? {} : { code }) };
}

/** The refusal for what a stat of the path (following links) found, when it is not a regular file. */
function statRefusal(stat: () => fs.Stats): FileRefusal | undefined {
  try {
    const notRegular = describeNonRegular(stat());
    return notRegular === undefined ? undefined : { ok: false, reason: notRegular };
  } catch (error) {
    return refusalOf(error);
  }
}

/** Opens a regular file for reading (see the module's comment); anything else is refused with its reason. */
export function openRegularFile(file: string): OpenedFile {
  const refused = pathProblem(file);
  if (refused !== undefined) {
    return { ok: false, reason: refused };
  }
  const before = statRefusal(() => fs.statSync(file));
  if (before) {
    return before;
  }
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, openFlags);
  } catch (error) {
    return refusalOf(error);
  }
  try {
    const stats = fs.fstatSync(descriptor);
    const notRegular = describeNonRegular(stats);
    if (notRegular === undefined) {
      return { ok: true, descriptor, size: stats.size };
    }
    fs.closeSync(descriptor);
    return { ok: false, reason: notRegular };
  } catch (error) {
    fs.closeSync(descriptor);
    return refusalOf(error);
  }
}

/** A buffer for a file said to be `size` bytes, at most the cap plus one byte. */
function firstBuffer(size: number, maxBytes: number): Buffer {
  return Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
}

/** The buffer, grown (doubled, at most to the cap plus one byte) when full; undefined when it may not grow. */
function roomIn(buffer: Buffer, length: number, maxBytes: number): Buffer | undefined {
  if (length < buffer.length) {
    return buffer;
  }
  if (buffer.length > maxBytes) {
    return undefined;
  }
  const grown = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
  buffer.copy(grown, 0, 0, length);
  return grown;
}

function bytesOf(buffer: Buffer, length: number, size: number, maxBytes: number, tooLarge: (n: number) => string) {
  return length > maxBytes
    ? ({ ok: false, reason: tooLarge(Math.max(size, length)) } satisfies FileRefusal)
    : ({ ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) } as const);
}

/**
 * The bytes of an open regular file (`openRegularFile`), read to its end but
 * never past `maxBytes` (`tooLarge` words the refusal, given the size known).
 * Does not close it.
 */
export function readOpenedFile(
  descriptor: number,
  size: number,
  maxBytes: number,
  tooLarge: (size: number) => string,
): FileBytes {
  if (size > maxBytes) {
    return { ok: false, reason: tooLarge(size) };
  }
  let buffer: Buffer = firstBuffer(size, maxBytes);
  let length = 0;
  try {
    for (let room = roomIn(buffer, length, maxBytes); room; room = roomIn(buffer, length, maxBytes)) {
      buffer = room;
      const read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
      if (read === 0) {
        break;
      }
      length += read;
    }
  } catch (error) {
    return refusalOf(error);
  }
  return bytesOf(buffer, length, size, maxBytes, tooLarge);
}

/** The bytes of a regular file of at most `maxBytes`, or why it is not read. */
export function readFileBytes(file: string, maxBytes: number, tooLarge: (size: number) => string): FileBytes {
  const opened = openRegularFile(file);
  if (!opened.ok) {
    return opened;
  }
  try {
    return readOpenedFile(opened.descriptor, opened.size, maxBytes, tooLarge);
  } finally {
    fs.closeSync(opened.descriptor);
  }
}

/**
 * `readFileBytes` without blocking the event loop, for the language server,
 * which reads the workspace's claim files while it answers an editor.
 */
export async function readFileBytesAsync(
  file: string,
  maxBytes: number,
  tooLarge: (size: number) => string,
): Promise<FileBytes> {
  const refused = pathProblem(file);
  if (refused !== undefined) {
    return { ok: false, reason: refused };
  }
  try {
    const notRegular = describeNonRegular(await fs.promises.stat(file));
    if (notRegular !== undefined) {
      return { ok: false, reason: notRegular };
    }
  } catch (error) {
    return refusalOf(error);
  }
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, openFlags);
  } catch (error) {
    return refusalOf(error);
  }
  try {
    const stats = await handle.stat();
    const notRegular = describeNonRegular(stats);
    if (notRegular !== undefined) {
      return { ok: false, reason: notRegular };
    }
    if (stats.size > maxBytes) {
      return { ok: false, reason: tooLarge(stats.size) };
    }
    let buffer: Buffer = firstBuffer(stats.size, maxBytes);
    let length = 0;
    for (let room = roomIn(buffer, length, maxBytes); room; room = roomIn(buffer, length, maxBytes)) {
      buffer = room;
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) {
        break;
      }
      length += bytesRead;
    }
    return bytesOf(buffer, length, stats.size, maxBytes, tooLarge);
  } catch (error) {
    return refusalOf(error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}
