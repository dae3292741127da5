/**
 * Over stdio, on the built server: semantic tokens (the capability, full and
 * range requests, both formats), the data a document is checked with
 * (`cptClaims/dataInUse`), its change notification for a client that listens,
 * and `cptClaims/reloadData`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LSPErrorCodes, SemanticTokensRangeRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol';
import { getLanguageService, semanticTokensLegend } from '../../server/src/service';
import {
  LspClient,
  newUri,
  pullClientCapabilities,
  pushClientCapabilities,
  stopAllClients,
} from '../support/server/lspClient';
import { repoRoot } from '../support/repoRoot';
import { hoverText } from './claimTexts';
import {
  dataInUseCapability,
  dataInUseChangedNotification,
  dataInUseRequest,
  reloadDataRequest,
} from '../../shared/src/protocol';

const changed = dataInUseChangedNotification.method;
const listening = () => ({ ...pushClientCapabilities(), experimental: { [dataInUseCapability]: true } });

const claim = 'claim A\n  dx: C50.411\n  lesions: 2\n  19283-RT x1\n  19284-RT x1\n  19290-59\n';
const mueText =
  '"CPT codes, descriptions and other data only are copyright 2025 American Medical Association."\n"Practitioner Services MUE Table, effective April 1, 2026"\n"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"\n"19283","1","2 Date of Service Edit: Policy","Anatomic Consideration"\n';

describe('protocol: semantic tokens', () => {
  let client: LspClient;
  afterEach(() => stopAllClients());

  it('declares full and range semantic tokens with the service legend', async () => {
    client = await LspClient.start({ capabilities: pullClientCapabilities() });
    const provider = client.initializeResult?.capabilities.semanticTokensProvider;
    assert.deepEqual(provider, { legend: semanticTokensLegend, full: true, range: true });
  });

  it('answers full and range requests with the service tokens, for .claim and 837', async () => {
    client = await LspClient.start({ capabilities: pullClientCapabilities() });
    const service = getLanguageService();
    const x12Text = fs.readFileSync(path.join(repoRoot(), 'examples', 'lone-addon.837'), 'utf8');
    for (const [text, languageId] of [
      [claim, 'claim'],
      [x12Text, 'x12'],
    ] as const) {
      const uri = newUri(`tokens-${languageId}`);
      await client.open(uri, text, 1, languageId);
      const document = TextDocument.create(uri, languageId, 1, text);
      const full = await client.request(SemanticTokensRequest.type, { textDocument: { uri } });
      const expected = service.getSemanticTokens(document, service.parse(document));
      assert.ok(expected.data.length >= 20, languageId);
      assert.deepEqual(full?.data, expected.data, languageId);
      const range = { start: { line: 4, character: 0 }, end: { line: 22, character: 0 } };
      const ranged = await client.request(SemanticTokensRangeRequest.type, { textDocument: { uri }, range });
      assert.deepEqual(
        ranged?.data,
        service.getSemanticTokens(document, service.parse(document), range).data,
        languageId,
      );
      assert.ok(
        (ranged?.data.length ?? 0) > 0 && (ranged?.data.length ?? 0) < expected.data.length,
        `${languageId}: the range holds some of the tokens`,
      );
    }
  });

  it('declines full tokens of a file over cptClaims.backgroundCheckAboveMB (VS Code then asks by range) and answers ranges', async () => {
    // 0.0001 MB: 100 characters make a large file here.
    client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      settings: { backgroundCheckAboveMB: 0.0001 },
    });
    const small = newUri('tokens-small');
    await client.open(small, '19284-RT\n');
    assert.deepEqual(
      (await client.request(SemanticTokensRequest.type, { textDocument: { uri: small } }))?.data,
      [0, 0, 5, 0, 2, 0, 6, 2, 1, 4],
    );
    const large = newUri('tokens-large');
    const text = `${claim}${'  19283-LT x1\n'.repeat(20)}`;
    await client.open(large, text);
    await assert.rejects(
      client.request(SemanticTokensRequest.type, { textDocument: { uri: large } }),
      (error: unknown) => (error as { code?: number }).code === LSPErrorCodes.ServerCancelled,
    );
    const range = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
    const ranged = await client.request(SemanticTokensRangeRequest.type, { textDocument: { uri: large }, range });
    // 19284 (add-on) and RT on line 4.
    assert.deepEqual(ranged?.data, [4, 2, 5, 0, 2, 0, 6, 2, 1, 4]);
    assert.doesNotMatch(client.logText(), /failed/);
  });

  it('answers an empty result for a document it does not hold, and after an edit tokens follow the new text', async () => {
    client = await LspClient.start({ capabilities: pullClientCapabilities() });
    assert.deepEqual(
      await client.request(SemanticTokensRequest.type, { textDocument: { uri: 'file:///never/opened.claim' } }),
      { data: [] },
    );
    const uri = newUri('tokens-edit');
    await client.open(uri, '19283-RT\n');
    await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '19290\n' },
    ]);
    const tokens = await client.request(SemanticTokensRequest.type, { textDocument: { uri } });
    // 19290 (deleted) on line 0; 19283 and RT on line 1.
    assert.deepEqual(tokens?.data, [0, 0, 5, 0, 1, 1, 0, 5, 0, 0, 0, 6, 2, 1, 4]);
  });
});

describe('protocol: data in use', () => {
  let dir: string;
  let client: LspClient;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-in-use-'));
  });
  afterEach(async () => {
    await stopAllClients();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the bundled data when no data file is set', async () => {
    client = await LspClient.start({ capabilities: listening() });
    const uri = newUri('bundled');
    await client.open(uri, claim);
    assert.deepEqual(await client.request(dataInUseRequest, { uri }), { descriptorFiles: [], notUsed: [] });
  });

  it('names the descriptor and MUE files in use, the MUE quarter, and the files that are not used with why', async () => {
    const descriptors = path.join(dir, 'org-cpt.tsv');
    const mue = path.join(dir, 'mue.csv');
    fs.writeFileSync(descriptors, '19283\tLICENSED ONE\n');
    fs.writeFileSync(mue, mueText);
    client = await LspClient.start({
      capabilities: listening(),
      settings: { descriptorFiles: [descriptors, path.join(dir, 'missing.csv')], mueFile: mue },
    });
    const uri = newUri('files');
    await client.open(uri, claim);
    const inUse = await client.request(dataInUseRequest, { uri });
    assert.deepEqual(inUse?.descriptorFiles, ['org-cpt.tsv']);
    assert.equal(inUse?.mueFile, 'mue.csv');
    assert.equal(inUse?.muePeriod, 'April 1, 2026');
    assert.deepEqual(
      inUse?.notUsed.map((file) => file.name),
      ['missing.csv'],
    );
    assert.match(inUse?.notUsed[0]?.reason ?? '', /does not exist/);
  });

  it('tells a listening client when the settings change, and answers with the new files', async () => {
    const descriptors = path.join(dir, 'org-cpt.csv');
    fs.writeFileSync(descriptors, '19283,LICENSED ONE\n');
    client = await LspClient.start({ capabilities: listening() });
    const uri = newUri('change');
    await client.open(uri, claim);
    client.setSettings({ descriptorFiles: [descriptors] });
    await client.changeConfiguration();
    await client.nextMessage((message) => message.method === changed, changed);
    assert.deepEqual((await client.request(dataInUseRequest, { uri }))?.descriptorFiles, ['org-cpt.csv']);
  });

  it('sends no change notification to a client that did not say it listens', async () => {
    client = await LspClient.start({ capabilities: pushClientCapabilities() });
    const uri = newUri('silent');
    await client.open(uri, claim);
    await client.changeConfiguration();
    // Messages are handled in order: the notification would have been written before this answer.
    await client.request(dataInUseRequest, { uri });
    assert.deepEqual(
      client.received.filter((message) => message.method === changed),
      [],
    );
  });

  it('reloads: reads a changed file again, reports a still-broken file again, and checks the documents again', async () => {
    const descriptors = path.join(dir, 'org-cpt.csv');
    fs.writeFileSync(descriptors, '19283,LICENSED ONE\n');
    // A whole second, so the time can be set back exactly (file times keep fractions of a millisecond).
    const fixedTime = new Date('2026-01-01T00:00:00Z');
    fs.utimesSync(descriptors, fixedTime, fixedTime);
    const folder = path.join(dir, 'a-folder');
    fs.mkdirSync(folder);
    client = await LspClient.start({ capabilities: listening(), settings: { descriptorFiles: [descriptors, folder] } });
    const uri = newUri('reload');
    await client.open(uri, claim);
    await client.nextDiagnostics(uri, 1);
    const position = { line: 3, character: 3 };
    assert.match(hoverText(await client.hover(uri, position)), /LICENSED ONE/);
    // New text of the same size with the old modification time: a change the file's stamp cannot see (a copy that kept its time).
    // Written aside and renamed over it, so the server's polling never sees a different time or size.
    const aside = path.join(dir, 'aside.csv');
    fs.writeFileSync(aside, '19283,LICENSED TWO\n');
    fs.utimesSync(aside, fixedTime, fixedTime);
    fs.renameSync(aside, descriptors);
    assert.match(hoverText(await client.hover(uri, position)), /LICENSED ONE/, 'not seen without a reload');
    const warnings = () =>
      client.received.filter(
        (message) => message.method === 'window/showMessage' && JSON.stringify(message.params).includes('a-folder'),
      ).length;
    assert.equal(warnings(), 1);
    assert.equal(await client.requestWithoutParams(reloadDataRequest), null);
    await client.nextMessage((message) => message.method === changed, changed);
    const republished = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(republished.diagnostics.map((diagnostic) => diagnostic.code).sort(), [
      'deleted-code',
      'missing-dx-pointer',
      'missing-dx-pointer',
      'missing-dx-pointer',
    ]);
    assert.match(hoverText(await client.hover(uri, position)), /LICENSED TWO/);
    assert.equal(warnings(), 2, 'the folder is reported again after a reload');
    assert.deepEqual(
      (await client.request(dataInUseRequest, { uri }))?.notUsed.map((file) => file.name),
      ['a-folder'],
    );
  });

  it('answers null for a request without a uri, and from the settings alone for a document it does not hold', async () => {
    client = await LspClient.start({ capabilities: listening() });
    assert.equal(await client.connection.sendRequest(dataInUseRequest.method, { nothing: 1 }), null);
    assert.deepEqual(await client.request(dataInUseRequest, { uri: 'file:///not/open.claim' }), {
      descriptorFiles: [],
      notUsed: [],
    });
    assert.doesNotMatch(client.logText(), /failed/);
  });
});
