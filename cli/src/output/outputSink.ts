/**
 * The report written to standard output with backpressure: when the stream's
 * buffer is full (its reader is slow, or paused), the next write waits for
 * 'drain' instead of queueing the rest of the report in memory, so the memory
 * a report takes does not grow with its size, and a pipe is never handed
 * more than it holds (which ended a run with an unhandled `write ENOBUFS`).
 * A write error ends the report with an `OutputWriteError` naming its code;
 * the command's entry point tells a closed pipe (EPIPE, quiet, status 141)
 * from any other (one line, status 2).
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** The report could not be written; `code` is the system's (ENOBUFS, EAGAIN, ...) or the error's name. */
export class OutputWriteError extends Error {
  constructor(readonly code: string) {
    super(`cannot write the output: ${code}`);
  }
}

export function writeErrorCode(error: unknown): string {
  if (error instanceof OutputWriteError) {
    return error.code;
  }
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

export interface OutputSink {
  write(text: string): Promise<void>;
  /** The most text ever waiting in the stream's buffer, in bytes (a test reads it: it stays near the buffer's size). */
  readonly mostQueued: number;
}

export function outputSink(stream: Writable): OutputSink {
  let mostQueued = 0;
  return {
    get mostQueued() {
      return mostQueued;
    },
    async write(text: string): Promise<void> {
      if (stream.errored || stream.destroyed) {
        throw new OutputWriteError(stream.errored ? writeErrorCode(stream.errored) : 'closed');
      }
      const room = stream.write(text);
      mostQueued = Math.max(mostQueued, stream.writableLength);
      if (room) {
        return;
      }
      // 'drain' never comes to a stream closed meanwhile: its close ends the wait (`once` rejects on 'error').
      const closed = new AbortController();
      const onClose = () => closed.abort();
      stream.once('close', onClose);
      try {
        await once(stream, 'drain', { signal: closed.signal });
      } catch (error) {
        throw new OutputWriteError(
          stream.errored ? writeErrorCode(stream.errored) : closed.signal.aborted ? 'closed' : writeErrorCode(error),
        );
      } finally {
        stream.off('close', onClose);
      }
    },
  };
}

/** Text gathered before a write: a few system calls for a large report, and never more than this held at once. */
const pieceCharacters = 64 * 1024;

/** Writes `pieces` in order, a batch at a time, each write awaited (a sink's backpressure, or a file's). */
export async function writePieces(
  pieces: Iterable<string>,
  write: (text: string) => void | Promise<void>,
): Promise<void> {
  let pending: string[] = [];
  let pendingLength = 0;
  for (const piece of pieces) {
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= pieceCharacters) {
      const text = pending.join('');
      pending = [];
      pendingLength = 0;
      await write(text);
    }
  }
  if (pendingLength > 0) {
    await write(pending.join(''));
  }
}
