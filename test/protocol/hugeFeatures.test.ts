/**
 * The outline, CodeLens and formatting of a huge file through the built server
 * (issue 20). `cptClaims.backgroundCheckAboveMB` is set low, so a generated
 * file of 20,000 claims (about 0.7 MB) counts as large.
 *
 * Ordering, not timing, makes these tests deterministic, as in
 * `largeFiles.test.ts`: an outline of a large file longer than one step asks
 * the client for a progress token after its first step and waits for the
 * answer before the next; the test holds that answer back while it sends a
 * hover. A hover answered while the token is held was answered while the
 * outline was under way; a server that made the outline at once would answer
 * the outline first, and fail. The diagnostics are never pulled, so no check
 * runs.
 */
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import {
  type ClientCapabilities,
  CodeLensRequest,
  type DocumentSymbol,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  DocumentSymbolRequest,
  LSPErrorCodes,
  type ShowMessageParams,
  SymbolKind,
  type WorkDoneProgressBegin,
} from 'vscode-languageserver-protocol';
import {
  LspClient,
  newUri,
  pullClientCapabilities,
  type ReceivedMessage,
  stopAllClients,
} from '../support/server/lspClient';

const claims = 20_000;
const largeSettings = { backgroundCheckAboveMB: 0.01 };
/** Claims of one claim line and one service line; the service line's spacing is not the house style. */
const text = Array.from({ length: claims }, (_, n) => `claim C${n}\n  19283-RT x1 $350.00 dx=A\n`).join('');
const formattingOptions = { tabSize: 2, insertSpaces: true };

function withProgress(capabilities: ClientCapabilities): ClientCapabilities {
  return { ...capabilities, window: { workDoneProgress: true } };
}

function holdProgressTokens(client: LspClient): { release: () => void } {
  let release = () => undefined as void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  client.answerRequests('window/workDoneProgress/create', () => released.then(() => null));
  return { release };
}

const isCreate = (message: ReceivedMessage) => message.method === 'window/workDoneProgress/create';

async function startWithLargeFile(): Promise<{ client: LspClient; uri: string; tokens: { release: () => void } }> {
  const client = await LspClient.start({
    capabilities: withProgress(pullClientCapabilities()),
    settings: largeSettings,
  });
  const tokens = holdProgressTokens(client);
  const uri = newUri('huge');
  await client.open(uri, text);
  return { client, uri, tokens };
}

describe('protocol: the outline, CodeLens and formatting of a huge file', function () {
  this.timeout(60_000);
  afterEach(stopAllClients);

  it('hover is answered while the outline is under way; the outline is capped, with its progress begun and ended', async () => {
    const { client, uri, tokens } = await startWithLargeFile();
    let outlineAnswered = false;
    const outline = client.connection
      .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })
      .then((answer) => {
        outlineAnswered = true;
        return answer;
      });
    const create = await client.nextMessage(isCreate, 'the progress token request of the outline');
    const hover = await client.hover(uri, { line: 1, character: 4 });
    assert.ok(hover, 'the hover was answered');
    assert.equal(outlineAnswered, false, 'the outline was still under way when the hover was answered');
    tokens.release();
    const symbols = ((await outline) ?? []) as DocumentSymbol[];
    const more = symbols.at(-1);
    assert.equal(symbols.length, 2501, '2,500 claims of two symbols, then the count of the rest');
    assert.equal(more?.kind, SymbolKind.Array);
    assert.equal(more?.name, '17,500 more claims');
    const token = (create.params as { token: unknown }).token;
    const progress = client.received
      .filter((message) => message.method === '$/progress' && (message.params as { token: unknown }).token === token)
      .map((message) => (message.params as { value: { kind: string } }).value);
    assert.equal(progress[0]?.kind, 'begin');
    assert.equal((progress[0] as WorkDoneProgressBegin).title, `Outline of ${uri.split('/').pop() ?? ''}`);
    assert.equal(progress.at(-1)?.kind, 'end');
  });

  it('a cancelled outline request ends with the cancelled error, and the next one is answered', async () => {
    const { client, uri, tokens } = await startWithLargeFile();
    const source = new CancellationTokenSource();
    const cancelled = client.connection
      .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token)
      .then(
        () => 'answered',
        (error: { code?: number }) => `error ${String(error.code)}`,
      );
    await client.nextMessage(isCreate, 'the progress token request of the outline');
    source.cancel();
    // The cancellation is read before the token's answer, so the outline stops before its next step.
    tokens.release();
    assert.equal(await cancelled, `error ${LSPErrorCodes.RequestCancelled}`);
    const symbols = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? [];
    assert.equal(symbols.length, 2501);
  });

  it('an edit while the outline is under way ends it with ContentModified; the next one is of the new version', async () => {
    const { client, uri, tokens } = await startWithLargeFile();
    const modified = client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).then(
      () => 'answered',
      (error: { code?: number }) => `error ${String(error.code)}`,
    );
    await client.nextMessage(isCreate, 'the progress token request of the outline');
    await client.change(uri, [
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'claim NEW\n' },
    ]);
    // The edit is read before the token's answer, so the outline sees it before its next step.
    tokens.release();
    assert.equal(await modified, `error ${LSPErrorCodes.ContentModified}`);
    const symbols = ((await client.request(DocumentSymbolRequest.type, { textDocument: { uri } })) ??
      []) as DocumentSymbol[];
    assert.equal(symbols[0]?.name, 'NEW');
    assert.equal(symbols.at(-1)?.name, '17,500 more claims');
  });

  it('CodeLens: the first 5,000 claims, then one resolved lens where they stop', async () => {
    const { client, uri } = await startWithLargeFile();
    const lenses = (await client.request(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.equal(lenses.length, 5001);
    assert.equal(lenses.filter((lens) => lens.command !== undefined).length, 1);
    assert.deepEqual(lenses.at(-1)?.range.start, { line: 10_000, character: 0 });
    assert.equal(lenses.at(-1)?.command?.title, 'No CodeLens past the first 5,000 claims of this file');
  });

  it('formatting the whole file is declined with a notice naming the setting; a selection of a few claims is formatted', async () => {
    const { client, uri } = await startWithLargeFile();
    const edits = await client.request(DocumentFormattingRequest.type, {
      textDocument: { uri },
      options: formattingOptions,
    });
    assert.deepEqual(edits, []);
    const notice = await client.nextMessage((m) => m.method === 'window/showMessage', 'the notice');
    assert.match((notice.params as ShowMessageParams).message, /cptClaims\.backgroundCheckAboveMB/);
    assert.match((notice.params as ShowMessageParams).message, /Format Selection/);
    const selected = await client.request(DocumentRangeFormattingRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } },
      options: formattingOptions,
    });
    assert.ok((selected ?? []).length > 0, 'the selection is formatted');
    assert.ok((selected ?? []).every((edit) => edit.range.start.line < 4));
    assert.equal(client.received.filter((m) => m.method === 'window/showMessage').length, 1, 'no notice for it');
  });
});
