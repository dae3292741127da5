/**
 * Workspace folders added and removed while the server runs
 * (`workspace/didChangeWorkspaceFolders`, issue 8), over stdio on the built
 * server, with two temporary folders of the editor fixtures:
 * A (`lone-addon.claim`, `lesion-units.claim`, `clean.claim`) and
 * B (`two-claims.837`).
 *
 * Pull: an added folder's files are reported by the next `workspace/diagnostic`
 * and the client is asked to refresh; a removed folder's files get empty
 * reports, also from a pull that was waiting for a change. Push: an added
 * folder's files are published; a removed folder's unopened files are cleared,
 * while an open document keeps the problems of its text. References follow
 * the folders too.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  DidChangeWorkspaceFoldersNotification,
  HoverRequest,
  ReferencesRequest,
} from 'vscode-languageserver-protocol';
import { LspClient, pullClientCapabilities, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { repoRoot } from '../support/repoRoot';
import { byUri, itemsOf, previousIds, pullWorkspace, ruleIds } from '../support/server/workspaceReports';
import { positionOf } from './claimTexts';

const on = { workspaceDiagnostics: true };
const folderAFiles = ['lone-addon.claim', 'lesion-units.claim', 'clean.claim'];
const folderBFiles = ['two-claims.837'];

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', name), 'utf8');
}

function makeFolder(root: string, name: string, files: readonly string[]): string {
  const folder = path.join(root, name);
  fs.mkdirSync(folder);
  files.forEach((file) => fs.writeFileSync(path.join(folder, file), fixtureText(file)));
  return folder;
}

function uriOf(folder: string, name: string): string {
  return pathToFileURL(path.join(folder, name)).toString();
}

/** The client declares workspace folders (as VS Code does), so it may tell the server of changes; optionally a file watcher too. */
function withFolders(capabilities: ClientCapabilities, watch = false): ClientCapabilities {
  const workspace = { ...capabilities.workspace, workspaceFolders: true };
  return {
    ...capabilities,
    workspace: watch ? { ...workspace, didChangeWatchedFiles: { dynamicRegistration: true } } : workspace,
  };
}

function changeFolders(client: LspClient, change: { added?: string[]; removed?: string[] }): Promise<void> {
  const folders = (paths: string[] | undefined) =>
    (paths ?? []).map((folder) => ({ uri: pathToFileURL(folder).toString(), name: path.basename(folder) }));
  return client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, {
    event: { added: folders(change.added), removed: folders(change.removed) },
  });
}

describe('protocol: workspace folders added and removed', () => {
  let root: string;
  let folderA: string;
  let folderB: string;

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-ws-folders-'));
    folderA = makeFolder(root, 'a', folderAFiles);
    folderB = makeFolder(root, 'b', folderBFiles);
  });
  afterEach(async () => {
    await stopAllClients();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('declares workspace folder support with change notifications', async () => {
    const client = await LspClient.start({
      capabilities: withFolders(pullClientCapabilities()),
      workspaceFolders: [folderA],
    });
    assert.deepEqual(client.initializeResult?.capabilities.workspace?.workspaceFolders, {
      supported: true,
      changeNotifications: true,
    });
  });

  it("pull: an added folder's files are reported by the next workspace pull, after a refresh request", async () => {
    const client = await LspClient.start({
      capabilities: withFolders(pullClientCapabilities()),
      workspaceFolders: [folderA],
      settings: on,
    });
    const first = await pullWorkspace(client);
    assert.deepEqual(first.map((report) => report.uri).sort(), folderAFiles.map((name) => uriOf(folderA, name)).sort());
    const isRefresh = (message: { method: string }) => message.method === 'workspace/diagnostic/refresh';
    assert.equal(client.received.filter(isRefresh).length, 0, 'no refresh before the change');
    await changeFolders(client, { added: [folderB] });
    await client.nextMessage(isRefresh, 'a diagnostic refresh after the folder was added');
    const second = byUri(await pullWorkspace(client, previousIds(first)));
    const added = second.get(uriOf(folderB, 'two-claims.837'));
    assert.ok(ruleIds(itemsOf(added)).includes('addon-without-primary'), "the added folder's 837 is checked");
    assert.ok(added?.resultId !== undefined);
    [...second.keys()].forEach((uri) =>
      assert.ok(
        uri.startsWith(pathToFileURL(folderA).toString() + '/') ||
          uri.startsWith(pathToFileURL(folderB).toString() + '/'),
        uri,
      ),
    );
  });

  it("pull: a removed folder's files get empty reports, also from a pull that was waiting for a change", async () => {
    const client = await LspClient.start({
      capabilities: withFolders(pullClientCapabilities(), true),
      workspaceFolders: [folderA, folderB],
      settings: on,
    });
    await client.nextMessage(
      (message) => message.method === 'client/registerCapability',
      'the file watcher registration',
    );
    const first = await pullWorkspace(client);
    assert.equal(first.length, folderAFiles.length + folderBFiles.length);
    assert.ok(
      ruleIds(itemsOf(first.find((report) => report.uri === uriOf(folderA, 'lone-addon.claim')))).includes(
        'addon-without-primary',
      ),
    );
    // With a watcher and nothing new, this pull waits for a change; the hover answered after it shows the server has read it.
    const waiting = pullWorkspace(client, previousIds(first));
    await client.request(HoverRequest.type, {
      textDocument: { uri: uriOf(folderA, 'clean.claim') },
      position: { line: 0, character: 0 },
    });
    await changeFolders(client, { removed: [folderA] });
    const afterRemoval = byUri(await waiting);
    for (const name of folderAFiles) {
      const report = afterRemoval.get(uriOf(folderA, name));
      assert.deepEqual(itemsOf(report), [], name);
      assert.equal(report?.resultId, undefined, `${name}: no longer reported`);
    }
    // Everything is checked again after a folder change (a file's settings depend on its folder): B is reported anew.
    assert.ok(
      ruleIds(itemsOf(afterRemoval.get(uriOf(folderB, 'two-claims.837')))).includes('addon-without-primary'),
      'the folder kept keeps its problems',
    );
    assert.equal(afterRemoval.size, folderAFiles.length + folderBFiles.length);
  });

  it("push: an added folder's files are published", async () => {
    const client = await LspClient.start({
      capabilities: withFolders(pushClientCapabilities()),
      workspaceFolders: [folderA],
      settings: on,
    });
    for (const name of folderAFiles) {
      await client.nextDiagnostics(uriOf(folderA, name));
    }
    assert.deepEqual(client.publishes(uriOf(folderB, 'two-claims.837')), [], 'not a folder yet');
    await changeFolders(client, { added: [folderB] });
    const published = await client.nextDiagnostics(uriOf(folderB, 'two-claims.837'));
    assert.ok(ruleIds(published.diagnostics).includes('addon-without-primary'));
  });

  it("push: a removed folder's unopened files are cleared; its open document keeps its problems until closed", async () => {
    const client = await LspClient.start({
      capabilities: withFolders(pushClientCapabilities()),
      workspaceFolders: [folderA, folderB],
      settings: on,
    });
    const openUri = uriOf(folderA, 'lesion-units.claim');
    await client.open(openUri, fixtureText('lesion-units.claim'));
    const openedProblems = (await client.nextDiagnostics(openUri, 1)).diagnostics;
    assert.ok(openedProblems.length > 0, 'the open document has a problem');
    const loneAddon = uriOf(folderA, 'lone-addon.claim');
    assert.ok(ruleIds((await client.nextDiagnostics(loneAddon)).diagnostics).includes('addon-without-primary'));
    const fromB = uriOf(folderB, 'two-claims.837');
    assert.ok((await client.nextDiagnostics(fromB)).diagnostics.length > 0);

    await changeFolders(client, { removed: [folderA] });
    assert.deepEqual((await client.nextDiagnostics(loneAddon)).diagnostics, [], "the removed folder's file is cleared");
    // Everything is checked again after a folder change: the open document from its text, folder B from disk.
    assert.deepEqual((await client.nextDiagnostics(openUri, 1)).diagnostics, openedProblems);
    assert.ok(
      ruleIds((await client.nextDiagnostics(fromB)).diagnostics).includes('addon-without-primary'),
      'the folder kept keeps its problems',
    );
    client
      .publishes(openUri)
      .forEach((published) =>
        assert.deepEqual(published.diagnostics, openedProblems, 'the open document is never cleared'),
      );
    client
      .publishes(fromB)
      .forEach((published) => assert.ok(published.diagnostics.length > 0, 'folder B is never cleared'));

    await client.close(openUri);
    assert.deepEqual((await client.nextDiagnostics(openUri)).diagnostics, [], 'closed outside every folder: cleared');
  });

  it("references follow the folders: an added folder's files are searched, a removed one's are not", async () => {
    const client = await LspClient.start({
      capabilities: withFolders(pullClientCapabilities()),
      workspaceFolders: [folderA],
    });
    const openUri = 'untitled:references.claim';
    const openText = fixtureText('lone-addon.claim');
    await client.open(openUri, openText);
    const references = async () => {
      const locations = await client.request(ReferencesRequest.type, {
        textDocument: { uri: openUri },
        position: positionOf(openText, '19284-RT', 2),
        context: { includeDeclaration: false },
      });
      const onDisk = (locations ?? []).filter((location) => location.uri.startsWith('file:'));
      return [...new Set(onDisk.map((location) => path.relative(root, new URL(location.uri).pathname)))].sort();
    };
    assert.deepEqual(await references(), [
      path.join('a', 'clean.claim'),
      path.join('a', 'lesion-units.claim'),
      path.join('a', 'lone-addon.claim'),
    ]);
    await changeFolders(client, { added: [folderB], removed: [folderA] });
    // The change is a notification: a request sent after it is answered after it was handled.
    assert.deepEqual(await references(), [path.join('b', 'two-claims.837')]);
  });
});
