/**
 * Workspace problems (`cptClaims.workspaceDiagnostics`): every claim file of
 * the workspace folders checked from disk, so the Problems panel shows the
 * whole batch. An open document's problems are those of its text in the
 * editor, never the disk's; a closed one is checked again from disk.
 *
 * - Pull clients get `workspace/diagnostic`, a report per file streamed as
 *   partial results. A file whose disk stamp and settings are those of the
 *   report the client already holds is not read again. When nothing changed
 *   and the client registered a file watcher for us, the request waits until
 *   something does (a file event, a document closed, new settings or data
 *   files) or a document is pulled: VS Code asks again two seconds after each
 *   answer, and a walk of 10,000 files every two seconds would be work for
 *   nothing. Without a watcher each request walks and stats the folders
 *   again: changes are found on demand, and nothing polls. Open documents
 *   are reported too, from their current text, because VS Code, once a
 *   server declares workspace diagnostics, keeps a closed tab's problems
 *   until a workspace report replaces them (and sends no `didClose` while
 *   the document stays loaded).
 * - Push clients get `textDocument/publishDiagnostics` for each file, from a
 *   scan run when the server starts and again after each such change.
 *
 * A scan lets the event loop turn every few milliseconds (between files and
 * between slices of a large file's check), so hover and completion are
 * answered meanwhile, and shows "Checking workspace claims: 40/200 files".
 * Files larger than `cptClaims.skipCheckAboveMB` are not read. Nothing here
 * logs claim text: only file names, counts and reasons.
 */
import type { CancellationToken, Connection, ResultProgressReporter } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, WorkspaceDiagnosticParams, WorkspaceDiagnosticReport, WorkspaceDiagnosticReportPartialResult, WorkspaceDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimsPerStep } from './documentChecks';
import type { FolderSettings, FolderSettingsReader } from './folderSettings';
import { describeError } from './safeHandler';
import type { ClaimLanguageService, ClaimSettings } from './service/languageService';
import { TurnBudget } from './turnBudget';
import { claimFileState, fileUriOf, languageIdOf, listClaimFiles, readClaimFile } from './workspaceFiles';
import { WorkspaceScanProgress } from './workspaceScanProgress';

/** A size setting's unit: a million characters, about a megabyte of claim text. */
const bytesPerMB = 1_000_000;

export interface WorkspaceDependencies {
  folders(): readonly string[];
  trusted(): boolean;
  isOpen(uri: string): boolean;
  /** The documents the editor has open, with their versions. */
  openDocuments(): { uri: string; version: number }[];
  /** An open document's diagnostics, of its current text; undefined when it changed or closed meanwhile. */
  documentDiagnostics(uri: string): Promise<Diagnostic[] | undefined>;
  settings: FolderSettingsReader;
  serviceFor(uri: string, settings: ClaimSettings): ClaimLanguageService;
}

/** A file's diagnostics as last found, and the id of that result: the generation of settings and the file's stamp. */
interface FileResult {
  resultId: string;
  diagnostics: Diagnostic[];
}

/** A full report on one file; no resultId means the file is no longer reported (its problems are cleared). */
interface FileReport {
  uri: string;
  resultId?: string;
  diagnostics: Diagnostic[];
  /** For an open document's report: the version its diagnostics are of. */
  version?: number;
}

interface PendingFile {
  file: string;
  uri: string;
  resultId: string;
  size: number;
  settings: ClaimSettings;
}

export class WorkspaceDiagnostics {
  private readonly results = new Map<string, FileResult>();
  /** Push mode: the result each file's published diagnostics came from. */
  private readonly published = new Map<string, string>();
  private readonly told = new Set<string>();
  /**
   * Pull mode: documents closed since the last report on them. VS Code keeps a closed document's last problems
   * until a workspace report replaces them, and ignores a report that races its last document pull; so the
   * first report after a close carries a result id of its own, and the client, asking again with it, gets the
   * real one. At most one report more per close, and a closed file no folder reports from disk is cleared.
   */
  private readonly recentlyClosed = new Set<string>();
  /** Bumped by new settings, data files or trust: every result of an earlier generation is stale. */
  private generation = 0;
  /** Bumped by anything that may change a report; a waiting pull wakes on it. */
  private changes = 0;
  /** Bumped by each document pull: a waiting workspace pull then ends, so VS Code asks again with its current result ids. */
  private documentPulls = 0;
  private readonly wakers = new Set<() => void>();
  private pushWanted = false;
  private pushRunning = false;
  private stopPushScan = false;
  private disposed = false;
  /** Set once the client accepted a watcher for claim files: then a pull with nothing new waits for a change. */
  watching = false;
  /** Pull clients ask for workspace diagnostics; push clients get them published. */
  pullMode = false;

  constructor(
    private readonly connection: Connection,
    private readonly deps: WorkspaceDependencies,
  ) {}

  /** New settings, data files or trust: every file is checked again. */
  refresh(): void {
    this.generation += 1;
    this.changed();
  }

  /** Claim files changed on disk (a watcher event): the next scan stats them. */
  filesChanged(): void {
    this.changed();
  }

  /** A document closed: its file is reported from disk again (its problems were the editor text's until now). */
  documentClosed(uri: string): void {
    this.published.delete(uri);
    if (this.pullMode) {
      this.recentlyClosed.add(uri);
    }
    this.changed();
  }

  /**
   * A document pull arrived. VS Code sends one when an editor tab closes, with no `didClose` (the document stays
   * open), and then expects that document's problems from the workspace report; it tells the server nothing else.
   * So a waiting workspace pull ends, and the next one, asked with the client's ids of that moment, reports it.
   */
  documentPulled(): void {
    this.documentPulls += 1;
    this.wakers.forEach((wake) => wake());
  }

  dispose(): void {
    this.disposed = true;
    this.stopPushScan = true;
    this.wakers.forEach((wake) => wake());
  }

  private changed(): void {
    this.changes += 1;
    this.wakers.forEach((wake) => wake());
    if (!this.pullMode) {
      this.requestPushScan();
    }
  }

  /** `workspace/diagnostic`: the reports the client lacks, as partial results when it asked for them. */
  async pull(params: WorkspaceDiagnosticParams, token: CancellationToken, resultProgress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>): Promise<WorkspaceDiagnosticReport> {
    const known = new Map(params.previousResultIds.map((previous) => [previous.uri, previous.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (;;) {
      const changesBefore = this.changes;
      const pullsBefore = this.documentPulls;
      let reported = 0;
      await this.scan(known, () => token.isCancellationRequested || this.disposed, (reports) => {
        reported += reports.length;
        const converted = reports.map(toWorkspaceReport);
        if (resultProgress) {
          resultProgress.report({ items: converted });
        } else {
          items.push(...converted);
        }
      });
      if (reported > 0 || !this.watching || token.isCancellationRequested || this.disposed) {
        return { items };
      }
      await this.nextChange(changesBefore, pullsBefore, token);
      if (this.documentPulls !== pullsBefore) {
        return { items };
      }
    }
  }

  /** Resolves once `changes` or `documentPulls` moved past what was seen, or the request is cancelled. */
  private nextChange(seenChanges: number, seenPulls: number, token: CancellationToken): Promise<void> {
    if (this.changes !== seenChanges || this.documentPulls !== seenPulls || token.isCancellationRequested || this.disposed) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const wake = () => {
        this.wakers.delete(wake);
        cancelled.dispose();
        resolve();
      };
      const cancelled = token.onCancellationRequested(wake);
      this.wakers.add(wake);
    });
  }

  /** Push mode: one scan at a time; a change during a scan stops it between two files, and a new one starts. */
  requestPushScan(): void {
    this.pushWanted = true;
    if (this.pushRunning) {
      this.stopPushScan = true;
      return;
    }
    this.pushRunning = true;
    this.runPushScans()
      .catch((error: unknown) => this.connection.console.error(`Workspace check failed: ${describeError(error)}`))
      .finally(() => {
        this.pushRunning = false;
      });
  }

  private async runPushScans(): Promise<void> {
    while (this.pushWanted && !this.disposed) {
      this.pushWanted = false;
      this.stopPushScan = false;
      await this.scan(this.published, () => this.stopPushScan, (reports) => {
        for (const report of reports) {
          if (report.resultId === undefined) {
            this.published.delete(report.uri);
          } else {
            this.published.set(report.uri, report.resultId);
          }
          this.connection.sendDiagnostics({ uri: report.uri, diagnostics: report.diagnostics }).catch((error: unknown) => this.connection.console.error(`Publishing workspace diagnostics failed: ${describeError(error)}`));
        }
      });
    }
  }

  /**
   * One pass over the workspace: reports for the files whose result the
   * client lacks (`known` maps a uri to the result it holds), and empty
   * reports for the files it holds that are gone, no longer claim files of an
   * enabled folder, or unreadable. Stops between two files (or two slices of
   * one) when `stop` says so.
   */
  private async scan(known: ReadonlyMap<string, string>, stop: () => boolean, emit: (reports: FileReport[]) => void): Promise<void> {
    const generation = this.generation;
    const enabled: { folder: string; settings: FolderSettings }[] = [];
    for (const folder of this.deps.folders()) {
      const settings = await this.deps.settings.forFolder(fileUriOf(folder));
      if (settings.workspaceDiagnostics) {
        enabled.push({ folder, settings });
      }
    }
    const listing = enabled.length === 0 ? { files: [] } : await listClaimFiles(enabled.map((e) => e.folder), { trusted: this.deps.trusted() });
    if (listing.truncated !== undefined) {
      this.tellOnce(`truncated|${listing.truncated}`, MessageType.Warning, `Workspace problems: ${listing.truncated}, so only the first ${listing.files.length.toLocaleString('en-US')} are checked (cptClaims.workspaceDiagnostics). Check the whole batch with claim-lint.`);
    }
    const batch: FileReport[] = [];
    // An open document's problems come from its own check: its report is never sent from here.
    const flush = () => {
      const reports = batch.splice(0).filter((report) => report.version !== undefined || !this.deps.isOpen(report.uri));
      if (reports.length > 0) {
        emit(reports);
      }
    };
    const listed = new Set(listing.files.map(fileUriOf));
    for (const uri of known.keys()) {
      if (!listed.has(uri)) {
        this.results.delete(uri);
        batch.push({ uri, diagnostics: [] });
      }
    }
    for (const uri of this.recentlyClosed) {
      if (!listed.has(uri) && !this.deps.isOpen(uri)) {
        this.recentlyClosed.delete(uri);
        if (!known.has(uri)) {
          batch.push({ uri, resultId: `closed|${generation}`, diagnostics: [] });
        }
      }
    }
    if (this.pullMode) {
      await this.reportOpenDocuments(known, generation, enabled.map((e) => e.folder), batch);
    }
    const pending: PendingFile[] = [];
    const budget = new TurnBudget();
    for (const file of listing.files) {
      const uri = fileUriOf(file);
      if (stop()) {
        return;
      }
      if (this.deps.isOpen(uri)) {
        continue;
      }
      const state = await claimFileState(file);
      if (!state.ok) {
        this.logOnce(`${uri}|${state.reason}`, `Workspace problems: ${path.basename(file)} is not checked: ${state.reason}`);
        if (known.has(uri)) {
          batch.push({ uri, diagnostics: [] });
        }
        continue;
      }
      const resultId = `${generation}|${state.stamp}`;
      if (known.get(uri) !== resultId || this.recentlyClosed.has(uri)) {
        const settings = enabled.filter((e) => file.startsWith(e.folder + path.sep)).sort((a, b) => b.folder.length - a.folder.length)[0]?.settings ?? (enabled[0] as (typeof enabled)[number]).settings;
        pending.push({ file, uri, resultId, size: state.size, settings: settings.claim });
      }
      if (await budget.yieldIfDue()) {
        flush();
      }
    }
    flush();
    const toRead = pending.filter((p) => this.results.get(p.uri)?.resultId !== p.resultId).length;
    const progress = toRead > 0 ? await WorkspaceScanProgress.begin(this.connection, toRead) : undefined;
    let read = 0;
    try {
      for (const item of pending) {
        if (stop()) {
          return;
        }
        let result = this.results.get(item.uri);
        if (result?.resultId !== item.resultId) {
          const diagnostics = await this.check(item, stop, budget, flush);
          if (diagnostics === undefined) {
            return;
          }
          result = { resultId: item.resultId, diagnostics };
          this.results.set(item.uri, result);
          read += 1;
          progress?.report(read);
        }
        const afterClose = this.recentlyClosed.delete(item.uri);
        batch.push({ uri: item.uri, resultId: afterClose ? `${result.resultId}|after-close` : result.resultId, diagnostics: result.diagnostics });
        if (await budget.yieldIfDue()) {
          flush();
        }
      }
    } finally {
      flush();
      progress?.done();
    }
  }

  /**
   * Pull mode: a report for each open document whose report the client lacks, of its current text (none when
   * the setting is off for it). VS Code shows it only once the document's tab is closed (while a tab shows it,
   * the document pull's result wins); without it, a closed tab would keep its last problems for good.
   */
  private async reportOpenDocuments(known: ReadonlyMap<string, string>, generation: number, enabledFolders: readonly string[], batch: FileReport[]): Promise<void> {
    for (const { uri, version } of this.deps.openDocuments()) {
      const file = uri.startsWith('file:') ? safeFilePath(uri) : undefined;
      const enabled = file !== undefined && enabledFolders.some((folder) => file.startsWith(folder + path.sep));
      const resultId = `open|${generation}|${version}|${enabled ? 'on' : 'off'}`;
      if (known.get(uri) === resultId) {
        continue;
      }
      const diagnostics = enabled ? await this.deps.documentDiagnostics(uri) : [];
      if (diagnostics !== undefined) {
        batch.push({ uri, resultId, diagnostics, version });
      }
    }
  }

  /** The file's diagnostics from disk, or undefined when the scan was stopped meanwhile. */
  private async check(item: PendingFile, stop: () => boolean, budget: TurnBudget, flush: () => void): Promise<Diagnostic[] | undefined> {
    const name = path.basename(item.file);
    const limit = item.settings.skipCheckAboveMB * bytesPerMB;
    if (item.size > limit) {
      this.tellOnce(`large|${item.uri}|${item.resultId}`, MessageType.Warning, `Workspace problems: ${name} is larger than ${item.settings.skipCheckAboveMB} MB (cptClaims.skipCheckAboveMB), so it is not checked. Check it with claim-lint, which streams it.`);
      return [];
    }
    const text = await readClaimFile(item.file, limit);
    if (!text.ok) {
      this.logOnce(`${item.uri}|${item.resultId}`, `Workspace problems: ${name} is not checked: ${text.reason}`);
      return [];
    }
    try {
      const document = TextDocument.create(item.uri, languageIdOf(item.file), 0, text.text);
      const service = this.deps.serviceFor(item.uri, item.settings);
      // A validator of its own: it reads the whole file once, in slices, and is dropped with the text.
      const steps = service.createDocumentValidator().validateInSteps(document, item.settings, undefined, { claimsPerStep });
      for (;;) {
        if (stop()) {
          return undefined;
        }
        const step = steps.next();
        if (step.done === true) {
          return step.value;
        }
        if (await budget.yieldIfDue()) {
          flush();
        }
      }
    } catch (error) {
      this.connection.console.error(`Workspace check of ${name} failed: ${describeError(error)}`);
      return [];
    }
  }

  private logOnce(key: string, message: string): void {
    if (!this.told.has(key)) {
      this.told.add(key);
      this.connection.console.warn(message);
    }
  }

  private tellOnce(key: string, type: MessageType, message: string): void {
    if (!this.told.has(key)) {
      this.told.add(key);
      this.connection.console.warn(message);
      this.connection.sendNotification(ShowMessageNotification.type, { type, message }).catch(() => undefined);
    }
  }
}

function toWorkspaceReport(report: FileReport): WorkspaceDocumentDiagnosticReport {
  const version = report.version ?? null;
  return report.resultId === undefined
    ? { kind: 'full', uri: report.uri, version, items: [] }
    : { kind: 'full', uri: report.uri, version, resultId: report.resultId, items: report.diagnostics };
}

function safeFilePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
