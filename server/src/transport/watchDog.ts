/**
 * What vscode-languageserver's node `createConnection()` gives the connection
 * it makes, for the connections the server makes itself: the exit code
 * (0 after `shutdown`, else 1) and a watch on the client's process.
 */
import type { InitializeParams, WatchDog } from 'vscode-languageserver';

/** How often the client's process is probed, as vscode-languageserver does. */
const parentProbeMs = 3000;

function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

export function watchDog(): WatchDog {
  let shutdownReceived = false;
  const exitCode = (): number => (shutdownReceived ? 0 : 1);
  return {
    get shutdownReceived() {
      return shutdownReceived;
    },
    set shutdownReceived(value: boolean) {
      shutdownReceived = value;
    },
    initialize(params: InitializeParams) {
      const pid = params.processId;
      if (typeof pid === 'number') {
        // An editor that crashed sends no exit: the server must not outlive it.
        setInterval(() => processIsGone(pid) && process.exit(exitCode()), parentProbeMs).unref();
      }
    },
    exit(code: number) {
      process.exit(code);
    },
  };
}
