/**
 * The data files a user points the settings at (licensed descriptor files,
 * the CMS MUE file): resolved against the document's workspace folder, read
 * once per change on disk, and turned into a language service that uses them.
 * A file that cannot be used is reported once (output channel, and its bad
 * rows as diagnostics on the file); the bundled data keeps working.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { readDescriptorFile } from './service/data/descriptorFile';
import type { DescriptorSource } from './service/data/codeReference';
import type { RowProblem } from './service/data/delimitedText';
import { readMueFile, type MueEntry } from './service/data/mueFile';
import { type ClaimLanguageService, getLanguageService, type LanguageServiceOptions } from './service/languageService';
import type { ClaimSettings } from './service/settings';

/** Larger files are refused: a descriptor or MUE file is a few megabytes. */
const maxDataFileBytes = 64 * 1024 * 1024;
const watchIntervalMs = 500;

type Loaded<T> = { ok: true; value: T; stamp: string } | { ok: false; reason: string; stamp: string };

interface FileEntry {
  stamp: string;
  descriptor?: Loaded<DescriptorSource>;
  mue?: Loaded<ReadonlyMap<string, MueEntry>>;
}

export class DataFiles {
  private readonly files = new Map<string, FileEntry>();
  private readonly services = new Map<string, ClaimLanguageService>();
  private readonly reported = new Set<string>();
  private readonly watched = new Set<string>();
  private readonly connection: Connection;
  private readonly workspaceFolders: () => readonly string[];
  private readonly onChange: () => void;
  private readonly baseOptions: LanguageServiceOptions;
  readonly bundledOnly: ClaimLanguageService;

  constructor(connection: Connection, workspaceFolders: () => readonly string[], onChange: () => void, options: LanguageServiceOptions = {}) {
    this.connection = connection;
    this.workspaceFolders = workspaceFolders;
    this.onChange = onChange;
    this.baseOptions = options;
    this.bundledOnly = getLanguageService(options);
  }

  /** The language service for a document: the bundled data plus the files its settings name. */
  serviceFor(documentUri: string, settings: ClaimSettings): ClaimLanguageService {
    if (settings.descriptorFiles.length === 0 && settings.mueFile === '') {
      return this.bundledOnly;
    }
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
        options.mue = mue.value;
      }
      service = getLanguageService(options);
      this.services.clear();
      this.services.set(key, service);
    }
    return service;
  }

  /** Absolute, or relative to the workspace folder holding the document (else its first folder, else the document's folder). */
  private resolve(file: string, documentUri: string): string {
    if (path.isAbsolute(file)) {
      return path.normalize(file);
    }
    const documentPath = documentUri.startsWith('file:') ? fileURLToPath(documentUri) : undefined;
    const folders = this.workspaceFolders();
    const folder = folders.find((f) => documentPath?.startsWith(f + path.sep)) ?? folders[0] ?? (documentPath ? path.dirname(documentPath) : process.cwd());
    return path.resolve(folder, file);
  }

  private stampOf(file: string): string {
    try {
      const stat = fs.statSync(file);
      return `${stat.isFile() ? 'file' : 'other'}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  private load<K extends 'descriptor' | 'mue'>(file: string, kind: K): NonNullable<FileEntry[K]> {
    this.watch(file);
    const stamp = this.stampOf(file);
    const entry = this.files.get(file);
    const cached = entry?.stamp === stamp ? entry[kind] : undefined;
    if (cached) {
      return cached;
    }
    const loaded = this.read(file, kind, stamp);
    this.files.set(file, { ...(entry?.stamp === stamp ? entry : {}), stamp, [kind]: loaded });
    return loaded as NonNullable<FileEntry[K]>;
  }

  private read(file: string, kind: 'descriptor' | 'mue', stamp: string): Loaded<DescriptorSource> | Loaded<ReadonlyMap<string, MueEntry>> {
    const what = kind === 'descriptor' ? 'descriptor file' : 'MUE file';
    const fail = (reason: string) => {
      this.reportOnce(`${file}|${stamp}|${kind}`, `The ${what} ${file} is not used: ${reason} The bundled data is used instead.`, file, []);
      return { ok: false as const, reason, stamp };
    };
    if (stamp === 'missing') {
      return fail('it does not exist or cannot be read.');
    }
    if (stamp.startsWith('other')) {
      return fail('it is not a regular file.');
    }
    if (Number(stamp.split(':')[1]) > maxDataFileBytes) {
      return fail(`it is larger than ${maxDataFileBytes / 1024 / 1024} MB.`);
    }
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return fail('it cannot be read.');
    }
    if (kind === 'descriptor') {
      const descriptorFile = readDescriptorFile(text, path.basename(file));
      this.reportOnce(`${file}|${stamp}|${kind}`, `Read ${descriptorFile.count} descriptors from ${file}.`, file, descriptorFile.problems);
      return { ok: true, value: descriptorFile.source, stamp };
    }
    const table = readMueFile(text);
    this.reportOnce(`${file}|${stamp}|${kind}`, `Read ${table.entries.size} MUE values${table.period ? ` (${table.period})` : ''} from ${file}.`, file, table.problems);
    return table.entries.size > 0 ? { ok: true, value: table.entries, stamp } : fail(table.problems[0]?.message ?? 'it holds no MUE rows.');
  }

  /** One log line per file version, and its bad rows as diagnostics on the file itself. */
  private reportOnce(key: string, message: string, file: string, problems: readonly RowProblem[]): void {
    if (this.reported.has(key)) {
      return;
    }
    this.reported.add(key);
    const log = problems.length > 0 ? this.connection.console.warn.bind(this.connection.console) : this.connection.console.info.bind(this.connection.console);
    log(problems.length > 0 ? `${message} ${problems.length} rows were skipped:` : message);
    problems.slice(0, 50).forEach((problem) => this.connection.console.warn(`  ${path.basename(file)} line ${problem.line}: ${problem.message}`));
    const diagnostics = problems.map((problem) => ({
      range: { start: { line: problem.line - 1, character: 0 }, end: { line: problem.line - 1, character: Number.MAX_SAFE_INTEGER } },
      severity: DiagnosticSeverity.Warning,
      code: 'data-file-row',
      source: 'cpt-claims',
      message: problem.message,
    }));
    this.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics }).catch(() => undefined);
  }

  /** Re-read a file when it changes on disk; polling also notices a file created or replaced later. */
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
