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
 * Each pass over the files (`workspaceScan.ts`) lets the event loop turn
 * every few milliseconds and never logs claim text.
 */
import type { CancellationToken, Connection, ResultProgressReporter } from 'vscode-languageserver';
import type {
  WorkspaceDiagnosticParams,
  WorkspaceDiagnosticReport,
  WorkspaceDiagnosticReportPartialResult,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { describeError } from '../runtime/safeHandler';
import { type FileReport, type WorkspaceDependencies, WorkspaceScan } from './workspaceScan';

export class WorkspaceDiagnostics {
  private readonly scanner: WorkspaceScan;
  /** Push mode: the result each file's published diagnostics came from. */
  private readonly published = new Map<string, string>();
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
    deps: WorkspaceDependencies,
  ) {
    this.scanner = new WorkspaceScan(connection, deps);
  }

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
      this.scanner.documentClosed(uri);
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
  async pull(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    resultProgress?: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult>,
  ): Promise<WorkspaceDiagnosticReport> {
    const known = new Map(params.previousResultIds.map((previous) => [previous.uri, previous.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    for (;;) {
      const changesBefore = this.changes;
      const pullsBefore = this.documentPulls;
      let reported = 0;
      await this.scan(
        known,
        () => token.isCancellationRequested || this.disposed,
        (reports) => {
          reported += reports.length;
          const converted = reports.map(toWorkspaceReport);
          if (resultProgress) {
            resultProgress.report({ items: converted });
          } else {
            items.push(...converted);
          }
        },
      );
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
    if (
      this.changes !== seenChanges ||
      this.documentPulls !== seenPulls ||
      token.isCancellationRequested ||
      this.disposed
    ) {
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
      await this.scan(
        this.published,
        () => this.stopPushScan,
        (reports) => {
          for (const report of reports) {
            if (report.resultId === undefined) {
              this.published.delete(report.uri);
            } else {
              this.published.set(report.uri, report.resultId);
            }
            this.connection
              .sendDiagnostics({ uri: report.uri, diagnostics: report.diagnostics })
              .catch((error: unknown) =>
                this.connection.console.error(`Publishing workspace diagnostics failed: ${describeError(error)}`),
              );
          }
        },
      );
    }
  }

  private scan(
    known: ReadonlyMap<string, string>,
    stop: () => boolean,
    emit: (reports: FileReport[]) => void,
  ): Promise<void> {
    return this.scanner.run({ generation: this.generation, known, withOpenDocuments: this.pullMode, stop, emit });
  }
}

function toWorkspaceReport(report: FileReport): WorkspaceDocumentDiagnosticReport {
  const version = report.version ?? null;
  return report.resultId === undefined
    ? { kind: 'full', uri: report.uri, version, items: [] }
    : { kind: 'full', uri: report.uri, version, resultId: report.resultId, items: report.diagnostics };
}
