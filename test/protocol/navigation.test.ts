/**
 * Folding, go to definition and rename of a claim id through the protocol
 * (issue 8): the capabilities are declared as the client's allow, answers
 * come in the shape the client asked for, and a refused rename comes back as
 * an error with its reason, which the server does not log.
 */
import * as assert from 'node:assert/strict';
import {
  type ClientCapabilities,
  DefinitionRequest,
  FoldingRangeRequest,
  type Location,
  type LocationLink,
  LSPErrorCodes,
  PrepareRenameRequest,
  RenameRequest,
  ResponseError,
} from 'vscode-languageserver-protocol';
import { writeX12 } from '../../server/src/service';
import { editsFor, LspClient, newUri, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { positionOf, specExample } from './claimTexts';

function navigatingClientCapabilities(): ClientCapabilities {
  const capabilities = pushClientCapabilities();
  capabilities.textDocument = {
    ...capabilities.textDocument,
    definition: { linkSupport: true },
    rename: { prepareSupport: true },
    foldingRange: { rangeLimit: 3, lineFoldingOnly: true },
  };
  return capabilities;
}

const x12Text = writeX12([
  {
    id: 'CLM-A',
    diagnoses: ['C50.411', 'R92.8'],
    dos: '2026-03-14',
    lines: [{ code: '19283', modifiers: ['RT'], charge: 350, pointers: [2] }],
  },
  { id: 'CLM-B', diagnoses: ['N63.20'], lines: [{ code: '19284', modifiers: ['LT'], charge: 200, pointers: [1] }] },
]);

async function refusal(request: Promise<unknown>): Promise<ResponseError> {
  try {
    await request;
  } catch (error) {
    assert.ok(error instanceof ResponseError, String(error));
    return error;
  }
  throw new Error('the request was answered, not refused');
}

describe('protocol: folding, definition and rename', () => {
  let client: LspClient;
  const claimUri = newUri('navigation');
  const x12Uri = newUri('navigation').replace(/\.claim$/, '.837');

  before(async () => {
    client = await LspClient.start({ capabilities: navigatingClientCapabilities() });
    await client.open(claimUri, specExample);
    await client.open(x12Uri, x12Text, 1, 'x12');
  });
  after(() => stopAllClients());

  it('declares folding, definition and rename with its prepare step', () => {
    const capabilities = client.initializeResult?.capabilities;
    assert.equal(capabilities?.foldingRangeProvider, true);
    assert.equal(capabilities.definitionProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  });

  it('folds the claim of a .claim file from its claim line to its last line', async () => {
    const folds = await client.request(FoldingRangeRequest.type, { textDocument: { uri: claimUri } });
    assert.deepEqual(folds, [{ startLine: 1, endLine: 8 }]);
  });

  it("folds an 837's envelopes, within the client's limit of 3", async () => {
    const folds = await client.request(FoldingRangeRequest.type, { textDocument: { uri: x12Uri } });
    const lines = x12Text.split('\n');
    const lineOf = (prefix: string) => lines.findIndex((line) => line.startsWith(prefix));
    assert.deepEqual(
      folds?.map((fold) => [fold.startLine, fold.endLine]),
      [
        [lineOf('ISA'), lineOf('IEA')],
        [lineOf('GS'), lineOf('GE')],
        [lineOf('ST'), lineOf('SE')],
      ],
    );
  });

  it('goes from dx=A to its diagnosis, as a link underlining just the pointer', async () => {
    const links = (await client.request(DefinitionRequest.type, {
      textDocument: { uri: claimUri },
      position: positionOf(specExample, 'dx=A', 3),
    })) as LocationLink[];
    assert.equal(links.length, 1);
    const [link] = links;
    assert.deepEqual(link?.originSelectionRange, {
      start: positionOf(specExample, 'dx=A', 3),
      end: positionOf(specExample, 'dx=A', 4),
    });
    assert.deepEqual(link.targetSelectionRange, {
      start: positionOf(specExample, 'C50.411'),
      end: positionOf(specExample, 'C50.411', 7),
    });
    assert.equal(link.targetUri, claimUri);
  });

  it('goes from an 837 SV107 pointer to the HI element it points to', async () => {
    const links = (await client.request(DefinitionRequest.type, {
      textDocument: { uri: x12Uri },
      position: positionOf(x12Text, '***2~', 3),
    })) as LocationLink[];
    assert.deepEqual(
      links.map((link) => link.targetRange),
      [{ start: positionOf(x12Text, 'ABF:R928'), end: positionOf(x12Text, 'ABF:R928', 8) }],
    );
  });

  it('renames a claim id after preparing it, the edit touching only the id', async () => {
    const position = positionOf(specExample, 'CLM-2026-0001', 4);
    const prepared = await client.request(PrepareRenameRequest.type, { textDocument: { uri: claimUri }, position });
    assert.deepEqual(prepared, {
      range: { start: positionOf(specExample, 'CLM-2026-0001'), end: positionOf(specExample, 'CLM-2026-0001', 13) },
      placeholder: 'CLM-2026-0001',
    });
    const edit = await client.request(RenameRequest.type, {
      textDocument: { uri: claimUri },
      position,
      newName: 'CLM-2026-0101',
    });
    await client.applyEdits(claimUri, editsFor(edit ?? undefined, claimUri));
    assert.equal(client.document(claimUri).getText(), specExample.replace('CLM-2026-0001', 'CLM-2026-0101'));
  });

  it("renames CLM01 and refuses another claim's id, with the reason and without logging it", async () => {
    const position = positionOf(x12Text, 'CLM-A');
    const duplicate = await refusal(
      client.request(RenameRequest.type, { textDocument: { uri: x12Uri }, position, newName: 'CLM-B' }),
    );
    assert.equal(duplicate.code, LSPErrorCodes.RequestFailed);
    assert.match(duplicate.message, /^The claim on line \d+ already has this id/);
    const edit = await client.request(RenameRequest.type, {
      textDocument: { uri: x12Uri },
      position,
      newName: 'CLM-Z',
    });
    assert.deepEqual(
      editsFor(edit ?? undefined, x12Uri).map((change) => change.newText),
      ['CLM-Z'],
    );
    assert.doesNotMatch(client.logText(), /rename|already has/i);
  });

  it('refuses to prepare a rename off a claim id, saying where to put the cursor', async () => {
    const error = await refusal(
      client.request(PrepareRenameRequest.type, {
        textDocument: { uri: claimUri },
        position: positionOf(specExample, '19283'),
      }),
    );
    assert.equal(error.code, LSPErrorCodes.RequestFailed);
    assert.match(error.message, /Only a claim id can be renamed/);
  });

  it('answers empty for a document never opened', async () => {
    const unknown = { textDocument: { uri: 'file:///never-opened.claim' }, position: { line: 0, character: 0 } };
    assert.deepEqual(await client.request(FoldingRangeRequest.type, { textDocument: unknown.textDocument }), []);
    assert.deepEqual(await client.request(DefinitionRequest.type, unknown), []);
    assert.equal(await client.request(PrepareRenameRequest.type, unknown), null);
    assert.equal(await client.request(RenameRequest.type, { ...unknown, newName: 'X' }), null);
  });

  describe('for a client without links or a prepare step', () => {
    let plain: LspClient;
    const uri = newUri('plain');

    before(async () => {
      plain = await LspClient.start();
      await plain.open(uri, specExample);
    });

    it('declares rename without prepareProvider and answers definition with plain locations', async () => {
      assert.equal(plain.initializeResult?.capabilities.renameProvider, true);
      const locations = (await plain.request(DefinitionRequest.type, {
        textDocument: { uri },
        position: positionOf(specExample, 'dx=A', 3),
      })) as Location[];
      assert.deepEqual(locations, [
        { uri, range: { start: positionOf(specExample, 'C50.411'), end: positionOf(specExample, 'C50.411', 7) } },
      ]);
    });
  });
});
