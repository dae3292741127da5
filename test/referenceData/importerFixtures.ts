/**
 * The edit-file fixtures of test/fixtures/referenceData/ncci/ (written for
 * these tests in the CMS layouts, with HCPCS Level II or invented codes and
 * invented edits), read as the data folder reader hands them to importers:
 * as zip members, the zips built here with fflate as CMS ships them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { zipSync } from 'fflate';
import type { DataFile, FileCandidate } from '../../server/src/referenceData/fileImporter';
import { zipMembers } from '../../server/src/referenceData/zipMembers';
import { repoRoot } from '../support/repoRoot';

export const ncciFixtures = path.join(repoRoot(), 'test', 'fixtures', 'referenceData', 'ncci');

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(ncciFixtures, name)));
}

/** The fixture as a member of a zip named `zipName`, read back through zipMembers. */
export function fixtureInZip(zipName: string, member: string, bytes = fixtureBytes(member)): DataFile {
  const zip = zipSync({ [member]: bytes, 'read-me.pdf': new Uint8Array([37, 80, 68, 70]) });
  const [file] = zipMembers(zipName, zip, (name) => name === member);
  if (!file) {
    throw new Error(`${member} is not in the zip`);
  }
  return file;
}

export function candidateOf(file: DataFile): FileCandidate {
  return { name: file.name, head: new TextDecoder('latin1').decode(file.bytes.subarray(0, 8192)) };
}

export function withCrlf(bytes: Uint8Array): Uint8Array {
  return new TextEncoder().encode(new TextDecoder().decode(bytes).replace(/\n/g, '\r\n'));
}

export function textBytes(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
