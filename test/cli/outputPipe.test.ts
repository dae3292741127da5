/**
 * `claim-lint` into a pipe whose reader pauses: the report arrives whole and
 * the exit status says errors were found (1), as when the reader keeps up;
 * and a write the pipe refuses (ENOBUFS) ends the run with one line and 2,
 * never an unhandled error nor the status of errors found.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cliPath, jsonlRows, useTempFolder } from './cliRunner';

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
});
