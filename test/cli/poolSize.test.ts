import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { poolSize } from '../../cli/src/poolSize';
import type { FileJob } from '../../cli/src/fileCheck';

const made: string[] = [];

function jobsOf(count: number, bytesEach: number): FileJob[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pool-size-'));
  made.push(dir);
  return Array.from({ length: count }, (_, i) => {
    const absolutePath = path.join(dir, `f${i}.claim`);
    fs.writeFileSync(absolutePath, 'x'.repeat(bytesEach));
    return { displayPath: absolutePath, absolutePath };
  });
}

describe('claim-lint worker pool size', () => {
  after(() => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('holds --jobs to one worker per core, and to the number of files', () => {
    const jobs = jobsOf(10, 10);
    assert.equal(poolSize({ jobs: 128 }, jobs, 2), 2);
    assert.equal(poolSize({ jobs: 3 }, jobs, 8), 3);
    assert.equal(poolSize({ jobs: 16 }, jobs.slice(0, 4), 8), 4);
    assert.equal(poolSize({ jobs: 1 }, jobs, 8), 1);
  });

  it('without --jobs, uses one worker per core only when the files are large enough to pay for them', () => {
    assert.equal(poolSize({}, jobsOf(1, 10), 8), 1);
    assert.equal(poolSize({}, jobsOf(6, 10), 8), 1, 'small files are checked in this thread');
    assert.equal(poolSize({}, jobsOf(6, 1024 * 1024), 8), 3, 'about 2 MB a worker');
  });
});
