/**
 * Writing the report: to standard output, or with `-o FILE` to a file (its
 * folders made first, as ESLint does), a megabyte at a time so a million
 * findings are never one string. The file is written even when the report is
 * empty, so a pipeline that keeps it as an artifact always finds it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorText } from '../fileCheck';

const pieceCharacters = 1024 * 1024;

export function writeInPieces(pieces: Iterable<string>, write: (text: string) => void): void {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= pieceCharacters) {
      write(pending);
      pending = '';
    }
  }
  if (pending !== '') {
    write(pending);
  }
}

/** Writes the report to `file` (absolute); the reason when it cannot, else undefined. */
export function writeReportFile(pieces: Iterable<string>, file: string): string | undefined {
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(file, 'w');
    const open = fd;
    writeInPieces(pieces, (text) => fs.writeSync(open, text));
    return undefined;
  } catch (error) {
    return errorText(error);
  } finally {
    if (fd !== undefined) {
      fs.closeSync(fd);
    }
  }
}
