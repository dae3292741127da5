/**
 * One pass over the workspace for workspace problems: lists the claim files
 * of the folders where `cptClaims.workspaceDiagnostics` is on, and reports the
 * files whose result the client lacks, each checked from disk (a result is
 * kept per file, keyed by the settings generation and the file's disk stamp,
 * so an unchanged file is not read again). `workspaceDiagnostics.ts` decides
 * when a pass runs and where its reports go.
 *
 * A pass lets the event loop turn every few milliseconds (between files and
 * between slices of a large file's check), so hover and completion are
 * answered meanwhile, and shows "Checking workspace claims: 40/200 files".
 * Files larger than `cptClaims.skipCheckAboveMB` are not read. Nothing here
 * logs claim text: only file names, counts and reasons.
 */
import type { Connection } from 'vscode-languageserver';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimsPerStep } from '../documents/documentChecks';
import type { FolderSettings, FolderSettingsReader } from '../settings/folderSettings';
import { describeError } from '../runtime/safeHandler';
import type { ClaimLanguageService, ClaimSettings } from '../service';
import { TurnBudget } from '../runtime/turnBudget';
import { waitingRequests } from '../runtime/waitingRequests';
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

/** A full report on one file; no resultId means the file is no longer reported (its problems are cleared). */
export interface FileReport {
  uri: string;
  resultId?: string;
  diagnostics: Diagnostic[];
  /** For an open document's report: the version its diagnostics are of. */
  version?: number;
}

/** What one pass is asked for. */
interface ScanRequest {
  /** The settings generation: a result of an earlier one is stale. */
  generation: number;
  /** The result id the client holds for each uri. */
  known: ReadonlyMap<string, string>;
  /** Pull mode: the open documents are reported too, from their current text. */
  withOpenDocuments: boolean;
  /** Checked between two files (or two slices of one): the pass stops when it says so. */
  stop: () => boolean;
  emit: (reports: FileReport[]) => void;
}

/** A file's diagnostics as last found, and the id of that result: the generation of settings and the file's stamp. */
interface FileResult {
  resultId: string;
  diagnostics: Diagnostic[];
}

interface PendingFile {
  file: string;
  uri: string;
  resultId: string;
  size: number;
  settings: ClaimSettings;
}

export class WorkspaceScan {
  private readonly results = new Map<string, FileResult>();
  private readonly told = new Set<string>();
  /**
   * Pull mode: documents closed since the last report on them. VS Code keeps a closed document's last problems
   * until a workspace report replaces them, and ignores a report that races its last document pull; so the
   * first report after a close carries a result id of its own, and the client, asking again with it, gets the
   * real one. At most one report more per close, and a closed file no folder reports from disk is cleared.
   */
  private readonly recentlyClosed = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly deps: WorkspaceDependencies,
  ) {}

  /** Pull mode: the document closed, so its next report carries a result id of its own (see `recentlyClosed`). */
  documentClosed(uri: string): void {
    this.recentlyClosed.add(uri);
  }

  /**
   * One pass: reports for the files whose result the client lacks, and empty
   * reports for the files it holds that are gone, no longer claim files of an
   * enabled folder, or unreadable.
   */
  async run(request: ScanRequest): Promise<void> {
    const { generation, known, stop } = request;
    const enabled: { folder: string; settings: FolderSettings }[] = [];
    for (const folder of this.deps.folders()) {
      const settings = await this.deps.settings.forFolder(fileUriOf(folder));
      if (settings.workspaceDiagnostics) {
        enabled.push({ folder, settings });
      }
    }
    const listing =
      enabled.length === 0
        ? { files: [] }
        : await listClaimFiles(
            enabled.map((e) => e.folder),
            { trusted: this.deps.trusted() },
          );
    if (listing.truncated !== undefined) {
      this.tellOnce(
        `truncated|${listing.truncated}`,
        MessageType.Warning,
        `Workspace problems: ${listing.truncated}, so only the first ${listing.files.length.toLocaleString('en-US')} are checked (cptClaims.workspaceDiagnostics). Check the whole batch with claim-lint.`,
      );
    }
    const batch: FileReport[] = [];
    // An open document's problems come from its own check: its report is never sent from here.
    const flush = () => {
      const reports = batch.splice(0).filter((report) => report.version !== undefined || !this.deps.isOpen(report.uri));
      if (reports.length > 0) {
        request.emit(reports);
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
    if (request.withOpenDocuments) {
      await this.reportOpenDocuments(
        known,
        generation,
        enabled.map((e) => e.folder),
        batch,
      );
    }
    const pending: PendingFile[] = [];
    const budget = new TurnBudget(() => waitingRequests.any);
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
        this.logOnce(
          `${uri}|${state.reason}`,
          `Workspace problems: ${path.basename(file)} is not checked: ${state.reason}`,
        );
        if (known.has(uri)) {
          batch.push({ uri, diagnostics: [] });
        }
        continue;
      }
      const resultId = `${generation}|${state.stamp}`;
      if (known.get(uri) !== resultId || this.recentlyClosed.has(uri)) {
        const settings =
          enabled
            .filter((e) => file.startsWith(e.folder + path.sep))
            .sort((a, b) => b.folder.length - a.folder.length)[0]?.settings ??
          (enabled[0] as (typeof enabled)[number]).settings;
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
        batch.push({
          uri: item.uri,
          resultId: afterClose ? `${result.resultId}|after-close` : result.resultId,
          diagnostics: result.diagnostics,
        });
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
  private async reportOpenDocuments(
    known: ReadonlyMap<string, string>,
    generation: number,
    enabledFolders: readonly string[],
    batch: FileReport[],
  ): Promise<void> {
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
  private async check(
    item: PendingFile,
    stop: () => boolean,
    budget: TurnBudget,
    flush: () => void,
  ): Promise<Diagnostic[] | undefined> {
    const name = path.basename(item.file);
    const limit = item.settings.skipCheckAboveMB * bytesPerMB;
    if (item.size > limit) {
      this.tellOnce(
        `large|${item.uri}|${item.resultId}`,
        MessageType.Warning,
        `Workspace problems: ${name} is larger than ${item.settings.skipCheckAboveMB} MB (cptClaims.skipCheckAboveMB), so it is not checked. Check it with claim-lint, which streams it.`,
      );
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
      const steps = service
        .createDocumentValidator()
        .validateInSteps(document, item.settings, undefined, { claimsPerStep });
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

function safeFilePath(uri: string): string | undefined {
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
