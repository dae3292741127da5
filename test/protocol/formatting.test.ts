/**
 * Formatting through the built server: the capabilities, document and range
 * formatting of a `.claim` file, an 837 laid out as `cptClaims.x12.layout`
 * says, and the layout commands answered with a versioned
 * `workspace/applyEdit`.
 */
import * as assert from 'node:assert/strict';
import {
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  ExecuteCommandRequest,
  type ApplyWorkspaceEditParams,
  type TextDocumentEdit,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { LspClient, newUri, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { x12Batch } from '../support/documents/x12Batch';
import { oneLineCommand, segmentPerLineCommand, x12LayoutCommands } from '../../shared/src/protocol';

const options = { tabSize: 2, insertSpaces: true };
const messy = 'claim CLM-1\n    dos: 2026-03-14\n 19283-RT x1 $350.00\n19284-RT   x2 $1,200.00\n';
const tidy = 'claim CLM-1\n  dos: 2026-03-14\n  19283-RT   x1     $350.00\n  19284-RT   x2   $1,200.00\n';

function x12Uri(name: string): string {
  return newUri(name).replace(/\.claim$/, '.837');
}

describe('protocol: formatting', () => {
  let client: LspClient;

  before(async () => {
    const capabilities = pushClientCapabilities();
    capabilities.workspace = { ...capabilities.workspace, workspaceEdit: { documentChanges: true }, applyEdit: true };
    client = await LspClient.start({ capabilities, settings: { x12: { layout: 'segmentPerLine' } } });
  });
  after(() => stopAllClients());

  async function format(uri: string): Promise<TextEdit[]> {
    return (
      (await client.request(DocumentFormattingRequest.type, { textDocument: { uri }, options }, 'formatting')) ?? []
    );
  }

  it('declares document and range formatting and the two X12 layout commands', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.equal(capabilities?.documentFormattingProvider, true);
    assert.equal(capabilities?.documentRangeFormattingProvider, true);
    const commands = capabilities?.executeCommandProvider?.commands ?? [];
    assert.ok(
      x12LayoutCommands.every((command) => commands.includes(command)),
      commands.join(', '),
    );
  });

  it('formats a .claim file in the house style, and the diagnostics stay the same', async () => {
    const uri = newUri('format');
    await client.open(uri, messy);
    const before = (await client.nextDiagnostics(uri, 1)).diagnostics.map((d) => d.code);
    const edits = await format(uri);
    assert.ok(
      edits.length > 1 && edits.every((edit) => edit.range.start.line === edit.range.end.line),
      'small edits, none spanning lines',
    );
    const version = await client.applyEdits(uri, edits);
    assert.equal(client.document(uri).getText(), tidy);
    assert.deepEqual(
      (await client.nextDiagnostics(uri, version)).diagnostics.map((d) => d.code),
      before,
    );
    assert.deepEqual(await format(uri), [], 'a formatted file gives no edits');
  });

  it('formats a range: only the lines it covers', async () => {
    const uri = newUri('range');
    await client.open(uri, messy);
    const range = { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } };
    const edits =
      (await client.request(
        DocumentRangeFormattingRequest.type,
        { textDocument: { uri }, range, options },
        'rangeFormatting',
      )) ?? [];
    assert.ok(edits.length > 0 && edits.every((edit) => edit.range.start.line === 3));
    await client.applyEdits(uri, edits);
    assert.equal(
      client.document(uri).getText(),
      'claim CLM-1\n    dos: 2026-03-14\n 19283-RT x1 $350.00\n  19284-RT   x2   $1,200.00\n',
    );
  });

  it('lays an 837 out a segment per line as cptClaims.x12.layout says', async () => {
    const uri = x12Uri('layout');
    const oneLine = x12Batch(1, 2, { oneLine: true });
    await client.open(uri, oneLine, 1, 'x12');
    await client.applyEdits(uri, await format(uri));
    const text = client.document(uri).getText();
    assert.equal(text.replace(/\n/g, ''), oneLine);
    assert.equal(text.split('\n').length, oneLine.split('~').length - 1);
  });

  it('runs the one-line command with a versioned workspace/applyEdit, and refuses a document that is not X12', async () => {
    const uri = x12Uri('command');
    const perLine = x12Batch(1, 2);
    await client.open(uri, perLine, 3, 'x12');
    const applied: ApplyWorkspaceEditParams[] = [];
    client.answerRequests('workspace/applyEdit', (params) => {
      applied.push(params as ApplyWorkspaceEditParams);
      return { applied: true };
    });
    const result: unknown = await client.request(
      ExecuteCommandRequest.type,
      { command: oneLineCommand, arguments: [uri] },
      'executeCommand',
    );
    assert.equal(result, true);
    const [change] = (applied[0]?.edit.documentChanges ?? []) as TextDocumentEdit[];
    assert.ok(change, 'a document change');
    assert.deepEqual(change.textDocument, { uri, version: 3 });
    await client.applyEdits(
      uri,
      change.edits.filter((edit): edit is TextEdit => 'newText' in edit),
    );
    assert.equal(client.document(uri).getText(), `${perLine.replace(/\n/g, '')}\n`);

    const claimUri = newUri('not-x12');
    await client.open(claimUri, messy);
    const refused: unknown = await client.request(
      ExecuteCommandRequest.type,
      { command: segmentPerLineCommand, arguments: [claimUri] },
      'executeCommand',
    );
    assert.equal(refused, false);
    const noArguments: unknown = await client.request(
      ExecuteCommandRequest.type,
      { command: segmentPerLineCommand },
      'executeCommand',
    );
    assert.equal(noArguments, false);
    assert.equal(applied.length, 1, 'no edit for a document that is not X12');
  });

  it('answers formatting of a document never opened with no edits', async () => {
    assert.deepEqual(await format('file:///never/opened.claim'), []);
  });
});
