/**
 * The progress a background check (or a long outline) shows: server-initiated work-done progress
 * (`window/workDoneProgress/create`, then `$/progress` begin, report, end),
 * only for clients that declare `window.workDoneProgress` (the library sends
 * nothing to others). Messages name the file and a percentage, never claim text.
 */
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';
import { describeError } from '../runtime/safeHandler';

/**
 * How long a check waits for the client to accept a progress token before it
 * carries on without progress: a client that never answers must not stall it.
 * The wait happens once per check or workspace scan, and hover is answered meanwhile.
 */
const createTokenWaitMs = 2000;

/** A progress reporter from the client, or undefined when it refuses or does not answer within the wait. */
export async function createProgressReporter(
  connection: Connection,
): Promise<WorkDoneProgressServerReporter | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), createTokenWaitMs);
  });
  const created = connection.window.createWorkDoneProgress().catch((error: unknown) => {
    connection.console.error(`Progress token refused: ${describeError(error)}`);
    return undefined;
  });
  return Promise.race([created, gaveUp]).finally(() => clearTimeout(timer));
}

/** The last part of a document URI's path, decoded where it can be: what the progress names. */
export function fileNameOf(uri: string): string {
  const name =
    uri
      .replace(/[?#].*$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

export class CheckProgress {
  private reporter: WorkDoneProgressServerReporter | undefined;
  private shown = -1;

  private constructor(private readonly fileName: string) {}

  /**
   * Asks the client for a progress token and begins at `percent`, unless the
   * check was abandoned meanwhile. Resolves once the client answered (or after
   * the bounded wait), so the reports that follow always come after the begin.
   */
  static async begin(
    connection: Connection,
    uri: string,
    percent: number,
    abandoned: () => boolean,
    title: (fileName: string) => string = (fileName) => `Checking ${fileName}`,
  ): Promise<CheckProgress> {
    const progress = new CheckProgress(fileNameOf(uri));
    const reporter = await createProgressReporter(connection);
    if (reporter && !abandoned()) {
      progress.reporter = reporter;
      progress.shown = percent;
      reporter.begin(title(progress.fileName), percent, `${percent}%`, false);
    }
    return progress;
  }

  /** Reports a whole percentage when it has changed since the last report. */
  report(percent: number): void {
    if (this.reporter && percent !== this.shown) {
      this.shown = percent;
      this.reporter.report(percent, `${percent}%`);
    }
  }

  done(): void {
    this.reporter?.done();
    this.reporter = undefined;
  }
}
