/**
 * The report's writes wait for a full stream to drain instead of queueing
 * the report in memory, and a write error ends the report with its code
 * instead of an unhandled error event. A counting test: the most bytes ever
 * queued in the stream stays near its buffer's size, however much is written.
 */
import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { runCli } from '../../cli/src/claimLint';
import { OutputWriteError, outputSink, writePieces } from '../../cli/src/output/outputSink';
import { loneAddOn, useTempFolder } from './cliRunner';

/** A reader that takes a write only when the test lets it: `release` lets the writes waiting so far through. */
function pausedReader(highWaterMark: number) {
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark,
    decodeStrings: false,
    write(chunk: string, _encoding, done) {
      received.push(chunk);
      waiting.push(done);
    },
  });
  return {
    stream,
    received,
    release: () => waiting.splice(0).forEach((done) => done()),
    get waiting() {
      return waiting.length;
    },
  };
}

function failingStream(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      done(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

describe('claim-lint output with backpressure', () => {
  it('waits for a paused reader and queues no more than a piece past its buffer', async () => {
    const reader = pausedReader(16 * 1024);
    const sink = outputSink(reader.stream);
    const pieces = Array.from({ length: 20000 }, (_, n) => `{"line":${n},"message":"finding ${n}"}\n`);
    let done = false;
    const writing = writePieces(pieces, (text) => sink.write(text)).then(() => (done = true));
    // The reader takes nothing: the writer must stop and wait, not queue the rest.
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(done, false);
    assert.equal(reader.waiting, 1, 'one write waits for the reader, the rest are not written yet');
    while (!done) {
      reader.release();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await writing;
    assert.equal(reader.received.join(''), pieces.join(''));
    assert.ok(sink.mostQueued <= 16 * 1024 + 64 * 1024 + 100, `${sink.mostQueued} bytes queued`);
  });

  it('queues everything when nothing waits for the reader (the count can fail)', async () => {
    const reader = pausedReader(16 * 1024);
    const text = 'x'.repeat(1000);
    for (let n = 0; n < 500; n++) {
      reader.stream.write(text);
    }
    assert.equal(reader.stream.writableLength, 500 * 1000);
    reader.release();
    await new Promise<void>((resolve) => setImmediate(resolve));
  });

  for (const code of ['ENOBUFS', 'EAGAIN', 'EPIPE']) {
    it(`ends the report with ${code} as an OutputWriteError, never an unhandled error`, async () => {
      const sink = outputSink(failingStream(code));
      await assert.rejects(
        async () => {
          for (let n = 0; n < 10; n++) {
            await sink.write('x'.repeat(32 * 1024));
          }
        },
        (error: unknown) => error instanceof OutputWriteError && error.code === code,
      );
    });
  }

  it('ends the wait when the stream is closed without an error', async () => {
    const reader = pausedReader(1024);
    const sink = outputSink(reader.stream);
    const waiting = sink.write('x'.repeat(4096));
    reader.stream.destroy();
    await assert.rejects(waiting, (error: unknown) => error instanceof OutputWriteError && error.code === 'closed');
  });

  describe('in a run', () => {
    const temp = useTempFolder();
    it('exits 2 with one line, not 1, when the report cannot be written', async () => {
      temp.write('lone.claim', loneAddOn);
      let stderr = '';
      const code = await runCli(['lone.claim'], {
        stdout: () => Promise.reject(new OutputWriteError('ENOBUFS')),
        stderr: (text) => {
          stderr += text;
        },
        readStdin: async function* () {},
        cwd: temp.dir(),
      });
      assert.equal(code, 2);
      assert.equal(stderr, 'claim-lint: cannot write the output: ENOBUFS\n');
    });
  });
});
