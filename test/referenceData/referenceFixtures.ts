/**
 * The fixture files of `test/fixtures/referenceData/` (written by us in the
 * official layouts, with invented codes or HCPCS Level II codes and our own
 * descriptions) as the data folder reader hands them to an importer: a
 * `DataFile`, and the `FileCandidate` of its name and first 8 KB.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataFile, FileCandidate } from '../../server/src/referenceData/fileImporter';
import { repoRoot } from '../support/repoRoot';

const headBytes = 8 * 1024;

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'referenceData', name)));
}

export function fixtureFile(name: string, as: string = name): DataFile {
  return { name: as, bytes: fixtureBytes(name) };
}

export function textFile(name: string, text: string): DataFile {
  return { name, bytes: new Uint8Array(Buffer.from(text, 'latin1')) };
}

/** What an importer sees of a file to recognise it. */
export function candidateOf(file: DataFile): FileCandidate {
  return { name: file.name, head: Buffer.from(file.bytes.subarray(0, headBytes)).toString('latin1') };
}

/** The file with lines added at its end (in place of a blank last line). */
export function withLines(file: DataFile, ...lines: string[]): DataFile {
  const text = Buffer.from(file.bytes).toString('latin1');
  return textFile(file.name, `${text.replace(/(\r\n)? *$/, '\r\n')}${lines.map((line) => `${line}\r\n`).join('')}`);
}
