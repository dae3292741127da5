/**
 * The strict frame reader: whole frames come out whatever the chunking; a
 * header that cannot be read ends the stream with a reason that quotes none
 * of the bytes read.
 */
import * as assert from 'node:assert/strict';
import { FrameParser, maxContentLength, maxHeaderBytes } from '../../../server/src/transport/frameParser';

const marker = 'PHI-MARKER-123';

interface Outcome {
  frames: string[];
  broken: string | undefined;
}

/** Feeds the chunks in order and records what came out. */
function parse(...chunks: Array<string | Buffer>): Outcome {
  const outcome: Outcome = { frames: [], broken: undefined };
  const parser = new FrameParser({
    frame: (body) => outcome.frames.push(body.toString('utf8')),
    unrecoverable: (reason) => {
      assert.equal(outcome.broken, undefined, 'reported unrecoverable twice');
      outcome.broken = reason;
    },
  });
  for (const chunk of chunks) {
    parser.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  }
  return outcome;
}

function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

function assertBroken(outcome: Outcome, reason: RegExp): void {
  assert.ok(outcome.broken !== undefined, `not reported unrecoverable; frames: ${outcome.frames.length}`);
  assert.match(outcome.broken, reason);
  assert.ok(!outcome.broken.includes(marker), outcome.broken);
  assert.ok(!outcome.frames.some((body) => body.includes(marker)), 'a frame of the broken stream came out');
}

describe('FrameParser', () => {
  it('gives each body of a stream of frames, in order, split at every byte or not split at all', () => {
    const bodies = ['{"a":1}', '{"text":"é 😀 ü"}', '', '{"b":2}'];
    const stream = Buffer.from(bodies.map((body) => frame(body)).join(''), 'utf8');
    assert.deepEqual(parse(stream), { frames: bodies, broken: undefined });
    const byteByByte = [...stream].map((byte) => Buffer.from([byte]));
    assert.deepEqual(parse(...byteByByte), { frames: bodies, broken: undefined });
  });

  it('takes a Content-Type line, any case of Content-Length and spaces around its value', () => {
    const body = '{"c":3}';
    const header = `content-length:   ${body.length} \r\nContent-Type: application/vscode-jsonrpc; charset=utf-8`;
    assert.deepEqual(parse(frame(body, header)), { frames: [body], broken: undefined });
  });

  it('waits for the rest of a body or header without reporting anything', () => {
    assert.deepEqual(parse('Content-Length: 10\r\n\r\n{"a":'), { frames: [], broken: undefined });
    assert.deepEqual(parse('Content-Len'), { frames: [], broken: undefined });
  });

  it('takes a Content-Length of exactly the limit', () => {
    assert.deepEqual(parse(`Content-Length: ${maxContentLength}\r\n\r\n{`), { frames: [], broken: undefined });
  });

  for (const [what, header, reason] of [
    ['negative', 'Content-Length: -5', /not a whole number/],
    ['not a number', `Content-Length: ${marker}`, /not a whole number/],
    ['a number followed by text', `Content-Length: 12${marker}`, /not a whole number/],
    ['empty', 'Content-Length: ', /not a whole number/],
    ['over the limit', `Content-Length: ${maxContentLength + 1}`, /over the limit of 1073741824 bytes/],
    ['huge', 'Content-Length: 99999999999999999999999', /over the limit/],
    ['missing', `Content-Type: ${marker}`, /without a Content-Length/],
    ['given twice, differently', 'Content-Length: 2\r\nContent-Length: 3', /two different/],
  ] as const) {
    it(`reports a Content-Length that is ${what} as unrecoverable, without the header's text`, () => {
      assertBroken(parse(frame(`{"m":"${marker}"}`, header)), reason);
    });
  }

  it('reports the rest of a body cut short by a Content-Length too small at its first byte', () => {
    const body = `{"jsonrpc":"2.0","method":"x","params":{"t":"${marker}"}}`;
    // Nothing after the rest: the failure must not wait for a blank line that may never come.
    const outcome = parse(frame(body, 'Content-Length: 5'));
    assert.deepEqual(outcome.frames, ['{"jso']);
    assertBroken(outcome, /where a frame header should start/);
  });

  for (const [what, text, reason] of [
    ['a line without a colon', `${marker}\r\n\r\n`, /not "Name: value"/],
    ['a header name with a space', `Content Length: 5\r\n\r\n`, /where a frame header should start/],
    ['a line starting with a colon', `: 5\r\n\r\n`, /where a frame header should start/],
    ['a bare line feed', `Content-Length: 5\n\n{}`, /line feed without a carriage return/],
    ['a carriage return alone', `Content-Length: 5\rX`, /carriage return not followed/],
    ['an empty header block', `\r\n{}`, /without a Content-Length/],
  ] as const) {
    it(`reports ${what} as unrecoverable`, () => {
      assertBroken(parse(text), reason);
    });
  }

  it(`reports a header longer than ${maxHeaderBytes} bytes without waiting for its end`, () => {
    assertBroken(parse(`X-Padding: ${'a'.repeat(maxHeaderBytes)}`), /longer than 8192 bytes/);
  });

  it('reads nothing more once broken', () => {
    const outcome = parse('Content-Length: x\r\n\r\n', frame('{"after":1}'));
    assert.deepEqual(outcome.frames, []);
    assert.match(outcome.broken ?? '', /not a whole number/);
  });
});
