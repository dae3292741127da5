/**
 * Inlay hints and the claim CodeLens through the built server: the
 * capabilities are announced; hints come for the range asked, in both
 * formats, and follow `cptClaims.inlayHints.*`; lenses come unresolved and
 * `codeLens/resolve` gives their titles, again after an edit; a client that
 * declares refresh support is asked to refresh on a settings change; odd
 * requests get empty answers.
 */
import * as assert from 'node:assert/strict';
import {
  type CodeLens,
  CodeLensRefreshRequest,
  CodeLensRequest,
  CodeLensResolveRequest,
  type InlayHint,
  InlayHintRefreshRequest,
  InlayHintRequest,
  type Range,
} from 'vscode-languageserver-protocol';
import { LspClient, newUri, pullClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { specExample } from '../support/documents/specExample';
import { x12Fixtures } from '../support/documents/x12Fixtures';

function labelOf(hint: InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

const whole: Range = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

async function hintLabels(client: LspClient, uri: string, range = whole): Promise<string[]> {
  const hints = (await client.request(InlayHintRequest.type, { textDocument: { uri }, range })) ?? [];
  return hints.map((hint) => `${hint.position.line}:${hint.position.character} ${labelOf(hint)}`);
}

async function lensTitles(client: LspClient, uri: string): Promise<string[]> {
  const lenses = (await client.request(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  assert.ok(
    lenses.every((lens) => lens.command === undefined),
    'lenses come unresolved',
  );
  const resolved = await Promise.all(lenses.map((lens) => client.request(CodeLensResolveRequest.type, lens)));
  return resolved.map((lens) => `${lens.range.start.line} ${lens.command?.title ?? '(no title)'}`);
}

describe('protocol: inlay hints and CodeLens', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start();
  });
  after(() => stopAllClients());

  it('announces inlay hints, and CodeLens with resolve', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.deepEqual(capabilities?.inlayHintProvider, { resolveProvider: false });
    assert.deepEqual(capabilities?.codeLensProvider, { resolveProvider: true });
  });

  it('gives the code summaries and lesion counts of a .claim file, only in the range asked', async () => {
    const uri = newUri('hints');
    await client.open(uri, specExample);
    // At the end of each service line (32 characters), so the columns stay put.
    assert.deepEqual(await hintLabels(client, uri), [
      '7:32 Stereotactic localization',
      '7:32 1 lesion of 3',
      '8:32 Stereotactic localization',
      '8:32 2 lesions of 3',
    ]);
    assert.deepEqual(
      await hintLabels(client, uri, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }),
      ['8:32 Stereotactic localization', '8:32 2 lesions of 3'],
    );
  });

  it('gives the code summaries of an 837', async () => {
    const fixture = x12Fixtures().find((f) => f.name === 'clean-two-lines.837');
    assert.ok(fixture);
    const uri = newUri('hints').replace(/\.claim$/, '.837');
    await client.open(uri, fixture.text, 1, 'x12');
    const labels = await hintLabels(client, uri);
    assert.deepEqual(
      labels.map((label) => label.replace(/^\d+:\d+ /, '')),
      ['Stereotactic localization, first lesion', 'Stereotactic localization, each additional lesion'],
    );
  });

  it('gives a lens per claim, resolved with lesions, total and problems, and again after an edit', async () => {
    const uri = newUri('lenses');
    await client.open(uri, specExample);
    assert.deepEqual(await lensTitles(client, uri), [
      '1 3 lesions: 19283 x1 + 19284 x2, complete · total $750.00 · no problems',
    ]);
    // x2 → x1: one lesion missing, and the lesion-units warning.
    await client.change(uri, [
      { range: { start: { line: 8, character: 14 }, end: { line: 8, character: 15 } }, text: '1' },
    ]);
    assert.deepEqual(await lensTitles(client, uri), [
      '1 3 lesions: 19283 x1 + 19284 x1, missing 1 · total $750.00 · 1 warning',
    ]);
  });

  it('counts information findings as notes, not problems', async () => {
    const uri = newUri('notes');
    await client.open(uri, 'claim A\n  dx: C50.411\n  77065-RT\n');
    assert.deepEqual(await lensTitles(client, uri), ['0 no problems · 1 note']);
  });

  it('answers a lens of a closed document, and hints and lenses of an unknown one, with nothing that throws', async () => {
    const uri = newUri('closed');
    await client.open(uri, specExample);
    const [lens] = (await client.request(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(lens);
    await client.close(uri);
    const resolved = await client.request(CodeLensResolveRequest.type, lens);
    assert.equal(resolved.command?.title, '');
    const bogus: CodeLens = { range: lens.range, data: { uri: 42 } };
    assert.equal((await client.request(CodeLensResolveRequest.type, bogus)).command?.title, '');
    assert.deepEqual(
      await client.request(InlayHintRequest.type, {
        textDocument: { uri: 'file:///never-opened.claim' },
        range: whole,
      }),
      [],
    );
    assert.deepEqual(
      await client.request(CodeLensRequest.type, { textDocument: { uri: 'file:///never-opened.claim' } }),
      [],
    );
    assert.doesNotMatch(client.logText(), /failed/);
  });
});

describe('protocol: inlay hint settings and refresh', () => {
  let client: LspClient;

  before(async () => {
    const capabilities = pullClientCapabilities();
    capabilities.workspace = {
      ...capabilities.workspace,
      inlayHint: { refreshSupport: true },
      codeLens: { refreshSupport: true },
    };
    client = await LspClient.start({ capabilities, settings: { inlayHints: { codeSummaries: false } } });
    client.answerRequests(InlayHintRefreshRequest.method, () => null);
    client.answerRequests(CodeLensRefreshRequest.method, () => null);
  });
  after(() => stopAllClients());

  it('leaves the summaries out when cptClaims.inlayHints.codeSummaries is false', async () => {
    const uri = newUri('settings');
    await client.open(uri, specExample);
    assert.deepEqual(await hintLabels(client, uri), ['7:32 1 lesion of 3', '8:32 2 lesions of 3']);
  });

  it('asks the client to refresh hints and lenses when the settings change, and the next request follows them', async () => {
    const uri = newUri('settings');
    await client.open(uri, specExample);
    client.setSettings({ inlayHints: { codeSummaries: true, lesionCounts: false } });
    await client.changeConfiguration();
    await client.nextMessage((message) => message.method === InlayHintRefreshRequest.method, 'an inlay hint refresh');
    await client.nextMessage((message) => message.method === CodeLensRefreshRequest.method, 'a CodeLens refresh');
    assert.deepEqual(await hintLabels(client, uri), [
      '7:32 Stereotactic localization, first lesion',
      '8:32 Stereotactic localization, each additional lesion',
    ]);
  });
});
