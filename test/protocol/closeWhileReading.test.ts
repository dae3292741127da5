/**
 * A document closed while the server waits for its settings (a
 * `workspace/configuration` round trip, after a configuration change): the
 * work for it must stop there. Before the fix, the validation went on, kept a
 * validator (and for an 837 a model) for the closed uri that no later close
 * would clear, and a push client could get the old text's diagnostics for a
 * document opened again at the same version. Run on the real server code in
 * process (test/support/server/inProcessServer.ts), to see what it holds.
 */
import * as assert from 'node:assert/strict';
import {
  type ConfigurationParams,
  DidChangeConfigurationNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  HoverRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { type InProcessServer, startInProcessServer } from '../support/server/inProcessServer';
import { pullClientCapabilities, pushClientCapabilities, withTimeout } from '../support/server/lspClient';
import { specExample } from '../support/documents/specExample';
import { x12Batch } from '../support/documents/x12Batch';

const service = getLanguageService();
const x12Text = x12Batch(1, 20);
/** The spec example without its primary code line: the add-on is reported. */
const withProblem = specExample.replace('  19283-RT   x1   $350.00   dx=A\n', '');
/** The spec example billing one lesion too few: another finding, so neither the old text's nor an empty list passes for it. */
const reopenedText = specExample.replace('19284-RT   x2', '19284-RT   x1');

function open(running: InProcessServer, uri: string, languageId: string, text: string): Promise<void> {
  return running.client.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId, version: 1, text },
  });
}

function close(running: InProcessServer, uri: string): Promise<void> {
  return running.client.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
}

/** Answers the next configuration request only after `first` has run (e.g. closed the document); later ones at once. */
function answerAfter(running: InProcessServer, first: () => Promise<void>): void {
  const answer = (params: ConfigurationParams) => params.items.map(() => null);
  running.answerConfiguration = async (params) => {
    running.answerConfiguration = answer;
    await first();
    return answer(params);
  };
}

function messages(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d) => `${d.range.start.line} ${String(d.code)}`);
}

describe('protocol: a document closed while its settings are read', () => {
  let running: InProcessServer | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  for (const [languageId, text] of [
    ['claim', specExample],
    ['x12', x12Text],
  ] as const) {
    it(`a pull for a ${languageId} document leaves nothing held for it`, async () => {
      running = await startInProcessServer(pullClientCapabilities(), (params) => params.items.map(() => null));
      const uri = `file:///close-while-reading/pulled.${languageId}`;
      await open(running, uri, languageId, text);
      const server = running;
      await running.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      answerAfter(running, () => close(server, uri));
      const report = await running.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
      assert.equal(report.kind, 'full');
      assert.deepEqual(running.server.heldUris(), []);
    });
  }

  it('a hover over an 837 leaves nothing held for it', async () => {
    running = await startInProcessServer(pullClientCapabilities(), (params) => params.items.map(() => null));
    const uri = 'file:///close-while-reading/hovered.x12';
    await open(running, uri, 'x12', x12Text);
    const server = running;
    await running.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    answerAfter(running, () => close(server, uri));
    const hover = await running.client.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 20, character: 5 },
    });
    assert.deepEqual(running.server.heldUris(), []);
    assert.equal(hover, null, 'no hover for a closed document');
  });

  it('a push client never gets the closed text’s diagnostics for the document opened again at the same version', async () => {
    running = await startInProcessServer(pushClientCapabilities(), (params) => params.items.map(() => null));
    const server = running;
    const uri = 'file:///close-while-reading/reopened.claim';
    const expected = (text: string) =>
      service.doValidation(
        TextDocument.create(uri, 'claim', 1, text),
        service.parse(TextDocument.create(uri, 'claim', 1, text)),
      );
    const reopenedExpected = expected(reopenedText).map((d) => `${d.range.start.line} ${String(d.code)}`);
    assert.notDeepEqual(
      expected(withProblem).map((d) => `${d.range.start.line} ${String(d.code)}`),
      reopenedExpected,
      'the two texts differ in their findings',
    );
    assert.notDeepEqual(reopenedExpected, [], 'the reopened text has a finding');

    const published = (match: (params: PublishDiagnosticsParams) => boolean, what: string) =>
      withTimeout(
        new Promise<void>((resolve) => {
          server.onPublish = (params) => match(params) && resolve();
        }),
        5000,
        what,
      );
    const first = published((params) => params.version === 1, 'the first publish');
    await open(running, uri, 'claim', withProblem);
    await first;

    // The configuration change makes the server validate (and read the settings) again; while it waits, the document is closed and opened again with other text.
    let reopened = 0;
    answerAfter(running, async () => {
      await close(server, uri);
      reopened = server.publishes.length;
      await open(server, uri, 'claim', reopenedText);
    });
    const settled = published(
      (params) => params.version === 1 && reopened > 0 && messages(params).join() === reopenedExpected.join(),
      'the reopened text’s diagnostics',
    );
    await running.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await settled;
    const afterReopen = running.publishes.slice(reopened).filter((params) => params.version !== undefined);
    assert.deepEqual(
      afterReopen.map(messages),
      [reopenedExpected],
      'every versioned publish after the reopen is of the reopened text',
    );
    assert.deepEqual(running.server.heldUris(), [uri]);
  });
});
