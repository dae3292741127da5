/**
 * Workspace problems and find references across the workspace (issue 8),
 * over stdio on the built server, with a temporary workspace folder of claim
 * files in both formats (the editor fixtures), plus copies in `node_modules`
 * and `.git` that must never be read.
 *
 * Pull clients: `workspace/diagnostic` reports every unopened file exactly
 * as its own check would, streamed as partial results with progress; none
 * with the setting off (and the held ones cleared); only a changed file when
 * asked again; the open document's text wins and its file comes back from
 * disk on close; with a file watcher, a pull with nothing new waits for a
 * change; hover is answered during a long scan. Push clients: the problems of
 * unopened files are published, and cleared when the setting goes off. A
 * named pipe or a link to a device named like a claim file is never waited on.
 * References: every service line with the code in the open documents (their
 * current text) and in the files on disk, both formats; for a diagnosis, its
 * list entries (`.claim` with the point, 837 without) and the pointers at it.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import {
  type ClientCapabilities,
  type Diagnostic,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type Location,
  ReferencesRequest,
  type Registration,
  type RegistrationParams,
  type WorkDoneProgressBegin,
  type WorkDoneProgressReport,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateBatch } from '../support/documents/generateBatch';
import {
  LspClient,
  pullClientCapabilities,
  pushClientCapabilities,
  type ReceivedMessage,
  stopAllClients,
} from '../support/server/lspClient';
import { repoRoot } from '../support/repoRoot';
import { byUri, itemsOf, previousIds, pullWorkspace, ruleIds } from '../support/server/workspaceReports';
import { positionOf } from './claimTexts';

const fixtureFiles = ['lone-addon.claim', 'clean.claim', 'lesion-units.claim', 'two-claims.837'];
const on = { workspaceDiagnostics: true };

function fixtureText(name: string): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', name), 'utf8');
}

/** A temporary workspace: the fixtures at the top, one in a subfolder, and copies where no claim file is looked for. */
function makeWorkspace(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-ws-protocol-'));
  for (const name of fixtureFiles) {
    fs.writeFileSync(path.join(root, name), fixtureText(name));
  }
  for (const hidden of ['node_modules/pkg', '.git']) {
    fs.mkdirSync(path.join(root, hidden), { recursive: true });
    fs.writeFileSync(path.join(root, hidden, 'lone-addon.claim'), fixtureText('lone-addon.claim'));
  }
  fs.writeFileSync(path.join(root, 'notes.txt'), 'not a claim file: 19284\n');
  return root;
}

function uriOf(root: string, name: string): string {
  return pathToFileURL(path.join(root, name)).toString();
}

function withProgress(capabilities: ClientCapabilities, watch = false): ClientCapabilities {
  const result: ClientCapabilities = { ...capabilities, window: { workDoneProgress: true } };
  if (watch) {
    result.workspace = { ...result.workspace, didChangeWatchedFiles: { dynamicRegistration: true } };
  }
  return result;
}

let scratchCount = 0;

/**
 * What a server reports for the same text opened as a document: what a workspace report must equal. A server
 * of its own, so the scratch document's close does not show in the workspace reports of the server under test.
 */
async function openedDiagnostics(name: string, text: string): Promise<Diagnostic[]> {
  scratchCount += 1;
  const uri = `file:///scratch/${scratchCount}/${name}`;
  const reference = await LspClient.start({ capabilities: pullClientCapabilities() });
  try {
    await reference.open(uri, text, 1, name.endsWith('.claim') ? 'claim' : 'x12');
    const report = await reference.pullDiagnostics(uri);
    return report.kind === 'full' ? report.items : [];
  } finally {
    await reference.stop();
  }
}

describe('protocol: workspace problems, pull', () => {
  let root: string;

  beforeEach(() => {
    root = makeWorkspace();
  });
  afterEach(async () => {
    await stopAllClients();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports every unopened claim file as its own check would, none outside, with progress "n/N files"', async () => {
    const client = await LspClient.start({
      capabilities: withProgress(pullClientCapabilities()),
      workspaceFolders: [root],
      settings: on,
    });
    assert.equal(
      client.initializeResult?.capabilities.diagnosticProvider &&
        'workspaceDiagnostics' in client.initializeResult.capabilities.diagnosticProvider
        ? client.initializeResult.capabilities.diagnosticProvider.workspaceDiagnostics
        : undefined,
      true,
    );
    const reports = byUri(await pullWorkspace(client));
    assert.deepEqual([...reports.keys()].sort(), fixtureFiles.map((name) => uriOf(root, name)).sort());
    for (const name of fixtureFiles) {
      assert.deepEqual(itemsOf(reports.get(uriOf(root, name))), await openedDiagnostics(name, fixtureText(name)), name);
    }
    assert.ok(ruleIds(itemsOf(reports.get(uriOf(root, 'lone-addon.claim')))).includes('addon-without-primary'));
    assert.ok(ruleIds(itemsOf(reports.get(uriOf(root, 'two-claims.837')))).includes('addon-without-primary'));
    assert.deepEqual(itemsOf(reports.get(uriOf(root, 'clean.claim'))), []);
    const create = client.received.find((message) => message.method === 'window/workDoneProgress/create');
    const token = (create?.params as { token: unknown } | undefined)?.token;
    const values = client.received
      .filter((message) => message.method === '$/progress' && (message.params as { token: unknown }).token === token)
      .map(
        (message) =>
          (message.params as { value: WorkDoneProgressBegin | WorkDoneProgressReport | { kind: 'end' } }).value,
      );
    const begin = values[0];
    assert.ok(begin?.kind === 'begin', 'progress begins');
    assert.equal(begin.title, 'Checking workspace claims');
    assert.equal(values.at(-1)?.kind, 'end');
    const messages = values.flatMap((value) => (value.kind === 'end' ? [] : [value.message ?? '']));
    assert.deepEqual(messages.at(-1), '4/4 files');
    messages.forEach((message) => assert.match(message, /^\d+\/4 files$/, 'progress names counts, never claim text'));
  });

  it('never waits on a named pipe or reads a device named like a claim file: the scan ends with the real files', async () => {
    execFileSync('mkfifo', [path.join(root, 'pipe.claim')]);
    fs.symlinkSync(path.join(root, 'pipe.claim'), path.join(root, 'pipe-link.837'));
    fs.symlinkSync('/dev/zero', path.join(root, 'zero.claim'));
    fs.symlinkSync('/dev/urandom', path.join(root, 'random.837'));
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      workspaceFolders: [root],
      settings: on,
    });
    const reports = byUri(await pullWorkspace(client));
    assert.deepEqual([...reports.keys()].sort(), fixtureFiles.map((name) => uriOf(root, name)).sort());
    // References read every claim file on disk too, through the same guarded reader.
    const openUri = uriOf(root, 'lone-addon.claim');
    await client.open(openUri, fixtureText('lone-addon.claim'));
    const locations = await client.request(ReferencesRequest.type, {
      textDocument: { uri: openUri },
      position: positionOf(fixtureText('lone-addon.claim'), '19284', 2, 1),
      context: { includeDeclaration: true },
    });
    const files = new Set((locations ?? []).map((location) => location.uri));
    assert.ok(files.has(uriOf(root, 'clean.claim')), [...files].join(', '));
    for (const name of ['pipe.claim', 'pipe-link.837', 'zero.claim', 'random.837']) {
      assert.ok(!files.has(uriOf(root, name)), name);
    }
  });

  it('reports nothing with the setting off, and clears the reports the client holds when it goes off', async () => {
    const off = await LspClient.start({ capabilities: pullClientCapabilities(), workspaceFolders: [root] });
    assert.deepEqual(await pullWorkspace(off), []);
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      workspaceFolders: [root],
      settings: on,
    });
    const first = await pullWorkspace(client);
    assert.equal(first.length, fixtureFiles.length);
    client.setSettings({ workspaceDiagnostics: false });
    await client.changeConfiguration();
    const cleared = byUri(await pullWorkspace(client, previousIds(first)));
    assert.deepEqual([...cleared.keys()].sort(), first.map((report) => report.uri).sort());
    cleared.forEach((report) => assert.deepEqual(itemsOf(report), [], report.uri));
  });

  it('reports only a file changed on disk when asked again, with its new problems', async () => {
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      workspaceFolders: [root],
      settings: on,
    });
    const first = await pullWorkspace(client);
    assert.deepEqual(await pullWorkspace(client, previousIds(first)), [], 'nothing changed, nothing reported');
    // The lone add-on gets its primary: the file is clean now.
    const fixed = fixtureText('lone-addon.claim').replace('  19284-RT', '  19283-RT   x1   $350.00   dx=A\n  19284-RT');
    fs.writeFileSync(path.join(root, 'lone-addon.claim'), fixed);
    const second = await pullWorkspace(client, previousIds(first));
    assert.deepEqual(
      second.map((report) => report.uri),
      [uriOf(root, 'lone-addon.claim')],
    );
    assert.deepEqual(itemsOf(second[0]), await openedDiagnostics('fixed.claim', fixed));
    assert.ok(!ruleIds(itemsOf(second[0])).includes('addon-without-primary'));
    fs.rmSync(path.join(root, 'clean.claim'));
    const third = await pullWorkspace(
      client,
      previousIds([...first.filter((r) => r.uri !== second[0]?.uri), ...second]),
    );
    assert.deepEqual(
      third.map((report) => [report.uri, itemsOf(report).length]),
      [[uriOf(root, 'clean.claim'), 0]],
      'a deleted file is cleared',
    );
  });

  it('reports an open document from its text in the editor, not from disk, and its file from disk once it is closed', async () => {
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      workspaceFolders: [root],
      settings: on,
    });
    const openUri = uriOf(root, 'lone-addon.claim');
    // In the editor the lone add-on became a 19283 without a units problem, but with a modifier typo.
    const editorText = 'claim EDITED\n  dx: C50.411\n  19283-RTX x1 dx=A\n';
    await client.open(openUri, editorText);
    const pulled = await client.pullDiagnostics(openUri);
    const whileOpen = await pullWorkspace(client);
    assert.equal(whileOpen.length, fixtureFiles.length);
    const openReport = whileOpen.find((report) => report.uri === openUri);
    assert.equal(openReport?.version, 1);
    assert.deepEqual(
      itemsOf(openReport),
      pulled.kind === 'full' ? pulled.items : undefined,
      "the open text's problems",
    );
    assert.ok(!ruleIds(itemsOf(openReport)).includes('addon-without-primary'), 'not the problems of the file on disk');
    assert.deepEqual(await pullWorkspace(client, previousIds(whileOpen)), [], 'nothing new');
    // VS Code forgets the report of a document whose tab closed (the document stays open): it is sent again.
    const tabClosed = await pullWorkspace(client, previousIds(whileOpen.filter((report) => report.uri !== openUri)));
    assert.deepEqual(
      tabClosed.map((report) => report.uri),
      [openUri],
    );
    await client.close(openUri);
    const afterClose = await pullWorkspace(client, previousIds(whileOpen));
    assert.deepEqual(
      afterClose.map((report) => report.uri),
      [openUri],
    );
    assert.ok(ruleIds(itemsOf(afterClose[0])).includes('addon-without-primary'), 'the problems of the file on disk');
    // The first report after a close has an id of its own (VS Code may drop it while its last document pull is
    // in flight): asked again with it, the server sends the file's real result once, then nothing.
    const known = previousIds([...whileOpen, ...afterClose]);
    const again = await pullWorkspace(client, known);
    assert.deepEqual(
      again.map((report) => [report.uri, ruleIds(itemsOf(report)).includes('addon-without-primary')]),
      [[openUri, true]],
    );
    assert.notEqual(again[0]?.resultId, afterClose[0]?.resultId);
    assert.deepEqual(await pullWorkspace(client, previousIds([...whileOpen, ...again])), []);
  });

  it('with the setting off, clears a closed document (VS Code keeps its problems until a workspace report says otherwise)', async () => {
    const client = await LspClient.start({ capabilities: pullClientCapabilities(), workspaceFolders: [root] });
    const uri = uriOf(root, 'lone-addon.claim');
    await client.open(uri, fixtureText('lone-addon.claim'));
    const pulled = await client.pullDiagnostics(uri);
    assert.ok(
      pulled.kind === 'full' && ruleIds(pulled.items).includes('addon-without-primary'),
      'the open document has its problem',
    );
    // Shown once its tab is closed: so, with the setting off, none.
    const whileOpen = await pullWorkspace(client);
    assert.deepEqual(
      whileOpen.map((report) => [report.uri, report.version, itemsOf(report).length]),
      [[uri, 1, 0]],
    );
    await client.close(uri);
    assert.deepEqual(
      await pullWorkspace(client, previousIds(whileOpen)),
      [{ kind: 'full', uri, version: null, items: [] }],
      'cleared when closed, with no result id',
    );
    assert.deepEqual(await pullWorkspace(client), []);
    // Closed without a workspace report held (VS Code forgets it on close): cleared all the same.
    await client.open(uri, fixtureText('lone-addon.claim'));
    await client.close(uri);
    const afterClose = await pullWorkspace(client);
    assert.deepEqual(
      afterClose.map((report) => [report.uri, itemsOf(report).length]),
      [[uri, 0]],
    );
    assert.deepEqual(await pullWorkspace(client, previousIds(afterClose)), [
      { kind: 'full', uri, version: null, items: [] },
    ]);
    assert.deepEqual(await pullWorkspace(client), []);
  });

  it('with a file watcher, a pull with nothing new waits for a change, and ends when cancelled', async () => {
    const client = await LspClient.start({
      capabilities: withProgress(pullClientCapabilities(), true),
      workspaceFolders: [root],
      settings: on,
    });
    const registration = await client.nextMessage(
      (message) => message.method === 'client/registerCapability',
      'the file watcher registration',
    );
    const watcher = (registration.params as RegistrationParams).registrations.find(
      (r: Registration) => r.method === DidChangeWatchedFilesNotification.method,
    );
    assert.deepEqual(watcher?.registerOptions, { watchers: [{ globPattern: '**/*.{claim,837,x12,edi}' }] });
    const first = await pullWorkspace(client);
    let answered = false;
    const waiting = pullWorkspace(client, previousIds(first)).finally(() => {
      answered = true;
    });
    // A request answered after the pull was sent: the server has read the pull, which must still be waiting.
    await client.hover(uriOf(root, 'none.claim'), { line: 0, character: 0 });
    assert.equal(answered, false, 'a pull with nothing new waits');
    fs.writeFileSync(path.join(root, 'clean.claim'), fixtureText('lone-addon.claim'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: uriOf(root, 'clean.claim'), type: FileChangeType.Changed }],
    });
    const changed = await waiting;
    assert.deepEqual(
      changed.map((report) => report.uri),
      [uriOf(root, 'clean.claim')],
    );
    assert.ok(ruleIds(itemsOf(changed[0])).includes('addon-without-primary'));
    const source = new CancellationTokenSource();
    const cancelled = pullWorkspace(client, previousIds([...first, ...changed]), source).then(
      (reports) => reports,
      () => [],
    );
    await client.hover(uriOf(root, 'none.claim'), { line: 0, character: 0 });
    source.cancel();
    assert.deepEqual(await cancelled, []);
    // A document pull (VS Code's sign that an editor tab closed) ends a waiting pull, so the client asks again.
    const openUri = 'file:///elsewhere/open.claim';
    await client.open(openUri, fixtureText('clean.claim'));
    const withOpen = await pullWorkspace(client, previousIds([...first, ...changed]));
    assert.deepEqual(
      withOpen.map((report) => report.uri),
      [openUri],
    );
    const ended = pullWorkspace(client, previousIds([...first, ...changed, ...withOpen]));
    await client.pullDiagnostics(openUri);
    assert.deepEqual(await ended, []);
  });

  it('answers hover while it checks a workspace of large files', async () => {
    for (let i = 0; i < 8; i += 1) {
      generateBatch(path.join(root, `batch-${i}.claim`), 1);
    }
    const client = await LspClient.start({
      capabilities: pullClientCapabilities(),
      workspaceFolders: [root],
      settings: on,
    });
    const openUri = 'file:///elsewhere/open.claim';
    const openText = fixtureText('clean.claim');
    await client.open(openUri, openText);
    await client.pullDiagnostics(openUri);
    const order: string[] = [];
    const scan = pullWorkspace(client).then((reports) => {
      order.push('workspace');
      return reports;
    });
    // A first report streamed: the scan is under way, with most of the files still to check.
    await client.nextMessage(
      (message: ReceivedMessage) =>
        message.method === '$/progress' &&
        String((message.params as { token: unknown }).token).startsWith('workspace-partial-'),
      'a first partial result',
      20000,
    );
    const hover = await client.hover(openUri, positionOf(openText, '19283', 2));
    order.push('hover');
    assert.ok(hover !== null);
    const reports = await scan;
    assert.deepEqual(order, ['hover', 'workspace']);
    assert.equal(reports.length, fixtureFiles.length + 8 + 1, 'every file, and the open document');
  });
});

describe('protocol: workspace problems, push', () => {
  let root: string;

  beforeEach(() => {
    root = makeWorkspace();
  });
  afterEach(async () => {
    await stopAllClients();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes the problems of unopened files, none outside, and clears them when the setting goes off', async () => {
    const client = await LspClient.start({
      capabilities: pushClientCapabilities(),
      workspaceFolders: [root],
      settings: on,
    });
    const published = new Map<string, PublishDiagnosticsParams>();
    for (const name of fixtureFiles) {
      published.set(name, await client.nextDiagnostics(uriOf(root, name)));
    }
    assert.ok(ruleIds(published.get('lone-addon.claim')?.diagnostics ?? []).includes('addon-without-primary'));
    assert.deepEqual(published.get('clean.claim')?.diagnostics, []);
    assert.ok(!client.publishes().some((p) => p.uri.includes('node_modules') || p.uri.includes('.git')));
    client.setSettings({ workspaceDiagnostics: false });
    await client.changeConfiguration();
    for (const name of ['lone-addon.claim', 'two-claims.837']) {
      assert.deepEqual((await client.nextDiagnostics(uriOf(root, name))).diagnostics, [], `${name} cleared`);
    }
  });
});

describe('protocol: find references of a code across the workspace', () => {
  let root: string;
  let client: LspClient;

  before(async () => {
    root = makeWorkspace();
    client = await LspClient.start({ capabilities: pullClientCapabilities(), workspaceFolders: [root] });
  });
  after(async () => {
    await stopAllClients();
    fs.rmSync(root, { recursive: true, force: true });
  });

  /** `file line: covered text` for each location, read from the open document or the file on disk. */
  function describeLocations(locations: readonly Location[], open: ReadonlyMap<string, string>): string[] {
    return locations.map((location) => {
      const text = open.get(location.uri) ?? fs.readFileSync(new URL(location.uri), 'utf8');
      const document = TextDocument.create(location.uri, 'claim', 1, text);
      return `${path.basename(new URL(location.uri).pathname)} ${location.range.start.line}: ${document.getText(location.range)}`;
    });
  }

  it('lists the code in the open documents (their current text) and in every claim file on disk, both formats', async () => {
    const openUri = uriOf(root, 'lesion-units.claim');
    // In the editor the second line moved down a line: its text, not the disk's, is searched.
    const openText = fixtureText('lesion-units.claim').replace('  19284-RT', '\n  19284-RT');
    await client.open(openUri, openText);
    const locations = await client.request(ReferencesRequest.type, {
      textDocument: { uri: openUri },
      position: positionOf(openText, '19284', 2),
      context: { includeDeclaration: true },
    });
    const open = new Map([[openUri, openText]]);
    assert.deepEqual(describeLocations(locations ?? [], open), [
      'lesion-units.claim 8: 19284',
      'clean.claim 7: 19284',
      'lone-addon.claim 7: 19284',
      'two-claims.837 22: 19284',
      'two-claims.837 31: 19284',
    ]);
    const withoutHere = await client.request(ReferencesRequest.type, {
      textDocument: { uri: openUri },
      position: positionOf(openText, '19284', 2),
      context: { includeDeclaration: false },
    });
    assert.deepEqual(describeLocations(withoutHere ?? [], open), [
      'clean.claim 7: 19284',
      'lone-addon.claim 7: 19284',
      'two-claims.837 22: 19284',
      'two-claims.837 31: 19284',
    ]);
    await client.close(openUri);
  });

  it('from an 837 SV101-2, finds the .claim lines too; off a code, nothing', async () => {
    const openUri = uriOf(root, 'two-claims.837');
    const text = fixtureText('two-claims.837');
    await client.open(openUri, text, 1, 'x12');
    const locations = await client.request(ReferencesRequest.type, {
      textDocument: { uri: openUri },
      position: positionOf(text, 'HC:19283', 4),
      context: { includeDeclaration: true },
    });
    assert.deepEqual(describeLocations(locations ?? [], new Map([[openUri, text]])), [
      'two-claims.837 19: 19283',
      'clean.claim 6: 19283',
      'lesion-units.claim 6: 19283',
    ]);
    assert.deepEqual(
      await client.request(ReferencesRequest.type, {
        textDocument: { uri: openUri },
        position: positionOf(text, 'CLM*', 1),
        context: { includeDeclaration: true },
      }),
      [],
    );
    await client.close(openUri);
  });

  it('lists a diagnosis (C50.411 in .claim, C50411 in 837) and the pointers at it in every file; without the declaration, the pointers only', async () => {
    const openUri = uriOf(root, 'clean.claim');
    const text = fixtureText('clean.claim');
    await client.open(openUri, text);
    const open = new Map([[openUri, text]]);
    const request = (includeDeclaration: boolean) =>
      client.request(ReferencesRequest.type, {
        textDocument: { uri: openUri },
        position: positionOf(text, 'C50.411', 2),
        context: { includeDeclaration },
      });
    assert.deepEqual(describeLocations((await request(true)) ?? [], open), [
      'clean.claim 3: C50.411',
      'clean.claim 6: A',
      'clean.claim 7: A',
      'lesion-units.claim 3: C50.411',
      'lesion-units.claim 6: A',
      'lesion-units.claim 7: A',
      'lone-addon.claim 4: C50.411',
      'lone-addon.claim 7: A',
      'two-claims.837 17: C50411',
      'two-claims.837 19: 1',
      'two-claims.837 22: 1',
    ]);
    assert.deepEqual(describeLocations((await request(false)) ?? [], open), [
      'clean.claim 6: A',
      'clean.claim 7: A',
      'lesion-units.claim 6: A',
      'lesion-units.claim 7: A',
      'lone-addon.claim 7: A',
      'two-claims.837 19: 1',
      'two-claims.837 22: 1',
    ]);
    await client.close(openUri);
  });

  it('from an 837 SV107 pointer, finds the diagnosis it points at in the .claim files too, and not its neighbour C50412', async () => {
    const openUri = uriOf(root, 'two-claims.837');
    const text = fixtureText('two-claims.837');
    await client.open(openUri, text, 1, 'x12');
    // The pointer of the first SV1: `***1~` after 19283.
    const position = positionOf(text, 'RT*350*UN*1***1', 14);
    const locations = await client.request(ReferencesRequest.type, {
      textDocument: { uri: openUri },
      position,
      context: { includeDeclaration: true },
    });
    const described = describeLocations(locations ?? [], new Map([[openUri, text]]));
    assert.deepEqual(
      described.filter((entry) => entry.startsWith('two-claims.837')),
      ['two-claims.837 17: C50411', 'two-claims.837 19: 1', 'two-claims.837 22: 1'],
    );
    assert.deepEqual(
      described.filter((entry) => entry.includes('C50')),
      [
        'two-claims.837 17: C50411',
        'clean.claim 3: C50.411',
        'lesion-units.claim 3: C50.411',
        'lone-addon.claim 4: C50.411',
      ],
    );
    await client.close(openUri);
  });
});
