/**
 * Reading one data file a setting names, guarded against whatever the path
 * turns out to be: a folder, a named pipe, a device, a huge or binary file,
 * a file the server may not read, or a path no file system accepts. Nothing
 * here blocks or reads without bound, and every refusal is a sentence a coder
 * can act on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Larger files are refused: the biggest real descriptor or MUE file is a few megabytes. */
export const maxDataFileBytes = 16 * 1024 * 1024;
/** Longer paths are refused before the file system is asked (Linux allows 4,096 bytes). */
const maxDataFilePathLength = 4096;

type DataFileText = { ok: true; text: string } | { ok: false; reason: string };

/** What a path names now: a stamp that changes when the file does, and why it cannot be read, if it cannot. */
export interface DataFileState {
  stamp: string;
  problem?: string;
}

/** Why a path cannot name a data file at all, found without touching the file system. */
export function pathProblem(file: string): string | undefined {
  if (file.includes('\0')) {
    return 'its path holds a NUL character, which no file name can.';
  }
  if (file.length > maxDataFilePathLength) {
    return `its path is ${file.length} characters long, more than a file system allows.`;
  }
  return undefined;
}

/** A path short and printable enough for a log line: control characters escaped, the middle of a long path cut. */
export function displayPath(file: string): string {
  // Control characters are exactly what is replaced.
  // eslint-disable-next-line no-control-regex
  const controlCharacters = /[\u0000-\u001f\u007f]/g;
  const printable = file.replace(controlCharacters, (char) => `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return printable.length > 200
    ? `${printable.slice(0, 120)}…(${printable.length} characters)…${printable.slice(-60)}`
    : printable;
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
    // Opening a pipe for reading waits for a writer: the whole server would stop.
    return 'it is a named pipe (FIFO), not a file, and reading it could wait forever.';
  }
  if (stats.isCharacterDevice() || stats.isBlockDevice()) {
    return 'it is a device, not a file.';
  }
  return stats.isSocket() ? 'it is a socket, not a file.' : 'it is not a regular file.';
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

function withCommas(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function tooLarge(size: number): string {
  return `it is ${withCommas(size)} bytes, more than the ${maxDataFileBytes / 1024 / 1024} MB (${withCommas(maxDataFileBytes)} bytes) a data file may be.`;
}

/** The file's state without opening it (a stat follows symbolic links, so a link to a device is a device). */
export function stateOf(file: string): DataFileState {
  const refused = pathProblem(file);
  if (refused) {
    return { stamp: 'bad-path', problem: refused };
  }
  let stats: fs.Stats;
  try {
    stats = fs.statSync(file);
  } catch (error) {
    const code = errorCode(error) ?? 'unknown';
    return { stamp: `error:${code}`, problem: describeFileError(code) };
  }
  const notRegular = describeNonRegular(stats);
  if (notRegular) {
    // Only the kind: a device's or pipe's times change without it becoming readable, and each change would be reported again.
    return { stamp: `not-file:${notRegular}`, problem: notRegular };
  }
  const stamp = `file:${stats.size}:${stats.mtimeMs}`;
  return stats.size > maxDataFileBytes ? { stamp, problem: tooLarge(stats.size) } : { stamp };
}

export type FileBytes = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

/**
 * The bytes of a regular file, at most `maxBytes` (`tooLargeReason` words a
 * refusal). Opened without blocking and checked again through the open
 * descriptor, in case the path was replaced by a pipe or a device since it
 * was looked at; at most the cap plus one byte is read, so a file that grows
 * meanwhile is still refused.
 */
export function readFileBytes(file: string, maxBytes: number, tooLargeReason: (size: number) => string): FileBytes {
  let descriptor: number;
  try {
    descriptor = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: describeFileError(errorCode(error)) };
  }
  try {
    const stats = fs.fstatSync(descriptor);
    const notRegular = describeNonRegular(stats);
    if (notRegular) {
      return { ok: false, reason: notRegular };
    }
    if (stats.size > maxBytes) {
      return { ok: false, reason: tooLargeReason(stats.size) };
    }
    const buffer = Buffer.alloc(stats.size + 1);
    let length = 0;
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = fs.readSync(descriptor, buffer, length, buffer.length - length, null);
    }
    return length > maxBytes
      ? { ok: false, reason: tooLargeReason(length) }
      : { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { ok: false, reason: describeFileError(errorCode(error)) };
  } finally {
    fs.closeSync(descriptor);
  }
}

/**
 * The text of a data file. A file is opened only after a stat says it is a
 * regular file (opening some devices has side effects), then read as
 * `readFileBytes` reads it.
 */
export function readDataFile(file: string): DataFileText {
  const state = stateOf(file);
  if (state.problem) {
    return { ok: false, reason: state.problem };
  }
  const read = readFileBytes(file, maxDataFileBytes, tooLarge);
  return read.ok ? textOf(read.bytes) : read;
}

const utf16LittleEndianBom = [0xff, 0xfe];

/**
 * Bytes as text, or why they are not text. UTF-8 (with or without a byte
 * order mark) and UTF-16LE with its mark (what spreadsheet programs save as
 * "Unicode text") are read; anything holding a NUL or not valid in its
 * encoding is refused rather than read as a million bad rows.
 */
export function textOf(bytes: Uint8Array): DataFileText {
  const utf16 = bytes[0] === utf16LittleEndianBom[0] && bytes[1] === utf16LittleEndianBom[1];
  let text: string;
  try {
    text = new TextDecoder(utf16 ? 'utf-16le' : 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      reason: utf16
        ? 'it is not valid UTF-16 text.'
        : 'it is not a text file: it is not valid UTF-8 (save it as UTF-8 or plain ASCII text).',
    };
  }
  if (text.includes('\0')) {
    return { ok: false, reason: 'it is not a text file: it holds NUL bytes.' };
  }
  return { ok: true, text };
}

/** The real path, following symbolic links, or the plain resolved path when there is none yet. */
function realPathOf(file: string): string {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return path.resolve(file);
  }
}

/** Whether a file really lies inside one of the folders: a link inside a folder pointing out of it does not count. */
export function isInsideAny(file: string, folders: readonly string[]): boolean {
  const real = realPathOf(file);
  return folders.some((folder) => {
    const root = realPathOf(folder);
    return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
  });
}
