/**
 * What the reference-data suite needs around the importers: the official
 * files under a folder (loose, or members of the downloaded zips) that an
 * importer of the list recognises, grouped by edition as the data folder
 * reader will group them; and a plain second reading of the raw lines, so
 * the suite checks the tables against the files rather than against the
 * importers' own output. A small loop of its own: the product's data folder
 * reader is built elsewhere.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DataFile, FileCandidate, FileImporter } from '../../../server/src/referenceData/fileImporter';
import { zipMembers } from '../../../server/src/referenceData/zipMembers';

export const referenceDataDirVariable = 'CLAIM_REFERENCE_DATA_DIR';

const headBytes = 8 * 1024;

export interface EditionFiles {
  importer: FileImporter;
  key: string;
  files: DataFile[];
}

function filesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((relative) => path.join(folder, relative))
    .filter((file) => fs.statSync(file).isFile())
    .sort();
}

function candidateOf(file: DataFile): FileCandidate {
  return { name: file.name, head: Buffer.from(file.bytes.subarray(0, headBytes)).toString('latin1') };
}

/** The zips' members and the loose `.txt` files under `folder`, named relative to it. */
function dataFiles(folder: string): DataFile[] {
  return filesUnder(folder).flatMap((file): DataFile[] => {
    const name = path.relative(folder, file).split(path.sep).join('/');
    if (/\.zip$/i.test(file)) {
      return zipMembers(name, new Uint8Array(fs.readFileSync(file)), () => true);
    }
    return /\.txt$/i.test(file) ? [{ name, bytes: new Uint8Array(fs.readFileSync(file)) }] : [];
  });
}

/** The files each importer recognises, grouped by its edition key, in name order. */
export function officialEditions(folder: string, importers: readonly FileImporter[]): EditionFiles[] {
  const editions = new Map<string, EditionFiles>();
  for (const file of dataFiles(folder)) {
    const candidate = candidateOf(file);
    for (const importer of importers.filter((known) => known.recognizes(candidate))) {
      const key = `${importer.kind} ${importer.editionKey(candidate)}`;
      const edition = editions.get(key) ?? { importer, key, files: [] };
      edition.files.push(file);
      editions.set(key, edition);
    }
  }
  return [...editions.values()];
}

/** The lines of a text file, CRLF or LF. */
export function rawLines(file: DataFile): string[] {
  return Buffer.from(file.bytes).toString('latin1').split(/\r?\n/);
}

/** Heap and array buffers in use after a garbage collection (run node with --expose-gc), in bytes. */
export function memoryInUse(): number {
  // Array buffers are freed a collection or two after their last use: collect until the figure settles.
  for (let round = 0; round < 4; round++) {
    (globalThis as { gc?: () => void }).gc?.();
  }
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

export const megabytes = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
