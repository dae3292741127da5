/**
 * The data files a user points the settings at (licensed descriptor files,
 * the CMS MUE file): resolved against the document's workspace folder, read
 * once per change on disk, and turned into a language service that uses them.
 * A file that cannot be used is reported once per version (a warning shown to
 * the user and in the log; its bad rows as diagnostics on the file); the
 * bundled data keeps working. In an untrusted workspace a file outside the
 * workspace folders is not read at all.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { type Diagnostic, DiagnosticSeverity, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import {
  type DataFileState,
  displayPath,
  isInsideAny,
  readDataFile,
  stateOf,
} from '../../../shared/src/dataFileReader';
import { pathProblem } from '../../../shared/src/guardedFile';
import type { DataInUse } from '../../../shared/src/protocol';
import { describeError } from '../runtime/safeHandler';
import {
  type ClaimLanguageService,
  type ClaimSettings,
  type DescriptorSource,
  getLanguageService,
  type LanguageServiceOptions,
  type MueEntry,
  type OfficialData,
  readDescriptorFile,
  readMueFile,
  type RowPlace,
  type RowProblem,
} from '../service';

const watchIntervalMs = 500;
/** Row problems listed in the log; the diagnostics on the file list more. */
const maxLoggedRowProblems = 50;

type Loaded<T> = { ok: true; value: T; stamp: string } | { ok: false; reason: string; stamp: string };

interface FileEntry {
  stamp: string;
  descriptor?: Loaded<DescriptorSource>;
  mue?: Loaded<MueInUse>;
}

/** An MUE file's entries and the quarter its preamble names. */
interface MueInUse {
  entries: ReadonlyMap<string, MueEntry>;
  period?: string;
}

type Kind = 'descriptor' | 'mue';

const kinds = {
  descriptor: {
    what: 'descriptor file',
    setting: 'cptClaims.descriptorFiles',
    fallback: 'The bundled data is used instead.',
  },
  mue: {
    what: 'MUE file',
    setting: 'cptClaims.mueFile',
    fallback: 'The bundled data is used instead, without MUE limits.',
  },
};

/** What a report on one file version says: the message, its weight, and the bad rows it lists. */
interface Report {
  message: string;
  /** A file that is not used at all is also shown to the user: whoever set the path expects it to matter. */
  notUsed: boolean;
  problems: readonly RowProblem[];
  problemCount: number;
}

export class DataFiles {
  private readonly files = new Map<string, FileEntry>();
  private readonly services = new Map<string, ClaimLanguageService>();
  private readonly reported = new Set<string>();
  private readonly watched = new Set<string>();
  private readonly connection: Connection;
  private readonly workspaceFolders: () => readonly string[];
  private readonly onChange: () => void;
  private baseOptions: LanguageServiceOptions;
  /** The bundled data and the data folder's tables: the service of a document whose settings name no file. */
  private withOfficialData: ClaimLanguageService;
  /** Set from the client at initialize; editors that say nothing of trust (any but VS Code) are trusted. */
  trusted = true;
  /** For what needs no data (parsing, outline, formatting): the bundled data alone, never rebuilt. */
  readonly bundledOnly: ClaimLanguageService;

  constructor(
    connection: Connection,
    workspaceFolders: () => readonly string[],
    onChange: () => void,
    options: LanguageServiceOptions = {},
  ) {
    this.connection = connection;
    this.workspaceFolders = workspaceFolders;
    this.onChange = onChange;
    this.baseOptions = options;
    this.bundledOnly = getLanguageService(options);
    this.withOfficialData = this.bundledOnly;
  }

  /**
   * The data folder was read (`dataFolderLoader.ts`): every service is made again with its tables, and every
   * document checked again. The MUE file a setting names stays in the service beside the folder's MUE editions.
   */
  setOfficialData(officialData: OfficialData): void {
    this.baseOptions = { ...this.baseOptions, officialData };
    this.withOfficialData = getLanguageService(this.baseOptions);
    this.services.clear();
    this.onChange();
  }

  /** The user trusted the workspace: every document is checked again with the files now allowed. */
  grantTrust(): void {
    if (!this.trusted) {
      this.trusted = true;
      this.onChange();
    }
  }

  /** The language service for a document: the bundled data plus the files its settings name. Never throws: the bundled data is the fallback. */
  serviceFor(documentUri: string, settings: ClaimSettings): ClaimLanguageService {
    settings.ignoredDataFileSettings?.forEach((message) =>
      this.reportOnce(`setting|${message}`, notUsedReport(`${message} The bundled data is used instead.`)),
    );
    if (settings.descriptorFiles.length === 0 && settings.mueFile === '') {
      return this.withOfficialData;
    }
    try {
      return this.serviceWithFiles(documentUri, settings);
    } catch (error) {
      // Not expected (every file problem is a reason, not an exception), but the documents must still be checked.
      this.reportOnce(
        `error|${describeError(error)}`,
        notUsedReport(`The data files could not be read (${describeError(error)}). The bundled data is used instead.`),
      );
      return this.withOfficialData;
    }
  }

  private serviceWithFiles(documentUri: string, settings: ClaimSettings): ClaimLanguageService {
    const descriptorPaths = settings.descriptorFiles.map((file) => this.resolve(file, documentUri));
    const muePath = settings.mueFile === '' ? undefined : this.resolve(settings.mueFile, documentUri);
    const descriptors = descriptorPaths.map((file) => this.load(file, 'descriptor'));
    const mue = muePath ? this.load(muePath, 'mue') : undefined;
    const key = JSON.stringify([descriptorPaths, descriptors.map((d) => d.stamp), muePath, mue?.stamp]);
    let service = this.services.get(key);
    if (!service) {
      const options: LanguageServiceOptions = {
        ...this.baseOptions,
        descriptorSources: descriptors.flatMap((d) => (d.ok ? [d.value] : [])),
      };
      if (mue?.ok) {
        options.mue = mue.value.entries;
      }
      service = getLanguageService(options);
      this.services.clear();
      this.services.set(key, service);
    }
    return service;
  }

  /** The data a document is checked with (the same files `serviceFor` reads), named for the status bar. */
  dataInUse(documentUri: string, settings: ClaimSettings): DataInUse {
    const inUse: DataInUse = { descriptorFiles: [], notUsed: [] };
    for (const file of settings.descriptorFiles.map((name) => this.resolve(name, documentUri))) {
      const loaded = this.load(file, 'descriptor');
      if (loaded.ok) {
        inUse.descriptorFiles.push(path.basename(file));
      } else {
        inUse.notUsed.push({ name: path.basename(file), reason: loaded.reason });
      }
    }
    if (settings.mueFile !== '') {
      const file = this.resolve(settings.mueFile, documentUri);
      const loaded = this.load(file, 'mue');
      if (loaded.ok) {
        inUse.mueFile = path.basename(file);
        if (loaded.value.period !== undefined) {
          inUse.muePeriod = loaded.value.period;
        }
      } else {
        inUse.notUsed.push({ name: path.basename(file), reason: loaded.reason });
      }
    }
    return inUse;
  }

  /** The user asked for the data files to be read again: nothing read is kept, problems are reported again, documents are checked again. */
  reload(): void {
    this.files.clear();
    this.services.clear();
    this.reported.clear();
    this.onChange();
  }

  /** Absolute, or relative to the workspace folder holding the document (else its first folder, else the document's folder). */
  private resolve(file: string, documentUri: string): string {
    if (path.isAbsolute(file)) {
      return path.normalize(file);
    }
    let documentPath: string | undefined;
    try {
      documentPath = documentUri.startsWith('file:') ? fileURLToPath(documentUri) : undefined;
    } catch {
      // A file URI with a host, or otherwise not a local path: no document folder to resolve against.
    }
    const folders = this.workspaceFolders();
    const folder =
      folders.find((f) => documentPath?.startsWith(f + path.sep)) ??
      folders[0] ??
      (documentPath ? path.dirname(documentPath) : process.cwd());
    return path.resolve(folder, file);
  }

  /** The file's state, or a refusal when the workspace is untrusted and the file lies outside it (symbolic links followed). */
  private stateOf(file: string): DataFileState {
    if (pathProblem(file) === undefined) {
      if (!this.trusted && !isInsideAny(file, this.workspaceFolders())) {
        return {
          stamp: 'untrusted',
          problem: 'the workspace is not trusted and the file is outside its folders (trust the workspace to use it).',
        };
      }
      this.watch(file);
    }
    return stateOf(file);
  }

  private load<K extends Kind>(file: string, kind: K): NonNullable<FileEntry[K]> {
    const state = this.stateOf(file);
    const entry = this.files.get(file);
    const cached = entry?.stamp === state.stamp ? entry[kind] : undefined;
    if (cached) {
      return cached;
    }
    const loaded = this.read(file, kind, state);
    this.files.set(file, { ...(entry?.stamp === state.stamp ? entry : {}), stamp: state.stamp, [kind]: loaded });
    return loaded as NonNullable<FileEntry[K]>;
  }

  private read(file: string, kind: Kind, state: DataFileState): Loaded<DescriptorSource> | Loaded<MueInUse> {
    const { what, setting, fallback } = kinds[kind];
    const name = `The ${what} ${displayPath(file)} (${setting})`;
    const key = `${file}|${state.stamp}|${kind}`;
    const stamp = state.stamp;
    const fail = (reason: string, problems: readonly RowProblem[] = [], problemCount = 0) => {
      this.reportOnce(
        key,
        { ...notUsedReport(`${name} is not used: ${reason} ${fallback}`), problems, problemCount },
        file,
      );
      return { ok: false as const, reason, stamp };
    };
    if (state.problem) {
      return fail(state.problem);
    }
    const text = readDataFile(file);
    if (!text.ok) {
      return fail(text.reason);
    }
    if (kind === 'descriptor') {
      const descriptorFile = readDescriptorFile(text.text, path.basename(file));
      if (descriptorFile.count === 0) {
        return fail(
          'it holds no rows of a code and its descriptor (the problems are listed on the file).',
          descriptorFile.problems,
          descriptorFile.problemCount,
        );
      }
      this.reportOnce(
        key,
        {
          message: `Read ${descriptorFile.count} descriptors from ${displayPath(file)}.`,
          notUsed: false,
          problems: descriptorFile.problems,
          problemCount: descriptorFile.problemCount,
        },
        file,
      );
      return { ok: true, value: descriptorFile.source, stamp };
    }
    const table = readMueFile(text.text);
    if (table.entries.size === 0) {
      return fail(
        'it holds no usable MUE rows (the problems are listed on the file).',
        table.problems,
        table.problemCount,
      );
    }
    const period = table.period ? ` (${table.period})` : '';
    this.reportOnce(
      key,
      {
        message: `Read ${table.entries.size} MUE values${period} from ${displayPath(file)}.`,
        notUsed: false,
        problems: table.problems,
        problemCount: table.problemCount,
      },
      file,
    );
    return {
      ok: true,
      value: table.period ? { entries: table.entries, period: table.period } : { entries: table.entries },
      stamp,
    };
  }

  /**
   * One report per file version (or per ignored setting): a line in the log,
   * a warning shown to the user when the file is not used at all, and the
   * file's first bad rows as diagnostics on it, with one more saying how many
   * there were in all.
   */
  private reportOnce(key: string, report: Report, file?: string): void {
    if (this.reported.has(key)) {
      return;
    }
    this.reported.add(key);
    const { message, notUsed, problems, problemCount } = report;
    const log = this.connection.console;
    const skipped =
      problemCount > 0
        ? ` ${problemCount} rows were skipped${problemCount > maxLoggedRowProblems ? `; the first ${maxLoggedRowProblems}` : ''}:`
        : '';
    if (notUsed || problemCount > 0) {
      log.warn(`${message}${skipped}`);
    } else {
      log.info(message);
    }
    problems
      .slice(0, maxLoggedRowProblems)
      .forEach((problem) => log.warn(`  ${path.basename(file ?? '')} line ${problem.line}: ${problem.message}`));
    if (notUsed) {
      this.connection
        .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message })
        .catch(() => undefined);
    }
    // A path no file system accepts has no URI to put diagnostics on.
    if (file !== undefined && pathProblem(file) === undefined) {
      const diagnostics = problems.map((problem) =>
        rowDiagnostic(problem, problem.message, DiagnosticSeverity.Warning),
      );
      const [first] = problems;
      if (first && problemCount > problems.length) {
        diagnostics.push(
          rowDiagnostic(
            first,
            `${problemCount} rows have problems; only the first ${problems.length} are listed.`,
            DiagnosticSeverity.Information,
          ),
        );
      }
      this.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics }).catch(() => undefined);
    }
  }

  /** Re-read a file when it changes on disk; polling (a stat, never a read) also notices a file created or replaced later. */
  private watch(file: string): void {
    if (this.watched.has(file)) {
      return;
    }
    this.watched.add(file);
    fs.watchFile(file, { interval: watchIntervalMs, persistent: false }, (current, previous) => {
      if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) {
        this.onChange();
      }
    });
  }

  dispose(): void {
    this.watched.forEach((file) => fs.unwatchFile(file));
    this.watched.clear();
  }
}

function notUsedReport(message: string): Report {
  return { message, notUsed: true, problems: [], problemCount: 0 };
}

/** A diagnostic on a data file's row: the whole row, ending where its line does (an end past it is no position of the file). */
function rowDiagnostic({ line, length }: RowPlace, message: string, severity: DiagnosticSeverity): Diagnostic {
  return {
    range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: length } },
    severity,
    code: 'data-file-row',
    source: 'cpt-claims',
    message,
  };
}
