/**
 * The progress a workspace scan shows ("Checking workspace claims", "40/200
 * files"): server-initiated work-done progress, for clients that declare
 * `window.workDoneProgress` (the library sends nothing to others). It names
 * counts, never a file's content.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { createProgressReporter } from '../documents/checkProgress';

export class WorkspaceScanProgress {
  private reporter: WorkDoneProgressServerReporter | undefined;
  private shown = -1;

  private constructor(private readonly total: number) {}

  static async begin(connection: Connection, total: number): Promise<WorkspaceScanProgress> {
    const progress = new WorkspaceScanProgress(total);
    progress.reporter = await createProgressReporter(connection);
    progress.reporter?.begin('Checking workspace claims', 0, progress.message(0), false);
    progress.shown = 0;
    return progress;
  }

  private message(done: number): string {
    return `${done}/${this.total} files`;
  }

  /** Reports the files done so far when the whole percentage moved (a report per file would flood a 10,000-file scan). */
  report(done: number): void {
    const percent = Math.floor((done / Math.max(this.total, 1)) * 100);
    if (this.reporter && percent !== this.shown) {
      this.shown = percent;
      this.reporter.report(percent, this.message(done));
    }
  }

  done(): void {
    this.reporter?.done();
    this.reporter = undefined;
  }
}
