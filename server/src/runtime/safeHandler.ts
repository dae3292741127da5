/**
 * No request may crash the server: each handler runs through here, which
 * returns a safe empty result on failure or cancellation and logs only the
 * error's name and stack position, never claim text.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';

/** A V8 stack frame with a position: `at fn (file:line:col)` or `at file:line:col`. */
const stackFrame = /^at .+:\d+:\d+\)?$/;

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    // The message may quote document text, so only the error's type and where it was thrown are logged.
    // The stack starts with the message, over as many lines as it has: only frame lines after it are kept.
    const stack = error.stack ?? '';
    const header = String(error);
    const frames = (stack.startsWith(header) ? stack.slice(header.length) : stack)
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => stackFrame.test(line));
    return `${error.name} ${frames.slice(0, 2).join(' / ')}`;
  }
  return typeof error;
}

export function runSafely<T>(
  connection: Connection,
  what: string,
  token: CancellationToken | undefined,
  fallback: T,
  work: () => T,
): T {
  if (token?.isCancellationRequested) {
    return fallback;
  }
  try {
    return work();
  } catch (error) {
    connection.console.error(`${what} failed: ${describeError(error)}`);
    return fallback;
  }
}
