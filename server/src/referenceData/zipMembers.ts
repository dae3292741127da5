/**
 * The members of a downloaded zip, as the importers read them. CMS and CDC
 * ship every file zipped (often a zip holding a format PDF, an xlsx copy and
 * the text file); fflate reads them in memory, which is fine for these sizes
 * (the largest, a PTP quarter's file, is about 20 MB zipped). Only members a
 * caller wants are inflated, so the xlsx and PDF copies cost nothing.
 */
import { unzipSync } from 'fflate';
import type { DataFile } from './fileImporter';

/** A zip the reader could not open, with the reason as a sentence. */
export class ZipProblem extends Error {}

/**
 * The zip's members whose names `wanted` accepts (folders left out), named
 * `<zipName>/<member path>`. `wanted` is also told a member's inflated size
 * as the zip's directory states it, so a reader can refuse a zip bomb before
 * inflating it. Throws `ZipProblem` for a file that is not a
 * readable zip.
 */
export function zipMembers(
  zipName: string,
  bytes: Uint8Array,
  wanted: (member: string, inflatedSize?: number) => boolean,
): DataFile[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => !file.name.endsWith('/') && wanted(file.name, file.originalSize) });
  } catch (error) {
    throw new ZipProblem(`${zipName} is not a zip that can be read (${(error as Error).message}).`);
  }
  return Object.entries(files).map(([member, content]) => ({ name: `${zipName}/${member}`, bytes: content }));
}
