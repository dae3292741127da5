/**
 * Each in-process measurement runs in a forked child with `--expose-gc` and a
 * generous heap, for two reasons: memory is measured from a clean process,
 * and a run that fails or runs out of memory (the 1M-line corpora may) ends
 * that child, not the benchmark, and becomes a MISS row.
 */
import { fork } from 'node:child_process';

/** Heap limit for children and the server under test: far above need, below this 24 GB machine's memory. */
export const heapLimitMb = 16000;

/** Long enough for a slow 1M-line run; a hung child must not stall the whole benchmark. */
export const childTimeoutMs = 30 * 60 * 1000;

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What a child sends back: its figures, or the error that stopped it by name and code location (never its message, which may quote claim text). */
export type ChildMessage<T> = { value: T } | { errorName: string; location: string };

/** Why a process ended badly, from its exit and the tail of its stderr (V8's own messages, never claim text). */
export function describeExit(code: number | null, signal: NodeJS.Signals | null, stderrTail: string): string {
  if (/heap out of memory|Reached heap limit/i.test(stderrTail)) {
    return 'out of memory';
  }
  if (signal !== null) {
    return `killed by ${signal}`;
  }
  return `exit code ${String(code)}`;
}

export function runChild<T>(script: string, args: readonly string[], timeoutMs = childTimeoutMs): Promise<Outcome<T>> {
  return new Promise((resolve) => {
    const child = fork(script, [...args], {
      execArgv: ['--expose-gc', `--max-old-space-size=${heapLimitMb}`],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderrTail = '';
    child.stderr?.on('data', (data: Buffer) => {
      stderrTail = (stderrTail + data.toString('utf8')).slice(-4096);
    });
    let message: ChildMessage<T> | undefined;
    child.on('message', (received) => {
      message = received as ChildMessage<T>;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        resolve({ ok: false, reason: `timed out after ${Math.round(timeoutMs / 60000)} min` });
      } else if (message && 'value' in message) {
        resolve({ ok: true, value: message.value });
      } else if (message) {
        resolve({
          ok: false,
          reason: `threw ${message.errorName}${message.location === '' ? '' : ` at ${message.location}`}`,
        });
      } else {
        resolve({ ok: false, reason: describeExit(code, signal, stderrTail) });
      }
    });
  });
}

/** Where an error was thrown: the first stack frame's function and file:line, without the message. */
export function codeLocation(error: unknown): string {
  const frame =
    error instanceof Error ? (error.stack ?? '').split('\n').find((line) => line.startsWith('    at ')) : undefined;
  return frame === undefined
    ? ''
    : frame
        .trim()
        .slice('at '.length)
        .replace(/\(.*[\\/]/, '(');
}

/** The child's side: run the measurement, send its figures or its error's name, and let the process end. */
export function answerParent<T>(measure: () => T): void {
  let message: ChildMessage<T>;
  try {
    message = { value: measure() };
  } catch (error) {
    message = { errorName: error instanceof Error ? error.name : typeof error, location: codeLocation(error) };
  }
  process.send?.(message, () => process.disconnect());
}

export function collectGarbage(): void {
  if (!globalThis.gc) {
    throw new Error('run with --expose-gc');
  }
  globalThis.gc();
}
