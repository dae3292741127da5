/**
 * Diagnostics over the wire: pushed to a client without pull support (with
 * the document version, after edits, emptied on close), and pulled with
 * `textDocument/diagnostic` by a client that declares it, with nothing pushed.
 */
import * as assert from 'node:assert/strict';
import { type Diagnostic, DiagnosticSeverity, DocumentDiagnosticReportKind } from 'vscode-languageserver-protocol';
import {
  LspClient,
  newUri,
  pullClientCapabilities,
  pushClientCapabilities,
  stopAllClients,
} from '../support/server/lspClient';
import { describeDiagnostics, messageOf, specExample } from './claimTexts';

/** Opens the text in the client and returns the diagnostics published for version 1. */
async function pushed(client: LspClient, text: string): Promise<Diagnostic[]> {
  const uri = newUri();
  await client.open(uri, text, 1);
  const publish = await client.nextDiagnostics(uri, 1);
  assert.equal(publish.version, 1, 'the publish should carry the document version');
  return publish.diagnostics;
}

function single(diagnostics: Diagnostic[], code: string): Diagnostic {
  assert.equal(diagnostics.length, 1, `expected one ${code} diagnostic, got:\n${describeDiagnostics(diagnostics)}`);
  const [diagnostic] = diagnostics;
  assert.ok(diagnostic);
  assert.equal(diagnostic.code, code, describeDiagnostics(diagnostics));
  assert.equal(diagnostic.source, 'cpt-claims');
  return diagnostic;
}

describe('protocol: pushed diagnostics', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ capabilities: pushClientCapabilities() });
  });
  after(() => stopAllClients());

  it('reports a lone add-on as an error on its code', async () => {
    const diagnostic = single(await pushed(client, '19284-RT'), 'addon-without-primary');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.deepEqual(diagnostic.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    assert.match(messageOf(diagnostic), /19283/);
  });

  it('warns when units do not add up to the lesions, naming the expected add-on units', async () => {
    const diagnostic = single(await pushed(client, 'claim A\n lesions: 3\n 19283-RT x1\n 19284-RT x1'), 'lesion-units');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.equal(diagnostic.range.start.line, 3);
    assert.match(messageOf(diagnostic), /19284 x2/);
  });

  it('warns on a first-lesion code with 2 units, naming its add-on', async () => {
    const diagnostic = single(await pushed(client, '19283-RT x2'), 'primary-units');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Warning);
    assert.match(messageOf(diagnostic), /19284/);
  });

  it("reports an add-on with another modality's primary and names that modality's add-on", async () => {
    const diagnostic = single(await pushed(client, '19281-RT\n19284-RT'), 'addon-wrong-modality');
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    assert.equal(diagnostic.range.start.line, 1);
    assert.match(messageOf(diagnostic), /19282/);
  });

  it("checks each claim alone: only the second claim's add-on lacks its primary", async () => {
    const text = 'claim A\n  19283-RT\n  19284-RT\nclaim B\n  19284-LT';
    const diagnostic = single(await pushed(client, text), 'addon-without-primary');
    assert.deepEqual(diagnostic.range.start, { line: 4, character: 2 });
  });

  it('reads a bare list of codes with no claim line as one claim', async () => {
    // 19284 finds 19283 in the same unnamed claim; the excision add-on 19126 lacks 19125.
    const diagnostic = single(await pushed(client, '19283-RT\n19284-RT\n19126-RT'), 'addon-without-primary');
    assert.equal(diagnostic.range.start.line, 2);
    assert.match(messageOf(diagnostic), /19125/);
    assert.deepEqual(await pushed(client, '19283-RT\n19284-RT\n'), []);
  });

  it('ignores codes in comments', async () => {
    const text = '# 19284 alone\n   # 19283 x2 19286\n#19288\nclaim A # 19284\n  19283-RT x1 # then 19284 19082 x9\n';
    const diagnostics = await pushed(client, text);
    assert.deepEqual(diagnostics, [], describeDiagnostics(diagnostics));
  });

  it('finds nothing wrong with one lesion on each side', async () => {
    const diagnostics = await pushed(client, 'claim A\n lesions: 2\n 19283-RT\n 19284-LT');
    assert.deepEqual(diagnostics, [], describeDiagnostics(diagnostics));
  });

  it('finds nothing wrong with the spec example', async () => {
    const diagnostics = await pushed(client, specExample);
    assert.deepEqual(diagnostics, [], describeDiagnostics(diagnostics));
  });

  it('publishes again for the new version after an incremental edit', async () => {
    const uri = newUri();
    await client.open(uri, 'claim A\n lesions: 3\n 19283-RT x1\n 19284-RT x1', 1);
    single((await client.nextDiagnostics(uri, 1)).diagnostics, 'lesion-units');

    // `19284-RT x1` -> `19284-RT x2` on line 3.
    const version = await client.change(uri, [
      { range: { start: { line: 3, character: 10 }, end: { line: 3, character: 12 } }, text: 'x2' },
    ]);
    assert.equal(version, 2);
    assert.equal(client.document(uri).getText(), 'claim A\n lesions: 3\n 19283-RT x1\n 19284-RT x2');
    const fixed = await client.nextDiagnostics(uri, 2);
    assert.equal(fixed.version, 2);
    assert.deepEqual(fixed.diagnostics, [], describeDiagnostics(fixed.diagnostics));

    // Two quick edits: the publish for the last version reflects both.
    await client.change(uri, [
      { range: { start: { line: 2, character: 1 }, end: { line: 2, character: 12 } }, text: '' },
    ]);
    const last = await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# no primary now\n' },
    ]);
    assert.equal(client.document(uri).getText(), '# no primary now\nclaim A\n lesions: 3\n \n 19284-RT x2');
    const broken = await client.nextDiagnostics(uri, last);
    const codes = broken.diagnostics.map((d) => d.code);
    assert.ok(codes.includes('addon-without-primary'), describeDiagnostics(broken.diagnostics));
    const addOn = broken.diagnostics.find((d) => d.code === 'addon-without-primary');
    assert.equal(addOn?.range.start.line, 4, 'the range should follow the edited text');
  });

  it('applies several changes of one didChange in order', async () => {
    const uri = newUri();
    await client.open(uri, '19283-RT x2', 1);
    single((await client.nextDiagnostics(uri, 1)).diagnostics, 'primary-units');
    // The second change's range is only valid after the first: `x2` -> `x1`, then a new add-on line after it.
    const version = await client.change(uri, [
      { range: { start: { line: 0, character: 9 }, end: { line: 0, character: 11 } }, text: 'x1' },
      { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: '\n19284-RT x1' },
    ]);
    assert.equal(client.document(uri).getText(), '19283-RT x1\n19284-RT x1');
    const publish = await client.nextDiagnostics(uri, version);
    assert.deepEqual(publish.diagnostics, [], describeDiagnostics(publish.diagnostics));
  });

  it('publishes an empty list when the document closes', async () => {
    const uri = newUri();
    await client.open(uri, '19284-RT', 1);
    single((await client.nextDiagnostics(uri, 1)).diagnostics, 'addon-without-primary');
    await client.close(uri);
    const cleared = await client.nextDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('protocol: pulled diagnostics', () => {
  let pullClient: LspClient;
  let pushClient: LspClient;

  before(async () => {
    [pullClient, pushClient] = await Promise.all([
      LspClient.start({ capabilities: pullClientCapabilities() }),
      LspClient.start({ capabilities: pushClientCapabilities() }),
    ]);
  });
  after(() => stopAllClients());

  const documents = [
    '19284-RT',
    'claim A\n lesions: 3\n 19283-RT x1\n 19284-RT x1',
    '19283-RT x2',
    '19281-RT\n19284-RT',
    'claim A\n  19283-RT\n  19284-RT\nclaim B\n  19284-LT',
    specExample,
  ];

  it('textDocument/diagnostic returns the same findings a push client gets', async () => {
    for (const text of documents) {
      const uri = newUri('pulled');
      await pullClient.open(uri, text, 1);
      const report = await pullClient.pullDiagnostics(uri);
      assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
      const expected = await pushed(pushClient, text);
      assert.deepEqual(
        report.kind === DocumentDiagnosticReportKind.Full ? report.items : undefined,
        expected,
        `for ${JSON.stringify(text)}`,
      );
    }
  });

  it('reflects an edit in the next pull', async () => {
    const uri = newUri('pulled');
    await pullClient.open(uri, '19284-RT', 1);
    const before = await pullClient.pullDiagnostics(uri);
    assert.deepEqual(before.kind === DocumentDiagnosticReportKind.Full ? before.items.map((d) => d.code) : [], [
      'addon-without-primary',
    ]);
    await pullClient.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '19283-RT\n' },
    ]);
    const after = await pullClient.pullDiagnostics(uri);
    assert.deepEqual(after.kind === DocumentDiagnosticReportKind.Full ? after.items : undefined, []);
  });

  it('answers a repeated pull of an unchanged document "unchanged", and a pull after an edit in full', async () => {
    const uri = newUri('pulled');
    await pullClient.open(uri, '19284-RT', 1);
    const first = await pullClient.pullDiagnostics(uri);
    assert.equal(first.kind, DocumentDiagnosticReportKind.Full);
    const firstId = first.resultId;
    assert.ok(firstId, 'a full report carries a result id');
    const again = await pullClient.pullDiagnostics(uri, firstId);
    assert.deepEqual(again, { kind: DocumentDiagnosticReportKind.Unchanged, resultId: firstId });
    // A client that holds no report (or another one) gets the report in full, under the same id.
    const withoutId = await pullClient.pullDiagnostics(uri);
    assert.equal(withoutId.kind, DocumentDiagnosticReportKind.Full);
    assert.equal(withoutId.resultId, firstId);
    assert.equal((await pullClient.pullDiagnostics(uri, 'not-an-id')).kind, DocumentDiagnosticReportKind.Full);

    await pullClient.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '19283-RT\n' },
    ]);
    const afterEdit = await pullClient.pullDiagnostics(uri, firstId);
    assert.equal(afterEdit.kind, DocumentDiagnosticReportKind.Full);
    assert.notEqual(afterEdit.resultId, firstId);
    assert.deepEqual(afterEdit.kind === DocumentDiagnosticReportKind.Full ? afterEdit.items : undefined, []);
    const editedId = afterEdit.resultId;

    // The same settings sent again change nothing: still unchanged.
    await pullClient.changeConfiguration(null);
    assert.equal((await pullClient.pullDiagnostics(uri, editedId)).kind, DocumentDiagnosticReportKind.Unchanged);
    // Other settings may change the findings: the next pull is checked again and answered in full.
    pullClient.setSettings({ maxNumberOfProblems: 10 });
    try {
      await pullClient.changeConfiguration(null);
      const afterSettings = await pullClient.pullDiagnostics(uri, editedId);
      assert.equal(afterSettings.kind, DocumentDiagnosticReportKind.Full);
      assert.notEqual(afterSettings.resultId, editedId);
    } finally {
      pullClient.setSettings(null);
      await pullClient.changeConfiguration(null);
    }
  });

  it('answers a pull for a document that is not open with an empty report', async () => {
    const report = await pullClient.pullDiagnostics(newUri('never-opened'));
    assert.equal(report.kind, DocumentDiagnosticReportKind.Full);
    assert.deepEqual(report.kind === DocumentDiagnosticReportKind.Full ? report.items : undefined, []);
  });

  it('pushes nothing to a pull client, even on change and close', async () => {
    const uri = newUri('pulled');
    await pullClient.open(uri, '19284-RT', 1);
    await pullClient.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, text: '19286' },
    ]);
    await pullClient.close(uri);
    // The push delay is 200 ms: a second and a half without a publish shows none is coming.
    await pullClient.expectNoMessage(
      (message) => message.method === 'textDocument/publishDiagnostics',
      'publishDiagnostics to a pull client',
      1500,
    );
    assert.deepEqual(pullClient.publishes(), []);
  });
});
