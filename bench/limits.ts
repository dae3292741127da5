/**
 * `npm run bench:limits`: what one large file with a finding on every claim
 * costs `claim-lint` (dist/claim-lint.js), for docs/reliability.md's "Limits
 * the product guarantees". A `.claim` file (or an 837P) of the given sizes is
 * written in a temp folder, every claim billing its add-on code without the
 * first-lesion code (addon-without-primary): a `.claim` file of nothing
 * but such claims (the most findings a megabyte holds), an 837P of the
 * bench's corpus claims without their first-lesion lines (with the corpus's
 * other planted errors). Each is checked whole and streamed, its jsonl report into a pipe read
 * slowly (a piece, then a millisecond's pause) and into /dev/null. Each run's
 * wall time, CPU time and peak resident memory (`/usr/bin/time -v`, the process with
 * its worker threads) are printed as a markdown table. The default run (25 MB
 * .claim) takes about two minutes on two cores; `--sizes 25,100` adds 100 MB.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { planClaim, type PlannedClaim } from './claimPlan';
import { cliPath as builtCliPath } from './cliBench';
import { corpusChunks, type CorpusFormat } from './corpusWriters';
import { describeMachine } from './machine';
import { formatNumber } from './stats';

const usage = `Usage: npm run bench:limits -- [--sizes MB,...] [--formats claim,x12] [--modes whole,streamed]
                                [--outputs pipe,null] [--cli PATH]

  --sizes LIST    file sizes in megabytes (default 25)
  --formats LIST  claim, x12 or both (default claim)
  --modes LIST    whole (read whole, whatever its size), streamed (a piece at a time) (default both)
  --outputs LIST  pipe (read slowly), null (/dev/null) (default both)
  --cli PATH      the claim-lint to measure (default dist/claim-lint.js)
`;

interface LimitsOptions {
  sizes: number[];
  formats: CorpusFormat[];
  modes: Array<'whole' | 'streamed'>;
  outputs: Array<'pipe' | 'null'>;
  cli: string;
}

function parseOptions(args: readonly string[]): LimitsOptions {
  const options: LimitsOptions = {
    sizes: [25],
    formats: ['claim'],
    modes: ['whole', 'streamed'],
    outputs: ['pipe', 'null'],
    cli: builtCliPath,
  };
  const list = (value: string | undefined, allowed: readonly string[], name: string) => {
    const items = (value ?? '').split(',');
    if (items.some((item) => !allowed.includes(item))) {
      throw new Error(`${name}: one of ${allowed.join(', ')}`);
    }
    return items;
  };
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1];
    switch (args[i]) {
      case '--sizes':
        options.sizes = (value ?? '').split(',').map(Number);
        if (options.sizes.some((size) => !(size > 0))) {
          throw new Error('--sizes: megabytes, e.g. 25,100');
        }
        break;
      case '--formats':
        options.formats = list(value, ['claim', 'x12'], '--formats') as CorpusFormat[];
        break;
      case '--modes':
        options.modes = list(value, ['whole', 'streamed'], '--modes') as LimitsOptions['modes'];
        break;
      case '--outputs':
        options.outputs = list(value, ['pipe', 'null'], '--outputs') as LimitsOptions['outputs'];
        break;
      case '--cli':
        options.cli = path.resolve(value ?? '');
        break;
      default:
        throw new Error(`unknown option ${args[i] ?? ''}`);
    }
  }
  return options;
}

const primaryCodes = new Set(['19281', '19283', '19285', '19287']);

/** A corpus claim with its first-lesion line left out: every claim has an add-on without its primary. */
function claimWithError(index: number): PlannedClaim {
  const claim = planClaim(index);
  return { ...claim, lines: claim.lines.filter((line) => !primaryCodes.has(line.code)) };
}

/** The fewest `.claim` lines a finding takes: a claim of one add-on line, the most findings a megabyte can hold. */
function* denseClaims(bytes: number): Generator<string> {
  let written = 0;
  for (let index = 0; written < bytes;) {
    const claims: string[] = [];
    for (const end = index + 2000; index < end; index++) {
      claims.push(`claim CLM-${index}\n  dos: 2026-03-14\n  dx: C50.411\n  19284-RT   x1   $400.00   dx=A\n`);
    }
    const chunk = claims.join('');
    written += chunk.length;
    yield chunk;
  }
}

function* claimsUpTo(bytes: number, format: CorpusFormat): Generator<string> {
  if (format === 'claim') {
    yield* denseClaims(bytes);
    return;
  }
  let written = 0;
  function* claims(): Generator<PlannedClaim> {
    for (let index = 0; written < bytes; index++) {
      yield claimWithError(index);
    }
  }
  for (const chunk of corpusChunks(format, claims())) {
    written += chunk.length;
    yield chunk;
  }
}

function writeFile(folder: string, megabytes: number, format: CorpusFormat): string {
  const file = path.join(folder, `findings-${megabytes}MB.${format === 'claim' ? 'claim' : '837'}`);
  const fd = fs.openSync(file, 'w');
  try {
    for (const chunk of claimsUpTo(megabytes * 1024 * 1024, format)) {
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

interface Measured {
  exit: number | null;
  seconds: number;
  /** User and system CPU time: on a shared machine, less affected by the others' work than wall time. */
  cpuSeconds: number;
  peakMb: number;
  findings: number;
  reportMb: number;
  stderr: string;
}

/** One run under `/usr/bin/time -v`; its report read slowly from a pipe, or written to /dev/null and counted after. */
async function measure(
  cli: string,
  args: readonly string[],
  output: 'pipe' | 'null',
  folder: string,
): Promise<Measured> {
  const stats = path.join(folder, 'time.txt');
  const report = output === 'null' ? fs.openSync('/dev/null', 'w') : 'pipe';
  const start = performance.now();
  const child = spawn('/usr/bin/time', ['-v', '-o', stats, process.execPath, cli, ...args], {
    stdio: ['ignore', report, 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
  let findings = 0;
  let bytes = 0;
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  if (child.stdout) {
    const out = child.stdout;
    // A slow reader: a piece, then a pause, so the report waits on the pipe as it does behind a slow consumer.
    for await (const piece of out as AsyncIterable<Buffer>) {
      bytes += piece.length;
      for (let i = piece.indexOf(10); i >= 0; i = piece.indexOf(10, i + 1)) {
        findings++;
      }
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }
  const exit = await closed;
  const seconds = (performance.now() - start) / 1000;
  if (typeof report === 'number') {
    fs.closeSync(report);
  }
  const time = fs.readFileSync(stats, 'utf8');
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(time)?.[1] ?? NaN);
  const cpuSeconds =
    Number(/User time \(seconds\): ([\d.]+)/.exec(time)?.[1] ?? NaN) +
    Number(/System time \(seconds\): ([\d.]+)/.exec(time)?.[1] ?? NaN);
  return { exit, seconds, cpuSeconds, peakMb: peakKb / 1024, findings, reportMb: bytes / 2 ** 20, stderr };
}

async function main(): Promise<void> {
  let options: LimitsOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lint-limits-'));
  const rows: string[] = [];
  try {
    for (const format of options.formats) {
      for (const megabytes of options.sizes) {
        process.stderr.write(`[limits] writing a ${megabytes} MB ${format} file\n`);
        const file = writeFile(folder, megabytes, format);
        const size = fs.statSync(file).size;
        let findings: number | undefined;
        for (const mode of options.modes) {
          const threshold = mode === 'whole' ? String(size + 1) : '1';
          for (const output of options.outputs) {
            process.stderr.write(`[limits] ${mode}, into ${output === 'pipe' ? 'a slow pipe' : '/dev/null'}\n`);
            const args = ['--format', 'jsonl', '--stream-threshold', threshold, file];
            const run = await measure(options.cli, args, output, folder);
            findings = output === 'pipe' ? run.findings : findings;
            const outcome = run.exit === 0 || run.exit === 1 ? `exit ${run.exit}` : `**exit ${run.exit}**`;
            process.stderr.write(
              `  ${run.seconds.toFixed(1)} s, peak ${run.peakMb.toFixed(0)} MB, ${outcome}${run.exit !== 0 && run.exit !== 1 ? `: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}\n`,
            );
            rows.push(
              `| ${(size / 2 ** 20).toFixed(1)} MB ${format === 'claim' ? '.claim' : '837P'} | ${mode} | ${output === 'pipe' ? 'slow pipe' : '/dev/null'} | ${output === 'pipe' ? `${formatNumber(run.findings)} (${run.reportMb.toFixed(0)} MB)` : '—'} | ${run.seconds.toFixed(1)} s | ${run.cpuSeconds.toFixed(1)} s | ${run.peakMb.toFixed(0)} MB | ${outcome} |`,
            );
          }
        }
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      ...describeMachine(),
      '',
      '| file | check | report into | findings (jsonl report) | wall time | CPU time | peak memory | status |',
      '| --- | --- | --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n'),
  );
}

void main();
