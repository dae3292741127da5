/**
 * How one kind of official file becomes a table the language service reads
 * (`service/reference/official/officialData.ts`). The data folder reader
 * finds the files (loose or inside the downloaded zips), asks each importer
 * whether it recognises a file by its name and first lines, groups the files
 * of one edition (a PTP quarter comes as four files), and hands them over;
 * tables are cached on disk by the files' contents through `serialize` and
 * `deserialize`, so a restart does not import again. This folder is outside
 * the pure service because it reads files and zips; the server and
 * `claim-lint` both use it.
 */
import type { LoadedFileReport, OfficialTable } from '../service/index';

/** A file of the data folder, or a member of a zip in it. */
export interface DataFile {
  /** As reports name it: `ccipra-v322r0-f1.zip/ccipra-v322r0-f1.TXT`. */
  name: string;
  bytes: Uint8Array;
}

/** What an importer sees to recognise a file: its name and its first bytes (up to 8 KB) as Latin-1 text. */
export interface FileCandidate {
  name: string;
  head: string;
}

export interface ImportResult<T extends OfficialTable> {
  /** Absent when nothing usable was found; the reports then say why. */
  table?: T;
  /** One per file given, with its rows and what of it was not understood. */
  reports: LoadedFileReport[];
}

export interface FileImporter<T extends OfficialTable = OfficialTable> {
  readonly kind: T['kind'];
  /**
   * Raise it when what `recognizes`, `editionKey` or `serialize` give changes: the disk cache's entries are keyed
   * by it, so entries an older importer wrote stop matching instead of being deserialised wrongly. Absent: 0.
   */
  readonly formatVersion?: number;
  /** True when the name and first lines are this kind's file. */
  recognizes(candidate: FileCandidate): boolean;
  /** Files with the same key form one edition (the four files of a PTP quarter); usually the file name. */
  editionKey(candidate: FileCandidate): string;
  /** Reads one edition's files. Never throws on bad content: bad rows are counted in the reports. */
  import(files: readonly DataFile[]): ImportResult<T>;
  /** The table as bytes for the disk cache, and back. */
  serialize(table: T): Uint8Array;
  deserialize(bytes: Uint8Array): T;
}
