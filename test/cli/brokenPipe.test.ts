/**
 * `claim-lint ... | head -1`: the reader closes the pipe after its first
 * line, and claim-lint stops quietly, with no stack trace on stderr.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { brokenPipeStatus } from '../../cli/src/claimLint';
import { cliPath } from './cliRunner';

describe('claim-lint into a pipe its reader closes', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-pipe-'));
    // An add-on line without its primary on every line: several megabytes of report, far more than a pipe holds.
    fs.writeFileSync(
      path.join(dir, 'many.claim'),
      Array.from({ length: 40000 }, (_, i) => `claim C${i}\n  19284-RT\n`).join(''),
    );
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops quietly with the broken-pipe status once the reader is gone', async () => {
    const child = spawn(process.execPath, [cliPath, 'many.claim'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    // The first piece of the report arrives: the reader reads no more, as `head -1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    assert.equal(status, brokenPipeStatus, stderr);
    assert.equal(stderr, '');
  });
});
