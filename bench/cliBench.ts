/**
 * The built CLI (dist/claim-lint.js) as a pipeline runs it: a new process per
 * run with `--format jsonl`, output read and counted (never printed), wall
 * time from spawn to exit, so process start-up is included. Exit 0 and 1 (no
 * errors, errors found) are both a completed check; anything else is a MISS.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { childTimeoutMs, describeExit, type Outcome } from './childProcesses';
import type { Corpus } from './corpusFiles';

export const cliPath = path.join(__dirname, '..', '..', 'dist', 'claim-lint.js');

export interface CliRun {
  ms: number;
  /** Lines of jsonl output: one per finding. */
  findings: number;
}

export interface FolderRuns {
  files: number;
  bytes: number;
  parallel: Outcome<CliRun>;
  /** Only when the CLI has a --jobs option. */
  oneJob?: Outcome<CliRun>;
}

export function cliHasJobsOption(): boolean {
  const help = spawnSync(process.execPath, [cliPath, '--help'], { encoding: 'utf8' });
  return help.stdout.includes('--jobs');
}

export function runCli(args: readonly string[]): Promise<Outcome<CliRun>> {
  return new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cliPath, '--format', 'jsonl', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let findings = 0;
    child.stdout.on('data', (data: Buffer) => {
      for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) {
        findings++;
      }
    });
    let stderrTail = '';
    child.stderr.on('data', (data: Buffer) => {
      stderrTail = (stderrTail + data.toString('utf8')).slice(-4096);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), childTimeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = performance.now() - start;
      resolve(
        code === 0 || code === 1
          ? { ok: true, value: { ms, findings } }
          : { ok: false, reason: describeExit(code, signal, stderrTail) },
      );
    });
  });
}

/**
 * A folder of `copies` links to each given corpus, checked in one CLI run
 * (parallel across cores if the CLI does that) and, if it can, with --jobs 1.
 */
export async function runCliOnFolder(
  corpusFolder: string,
  corpora: readonly Corpus[],
  copies = 2 * os.cpus().length,
): Promise<FolderRuns> {
  const folder = path.join(corpusFolder, 'folder');
  fs.mkdirSync(folder);
  let files = 0;
  let bytes = 0;
  for (const corpus of corpora) {
    for (let copy = 0; copy < copies; copy++) {
      const link = path.join(folder, `${copy}-${path.basename(corpus.file)}`);
      try {
        fs.linkSync(corpus.file, link);
      } catch {
        fs.copyFileSync(corpus.file, link);
      }
      files++;
      bytes += corpus.bytes;
    }
  }
  const runs: FolderRuns = { files, bytes, parallel: await runCli([folder]) };
  if (cliHasJobsOption()) {
    runs.oneJob = await runCli(['--jobs', '1', folder]);
  }
  return runs;
}
