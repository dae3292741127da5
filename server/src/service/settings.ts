/**
 * Settings under `cptClaims`, read per document from whatever editor is the
 * client. Values arrive untyped from any client, so they are checked here and
 * fall back to defaults rather than trusted.
 */
import type { Severity } from './model/model';
import { counted } from './text/wording';

type RuleSeveritySetting = Severity | 'off';

/** How formatting lays out an X12 file; `keep`: the layout most of the file already has. */
export type X12Layout = 'segmentPerLine' | 'oneLine' | 'keep';
export const x12Layouts: readonly X12Layout[] = ['segmentPerLine', 'oneLine', 'keep'];

export interface ClaimSettings {
  maxNumberOfProblems: number;
  /** Per-rule severity by rule id. */
  rules: Readonly<Record<string, RuleSeveritySetting>>;
  /** Licensed descriptor files: absolute, or relative to the document's workspace folder. */
  descriptorFiles: readonly string[];
  /** The CMS practitioner MUE CSV, absolute or relative to the workspace folder; '' for none. */
  mueFile: string;
  /**
   * The folder of official downloads (code sets, NCCI, MUE, PFS); '' for none. The server reads it once for the
   * machine (`cptClaims.dataFolder`, never a workspace's); `claim-lint` from `.claimlintrc.json` or `--data`.
   */
  dataFolder: string;
  /**
   * Documents larger than this (in millions of characters, about MB for claim
   * files) are checked by a server in the background, in steps, with progress.
   */
  backgroundCheckAboveMB: number;
  /** Documents larger than this are not checked as you type at all (claim-lint checks them); one notice says so. */
  skipCheckAboveMB: number;
  /** `cptClaims.x12.layout`: what formatting does to an X12 file's line breaks; absent means `keep`. */
  x12Layout?: X12Layout;
  /** Inlay hints: a code's short summary, and on lesion-counted lines the lesions its units bill ("2 lesions of 3"). */
  inlayHints: InlayHintSettings;
  /** Data file values that are not paths, each as a sentence saying it is ignored; absent when there are none. */
  ignoredDataFileSettings?: readonly string[];
}

export interface InlayHintSettings {
  codeSummaries: boolean;
  lesionCounts: boolean;
}

/**
 * The size limits, from docs/performance.md. Up to about 1 MB a whole check
 * takes under 100 ms (75–80 ms measured for 0.8–1.1 MB), a pause nobody
 * notices; a 5 MB file takes 230–420 ms and 80–106 MB files 4–6 s, long
 * enough to hold up hover. Above 200 MB the server's peak memory (3.4–4.6×
 * the file measured at 79–106 MB) nears a gigabyte, and each edit of an 837
 * costs seconds outside the check (applying it to the text, the envelope
 * walk), so as-you-type checking stops there; the 106 MB bench files stay
 * below it.
 */
export const defaultSettings: ClaimSettings = {
  maxNumberOfProblems: 1000,
  rules: {},
  descriptorFiles: [],
  mueFile: '',
  dataFolder: '',
  backgroundCheckAboveMB: 1,
  skipCheckAboveMB: 200,
  inlayHints: { codeSummaries: true, lesionCounts: true },
};

/** More descriptor files than this are not read: each is read, stat-polled and kept in memory. */
export const maxDescriptorFiles = 32;

const severityValues = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Typed settings from the raw `cptClaims` section; anything malformed takes its default. */
export function readSettings(raw: unknown): ClaimSettings {
  if (!isRecord(raw)) {
    return defaultSettings;
  }
  const limit = raw['maxNumberOfProblems'];
  const maxNumberOfProblems =
    typeof limit === 'number' && Number.isFinite(limit) && limit >= 1
      ? Math.floor(limit)
      : defaultSettings.maxNumberOfProblems;
  const rules: Record<string, RuleSeveritySetting> = {};
  const rawRules = raw['rules'];
  if (isRecord(rawRules)) {
    for (const [id, value] of Object.entries(rawRules)) {
      if (typeof value === 'string' && severityValues.has(value)) {
        rules[id] = value as RuleSeveritySetting;
      }
    }
  }
  const dataFiles = readDataFileSettings(raw['descriptorFiles'], raw['mueFile'], raw['dataFolder']);
  const settings: ClaimSettings = {
    maxNumberOfProblems,
    rules,
    descriptorFiles: dataFiles.descriptorFiles,
    mueFile: dataFiles.mueFile,
    dataFolder: dataFiles.dataFolder,
    backgroundCheckAboveMB: sizeSetting(raw['backgroundCheckAboveMB'], 0, defaultSettings.backgroundCheckAboveMB),
    skipCheckAboveMB: sizeSetting(raw['skipCheckAboveMB'], Number.MIN_VALUE, defaultSettings.skipCheckAboveMB),
    inlayHints: readInlayHintSettings(raw['inlayHints']),
  };
  const layout = isRecord(raw['x12']) ? raw['x12']['layout'] : undefined;
  if (typeof layout === 'string' && (x12Layouts as readonly string[]).includes(layout)) {
    settings.x12Layout = layout as X12Layout;
  }
  if (dataFiles.ignored.length > 0) {
    settings.ignoredDataFileSettings = dataFiles.ignored;
  }
  return settings;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The data file paths, and a sentence for each value that is not one (a hand-edited settings.json can hold anything). */
function readDataFileSettings(
  files: unknown,
  mue: unknown,
  folder: unknown,
): { descriptorFiles: string[]; mueFile: string; dataFolder: string; ignored: string[] } {
  const ignored: string[] = [];
  const notAPath = (setting: string, value: unknown) =>
    ignored.push(`${setting} is ${kindOf(value)}, not a path; it is ignored.`);
  const descriptorFiles: string[] = [];
  if (Array.isArray(files)) {
    files.forEach((file: unknown, index) => {
      if (typeof file !== 'string') {
        notAPath(`cptClaims.descriptorFiles[${index}]`, file);
      } else if (file.trim() !== '') {
        descriptorFiles.push(file);
      }
    });
  } else if (files !== undefined && files !== null) {
    ignored.push(`cptClaims.descriptorFiles is ${kindOf(files)}, not a list of paths; it is ignored.`);
  }
  if (descriptorFiles.length > maxDescriptorFiles) {
    ignored.push(
      `cptClaims.descriptorFiles names ${counted(descriptorFiles.length, 'file')}; only the first ${maxDescriptorFiles} are read.`,
    );
    descriptorFiles.length = maxDescriptorFiles;
  }
  if (typeof mue !== 'string' && mue !== undefined && mue !== null) {
    notAPath('cptClaims.mueFile', mue);
  }
  if (typeof folder !== 'string' && folder !== undefined && folder !== null) {
    notAPath('cptClaims.dataFolder', folder);
  }
  return {
    descriptorFiles,
    mueFile: typeof mue === 'string' ? mue.trim() : '',
    dataFolder: typeof folder === 'string' ? folder.trim() : '',
    ignored,
  };
}

/** A size in MB: a finite number of at least `minimum`, else the default. */
function sizeSetting(value: unknown, minimum: number, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= minimum ? value : fallback;
}

/** `cptClaims.inlayHints.*`: each a boolean, else its default (on). */
function readInlayHintSettings(raw: unknown): InlayHintSettings {
  const hints = isRecord(raw) ? raw : {};
  const flag = (key: keyof InlayHintSettings) =>
    typeof hints[key] === 'boolean' ? hints[key] : defaultSettings.inlayHints[key];
  return { codeSummaries: flag('codeSummaries'), lesionCounts: flag('lesionCounts') };
}
