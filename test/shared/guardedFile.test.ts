/**
 * The one guarded reader (shared/src/guardedFile.ts), sync and async: a
 * regular file and a link to one are read; a named pipe, a device (and a link
 * to one), a folder and a missing path are refused with their reason, never
 * waited on; the cap holds whatever the size said, and a file that says it is
 * smaller than it is (a `/proc` file) is still read to its end.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type FileBytes,
  openRegularFile,
  readFileBytes,
  readFileBytesAsync,
  readOpenedFile,
} from '../../shared/src/guardedFile';

const tooLarge = (size: number) => `it is ${size} bytes, too many.`;
const textOf = (read: FileBytes) => (read.ok ? Buffer.from(read.bytes).toString('utf8') : `refused: ${read.reason}`);

describe('guarded file reader', () => {
  let dir: string;
  const make = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guarded-file-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const readers = {
    sync: (file: string, maxBytes: number) => Promise.resolve(readFileBytes(file, maxBytes, tooLarge)),
    async: (file: string, maxBytes: number) => readFileBytesAsync(file, maxBytes, tooLarge),
  };

  for (const [kind, read] of Object.entries(readers)) {
    describe(kind, () => {
      it('reads a regular file, and one through a link (judged by its target)', async () => {
        const file = make('a.claim', 'claim A\n');
        fs.symlinkSync(file, path.join(dir, 'link.claim'));
        assert.equal(textOf(await read(file, 100)), 'claim A\n');
        assert.equal(textOf(await read(path.join(dir, 'link.claim'), 100)), 'claim A\n');
        assert.equal(textOf(await read(make('empty.claim', ''), 100)), '');
      });

      it('refuses a named pipe and a link to one without waiting for a writer', async () => {
        const pipe = path.join(dir, 'pipe.claim');
        execFileSync('mkfifo', [pipe]);
        fs.symlinkSync(pipe, path.join(dir, 'to-pipe.claim'));
        for (const file of [pipe, path.join(dir, 'to-pipe.claim')]) {
          assert.equal(
            textOf(await read(file, 100)),
            'refused: ' + 'it is a named pipe (FIFO), not a file, and reading it could wait forever.',
          );
        }
      });

      it('refuses /dev/zero and a link to it as a device, reading nothing', async () => {
        fs.symlinkSync('/dev/zero', path.join(dir, 'zero.claim'));
        for (const file of ['/dev/zero', path.join(dir, 'zero.claim')]) {
          assert.equal(textOf(await read(file, 100)), 'refused: it is a device, not a file.');
        }
      });

      it('refuses a folder, a missing path and a path no file system takes, with the error code when there is one', async () => {
        assert.equal(textOf(await read(dir, 100)), 'refused: it is a folder, not a file.');
        const missing = await read(path.join(dir, 'missing.claim'), 100);
        assert.deepEqual(missing, { ok: false, reason: 'it does not exist.', code: 'ENOENT' });
        fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling.claim'));
        assert.equal(textOf(await read(path.join(dir, 'dangling.claim'), 100)), 'refused: it does not exist.');
        assert.match(textOf(await read('/tmp/a\0b.claim', 100)), /refused: its path holds a NUL character/);
      });

      it('refuses a file over the cap, and reads one exactly at it', async () => {
        const file = make('ten.claim', '0123456789');
        assert.equal(textOf(await read(file, 9)), 'refused: it is 10 bytes, too many.');
        assert.equal(textOf(await read(file, 10)), '0123456789');
      });

      it('reads a file that says it is empty to its end (a /proc file), and still only up to the cap', async function () {
        const status = '/proc/self/status';
        if (!fs.existsSync(status) || fs.statSync(status).size !== 0) {
          this.skip();
        }
        const whole = await read(status, 1024 * 1024);
        assert.match(textOf(whole), /^Name:.*\n[\s\S]*\nPid:/);
        assert.ok(whole.ok && whole.bytes.length > 100, 'more than the first buffer of one byte');
        assert.match(textOf(await read(status, 10)), /^refused: it is 11 bytes, too many\.$/);
      });
    });
  }

  it('opens a regular file for reading with its size, and reads a file that grew past the size it had', () => {
    const file = make('growing.claim', 'claim A\n');
    const opened = openRegularFile(file);
    assert.ok(opened.ok);
    try {
      assert.equal(opened.size, 8);
      fs.appendFileSync(file, 'claim B\n');
      assert.equal(textOf(readOpenedFile(opened.descriptor, opened.size, 100, tooLarge)), 'claim A\nclaim B\n');
    } finally {
      fs.closeSync(opened.descriptor);
    }
    const again = openRegularFile(file);
    assert.ok(again.ok);
    try {
      fs.appendFileSync(file, 'claim C\n');
      // Opened at 16 bytes, 24 by the read: the cap of 20 holds whatever the size said.
      assert.equal(
        textOf(readOpenedFile(again.descriptor, again.size, 20, tooLarge)),
        'refused: it is 21 bytes, too many.',
      );
    } finally {
      fs.closeSync(again.descriptor);
    }
  });

  it('opens no pipe or device: the refusal holds no descriptor', () => {
    const pipe = path.join(dir, 'pipe.claim');
    execFileSync('mkfifo', [pipe]);
    assert.deepEqual(openRegularFile(pipe), {
      ok: false,
      reason: 'it is a named pipe (FIFO), not a file, and reading it could wait forever.',
    });
    assert.deepEqual(openRegularFile('/dev/null'), { ok: false, reason: 'it is a device, not a file.' });
  });
});
