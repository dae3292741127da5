/**
 * The guard in front of every data file read: paths no file system accepts,
 * what a stat says is not a file, the size cap, text that is not text, and
 * whether a file really lies inside a workspace folder.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  displayPath,
  isInsideAny,
  maxDataFileBytes,
  readDataFile,
  stateOf,
  textOf,
} from '../../shared/src/dataFileReader';
import { describeFileError, pathProblem } from '../../shared/src/guardedFile';

describe('data file reader', () => {
  describe('paths', () => {
    it('refuses a NUL in a path and a path longer than a file system allows, before asking the file system', () => {
      assert.match(pathProblem('/tmp/a\0b.csv') ?? '', /NUL character/);
      assert.match(pathProblem(`/${'x'.repeat(5000)}`) ?? '', /5001 characters long/);
      assert.equal(pathProblem('/tmp/org-cpt.csv'), undefined);
    });

    it('shows control characters escaped and the middle of a long path cut', () => {
      assert.equal(displayPath('/tmp/a\0b\nc.csv'), '/tmp/a\\x00b\\x0ac.csv');
      const long = displayPath(`/start/${'x'.repeat(100_000)}/end.csv`);
      assert.ok(long.length < 250, String(long.length));
      assert.match(long, /^\/start\/x+…\(100015 characters\)…x+\/end\.csv$/);
    });

    it('says what a file system error means', () => {
      assert.equal(describeFileError('ENOENT'), 'it does not exist.');
      assert.match(describeFileError('EACCES'), /permission denied/);
      assert.match(describeFileError('ELOOP'), /loop of symbolic links/);
      assert.equal(describeFileError('EIO'), 'it cannot be read (EIO).');
    });
  });

  describe('text', () => {
    const bytes = (text: string, encoding: BufferEncoding = 'utf8') => new Uint8Array(Buffer.from(text, encoding));

    it('reads UTF-8, dropping a byte order mark, and UTF-16LE with its mark', () => {
      assert.deepEqual(textOf(bytes('\uFEFF19283,Café')), { ok: true, text: '19283,Café' });
      assert.deepEqual(textOf(new Uint8Array([0xff, 0xfe, ...Buffer.from('19283,Café', 'utf16le')])), {
        ok: true,
        text: '19283,Café',
      });
    });

    it('refuses NUL bytes, bytes that are not UTF-8, and broken UTF-16', () => {
      assert.deepEqual(textOf(bytes('19283,ok\n\0\0')), {
        ok: false,
        reason: 'it is not a text file: it holds NUL bytes.',
      });
      const latin1 = textOf(bytes('19283,caf\xe9', 'latin1'));
      assert.deepEqual(latin1, {
        ok: false,
        reason: 'it is not a text file: it is not valid UTF-8 (save it as UTF-8 or plain ASCII text).',
      });
      assert.equal(textOf(new Uint8Array([0xff, 0xfe, 0x31])).ok, false);
    });
  });

  describe('files', () => {
    let dir: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-reader-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reads a regular file, and through a link to one', () => {
      const file = path.join(dir, 'org-cpt.csv');
      fs.writeFileSync(file, '19283,TEXT\n');
      fs.symlinkSync(file, path.join(dir, 'link.csv'));
      assert.deepEqual(readDataFile(file), { ok: true, text: '19283,TEXT\n' });
      assert.deepEqual(readDataFile(path.join(dir, 'link.csv')), { ok: true, text: '19283,TEXT\n' });
    });

    it('never opens a folder, a named pipe or a device: a stat says what they are', () => {
      const pipe = path.join(dir, 'pipe.csv');
      execFileSync('mkfifo', [pipe]);
      // Opening the pipe for reading would block this test (and the server) until a writer came.
      assert.deepEqual(readDataFile(pipe), {
        ok: false,
        reason: 'it is a named pipe (FIFO), not a file, and reading it could wait forever.',
      });
      assert.deepEqual(readDataFile(dir), { ok: false, reason: 'it is a folder, not a file.' });
      assert.deepEqual(readDataFile('/dev/zero'), { ok: false, reason: 'it is a device, not a file.' });
      assert.equal(stateOf('/dev/urandom').stamp, stateOf('/dev/urandom').stamp);
    });

    it('refuses a file one byte over the cap unread, and reads one at the cap', () => {
      const file = path.join(dir, 'big.csv');
      fs.writeFileSync(file, '');
      fs.truncateSync(file, maxDataFileBytes + 1);
      assert.match(stateOf(file).problem ?? '', /it is 16,777,217 bytes, more than the 16 MB/);
      fs.truncateSync(file, maxDataFileBytes);
      assert.equal(stateOf(file).problem, undefined);
      // Read to the end: the zeros are then found to be NUL bytes.
      assert.deepEqual(readDataFile(file), { ok: false, reason: 'it is not a text file: it holds NUL bytes.' });
    });

    it('tells a file inside a folder from one outside it, a link out of the folder counting as outside', () => {
      const workspace = path.join(dir, 'ws');
      fs.mkdirSync(workspace);
      fs.mkdirSync(path.join(dir, 'ws2'));
      fs.writeFileSync(path.join(dir, 'outside.csv'), 'x');
      fs.symlinkSync(path.join(dir, 'outside.csv'), path.join(workspace, 'link.csv'));
      fs.writeFileSync(path.join(workspace, 'inside.csv'), 'x');
      assert.equal(isInsideAny(path.join(workspace, 'inside.csv'), [workspace]), true);
      assert.equal(isInsideAny(path.join(workspace, 'not-yet.csv'), [workspace]), true);
      assert.equal(isInsideAny(path.join(dir, 'outside.csv'), [workspace]), false);
      assert.equal(isInsideAny(path.join(workspace, 'link.csv'), [workspace]), false);
      assert.equal(isInsideAny(path.join(dir, 'ws2', 'a.csv'), [workspace]), false);
      assert.equal(isInsideAny(path.join(workspace, '..', 'outside.csv'), [workspace]), false);
      assert.equal(isInsideAny(path.join(workspace, 'inside.csv'), []), false);
    });
  });
});
