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

/**
 * Requests that themselves wait on background work (a pull of diagnostics waits for the check to end), so
 * background work never waits for them.
 */
const waitOnBackground: ReadonlySet<string> = new Set(['textDocument/diagnostic', 'workspace/diagnostic']);

export class WaitingRequests {
  private readonly waiting = new Set<string | number>();

  /** A request passed on to vscode-jsonrpc. */
  arrived(id: string | number | null, method: string): void {
    if (id !== null && !waitOnBackground.has(method)) {
      this.waiting.add(id);
    }
  }

  /** An answer (a result or an error) written to the client. */
  answered(id: string | number | null): void {
    if (id !== null) {
      this.waiting.delete(id);
    }
  }

  /** True while some request other than a pull of diagnostics waits for its answer. */
  get any(): boolean {
    return this.waiting.size > 0;
  }
}

export const waitingRequests = new WaitingRequests();
