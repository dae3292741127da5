/**
 * `npm run lint:claims`, the README's first command: the examples' findings,
 * the exit code explained, and exit 0, while claim-lint itself still exits 1
 * on the same folder, so a pipeline that calls it fails on findings.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { root, runCli } from './cliRunner';

describe('npm run lint:claims (the first run)', () => {
  it('prints the findings on examples/, explains exit code 1 and exits 0', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    assert.match(manifest.scripts['lint:claims'] ?? '', /node scripts\/lint-examples\.mjs$/);
    const result = spawnSync(process.execPath, [path.join(root, 'scripts', 'lint-examples.mjs')], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^examples\/common-mistakes\.claim$/m);
    assert.match(result.stdout, /addon-without-primary/);
    assert.match(result.stdout, /^\d+ problems \(\d+ errors?, \d+ warnings?\)$/m);
    assert.match(result.stdout, /^claim-lint exited 1: it found errors, as it should here/m);
    assert.equal(result.stderr, '');
  });

  it('leaves claim-lint itself exiting 1 on the examples', () => {
    assert.equal(runCli(['examples'], root).status, 1);
  });
});
