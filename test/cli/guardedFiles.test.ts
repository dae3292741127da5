/**
 * Issue 20: every file claim-lint opens goes through the guarded reader, and
 * folders are walked as `grep -R` walks them. A claim file that
 * is a link to /dev/zero or a named pipe, a pipe as `--config` or as the
 * `.claimlintrc.json` above a file: each a one-line message naming the file
 * and the reason, exit 2, never a hang (the runner's timeout would leave no
 * status). In a folder: a pipe or an unreadable subfolder reported in its
 * place (claim-lint run as nobody when the tests run as root) and the rest
 * checked; linked claim files checked; a loop of linked folders walked once.
 * `--no-config-lookup` reads no config above the files.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cliPath, jsonlRows, loneAddOn, runCli as run, useTempFolder } from './cliRunner';

/** The files a jsonl report names, each once, in order. */
function reportedFiles(stdout: string): string[] {
  return [...new Set(jsonlRows(stdout).map((row) => row.file))];
}

/** Who runs claim-lint to meet a folder it may not read: this user ({}), or as root `nobody`, if it can run it. */
function unprivilegedUser(): { uid?: number; gid?: number } | 'unavailable' {
  if (process.getuid?.() !== 0) {
    return {};
  }
  try {
    const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
    execFileSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(cliPath)})`], { uid, gid });
    return { uid, gid };
  } catch {
    return 'unavailable';
  }
}

describe('claim-lint: guarded reads and folder walks', () => {
  const temp = useTempFolder();
  const write = temp.write;
  let dir = '';
  beforeEach(() => {
    dir = temp.dir();
  });
  const mkfifo = (name: string) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    execFileSync('mkfifo', [file]);
    return file;
  };

  describe('files that are not regular files', () => {
    it('refuses a claim file linked to /dev/zero as a device and checks the other files', () => {
      fs.symlinkSync('/dev/zero', path.join(dir, 'zero.claim'));
      write('lone.claim', loneAddOn);
      const result = run(['--format', 'jsonl', 'zero.claim', 'lone.claim'], dir);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr, 'claim-lint: zero.claim: it is a device, not a file\n');
      assert.deepEqual(reportedFiles(result.stdout), ['lone.claim']);
    });

    it('refuses a named pipe as a claim file without waiting for a writer, streamed or read whole', () => {
      mkfifo('pipe.837');
      for (const threshold of ['32M', '1']) {
        const result = run(['--stream-threshold', threshold, 'pipe.837'], dir);
        assert.equal(result.status, 2, result.stderr);
        assert.equal(
          result.stderr,
          'claim-lint: pipe.837: it is a named pipe (FIFO), not a file, and reading it could wait forever\n',
        );
        assert.equal(result.stdout, '');
      }
    });

    it('checks a regular claim file through a link, streamed or read whole, as the file itself', () => {
      write('lone.claim', loneAddOn);
      fs.symlinkSync(path.join(dir, 'lone.claim'), path.join(dir, 'link.claim'));
      const direct = run(['--format', 'jsonl', 'lone.claim'], dir);
      for (const threshold of ['32M', '1']) {
        const linked = run(['--format', 'jsonl', '--stream-threshold', threshold, 'link.claim'], dir);
        assert.equal(linked.status, 1, linked.stderr);
        assert.deepEqual(
          jsonlRows(linked.stdout).map((row) => ({ ...row, file: 'lone.claim' })),
          jsonlRows(direct.stdout),
          threshold,
        );
      }
    });

    it('reads a file whole only up to the stream threshold, even one whose size says less (a /proc file)', function () {
      const status = '/proc/self/status';
      if (!fs.existsSync(status) || fs.statSync(status).size !== 0) {
        this.skip();
      }
      const result = run(['--stream-threshold', '10', status], dir);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(
        result.stderr,
        `claim-lint: ${status}: it grew past the stream threshold (10 bytes) while it was read; check it once it is written\n`,
      );
    });

    it('refuses a named pipe given as --config before checking any file', () => {
      mkfifo('settings.json');
      write('lone.claim', loneAddOn);
      const result = run(['--config', 'settings.json', 'lone.claim'], dir);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(
        result.stderr,
        'claim-lint: config file settings.json cannot be read: it is a named pipe (FIFO), not a file, and reading it could wait forever\n',
      );
      assert.equal(result.stdout, '');
    });

    it('refuses a config over 1 MB, and a folder given as --config', () => {
      const hugeText = `{ "rules": {} ${' '.repeat(1024 * 1024)}}`;
      write('huge.json', hugeText);
      fs.mkdirSync(path.join(dir, 'folder.json'));
      write('lone.claim', loneAddOn);
      const huge = run(['--config', 'huge.json', 'lone.claim'], dir);
      assert.equal(huge.status, 2, huge.stderr);
      assert.equal(
        huge.stderr,
        `claim-lint: config file huge.json cannot be read: it is ${hugeText.length} bytes, more than the 1 MB a config file may be\n`,
      );
      const folder = run(['--config', 'folder.json', 'lone.claim'], dir);
      assert.equal(folder.status, 2, folder.stderr);
      assert.equal(folder.stderr, 'claim-lint: config file folder.json cannot be read: it is a folder, not a file\n');
    });

    it('refuses a named pipe as the .claimlintrc.json above a file, and checks the files under no such config', () => {
      mkfifo('batch/.claimlintrc.json');
      write('batch/lone.claim', loneAddOn);
      write('other/lone.claim', loneAddOn);
      const result = run(['--format', 'jsonl', 'batch', 'other'], dir);
      assert.equal(result.status, 2, result.stderr);
      const config = path.join(dir, 'batch', '.claimlintrc.json');
      assert.equal(
        result.stderr,
        `claim-lint: ${path.join('batch', 'lone.claim')}: cannot read config ${config}: it is a named pipe (FIFO), not a file, and reading it could wait forever\n`,
      );
      assert.deepEqual(reportedFiles(result.stdout), [path.join('other', 'lone.claim')]);
    });
  });

  describe('folders', () => {
    it('reports a pipe and a device named like claim files in a folder, in their place, and checks the rest', () => {
      write('batch/a.claim', loneAddOn);
      mkfifo('batch/b.claim');
      fs.symlinkSync('/dev/zero', path.join(dir, 'batch', 'c.837'));
      write('batch/d.claim', loneAddOn);
      const result = run(['--format', 'jsonl', 'batch'], dir);
      assert.equal(result.status, 2, result.stderr);
      assert.deepEqual(result.stderr.trimEnd().split('\n'), [
        `claim-lint: ${path.join('batch', 'b.claim')}: it is a named pipe (FIFO), not a file, and reading it could wait forever`,
        `claim-lint: ${path.join('batch', 'c.837')}: it is a device, not a file`,
      ]);
      assert.deepEqual(reportedFiles(result.stdout), [path.join('batch', 'a.claim'), path.join('batch', 'd.claim')]);
    });

    it('checks a folder of links to claim files, following each to its file', () => {
      write('files/one.claim', loneAddOn);
      write('files/two.837.txt', 'not named as a claim file');
      fs.mkdirSync(path.join(dir, 'links'));
      fs.symlinkSync(path.join(dir, 'files', 'one.claim'), path.join(dir, 'links', 'a.claim'));
      fs.symlinkSync(path.join(dir, 'files', 'one.claim'), path.join(dir, 'links', 'b.claim'));
      fs.symlinkSync(path.join(dir, 'files', 'two.837.txt'), path.join(dir, 'links', 'c.txt'));
      const result = run(['--format', 'jsonl', 'links'], dir);
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr, '');
      assert.deepEqual(reportedFiles(result.stdout), [path.join('links', 'a.claim'), path.join('links', 'b.claim')]);
      assert.deepEqual(
        jsonlRows(result.stdout).map((row) => row.ruleId),
        ['addon-without-primary', 'addon-without-primary'],
      );
    });

    it('reports a dangling link named like a claim file, and ends a loop of linked folders after one walk', () => {
      write('batch/a.claim', loneAddOn);
      write('batch/inner/b.claim', loneAddOn);
      fs.symlinkSync(path.join(dir, 'batch'), path.join(dir, 'batch', 'inner', 'back'));
      fs.symlinkSync(path.join(dir, 'batch', 'inner'), path.join(dir, 'batch', 'sideways'));
      fs.symlinkSync(path.join(dir, 'gone.claim'), path.join(dir, 'batch', 'dangling.claim'));
      const result = run(['--format', 'jsonl', 'batch'], dir);
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr, `claim-lint: ${path.join('batch', 'dangling.claim')}: no such file or directory\n`);
      assert.deepEqual(reportedFiles(result.stdout), [
        path.join('batch', 'a.claim'),
        path.join('batch', 'inner', 'b.claim'),
      ]);
    });

    it('follows a linked folder that leads elsewhere, as a glob does', () => {
      write('elsewhere/far.claim', loneAddOn);
      write('batch/a.claim', loneAddOn);
      fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'batch', 'linked'));
      const walked = run(['--format', 'jsonl', 'batch'], dir);
      const globbed = run(['--format', 'jsonl', 'batch/**/*.claim'], dir);
      assert.equal(walked.status, 1, walked.stderr);
      assert.deepEqual(reportedFiles(walked.stdout), [
        path.join('batch', 'a.claim'),
        path.join('batch', 'linked', 'far.claim'),
      ]);
      assert.deepEqual(reportedFiles(globbed.stdout), reportedFiles(walked.stdout));
    });

    it('reports a subfolder it may not read in its place and checks every other file of the folder', function () {
      // Root reads a folder whatever its mode: as root, claim-lint runs as nobody.
      const user = unprivilegedUser();
      if (user === 'unavailable') {
        this.skip();
      }
      fs.chmodSync(dir, 0o755);
      write('batch/a.claim', loneAddOn);
      write('batch/locked/b.claim', loneAddOn);
      write('batch/z.claim', loneAddOn);
      const locked = path.join(dir, 'batch', 'locked');
      fs.chmodSync(locked, 0o000);
      try {
        const result = spawnSync(process.execPath, [cliPath, '--format', 'jsonl', 'batch'], {
          cwd: dir,
          encoding: 'utf8',
          timeout: 60000,
          ...user,
        });
        assert.equal(result.status, 2, result.stderr);
        assert.equal(
          result.stderr,
          `claim-lint: ${path.join('batch', 'locked')}: cannot read this folder: permission denied\n`,
        );
        assert.deepEqual(reportedFiles(result.stdout), [path.join('batch', 'a.claim'), path.join('batch', 'z.claim')]);
      } finally {
        fs.chmodSync(locked, 0o755);
      }
    });
  });

  describe('--no-config-lookup', () => {
    beforeEach(() => {
      // A config that arrived with the batch, turning the rule its claims break off.
      write('incoming/.claimlintrc.json', JSON.stringify({ rules: { 'addon-without-primary': 'off' } }));
      write('incoming/lone.claim', loneAddOn);
    });

    it('without it, the config found above the file applies (the rule is off, exit 0)', () => {
      const result = run(['--format', 'jsonl', 'incoming'], dir);
      assert.equal(result.status, 0, result.stderr);
      assert.equal(result.stdout, '');
    });

    it('reads no config above the files: the default settings apply', () => {
      const result = run(['--format', 'jsonl', '--no-config-lookup', 'incoming'], dir);
      assert.equal(result.status, 1, result.stderr);
      assert.deepEqual(
        jsonlRows(result.stdout).map((row) => row.ruleId),
        ['addon-without-primary'],
      );
    });

    it('still uses the config --config names, in worker threads too', () => {
      write('ours.json', JSON.stringify({ rules: { 'addon-without-primary': 'warning' } }));
      write('incoming/second.claim', loneAddOn);
      for (const jobs of ['1', '2']) {
        const result = run(
          ['--format', 'jsonl', '--no-config-lookup', '--config', 'ours.json', '--jobs', jobs, 'incoming'],
          dir,
        );
        assert.equal(result.status, 0, result.stderr);
        assert.deepEqual(
          jsonlRows(result.stdout).map((row) => `${row.ruleId} ${row.severity}`),
          ['addon-without-primary warning', 'addon-without-primary warning'],
          `--jobs ${jobs}`,
        );
      }
    });

    it('ignores a named pipe as the config above the files, which would otherwise be refused', () => {
      fs.rmSync(path.join(dir, 'incoming', '.claimlintrc.json'));
      mkfifo('incoming/.claimlintrc.json');
      const result = run(['--format', 'jsonl', '--no-config-lookup', 'incoming'], dir);
      assert.equal(result.status, 1, result.stderr);
      assert.equal(result.stderr, '');
    });

    it('is in --help', () => {
      assert.match(run(['--help'], dir).stdout, /--no-config-lookup +Read no \.claimlintrc\.json/);
    });
  });
});
