/**
 * Large files through the built server. The size limits are set low through
 * the settings, so a generated batch of 2,000 claims (about 0.3 MB) counts as
 * large: it is checked in the background, 25 claims a step (the server's
 * `claimsPerStep`), so 80 steps or more.
 *
 * Ordering, not timing, makes these tests deterministic. The server asks the
 * client for a progress token after the first step and waits for the answer
 * before the next one; the test holds that answer back while it sends a hover
 * or an edit. So the check cannot have finished when the hover or the edit is
 * read, and the server reads messages in the order they were sent: the edit
 * is seen before the check resumes, and a hover answered while the answer is
 * held was answered during the check. A server that checked the whole file at
 * once would send the diagnostics first, and fail.
 */
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import {
  type ClientCapabilities,
  type Diagnostic,
  type DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  LSPErrorCodes,
  type PublishDiagnosticsParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, readSettings } from '../../server/src/service';
import { writeClaimText } from '../support/documents/claimBatch';
import {
  LspClient,
  newUri,
  pullClientCapabilities,
  pushClientCapabilities,
  type ReceivedMessage,
  stopAllClients,
} from '../support/server/lspClient';
import { batchClaim, x12Batch } from '../support/documents/x12Batch';
import { hoverText, positionOf } from './claimTexts';

const claims = 2000;
/** Anything above 10,000 characters is large; problems are not cut off, so whole results can be compared. */
const largeSettings = { backgroundCheckAboveMB: 0.01, maxNumberOfProblems: 100_000 };

const formats = [
  {
    name: '.claim',
    languageId: 'claim',
    extension: 'claim',
    text: writeClaimText(Array.from({ length: claims }, (_, n) => batchClaim(n))),
    hoverAt: '19283-LT',
  },
  { name: 'X12 837', languageId: 'x12', extension: '837', text: x12Batch(2, claims / 2), hoverAt: 'HC:19283' },
];

function withProgress(capabilities: ClientCapabilities): ClientCapabilities {
  return { ...capabilities, window: { workDoneProgress: true } };
}

/** What validating the whole text in process gives, without the rule-page links the server adds. */
function expected(text: string, languageId: string, settings: unknown = largeSettings): string[] {
  const service = getLanguageService();
  const document = TextDocument.create('file:///expected', languageId, 1, text);
  return described(service.doValidation(document, service.parse(document), readSettings(settings)));
}

function described(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (d) =>
      `${d.range.start.line}:${d.range.start.character} ${String(d.code)} ${d.severity ?? ''} ${typeof d.message === 'string' ? d.message : ''}`,
  );
}

function itemsOf(report: DocumentDiagnosticReport): Diagnostic[] {
  assert.equal(report.kind, 'full');
  return report.kind === 'full' ? report.items : [];
}

/** Holds back the client's answers to `window/workDoneProgress/create` until `release()`. */
function holdProgressTokens(client: LspClient): { release: () => void } {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  client.answerRequests('window/workDoneProgress/create', () => released.then(() => null));
  return { release };
}

const isCreate = (message: ReceivedMessage) => message.method === 'window/workDoneProgress/create';

/** The `$/progress` values sent for a token, in order. */
function progressOf(
  client: LspClient,
  token: unknown,
): Array<WorkDoneProgressBegin | WorkDoneProgressReport | { kind: 'end' }> {
  return client.received
    .filter((message) => message.method === '$/progress' && (message.params as { token: unknown }).token === token)
    .map(
      (message) =>
        (message.params as { value: WorkDoneProgressBegin | WorkDoneProgressReport | { kind: 'end' } }).value,
    );
}

function assertProgressInOrder(values: ReturnType<typeof progressOf>, fileName: string): void {
  const kinds = values.map((value) => value.kind);
  assert.equal(kinds[0], 'begin', kinds.join(','));
  assert.equal(kinds[kinds.length - 1], 'end', kinds.join(','));
  assert.equal(kinds.filter((kind) => kind === 'begin').length, 1);
  assert.equal(kinds.filter((kind) => kind === 'end').length, 1);
  assert.ok(kinds.filter((kind) => kind === 'report').length >= 1, `reports between begin and end: ${kinds.join(',')}`);
  const begin = values[0] as WorkDoneProgressBegin;
  assert.equal(begin.title, `Checking ${fileName}`);
  const percentages = values.flatMap((value) =>
    'percentage' in value && value.percentage !== undefined ? [value.percentage] : [],
  );
  assert.deepEqual(
    percentages,
    [...percentages].sort((a, b) => a - b),
    'percentages never go back',
  );
  assert.ok(percentages.every((p) => p >= 0 && p <= 100));
  for (const value of values) {
    if ('message' in value && value.message !== undefined) {
      assert.match(value.message, /^\d+%$/, 'a progress message is a percentage, never claim text');
    }
  }
}

describe('protocol: large files are checked in the background', () => {
  afterEach(() => stopAllClients());

  for (const format of formats) {
    it(`${format.name}: answers a hover sent after the diagnostics request first, shows progress begin/report/end, and returns the whole-file diagnostics`, async () => {
      const client = await LspClient.start({
        capabilities: withProgress(pullClientCapabilities()),
        settings: largeSettings,
      });
      const tokens = holdProgressTokens(client);
      const uri = newUri('batch').replace(/\.claim$/, `.${format.extension}`);
      await client.open(uri, format.text, 1, format.languageId);
      const order: string[] = [];
      const pulled = client.pullDiagnostics(uri).then((report) => {
        order.push('diagnostics');
        return report;
      });
      const create = await client.nextMessage(isCreate, 'the progress token request of the background check');
      const hover = await client.hover(uri, positionOf(format.text, format.hoverAt, 4));
      order.push('hover');
      tokens.release();
      const report = await pulled;
      assert.deepEqual(order, ['hover', 'diagnostics']);
      assert.match(hoverText(hover), /19283/);
      assert.deepEqual(described(itemsOf(report)), expected(format.text, format.languageId));
      // The end is sent before the response, on the same stream, so all of it has arrived.
      assertProgressInOrder(
        progressOf(client, (create.params as { token: unknown }).token),
        uri.split('/').pop() ?? '',
      );
    });
  }

  it('pull: an edit during the check gives the diagnostics of the latest version only', async () => {
    const client = await LspClient.start({
      capabilities: withProgress(pullClientCapabilities()),
      settings: largeSettings,
    });
    const tokens = holdProgressTokens(client);
    const uri = newUri('edited');
    const [format] = formats;
    assert.ok(format);
    await client.open(uri, format.text);
    const pulled = client.pullDiagnostics(uri);
    await client.nextMessage(isCreate, 'the progress token request of the check of version 1');
    // A lone add-on at the top: version 2 has one problem more, on line 1, and every other one two lines lower.
    await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'claim NEW\n  19284-RT x1 $400.00\n\n',
      },
    ]);
    tokens.release();
    const latest = client.document(uri).getText();
    const items = described(itemsOf(await pulled));
    assert.deepEqual(items, expected(latest, 'claim'));
    assert.notDeepEqual(items, expected(format.text, 'claim'));
    assert.ok(
      items.some((item) => item.startsWith('1:2 addon-without-primary')),
      'the lone add-on of version 2 is reported',
    );
  });

  it('push: an edit during the check publishes the latest version only, and every progress begun ends', async () => {
    const client = await LspClient.start({
      capabilities: withProgress(pushClientCapabilities()),
      settings: largeSettings,
    });
    const tokens = holdProgressTokens(client);
    const uri = newUri('pushed');
    const [format] = formats;
    assert.ok(format);
    await client.open(uri, format.text);
    await client.nextMessage(isCreate, 'the progress token request of the check of version 1');
    const version = await client.change(uri, [
      {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        text: 'claim NEW\n  19284-RT x1 $400.00\n\n',
      },
    ]);
    tokens.release();
    const published = await client.nextDiagnostics(uri, version);
    assert.deepEqual(described(published.diagnostics), expected(client.document(uri).getText(), 'claim'));
    assert.deepEqual(
      client.publishes(uri).map((publish: PublishDiagnosticsParams) => publish.version),
      [version],
      'nothing was published for version 1',
    );
    const creates = client.received.filter(isCreate);
    assert.equal(creates.length, 2, 'one progress for each version checked');
    assertProgressInOrder(
      progressOf(client, (creates[1]?.params as { token: unknown }).token),
      uri.split('/').pop() ?? '',
    );
    // Version 1's check was abandoned before its token was answered, so its progress never began (and needs no end).
    assert.deepEqual(progressOf(client, (creates[0]?.params as { token: unknown }).token), []);
  });

  it('a cancelled diagnostics request abandons its check: an error, no progress, and the next request checks afresh', async () => {
    const client = await LspClient.start({
      capabilities: withProgress(pullClientCapabilities()),
      settings: largeSettings,
    });
    const tokens = holdProgressTokens(client);
    const uri = newUri('cancelled');
    const [format] = formats;
    assert.ok(format);
    await client.open(uri, format.text);
    const source = new CancellationTokenSource();
    const cancelled = client.connection
      .sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token)
      .then(
        () => 'answered',
        (error: { code?: number }) => `error ${String(error.code)}`,
      );
    const create = await client.nextMessage(isCreate, 'the progress token request of the check');
    source.cancel();
    // The cancellation is sent before the token's answer, so the check is abandoned before it could go on.
    tokens.release();
    assert.equal(await cancelled, `error ${LSPErrorCodes.RequestCancelled}`);
    assert.deepEqual(described(itemsOf(await client.pullDiagnostics(uri))), expected(format.text, 'claim'));
    assert.deepEqual(
      progressOf(client, (create.params as { token: unknown }).token),
      [],
      'the abandoned check never began its progress',
    );
    assert.equal(client.received.filter(isCreate).length, 2, 'the second request ran a check of its own');
  });

  it('a client without work-done progress gets the same diagnostics and no progress messages', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities(), settings: largeSettings });
    const uri = newUri('quiet');
    const [format] = formats;
    assert.ok(format);
    await client.open(uri, format.text);
    assert.deepEqual(described(itemsOf(await client.pullDiagnostics(uri))), expected(format.text, 'claim'));
    assert.deepEqual(
      client.received.filter((message) => isCreate(message) || message.method === '$/progress'),
      [],
    );
  });

  it('above cptClaims.skipCheckAboveMB: no check, and one notice per opened document naming the setting and claim-lint', async () => {
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      settings: { ...largeSettings, skipCheckAboveMB: 0.001 },
    });
    const uri = newUri('huge');
    const [format] = formats;
    assert.ok(format);
    await client.open(uri, format.text);
    assert.deepEqual(itemsOf(await client.pullDiagnostics(uri)), []);
    await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' },
    ]);
    assert.deepEqual(itemsOf(await client.pullDiagnostics(uri)), []);
    // The notice would be sent before the response of the pull that found the file too large.
    const notices = client.received.filter((message) => message.method === 'window/showMessage');
    assert.equal(notices.length, 1, 'one notice, not one per check');
    const { type, message } = notices[0]?.params as { type: number; message: string };
    assert.equal(type, 2, 'a warning');
    assert.match(message, /cptClaims\.skipCheckAboveMB/);
    assert.match(message, /claim-lint/);
    assert.ok(message.startsWith(`${uri.split('/').pop() ?? ''} is larger than 0.001 MB`), message);
    assert.ok(!/CLM0|19283/.test(message), 'no claim text in the notice');
    // A small file in the same server is checked as usual.
    const small = newUri('small');
    await client.open(small, '19284-RT x1\n');
    assert.deepEqual(
      itemsOf(await client.pullDiagnostics(small)).map((d) => d.code),
      ['addon-without-primary'],
    );
  });
});
