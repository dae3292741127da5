/**
 * Reading one data file a setting names, guarded against whatever the path
 * turns out to be: a folder, a named pipe, a device, a huge or binary file,
 * a file the server may not read, or a path no file system accepts. The file
 * is opened and read by the one guarded reader (`guardedFile.ts`); this adds
 * the data files' cap, a stamp for the watcher, and the check that the bytes
 * are text. Every refusal is a sentence a coder can act on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFileError, describeNonRegular, errorCode, pathProblem, readFileBytes } from './guardedFile';

/** Larger files are refused: the biggest real descriptor or MUE file is a few megabytes. */
export const maxDataFileBytes = 16 * 1024 * 1024;
type DataFileText = { ok: true; text: string } | { ok: false; reason: string };

/** What a path names now: a stamp that changes when the file does, and why it cannot be read, if it cannot. */
export interface DataFileState {
  stamp: string;
  problem?: string;
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

/** The text of a data file, read by the guarded reader within the data files' cap. */
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
