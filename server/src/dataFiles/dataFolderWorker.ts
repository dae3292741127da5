/**
 * The first import of a data folder in a worker thread. Importing a PTP
 * quarter (about two million rows) takes seconds of CPU, and the server has
 * one thread for every request: stepping between files would still stop
 * hover and diagnostics for the whole of one import. So the server starts
 * its own script again as a worker (`workerData.role` says so), which reads
 * the folder and fills the disk cache; the server then loads the folder in
 * its own thread from the cache, which only hashes and deserialises. When
 * the worker cannot run or the cache cannot be written, the server imports
 * in its own thread, as before: slower to answer meanwhile, never wrong.
 */
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import { loadDataFolderNow } from '../referenceData/dataFolder';

const workerRole = 'cpt-claims-data-folder';

interface WorkerSetup {
  role: typeof workerRole;
  folder: string;
  cacheFolder: string;
}

function isSetup(data: unknown): data is WorkerSetup {
  if (typeof data !== 'object' || data === null) {
    return false;
  }
  const { role, folder, cacheFolder } = data as Record<string, unknown>;
  return role === workerRole && typeof folder === 'string' && typeof cacheFolder === 'string';
}

/** In a worker started by `fillCacheInWorker`, fills the cache and returns true; elsewhere returns false. */
export function serveDataFolderWorkerIfAsked(): boolean {
  if (isMainThread || !isSetup(workerData)) {
    return false;
  }
  // The load never throws; what it found is reported by the server's own load from the cache.
  loadDataFolderNow(workerData.folder, { cacheFolder: workerData.cacheFolder });
  return true;
}

export interface CacheFill {
  /** Settles when the worker has ended, whatever became of it. */
  done: Promise<void>;
  /** A newer setting made this fill useless. */
  stop(): void;
}

/** Runs `script` (the server's own bundle) as a worker that fills the cache for the folder. */
export function fillCacheInWorker(script: string, folder: string, cacheFolder: string): CacheFill {
  let worker: Worker;
  try {
    // The worker's stdout is its own stream, never the server's: the server's stdout carries the protocol.
    worker = new Worker(script, {
      workerData: { role: workerRole, folder, cacheFolder } satisfies WorkerSetup,
      stdout: true,
      stderr: true,
    });
  } catch {
    return { done: Promise.resolve(), stop: () => undefined };
  }
  worker.stdout.resume();
  worker.stderr.resume();
  const done = new Promise<void>((resolve) => {
    worker.once('error', () => resolve());
    worker.once('exit', () => resolve());
  });
  return { done, stop: () => void worker.terminate().catch(() => undefined) };
}
