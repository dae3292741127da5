/**
 * Long work on the server's one thread lets the event loop turn every two
 * milliseconds, so requests that arrived meanwhile (hover, completion) are
 * answered in between: used by the background check of a large document
 * (`documentChecks.ts`) and by the workspace scan and references search.
 */
import { performance } from 'node:perf_hooks';

/**
 * How long work runs before it lets the event loop turn. The server does
 * steps until this much time has passed, so the turns adapt to the machine's
 * speed. A request that arrives meanwhile is handled and answered on later
 * turns (vscode-jsonrpc queues both with `setImmediate`); background work
 * gives way until it is answered (`waiting`), else it took a turn's slice
 * before each, and a hover waited 10–20 ms. So a request waits for the rest
 * of the slice it arrived in: 2 ms (5 ms made hovers during a check wait
 * 5.7 ms p50), while a turn costs some tens of microseconds, and a check of
 * a 5 MB file took no measurably longer. A budget of 250 claims a turn
 * instead made hover wait 60 ms (p50) on a 5 MB file on a loaded machine.
 */
const turnBudgetMs = 2;

/** Resolves on the event loop's next turn, after the I/O (requests) that arrived meanwhile. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * How long background work waits, at one turn, for the requests that are waiting to be answered. Bounded,
 * so a long request (an outline in steps, a search of the workspace) slows background work but never stops it.
 */
const giveWayAtMostMs = 50;

export class TurnBudget {
  private turnEnds = performance.now() + turnBudgetMs;

  /**
   * `waiting`, for background work (a check, the workspace scan), says whether a request is waiting for an
   * answer (`waitingRequests.ts`): at each turn the work then lets the event loop turn until it is answered.
   * Work done for a request itself (an outline in steps) has none, or it would wait for itself.
   */
  constructor(private readonly waiting: () => boolean = () => false) {}

  /** Lets the event loop turn when this turn's time is used up; true when it did. */
  async yieldIfDue(): Promise<boolean> {
    if (performance.now() < this.turnEnds) {
      return false;
    }
    await nextTurn();
    const gaveWayUntil = performance.now() + giveWayAtMostMs;
    while (this.waiting() && performance.now() < gaveWayUntil) {
      await nextTurn();
    }
    this.turnEnds = performance.now() + turnBudgetMs;
    return true;
  }
}
