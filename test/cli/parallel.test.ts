/**
 * Files checked in worker threads give the same output, in the same order,
 * as checked one after another (--jobs 1), in every format, with read
 * errors and config problems in the same places; and the bundled
 * dist/claim-lint.js serves as its own worker script.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { x12Batch } from '../support/documents/x12Batch';
import { cliPath, loneAddOn, runCli, unitsWarning, useTempFolder } from './cliRunner';
import type { CheckedFile } from '../../cli/src/fileCheck';
import { storedMessages } from '../../cli/src/output/findingSpool';

describe('claim-lint in parallel', () => {
  const temp = useTempFolder();

  const writeFolder = () => {
    temp.write('batch/a-big.837', x12Batch(4, 60).replace('GE*4*1~', 'GE*3*1~'));
    temp.write('batch/b.claim', loneAddOn);
    temp.write('batch/c/one-line.837', x12Batch(2, 30, { oneLine: true }));
    temp.write('batch/c/warn.claim', unitsWarning);
    temp.write('batch/d/.claimlintrc.json', '{ not json');
    temp.write('batch/d/governed.claim', loneAddOn);
    temp.write('batch/e.claim', `${loneAddOn}\n${unitsWarning}`);
    temp.write('batch/f.837', x12Batch(3, 50));
  };

  it('gives the serial output in every format, with two and five workers and by default', () => {
    writeFolder();
    for (const format of ['stylish', 'json', 'jsonl', 'sarif']) {
      const serial = runCli(['--format', format, '--jobs', '1', 'batch', 'missing.claim'], temp.dir());
      assert.equal(serial.status, 2, serial.stderr);
      assert.match(serial.stderr, /governed\.claim: cannot read config/);
      assert.match(serial.stderr, /missing\.claim: no such file or directory/);
      for (const jobs of [['--jobs', '2'], ['--jobs', '5'], []]) {
        const parallel = runCli(['--format', format, ...jobs, 'batch', 'missing.claim'], temp.dir());
        assert.deepEqual(parallel, serial, `${format} ${jobs.join(' ')}`);
      }
    }
  });

  it('lists the files in the order of the folder walk, not the order they finish', () => {
    writeFolder();
    const result = runCli(['--format', 'json', '--jobs', '3', 'batch'], temp.dir());
    const files = (JSON.parse(result.stdout) as Array<{ filePath: string }>).map((r) => r.filePath);
    assert.deepEqual(
      files,
      ['a-big.837', 'b.claim', 'c/one-line.837', 'c/warn.claim', 'e.claim', 'f.837'].map((file) =>
        path.join(temp.dir(), 'batch', file),
      ),
    );
  });

  it('streams large files inside the workers with the same findings', () => {
    writeFolder();
    const serial = runCli(['--format', 'jsonl', '--jobs', '1', 'batch'], temp.dir());
    const streamedInWorkers = runCli(
      ['--format', 'jsonl', '--jobs', '2', '--stream-threshold', '1K', '--stream-chunk', '2K', 'batch'],
      temp.dir(),
    );
    assert.equal(streamedInWorkers.stdout, serial.stdout);
    assert.equal(streamedInWorkers.status, serial.status);
  });

  it('the bundle answers as a worker thread: a file in, its findings out', async () => {
    const file = temp.write('lone.claim', loneAddOn);
    const worker = new Worker(cliPath, {
      workerData: {
        role: 'claim-lint-worker',
        options: { quiet: false, streamThreshold: 1 << 25, streamChunk: 1 << 22 },
      },
    });
    try {
      const reply = await new Promise<unknown>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ index: 7, job: { displayPath: 'lone.claim', absolutePath: file } });
      });
      const { index, outcome } = reply as { index: number; outcome: { result: CheckedFile } };
      assert.equal(index, 7);
      assert.equal(outcome.result.filePath, 'lone.claim');
      assert.deepEqual(
        [...storedMessages(outcome.result.findings)].map((m) => [m.ruleId, m.claimId]),
        [['addon-without-primary', 'CLM-LONE']],
      );
    } finally {
      await worker.terminate();
    }
  });
});
