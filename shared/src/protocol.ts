/**
 * The CPT Claims extensions to the Language Server Protocol, spelled once for
 * the VS Code client, the server and the tests that drive them: the settings
 * section, what the client says at initialize, the custom requests and
 * notifications with their payloads, and the commands the server runs behind
 * `workspace/executeCommand` with the answer they give.
 *
 * Every name here is on the wire, and other editors may spell it too:
 * renaming one is a breaking change (test/shared/protocol.test.ts pins them).
 * The payload types say what a well-behaved peer sends; whoever receives one
 * still checks it, since it crosses a process boundary (see `Unchecked`).
 *
 * The bottom layer: nothing here imports from client/, server/ or cli/.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';

/** A payload as received, before it is checked: each field of `T` may be missing or of any type. */
export type Unchecked<T> = { [K in keyof T]?: unknown };

// Settings and initialization

/** The settings section the server asks for (`workspace/configuration`) or is sent (`didChangeConfiguration`). */
export const settingsSection = 'cptClaims';

/** What the VS Code client sends as `initializationOptions`. */
export interface InitializationOptions {
  /** False in a workspace the user has not trusted: no data file outside its folders is read. Absent: trusted. */
  workspaceTrusted?: boolean;
  /**
   * A folder the server may keep its cache of imported reference data in (VS Code: the extension's global
   * storage). Absent: `$XDG_CACHE_HOME/cpt-claims`, else `~/.cache/cpt-claims`.
   */
  cacheFolder?: string;
}

/** Client → server, no parameters: the user trusted the workspace (trust, once granted, lasts the session). */
export const workspaceTrustedNotification = new NotificationType0('cptClaims/workspaceTrusted');

// The data a document is checked with (the VS Code status bar item)

export interface DataInUseParams {
  /** The document's uri; it need not be open (the answer then comes from its settings alone). */
  uri: string;
}

/** A data file the settings name that is not used, and why (the reason never quotes the file's content). */
export interface UnusedDataFile {
  name: string;
  reason: string;
}

export interface DataInUse {
  /** Names of the licensed descriptor files in use, in the settings' order; empty: the bundled summaries. */
  descriptorFiles: string[];
  /** The name of the MUE file in use, if any. */
  mueFile?: string;
  /** The quarter or date the MUE file names in its preamble, when it does. */
  muePeriod?: string;
  /** Files the settings name that cannot be used. */
  notUsed: UnusedDataFile[];
}

/** Client → server: the data a document is checked with; null for params without a uri, or when reading failed. */
export const dataInUseRequest = new RequestType<DataInUseParams, DataInUse | null, void>('cptClaims/dataInUse');

/**
 * Client → server, no parameters: every data file is read again (and its problems reported again), the data
 * folder too (in the background), then the documents are checked again. Answers null.
 */
export const reloadDataRequest = new RequestType0<null, void>('cptClaims/reloadData');

/** Server → client, no parameters: settings, trust or data files changed, so ask `dataInUseRequest` again. */
export const dataInUseChangedNotification = new NotificationType0('cptClaims/dataInUseChanged');

/**
 * The experimental client capability (`experimental: { cptClaimsDataInUse: true }`) by which a client says it
 * listens for `dataInUseChangedNotification`. Other clients are never sent it: no editor gets a notification it
 * does not know.
 */
export const dataInUseCapability = 'cptClaimsDataInUse';

// The data folder (`cptClaims.dataFolder`): the official code sets and CMS edit files, for the status bar

/** What became of one file of the data folder (the reason never quotes the file's content). */
export interface DataFolderFile {
  /** Relative to the folder; a zip's member as `download.zip/member.txt`. */
  file: string;
  /** What it was recognised as: `icd10cm`, `hcpcs`, `ptp`, `add-on`, `mue`, `pfs`. */
  kind?: string;
  /** The edition it gave: "PTP 2026 Q3". */
  edition?: string;
  rows?: number;
  /** Why it was not used, or what of it was not understood. */
  problem?: string;
}

/** A loaded edition: its kind (as `DataFolderFile.kind`) and its label, "ICD-10-CM FY2026". */
export interface DataFolderEdition {
  kind: string;
  label: string;
}

export interface DataFolderStatus {
  /** The folder as the setting names it; '' when none is set. */
  folder: string;
  /** `none`: no folder set; `loading`: being read; `loaded`: read (maybe with problems); `unreadable`: see `problem`. */
  state: 'none' | 'loading' | 'loaded' | 'unreadable';
  /** Every loaded edition, kind by kind, each kind's in date order. */
  editions: DataFolderEdition[];
  /** Every file of the folder the reader looked at, in name order. */
  files: DataFolderFile[];
  /** Why the folder itself cannot be read. */
  problem?: string;
}

/** Server → client: what the data folder holds, each time that changes (setting, reload, a load finished). */
export const dataFolderStatusNotification = new NotificationType<DataFolderStatus>('cptClaims/dataFolderStatus');

/**
 * The experimental client capability (`experimental: { cptClaimsDataFolder: true }`) by which a client says it
 * listens for `dataFolderStatusNotification`; other clients are never sent it.
 */
export const dataFolderCapability = 'cptClaimsDataFolder';

// Commands (`workspace/executeCommand`). Each takes the document's uri as its first argument: the uri itself, or an
// object with a `uri` (the layout commands also take VS Code's Uri as JSON, whose string is `external`).

/** Converts the open `.claim` document's current text to an X12 837P; answers a `ConversionAnswer`, or null. */
export const convertTo837Command = 'cptClaims.server.convertTo837';
/** Converts the open 837's current text to a `.claim` file; answers a `ConversionAnswer`, or null. */
export const convertToClaimCommand = 'cptClaims.server.convertToClaim';
export const conversionCommands = [convertTo837Command, convertToClaimCommand] as const;

/** What a conversion command answers (null instead for a document the server does not have open). */
export interface ConversionAnswer {
  /** The new document's text; empty when `refused` is set. */
  text: string;
  /** Its language: `x12` for an 837P, `claim` for a `.claim` file. */
  language: 'x12' | 'claim';
  /** For the user: what was filled with a placeholder or could not be carried over (never patient data). */
  notes: string[];
  /** Why nothing was converted (the document is not of the source format). */
  refused?: string;
}

/** Lays the open X12 document out a segment per line, whatever `cptClaims.x12.layout` says (by an applyEdit). */
export const segmentPerLineCommand = 'cptClaims.x12.segmentPerLine';
/** Lays the open X12 document out on one line. */
export const oneLineCommand = 'cptClaims.x12.oneLine';
export const x12LayoutCommands = [segmentPerLineCommand, oneLineCommand] as const;
export type X12LayoutCommand = (typeof x12LayoutCommands)[number];

/** Every command the server declares (`executeCommandProvider`). */
export const serverCommands: readonly string[] = [...x12LayoutCommands, ...conversionCommands];
