/**
 * Files checked in parallel: a pool of worker threads, each running the
 * same checker on the next file as soon as it is free. Outcomes are kept by
 * the file's place in the list, so the output is the same as checking them
 * one after another. A worker is the claim-lint script itself, started with
 * `workerData.role` set (see `serveWorkerIfAsked`), so the one bundled file
 * is all there is to ship.
 */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { ConfigChoice } from './config';
import { type CheckOptions, FileChecker, type FileJob, type JobOutcome } from './fileCheck';

const workerRole = 'claim-lint-worker';

interface WorkerSetup {
  role: typeof workerRole;
  config: ConfigChoice;
  options: CheckOptions;
}

interface Request {
  index: number;
  job: FileJob;
}

type Reply = { index: number; outcome: JobOutcome } | { index: number; failure: string };

function isSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as { role?: unknown }).role === workerRole;
}

/** In a worker thread started by `checkInWorkers`, answers its requests and returns true; elsewhere returns false. */
export function serveWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || !isSetup(workerData)) {
    return false;
  }
  const port = parentPort;
  const checker = new FileChecker(workerData.config, workerData.options);
  port.on('message', (request: Request) => {
    checker.checkFile(request.job).then(
      (outcome) => port.postMessage({ index: request.index, outcome } satisfies Reply),
      // Only the error's type crosses over: its message could quote claim text.
      (error: unknown) =>
        port.postMessage({
          index: request.index,
          failure: error instanceof Error ? error.name : 'unknown',
        } satisfies Reply),
    );
  });
  return true;
}

/** An error inside a worker, by type only. */
class WorkerFailure extends Error {}

/**
 * Checks `jobs` in `size` workers running `script`; `done(index, outcome)`
 * is called as each file finishes, in any order. `stopped` ends the workers
 * (the report could not be written: the rest need not be checked).
 */
export function checkInWorkers(
  script: string,
  jobs: readonly FileJob[],
  size: number,
  setup: { config: ConfigChoice; options: CheckOptions },
  done: (index: number, outcome: JobOutcome) => void,
  stopped?: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let failed = false;
    const stop = (error?: Error) => {
      failed ||= error !== undefined;
      for (const worker of workers) {
        void worker.terminate();
      }
      if (error) {
        reject(error);
      } else {
        resolve();
      }
    };
    const give = (worker: Worker) => {
      const job = jobs[next];
      if (job !== undefined) {
        worker.postMessage({ index: next++, job } satisfies Request);
      }
    };
    for (let n = 0; n < Math.min(size, jobs.length); n++) {
      const worker = new Worker(script, { workerData: { role: workerRole, ...setup } satisfies WorkerSetup });
      workers.push(worker);
      worker.on('message', (reply: Reply) => {
        if ('failure' in reply) {
          stop(new WorkerFailure(reply.failure));
          return;
        }
        done(reply.index, reply.outcome);
        finished++;
        if (finished === jobs.length) {
          stop();
        } else {
          give(worker);
        }
      });
      worker.on('error', (error) => stop(new WorkerFailure(error.name)));
      worker.on('exit', (code) => {
        if (!failed && finished < jobs.length) {
          stop(new WorkerFailure(`worker exited with code ${code}`));
        }
      });
      give(worker);
    }
    if (jobs.length === 0) {
      resolve();
    }
    stopped?.addEventListener('abort', () => {
      failed = true;
      stop();
    });
  });
}
