/**
 * What the client does when the claim language server dies: restart it, tell
 * the user once per session with a way to open the log, and stop restarting
 * when it keeps dying. Free of `vscode`, so mocha runs it outside the editor;
 * `serverCrashes.ts` connects it to the language client and the window.
 */

interface CrashLimits {
  /** Restarting stops at this many crashes within `withinMs`. */
  readonly crashes: number;
  readonly withinMs: number;
}

/**
 * Five crashes within three minutes, as vscode-languageclient's own default.
 * A server that dies on the text of an open file dies again as soon as the
 * restarted client sends it that file, so such a loop reaches five within
 * seconds and is stopped before it burns a core; a crash now and then in a
 * long session (each a fresh start) never comes near it.
 */
export const defaultCrashLimits: CrashLimits = { crashes: 5, withinMs: 3 * 60 * 1000 };

/** Connection errors in a row that are still worth carrying on through (a write to a dying server fails once or twice). */
const tolerableConnectionErrors = 3;

export type CrashNotice = 'restarted' | 'stopped';

export interface CrashDecision {
  /** Start the server again (after a crash) or carry on (after a connection error). */
  readonly carryOn: boolean;
  /** The notice to show, if any: each kind at most once per session. */
  readonly notice: CrashNotice | undefined;
  /** For the log: counts and error types only, never claim text. */
  readonly logLine: string;
}

export const openLogAction = 'Open log';

/** What the notices need from the editor's window. */
export interface NoticeWindow {
  show(kind: CrashNotice, message: string, action: string): PromiseLike<string | undefined>;
  openLog(): void;
}

export class CrashPolicy {
  private crashTimes: number[] = [];
  private readonly noticesGiven = new Set<CrashNotice>();

  constructor(
    private readonly limits: CrashLimits = defaultCrashLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The server's process ended without being asked to. */
  serverClosed(): CrashDecision {
    const now = this.now();
    this.crashTimes = [...this.crashTimes.filter((time) => now - time < this.limits.withinMs), now];
    const count = this.crashTimes.length;
    const window = describeDuration(this.limits.withinMs);
    if (count >= this.limits.crashes) {
      return this.decide(
        false,
        'stopped',
        `The claim language server stopped unexpectedly (crash ${count} within ${window}); it will not be restarted.`,
      );
    }
    return this.decide(
      true,
      'restarted',
      `The claim language server stopped unexpectedly (crash ${count} within ${window}); restarting it.`,
    );
  }

  /** Reading from or writing to the server failed; `inARow` counts failures since the last message that got through. */
  connectionFailed(errorName: string, inARow: number): CrashDecision {
    if (inARow <= tolerableConnectionErrors) {
      return {
        carryOn: true,
        notice: undefined,
        logLine: `The connection to the claim language server failed (${errorName}, ${inARow} in a row); carrying on.`,
      };
    }
    return this.decide(
      false,
      'stopped',
      `The connection to the claim language server failed ${inARow} times in a row (${errorName}); shutting the server down.`,
    );
  }

  private decide(carryOn: boolean, kind: CrashNotice, logLine: string): CrashDecision {
    // Once told, the user is not told again: later restarts only go to the log.
    const notice = this.noticesGiven.has(kind) ? undefined : kind;
    this.noticesGiven.add(kind);
    return { carryOn, notice, logLine };
  }
}

export function noticeMessage(kind: CrashNotice): string {
  return kind === 'restarted'
    ? 'CPT Claims: the claim language server stopped unexpectedly and was restarted. If it happens again it is restarted without a notice.'
    : 'CPT Claims: the claim language server keeps stopping unexpectedly and will not be restarted. Hover, completion and problems for claim files are off until the window is reloaded.';
}

/**
 * Shows the notice, if the decision has one, with an "Open log" button that
 * opens the log. Settles when the user has answered; nothing waits for that.
 */
export async function announce(decision: CrashDecision, window: NoticeWindow): Promise<void> {
  if (decision.notice === undefined) {
    return;
  }
  try {
    const choice = await window.show(decision.notice, noticeMessage(decision.notice), openLogAction);
    if (choice === openLogAction) {
      window.openLog();
    }
  } catch {
    // A notice that cannot be shown changes nothing about the restart.
  }
}

function describeDuration(ms: number): string {
  const minutes = ms / 60000;
  return Number.isInteger(minutes) ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(ms / 1000)} s`;
}
