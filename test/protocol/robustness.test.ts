/**
 * The server survives what a client may send (requests for documents it never
 * opened, malformed parameters) and never writes claim text, which holds
 * protected health information, to its log or stderr.
 */
import * as assert from 'node:assert/strict';
import { HoverRequest } from 'vscode-languageserver-protocol';
import { LspClient, newUri, pullClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { endOf, hoverText, positionOf, specExample } from './claimTexts';

describe('protocol: robustness', () => {
  afterEach(() => stopAllClients());

  it('answers hover, completion and code actions for a never-opened document with nothing, and keeps serving', async () => {
    const client = await LspClient.start();
    const unknown = newUri('never-opened');
    const position = { line: 0, character: 2 };
    assert.equal(await client.hover(unknown, position), null);
    assert.deepEqual(await client.completionItems(unknown, position), []);
    const range = { start: position, end: position };
    assert.deepEqual((await client.codeActions(unknown, range, [])) ?? [], []);

    const uri = newUri();
    await client.open(uri, specExample);
    assert.match(hoverText(await client.hover(uri, positionOf(specExample, '19284', 1))), /19283/);
    assert.ok(client.running);
  });

  it('survives a request whose handler fails, and logs no claim text for it', async () => {
    const client = await LspClient.start();
    const uri = newUri();
    await client.open(uri, specExample);
    // A position of null makes the hover handler throw inside the service.
    const hover = await client.request(HoverRequest.type, {
      textDocument: { uri },
      position: null as unknown as { line: number; character: number },
    });
    assert.equal(hover, null);
    assert.match(hoverText(await client.hover(uri, positionOf(specExample, '19284', 1))), /add-on/i);
    assert.ok(client.running);
    // The failure was logged before the response was sent, so the log is complete here.
    const logs = client.logText();
    assert.match(logs, /Hover failed/);
    assert.ok(!logs.includes('DOE') && !logs.includes('JANE'), `the log names the patient: ${logs}`);
  });

  it('publishes for an 18,000-line file within the wait bound, capped at maxNumberOfProblems', async () => {
    const client = await LspClient.start({ settings: {} });
    const claim = (i: number) =>
      `claim C${i}\n  patient: DOE, JANE\n  dx: C50.411\n  lesions: 2\n  19283-RT x1 dx=A\n  19284-LT x1 dx=B\n`;
    const text = Array.from({ length: 3000 }, (_, i) => claim(i)).join('');
    const uri = newUri('large');
    await client.open(uri, text);
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    // Each claim has one dx=B outside its one-diagnosis list: 3000 problems, 1000 shown (the default) and one notice.
    assert.equal(diagnostics.length, 1001);
    assert.equal(diagnostics[1000]?.code, 'too-many-problems');
    assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'dx-pointer'));
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' },
    ]);
    const again = await client.nextDiagnostics(uri, version);
    assert.equal(again.diagnostics[0]?.range.start.line, 6, 'ranges follow the inserted line');
    assert.match(hoverText(await client.hover(uri, { line: 6 * 2999 + 6, character: 4 })), /19283/);
  });

  it('never writes the patient name to stderr or to log messages', async () => {
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      settings: { maxNumberOfProblems: 1 },
    });
    const uri = newUri('phi');
    // The patient name also stands where the parser reports it: as a header value and inside a service line.
    const text = `${specExample}claim CLM-2\n  patient: DOE, JANE\n  patent: DOE, JANE\n  19284 DOE,JANE x1\n  DOE, JANE\n`;
    await client.open(uri, text);
    await client.pullDiagnostics(uri);
    await client.hover(uri, positionOf(text, 'DOE, JANE', 2));
    await client.hover(uri, positionOf(text, 'patient', 2));
    await client.completionItems(uri, positionOf(text, 'JANE', 2));
    await client.completionItems(uri, endOf(text));
    await client.codeActions(uri, { start: { line: 0, character: 0 }, end: endOf(text) }, []);
    // Make a handler fail, so the error path writes to the log.
    await client.request(HoverRequest.type, {
      textDocument: { uri },
      position: null as unknown as { line: number; character: number },
    });
    await client.change(uri, [
      { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 20 } }, text: 'ROE, RICHARD' },
    ]);
    await client.pullDiagnostics(uri);
    await client.close(uri);
    await client.stop();

    const logs = client.logText();
    assert.match(logs, /Hover failed/, 'the failing request should have been logged, or this test proves nothing');
    for (const secret of ['DOE', 'JANE', 'RICHARD']) {
      assert.ok(!client.stderr.includes(secret), `stderr names the patient: ${client.stderr}`);
      assert.ok(!logs.includes(secret), `a log message names the patient: ${logs}`);
    }
  });
});
