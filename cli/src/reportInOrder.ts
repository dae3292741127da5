/**
 * The report written in the order the files were named, each file as soon
 * as it and every file before it are checked (workers finish in any order):
 * its findings are read from where they were kept (`output/findingSpool.ts`)
 * as they are written, and the file's read error, if any, goes to stderr in
 * its turn. Only the totals of the files written are kept: the exit status
 * needs no more.
 */
import type { JobOutcome } from './fileCheck';
import { discardStored, spooledAway, storedMessages } from './output/findingSpool';
import type { ReportWriter } from './output/lintResults';
import { writePieces } from './output/outputSink';
import type { Target } from './operands';
import { terminalText } from './output/terminalText';

type Outcome = JobOutcome | { readError: string; warnings: string[] };

/** Each target's outcome, set in any order, taken in order. */
export class OutcomeSlots {
  private readonly outcomes: Array<Outcome | undefined>;
  private readonly waiting: Array<(() => void) | undefined>;
  /** The slot the report waits for, or will take next. */
  private next = 0;

  /** `spoolFolder`: where the findings of a file that must wait for earlier ones are moved (`spooledAway`). */
  constructor(
    count: number,
    private readonly spoolFolder?: string,
  ) {
    this.outcomes = new Array<Outcome | undefined>(count);
    this.waiting = new Array<(() => void) | undefined>(count);
  }

  set(index: number, outcome: Outcome): void {
    if (index > this.next && this.spoolFolder !== undefined && 'result' in outcome) {
      outcome.result.findings = spooledAway(outcome.result.findings, this.spoolFolder);
    }
    this.outcomes[index] = outcome;
    this.waiting[index]?.();
  }

  /** The outcome of target `index`, once it is set; the slot is emptied, so the outcome is not kept after. */
  async take(index: number): Promise<Outcome> {
    this.next = index;
    let outcome = this.outcomes[index];
    if (outcome === undefined) {
      await new Promise<void>((resolve) => (this.waiting[index] = resolve));
      outcome = this.outcomes[index];
    }
    this.outcomes[index] = undefined;
    this.waiting[index] = undefined;
    this.next = index + 1;
    if (outcome === undefined) {
      throw new Error('an outcome was taken before it was set');
    }
    return outcome;
  }

  /** Frees what the outcomes not taken hold (a run cut short). */
  discard(): void {
    for (const outcome of this.outcomes) {
      if (outcome && 'result' in outcome) {
        discardStored(outcome.result.findings);
      }
    }
  }
}

export interface ReportTotals {
  errors: number;
  warnings: number;
  readErrors: number;
  /** Data-file problems met on the way, each once, in the order met. */
  dataWarnings: Set<string>;
}

export async function writeReportInOrder(
  targets: readonly Target[],
  slots: OutcomeSlots,
  writer: ReportWriter,
  write: (text: string) => void | Promise<void>,
  stderr: (text: string) => void,
): Promise<ReportTotals> {
  const totals: ReportTotals = { errors: 0, warnings: 0, readErrors: 0, dataWarnings: new Set() };
  const reasonsGiven = new Set<string>();
  await writePieces(writer.head(), write);
  for (const [index, target] of targets.entries()) {
    const outcome = await slots.take(index);
    outcome.warnings.forEach((warning) => totals.dataWarnings.add(warning));
    if ('result' in outcome) {
      const { filePath, absolutePath, findings } = outcome.result;
      totals.errors += findings.stats.bySeverity.error;
      totals.warnings += findings.stats.bySeverity.warning;
      const result = {
        filePath,
        ...(absolutePath === undefined ? {} : { absolutePath }),
        stats: findings.stats,
        messages: storedMessages(findings),
      };
      await writePieces(writer.file(result), write);
    } else {
      totals.readErrors++;
      // A bad config governs many files: its list of problems is printed once, then only named.
      const [firstLine = '', ...listed] = outcome.readError.split('\n');
      const repeated = listed.length > 0 && reasonsGiven.has(outcome.readError);
      const reason = repeated ? `${firstLine.replace(/:$/, '')} (see above)` : outcome.readError;
      reasonsGiven.add(outcome.readError);
      const named = target.kind === 'unreadable' ? target.operand : target.job.displayPath;
      stderr(`claim-lint: ${terminalText(named)}: ${reason}\n`);
    }
  }
  await writePieces(writer.tail(), write);
  return totals;
}
