/**
 * No request may crash the server: each handler runs through here, which
 * returns a safe empty result on failure or cancellation and logs only the
 * error's name and stack position, never claim text.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    // The message may quote document text, so only the error's type and where it was thrown are logged.
    // The stack starts with the message, which may run over several lines: only its frames ("at ...") are kept.
    const frames = (error.stack ?? '').split('\n').map((line) => line.trim()).filter((line) => line.startsWith('at '));
    const where = frames.slice(0, 2).join(' / ');
    return `${error.name} ${where}`;
  }
  return typeof error;
}

export function runSafely<T>(connection: Connection, what: string, token: CancellationToken | undefined, fallback: T, work: () => T): T {
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
