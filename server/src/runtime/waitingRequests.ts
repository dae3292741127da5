/**
 * The client's requests that are waiting for an answer, counted where the
 * transport hands each request to vscode-jsonrpc and where its answer is
 * written. Background work (the check of a large document, the workspace
 * scan) gives way while one waits (`TurnBudget`): without that, a hover that
 * arrived during a check waited for two or three of the check's slices, since
 * vscode-jsonrpc handles a request and writes its answer on later turns of
 * the event loop and the check took a slice on each.
 *
 * One per process: a server has one connection.
 */
import { performance } from 'node:perf_hooks';

/**
 * Requests that themselves wait on background work (a pull of diagnostics waits for the check to end), so
 * background work never waits for them.
 */
const waitOnBackground: ReadonlySet<string> = new Set(['textDocument/diagnostic', 'workspace/diagnostic']);

/**
 * A request unanswered for this long is no interactive one (a search of the workspace, or a handler that
 * never answers): background work stops giving way to it, so no request can slow the check for good.
 */
const interactiveForMs = 2000;

export class WaitingRequests {
  /** Each waiting request's id, with when it arrived. */
  private readonly waiting = new Map<string | number, number>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** A request passed on to vscode-jsonrpc. */
  arrived(id: string | number | null, method: string): void {
    if (id !== null && !waitOnBackground.has(method)) {
      this.waiting.set(id, this.now());
    }
  }

  /** An answer (a result or an error) written to the client. */
  answered(id: string | number | null): void {
    if (id !== null) {
      this.waiting.delete(id);
    }
  }

  /** True while some request other than a pull of diagnostics has waited less than `interactiveForMs` for its answer. */
  get any(): boolean {
    const since = this.now() - interactiveForMs;
    for (const [id, arrivedAt] of this.waiting) {
      if (arrivedAt >= since) {
        return true;
      }
      this.waiting.delete(id);
    }
    return false;
  }
}

export const waitingRequests = new WaitingRequests();
