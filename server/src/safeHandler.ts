/**
 * No request may crash the server: each handler runs through here, which
 * returns a safe empty result on failure or cancellation and logs only the
 * error's name and stack position, never claim text.
 */
import type { CancellationToken, Connection } from 'vscode-languageserver';

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    // The message may quote document text, so only the error's type and where it was thrown are logged.
    const where = error.stack?.split('\n').slice(1, 3).map((line) => line.trim()).join(' / ') ?? '';
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
