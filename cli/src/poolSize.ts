/**
 * How many worker threads check a run's files. Workers are busy with the
 * checks, not waiting on the disk, so more workers than cores only add
 * memory (each loads the checker and its data: 128 of them took 2.2 GB and
 * ran seven times slower than one): `--jobs` is held to one per core.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import type { CliOptions } from './options';
import type { FileJob } from './fileCheck';

/**
 * A worker takes 0.1 to 0.2 s to start (it loads the checker and its data), about what
 * checking 2 MB takes: with less input per worker, fewer workers finish sooner.
 */
const bytesPerWorker = 2 * 1024 * 1024;

function totalBytes(jobs: readonly FileJob[]): number {
  return jobs.reduce((sum, job) => {
    try {
      return sum + fs.statSync(job.absolutePath).size;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * Workers to use: --jobs N (at most one per core), else one per core, no more than the files or their size
 * warrant. 1 means this thread. `cores` is the machine's, unless a test says otherwise.
 */
export function poolSize(
  options: Pick<CliOptions, 'jobs'>,
  jobs: readonly FileJob[],
  cores = os.availableParallelism(),
): number {
  if (options.jobs !== undefined) {
    return Math.max(1, Math.min(options.jobs, cores, jobs.length));
  }
  if (jobs.length < 2) {
    return 1;
  }
  return Math.max(1, Math.min(cores, jobs.length, Math.floor(totalBytes(jobs) / bytesPerWorker)));
}
