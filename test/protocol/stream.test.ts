/**
 * What the server does with what it cannot read on stdin, over real stdio
 * with frames written by hand.
 *
 * - A message vscode-jsonrpc would not dispatch (a batch, neither method nor
 *   id, an error response with a null id, ...) is refused with a log line
 *   naming its kind and size. Each carries a marker; the marker must appear
 *   nowhere the server writes (log, trace, stderr), at trace level verbose
 *   too, and the server keeps serving.
 * - A frame header it cannot read loses the frame boundaries for good: the
 *   server exits with code 1 and one line on stderr naming what was wrong,
 *   without the bytes, so the client starts a new one.
 */
import * as assert from 'node:assert/strict';
import { maxContentLength } from '../../server/src/transport/frameParser';
import { LspClient, newUri, stopAllClients } from '../support/server/lspClient';
import { hoverText, positionOf, specExample } from './claimTexts';

const marker = 'PHI-MARKER-123';

function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body)}`): string {
  return `${header}\r\n\r\n${body}`;
}

async function stillServes(client: LspClient): Promise<void> {
  const uri = newUri('alive');
  await client.open(uri, specExample);
  assert.match(hoverText(await client.hover(uri, positionOf(specExample, '19284', 1))), /19283/);
  assert.ok(client.running);
}

function assertNoMarker(client: LspClient): void {
  assert.ok(!client.logText().includes(marker), `the log holds the marker: ${client.logText()}`);
  assert.ok(!client.stderr.includes(marker), `stderr holds the marker: ${client.stderr}`);
  const everything = JSON.stringify(client.received.map((message) => message.params));
  assert.ok(!everything.includes(marker), 'a message from the server holds the marker');
}

const garbage: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['a batch', JSON.stringify([{ jsonrpc: '2.0', method: 'x', params: { patient: marker } }]), /a batch/],
  [
    'a message with neither method nor id',
    JSON.stringify({ jsonrpc: '2.0', params: { patient: marker } }),
    /neither a method nor an id/,
  ],
  [
    'an error response with a null id',
    JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: marker, data: marker } }),
    /a response with a null id/,
  ],
  ['a request with a null id', JSON.stringify({ jsonrpc: '2.0', id: null, method: marker }), /id is neither/],
  [
    'a response with neither result nor error',
    JSON.stringify({ jsonrpc: '2.0', id: 7, data: marker }),
    /neither a result nor an error/,
  ],
  ['a JSON string', JSON.stringify(marker), /not a JSON object/],
  ['a body that is not JSON', `{"jsonrpc":"2.0","method":"x","params":"${marker}`, /not JSON/],
];

describe('protocol: messages the server cannot dispatch', () => {
  afterEach(() => stopAllClients());

  for (const trace of ['off', 'verbose']) {
    for (const [what, body, why] of garbage) {
      it(`refuses ${what} by kind and size, quoting none of it (trace ${trace}), and keeps serving`, async () => {
        const client = await LspClient.start();
        await client.connection.sendNotification('$/setTrace', { value: trace });
        client.writeRaw(frame(body));
        const refusal = await client.nextMessage(
          (message) => message.method === 'window/logMessage' && /Refused/.test(JSON.stringify(message.params)),
          'the refusal in the log',
        );
        const text = (refusal.params as { message: string }).message;
        assert.match(text, new RegExp(`^Refused a JSON-RPC message of ${Buffer.byteLength(body)} bytes: `));
        assert.match(text, why);
        await stillServes(client);
        assertNoMarker(client);
      });
    }
  }

  it('says nothing of the kind for a well-formed message, and answers it', async () => {
    const client = await LspClient.start();
    await stillServes(client);
    assert.doesNotMatch(client.logText(), /Refused/);
  });
});

describe('protocol: a frame header the server cannot read', () => {
  afterEach(() => stopAllClients());

  const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { text: marker } });
  for (const [what, bytes, reason] of [
    ['a negative Content-Length', frame(body, 'Content-Length: -5'), /not a whole number/],
    ['a Content-Length that is not a number', frame(body, `Content-Length: ${marker}`), /not a whole number/],
    [
      'a huge Content-Length',
      frame(body, `Content-Length: ${maxContentLength + 1}`),
      /over the limit of 1073741824 bytes/,
    ],
    ['no Content-Length', frame(body, `Content-Type: ${marker}`), /without a Content-Length/],
    ['a Content-Length too small', frame(body, 'Content-Length: 20'), /where a frame header should start/],
    ['no header at all', `${marker}\r\n`, /not "Name: value"/],
  ] as const) {
    it(`exits with code 1 and one line on stderr, without the bytes, after ${what}`, async () => {
      const client = await LspClient.start();
      client.writeRaw(bytes);
      await client.waitForExit();
      assert.deepEqual(client.exit, { code: 1, signal: null });
      assert.match(client.stderr, /^claim-language-server: unreadable input, exiting: [^\n]+\n$/);
      assert.match(client.stderr, reason);
      assertNoMarker(client);
    });
  }

  it('exits the same way before initialize', async () => {
    const client = LspClient.spawn();
    client.writeRaw(frame(body, 'Content-Length: x'));
    await client.waitForExit();
    assert.equal(client.exit?.code, 1);
    assert.match(client.stderr, /not a whole number/);
  });
});
