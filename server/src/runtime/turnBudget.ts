/**
 * Long work on the server's one thread lets the event loop turn every few
 * milliseconds, so requests that arrived meanwhile (hover, completion) are
 * answered in between: used by the background check of a large document
 * (`documentChecks.ts`) and by the workspace scan and references search.
 */
import { performance } from 'node:perf_hooks';

/**
 * How long work runs before it lets the event loop turn. The server does
 * steps until this much time has passed, so the turns adapt to the machine's
 * speed. A request that arrives meanwhile waits two or three turns
 * (vscode-jsonrpc queues handling it and writing the answer with
 * `setImmediate`, and the check takes a turn in between), so 10–15 ms at
 * worst; a budget of 250 claims a turn instead made hover wait 60 ms (p50) on
 * a 5 MB file on a loaded machine.
 */
const turnBudgetMs = 5;

/** Resolves on the event loop's next turn, after the I/O (requests) that arrived meanwhile. */
function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class TurnBudget {
  private turnEnds = performance.now() + turnBudgetMs;

  /** Lets the event loop turn when this turn's time is used up; true when it did. */
  async yieldIfDue(): Promise<boolean> {
    if (performance.now() < this.turnEnds) {
      return false;
    }
    await nextTurn();
    this.turnEnds = performance.now() + turnBudgetMs;
    return true;
  }
}
