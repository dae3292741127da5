/**
 * The NCCI practitioner procedure-to-procedure (PTP) edits: each quarter CMS
 * publishes four zips (`medicare-ncci-2026q3-practitioner-ptp-edits-ccipra-v322r0-f1.zip`
 * .. `-f4`), each holding a tab-separated `ccipra-v322r0-fN.TXT` (and an xlsx
 * copy, which is not read: the text holds the same rows). The four files of a
 * version are one edition; the version names the quarter. Layout:
 * ../shared/data/cms-layouts/LAYOUTS.md, section 1.
 */
import type { LoadedFileReport } from '../../service/index';
import type { DataFile, FileCandidate, FileImporter, ImportResult } from '../fileImporter';
import { quarterStart } from './dayNumbers';
import { baseName } from './fileNames';
import { joinProblems, linesNotUnderstood } from './importReports';
import { PtpIndex, type PtpEditionInfo } from './ptpIndex';
import { type PtpFileRead, PtpRowReader } from './ptpRows';

/** `ccipra-v322r0-f1.TXT`: practitioner (`pra`) edits, version 32.2 revision 0, file 1 of 4. */
const practitionerFileName = /^ccipra-v(\d+)(\d)r(\d+)-f([1-4])\.txt$/i;

/** The title line every PTP file starts with after its copyright line. */
const ptpTitle = /Column1\/Column2 Edits/i;

interface PtpVersion {
  major: number;
  minor: number;
  revision: number;
  file: number;
}

function versionOf(name: string): PtpVersion | undefined {
  const match = practitionerFileName.exec(baseName(name));
  return match
    ? { major: Number(match[1]), minor: Number(match[2]), revision: Number(match[3]), file: Number(match[4]) }
    : undefined;
}

/**
 * The quarter a version is for. NCCI numbers its versions by year and
 * quarter: version 32.2 is 2026 Q3 (the zips of v322 are named
 * `medicare-ncci-2026q3-...`, LAYOUTS.md section 1), and 26.x was 2020, so
 * the year is 1994 + the major number and minor 0..3 is Q1..Q4.
 */
function editionOf(version: PtpVersion, source: string): PtpEditionInfo {
  const year = 1994 + version.major;
  const quarter = version.minor + 1;
  return { label: `PTP ${year} Q${quarter}`, applies: { from: quarterStart(year, quarter) }, source };
}

function problemOf(read: PtpFileRead): string | undefined {
  if (read.rows === 0) {
    return 'No PTP edit was found in this file (7 tab-separated fields a line); it is not used.';
  }
  return linesNotUnderstood(read.badRows, read.firstBadLines);
}

/** The zip's name says the quarter too (`medicare-ncci-2026q3-...`): a disagreement means our reading of the version is off. */
function zipDisagreement(name: string, label: string): string | undefined {
  const match = /ncci-(\d{4})q([1-4])/i.exec(name);
  const zipLabel = match ? `PTP ${match[1]} Q${match[2]}` : undefined;
  return zipLabel === undefined || zipLabel === label
    ? undefined
    : `The zip's name says ${zipLabel.slice(4)} but the version in the file name is ${label.slice(4)}; the version is used.`;
}

function missingFilesProblem(present: readonly number[]): string | undefined {
  const missing = [1, 2, 3, 4].filter((file) => !present.includes(file));
  return missing.length === 0
    ? undefined
    : `The quarter comes as four files; ${missing.map((file) => `f${file}`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in the folder, so the pairs ${missing.length === 1 ? 'it holds' : 'they hold'} are not checked.`;
}

export const ptpEditsImporter: FileImporter<PtpIndex> = {
  kind: 'ptp',

  recognizes(candidate: FileCandidate): boolean {
    const name = baseName(candidate.name);
    // The outpatient hospital edits (ccioph) share the layout; they are not the practitioner table.
    return (
      practitionerFileName.test(name) ||
      (/\.txt$/i.test(name) && !/^ccioph/i.test(name) && ptpTitle.test(candidate.head))
    );
  },

  editionKey(candidate: FileCandidate): string {
    const version = versionOf(candidate.name);
    return version ? `ptp-v${version.major}${version.minor}r${version.revision}` : `ptp-${baseName(candidate.name)}`;
  },

  import(files: readonly DataFile[]): ImportResult<PtpIndex> {
    const ordered = [...files].sort((a, b) => (versionOf(a.name)?.file ?? 9) - (versionOf(b.name)?.file ?? 9));
    const reader = new PtpRowReader();
    const reports: LoadedFileReport[] = ordered.map((file) => {
      const read = reader.read(file.bytes);
      const problem = problemOf(read);
      return { file: file.name, kind: 'ptp', rows: read.rows, ...(problem ? { problem } : {}) };
    });
    const first = ordered[0];
    const version = first ? versionOf(first.name) : undefined;
    if (!first || reader.rowCount === 0) {
      return { reports };
    }
    const source = ordered.map((file) => file.name).join(', ');
    const edition: PtpEditionInfo = version
      ? editionOf(version, source)
      : { label: `PTP (${baseName(first.name)})`, applies: {}, source };
    const missing = version
      ? missingFilesProblem(ordered.map((file) => versionOf(file.name)?.file ?? 0))
      : 'The file name does not give the NCCI version, so the quarter is unknown; its edits apply to every date they carry.';
    const firstReport = reports[0];
    const firstProblem = joinProblems(firstReport?.problem, missing, zipDisagreement(first.name, edition.label));
    if (firstReport && firstProblem) {
      firstReport.problem = firstProblem;
    }
    for (const report of reports) {
      if (report.rows) {
        report.edition = edition.label;
      }
    }
    return { table: PtpIndex.build(edition, reader.codes, reader.rationales, reader.columns()), reports };
  },

  serialize: (table) => table.serialize(),
  deserialize: (bytes) => PtpIndex.deserialize(bytes),
};
