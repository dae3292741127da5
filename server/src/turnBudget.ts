/**
 * Long work on the server's one thread lets the event loop turn every few
 * milliseconds, so requests that arrived meanwhile (hover, completion) are
 * answered in between: the same budget in time, not items, as
 * `documentChecks.ts` uses for a large document.
 */
import { performance } from 'node:perf_hooks';

const turnBudgetMs = 5;

/** Resolves on the event loop's next turn, after the I/O (requests) that arrived meanwhile. */
export function nextTurn(): Promise<void> {
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
