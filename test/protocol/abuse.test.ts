/**
 * Protocol abuse against the running server over stdio: unknown methods,
 * malformed JSON-RPC, edits past the end, versions out of order, a burst of
 * cancelled requests and a thousand edits at once. The server answers with an
 * error or an empty result and keeps serving; after the storm, its
 * diagnostics are those of the latest text.
 */
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import { LspClient, newUri, pullClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { hoverText, positionOf, specExample } from './claimTexts';

const service = getLanguageService();

/** The codes and starts of diagnostics, to compare the server's with the service's. */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
}

async function stillServes(client: LspClient): Promise<void> {
  const uri = newUri('alive');
  await client.open(uri, specExample);
  assert.match(hoverText(await client.hover(uri, positionOf(specExample, '19284', 1))), /19283/);
  assert.ok(client.running);
}

describe('protocol: abuse', () => {
  afterEach(() => stopAllClients());

  it('answers an unknown request with MethodNotFound and keeps serving', async () => {
    const client = await LspClient.start();
    await assert.rejects(
      client.connection.sendRequest('cptClaims/noSuchMethod', { x: 1 }),
      (error: { code?: number }) => error.code === -32601,
    );
    await client.connection.sendNotification('cptClaims/noSuchNotification', { x: 1 });
    await stillServes(client);
  });

  it('survives malformed JSON-RPC on its input', async () => {
    const client = await LspClient.start();
    const stdin = client.child.stdin;
    assert.ok(stdin);
    const body = '{"jsonrpc":"2.0","id":99,"method":"textDocument/hover","params":'; // cut short: not JSON
    stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const notAnObject = '[1,2,3]';
    stdin.write(`Content-Length: ${Buffer.byteLength(notAnObject)}\r\n\r\n${notAnObject}`);
    await stillServes(client);
  });

  it('takes edits whose ranges run past the end and versions out of order, answers a pull for them, and keeps serving', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities() });
    const uri = newUri();
    await client.open(uri, specExample);
    const past = { line: 10_000, character: 500 };
    await client.change(uri, [{ range: { start: past, end: past }, text: '\n  19284-LT x1\n' }]);
    await client.change(uri, [
      { range: { start: { line: 2, character: 0 }, end: { line: 9_999, character: 9 } }, text: '' },
    ]);
    // An older version after a newer one: the server applies it to the text it holds, as VS Code's documents do.
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 1 },
      contentChanges: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# re-sent\n' },
      ],
    });
    const report = await client.pullDiagnostics(uri);
    assert.equal(report.kind, 'full');
    assert.ok(client.running);
    await stillServes(client);
  });

  it('answers a burst of 200 cancelled requests and keeps serving', async () => {
    const client = await LspClient.start();
    const uri = newUri();
    await client.open(uri, specExample);
    const position = positionOf(specExample, '19284', 1);
    const answers = Array.from({ length: 200 }, () => {
      const source = new CancellationTokenSource();
      const answer = client.connection
        .sendRequest(HoverRequest.type, { textDocument: { uri }, position }, source.token)
        .then(
          () => 'answered',
          (error: { code?: number }) => (error.code === -32800 ? 'cancelled' : `error ${String(error.code)}`),
        );
      source.cancel();
      return answer;
    });
    const outcomes = await Promise.all(answers);
    assert.deepEqual(
      [...new Set(outcomes)].filter((o) => o !== 'answered' && o !== 'cancelled'),
      [],
    );
    await stillServes(client);
  });

  it('after 1,000 edits sent at once, pulls the diagnostics of the latest text', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities() });
    const uri = newUri();
    await client.open(uri, specExample);
    const sends: Array<Promise<number>> = [];
    for (let n = 0; n < 1000; n++) {
      // Insert lines (a code without a pointer, now and then an add-on) and empty edits.
      const text = n % 50 === 0 ? `  19284-RT x1 dx=A\n` : n % 2 === 0 ? '  99213\n' : '';
      const line = 3 + (n % 5);
      sends.push(client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text }]));
    }
    await Promise.all(sends);
    const report = await client.pullDiagnostics(uri);
    assert.equal(report.kind, 'full');
    const latest = client.document(uri);
    const final = TextDocument.create(uri, 'claim', latest.version, latest.getText());
    const expected = service.doValidation(final, service.parse(final));
    assert.deepEqual(summary('items' in report ? report.items : []), summary(expected));
    const original = TextDocument.create(uri, 'claim', 1, specExample);
    assert.notDeepEqual(
      summary(expected),
      summary(service.doValidation(original, service.parse(original))),
      'the edits changed what is found',
    );
    assert.ok(client.running);
  });
});
