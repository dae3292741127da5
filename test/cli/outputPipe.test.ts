/**
 * `claim-lint` into a pipe whose reader pauses: the report arrives whole and
 * the exit status says errors were found (1), as when the reader keeps up;
 * and a write the pipe refuses (ENOBUFS) ends the run with one line and 2,
 * never an unhandled error nor the status of errors found.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { brokenPipeStatus } from '../../cli/src/claimLint';
import { cliPath, jsonlRows, runCli, useTempFolder } from './cliRunner';

/** Makes every write to the main thread's stdout fail as a pipe out of buffer space does. */
const enobufsPreload = `
const { isMainThread } = require('node:worker_threads');
if (isMainThread) {
  const stdout = process.stdout;
  stdout._writev = null;
  stdout._write = (_chunk, _encoding, done) =>
    done(Object.assign(new Error('write ENOBUFS'), { code: 'ENOBUFS', errno: -105, syscall: 'write' }));
}
`;

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs claim-lint and reads its stdout as a slow reader does: nothing until the reading side's buffer is
 * full (the pipe behind it then fills and the writer must wait), then a piece per turn of the event loop.
 */
async function runWithPausingReader(args: readonly string[], cwd: string, env = process.env): Promise<Finished> {
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr += text));
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let exited = false;
  child.on('exit', () => (exited = true));
  const out = child.stdout;
  await new Promise<void>((resolve) => out.once('readable', resolve));
  while (!exited && out.readableLength < out.readableHighWaterMark) {
    await nextTurn();
  }
  const pieces: Buffer[] = [];
  for (;;) {
    const piece = out.read() as Buffer | null;
    if (piece !== null) {
      pieces.push(piece);
      await nextTurn();
      continue;
    }
    if (out.readableEnded) {
      break;
    }
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off('readable', done);
        out.off('end', done);
        resolve();
      };
      out.on('readable', done);
      out.on('end', done);
    });
  }
  return { status: await closed, stdout: Buffer.concat(pieces).toString('utf8'), stderr };
}

describe('claim-lint into a pipe', () => {
  const temp = useTempFolder();
  const claims = 40000;
  beforeEach(() => {
    // An add-on line without its primary in every claim: one error per claim, megabytes of report.
    temp.write('many.claim', Array.from({ length: claims }, (_, i) => `claim C${i}\n  19284-RT\n`).join(''));
  });

  for (const [mode, extra] of [
    ['whole', []],
    ['streamed', ['--stream-threshold', '1', '--stream-chunk', '64K']],
  ] as const) {
    it(`gives the whole report to a reader that pauses, and exits 1 for the errors found (${mode})`, async () => {
      const run = await runWithPausingReader(['--format', 'jsonl', ...extra, 'many.claim'], temp.dir());
      assert.equal(run.stderr, '');
      assert.equal(run.status, 1);
      const rows = jsonlRows(run.stdout);
      assert.equal(rows.length, claims);
      assert.deepEqual(
        rows.map((row) => row.claimId),
        Array.from({ length: claims }, (_, i) => `C${i}`),
      );
    });
  }

  it('gives the whole stylish report, with its totals last, to a reader that pauses', async () => {
    const run = await runWithPausingReader(['many.claim'], temp.dir());
    assert.equal(run.status, 1, run.stderr);
    const lines = run.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((line) => line.includes('addon-without-primary')).length, claims);
    assert.equal(lines.at(-1), `${claims} problems (${claims} errors, 0 warnings)`);
  });

  it('ends with one line and status 2 when the pipe refuses a write (ENOBUFS)', async () => {
    const preload = temp.write('enobufs.js', enobufsPreload);
    const env = { ...process.env, NODE_OPTIONS: `--require ${preload}` };
    const child = spawn(process.execPath, [cliPath, 'many.claim'], {
      cwd: temp.dir(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => (stderr += text));
    child.stdout.resume();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(stderr, 'claim-lint: cannot write the output: ENOBUFS\n');
    assert.equal(status, 2);
  });

  describe('its spool of findings', () => {
    /** A temporary folder of the run's own (TMPDIR), to see what claim-lint leaves in it. */
    const ownTmp = () => {
      const tmp = path.join(temp.dir(), 'tmp');
      fs.mkdirSync(tmp);
      return { tmp, env: { ...process.env, TMPDIR: tmp } };
    };

    it('is made, private, and removed at the end of the run', async () => {
      const { tmp, env } = ownTmp();
      const child = spawn(process.execPath, [cliPath, '--format', 'jsonl', 'many.claim'], {
        cwd: temp.dir(),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      // While the report is written (the child waits on the pipe), the findings past the first thousand are spooled.
      await new Promise((resolve) => child.stdout.once('data', resolve));
      const [first] = fs.readdirSync(tmp);
      assert.ok(first !== undefined, 'a spool folder while the report is written');
      assert.equal(fs.statSync(path.join(tmp, first)).mode & 0o777, 0o700);
      child.stdout.resume();
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(status, 1);
      assert.deepEqual(fs.readdirSync(tmp), []);
    });

    it('is removed when the reader closes the pipe', async () => {
      const { tmp, env } = ownTmp();
      const child = spawn(process.execPath, [cliPath, 'many.claim'], {
        cwd: temp.dir(),
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      assert.equal(status, brokenPipeStatus);
      assert.deepEqual(fs.readdirSync(tmp), []);
    });

    it('is removed after a run whose report goes to a file', () => {
      const { tmp, env } = ownTmp();
      const run = runCli(['--format', 'json', '-o', 'report.json', 'many.claim'], temp.dir(), undefined, env);
      assert.equal(run.status, 1, run.stderr);
      const report = JSON.parse(fs.readFileSync(path.join(temp.dir(), 'report.json'), 'utf8')) as Array<{
        errorCount: number;
        messages: unknown[];
      }>;
      assert.equal(report[0]?.errorCount, claims);
      assert.equal(report[0]?.messages.length, claims);
      assert.deepEqual(fs.readdirSync(tmp), []);
    });
  });
});
