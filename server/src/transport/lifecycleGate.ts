/**
 * The LSP lifecycle, which vscode-languageserver leaves to the server: it
 * dispatches any request before `initialize` and after `shutdown`. The
 * specification (Lifecycle Messages, 3.17) says:
 *
 * - before `initialize`, a request gets error -32002 (ServerNotInitialized)
 *   and a notification is dropped, except `exit`;
 * - after `shutdown`, a request gets InvalidRequest; the client sends only
 *   `exit`, so any other notification is dropped too;
 * - `initialize` is sent once, so a second one gets InvalidRequest.
 *
 * `exit` itself is left to vscode-languageserver, which exits 0 after
 * `shutdown` and 1 without.
 */
import { ErrorCodes } from 'vscode-languageserver';
import type { MessageKind } from './messageKinds';

export type GateDecision = 'pass' | 'drop' | { code: number; message: string };

const initialize = 'initialize';
const shutdown = 'shutdown';
const exit = 'exit';

export class LifecycleGate {
  private state: 'waiting' | 'running' | 'shutDown' = 'waiting';

  /** True once `shutdown` was received: `exit` or the end of input then ends the process with 0. */
  get shutDown(): boolean {
    return this.state === 'shutDown';
  }

  /** What to do with a message the client sent, moving through the lifecycle as it does. */
  decide(kind: MessageKind): GateDecision {
    if (kind.kind === 'request') {
      return this.decideRequest(kind.message.method);
    }
    if (kind.kind === 'notification') {
      return this.state === 'running' || kind.message.method === exit ? 'pass' : 'drop';
    }
    // Responses answer the server's own requests, which it sends only while running.
    return 'pass';
  }

  private decideRequest(method: string): GateDecision {
    switch (this.state) {
      case 'waiting':
        if (method === initialize) {
          this.state = 'running';
          return 'pass';
        }
        return {
          code: ErrorCodes.ServerNotInitialized,
          message: 'The server is not initialized: send initialize first.',
        };
      case 'running':
        if (method === initialize) {
          return { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized.' };
        }
        if (method === shutdown) {
          this.state = 'shutDown';
        }
        return 'pass';
      case 'shutDown':
        return { code: ErrorCodes.InvalidRequest, message: 'The server has shut down: only exit is accepted.' };
    }
  }
}
