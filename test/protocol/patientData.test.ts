/**
 * Protected health information never leaves the server: at the default trace
 * level (off), everything it writes besides the answers to our requests
 * (stderr, window/logMessage and showMessage, telemetry, $/logTrace, pushed
 * diagnostics, requests to the client, any other notification) is captured
 * while it checks a .claim file and an 837P full of patient data, with bad
 * settings, data files whose bad rows hold patient data, edits, failing
 * handlers and malformed input; none of the patient data, the claim ids or
 * a whole line of the files may appear in it. The server runs under the
 * no-network preload the whole time, and must not try to open a socket.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type Diagnostic,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  HoverRequest,
  CompletionRequest,
  CodeActionRequest,
  DefinitionRequest,
  FoldingRangeRequest,
  PrepareRenameRequest,
  RenameRequest,
  type Position,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { LspClient, pullClientCapabilities, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { networkGuard, type NetworkGuard } from '../support/server/networkGuard';
import {
  claimIds,
  markersIn,
  patientClaimText,
  patientDescriptorText,
  patientMarkers,
  patientMueText,
  patientX12Text,
  wholeLinesIn,
} from '../support/documents/patientData';

const m = patientMarkers;

/**
 * Everything the server wrote that was not the answer to a request of ours,
 * and the error answers (an editor writes those to its log).
 */
function captured(session: Session): string {
  const { client } = session;
  return [
    client.stderr,
    ...client.received.map((message) => `${message.kind} ${message.method} ${JSON.stringify(message.params)}`),
    ...session.responseErrors,
    ...session.renameRefusals,
  ].join('\n');
}

function countByMethod(client: LspClient): Record<string, number> {
  const counts: Record<string, number> = { stderrBytes: Buffer.byteLength(client.stderr) };
  for (const message of client.received) {
    counts[message.method] = (counts[message.method] ?? 0) + 1;
  }
  return counts;
}

/** The start, middle and end of every line, and the start of every patient marker. */
function probePositions(text: string): Position[] {
  const lines = text.split('\n');
  const positions = lines.flatMap((line, n) =>
    [0, Math.floor(line.length / 2), line.length].map((character) => ({ line: n, character })),
  );
  lines.forEach((line, n) => {
    for (const marker of Object.values(m)) {
      const at = line.indexOf(marker);
      if (at !== -1) {
        positions.push({ line: n, character: at + 1 });
      }
    }
  });
  return positions;
}

/** A request the handler cannot take (a null position or range): it fails inside, and the failure is logged. */
const nullPosition = null as unknown as Position;

interface Session {
  client: LspClient;
  claimUri: string;
  x12Uri: string;
  diagnosticsSeen: number;
  /** The messages of the error answers. */
  responseErrors: string[];
  /** The messages of refused renames (error answers too, which an editor shows and logs). */
  renameRefusals: string[];
}

async function diagnosticsOf(session: Session, uri: string, version: number, pull: boolean): Promise<Diagnostic[]> {
  const diagnostics = pull
    ? await session.client.pullDiagnostics(uri).then((report) => (report.kind === 'full' ? report.items : []))
    : (await session.client.nextDiagnostics(uri, version)).diagnostics;
  session.diagnosticsSeen += diagnostics.length;
  return diagnostics;
}

/** Every feature on every line of a document, and a quick fix asked for each diagnostic. */
async function exerciseDocument(session: Session, uri: string, pull: boolean): Promise<void> {
  const { client } = session;
  const document = client.document(uri);
  const diagnostics = await diagnosticsOf(session, uri, document.version, pull);
  for (const position of probePositions(document.getText())) {
    await client.hover(uri, position);
    await client.completion(uri, position);
  }
  for (const diagnostic of diagnostics) {
    await client.codeActions(uri, diagnostic.range, [diagnostic]);
  }
  await client.codeActions(
    uri,
    { start: { line: 0, character: 0 }, end: { line: document.lineCount, character: 0 } },
    diagnostics,
  );
  await client.request(DocumentSymbolRequest.type, { textDocument: { uri } });
  await exerciseNavigation(session, uri);
}

/** Folding, definition everywhere, and renames of each claim id to patient data, to another claim's id and to its own. */
async function exerciseNavigation(session: Session, uri: string): Promise<void> {
  const { client } = session;
  const refused = (failure: unknown) => {
    session.renameRefusals.push(failure instanceof Error ? failure.message : String(failure));
    return null;
  };
  await client.request(FoldingRangeRequest.type, { textDocument: { uri } });
  for (const position of probePositions(client.document(uri).getText())) {
    await client.request(DefinitionRequest.type, { textDocument: { uri }, position });
    const prepared = await client
      .request(PrepareRenameRequest.type, { textDocument: { uri }, position })
      .catch(refused);
    if (prepared) {
      for (const newName of [`${m.patientSurname}*${m.memberId}`, ...claimIds]) {
        await client.request(RenameRequest.type, { textDocument: { uri }, position, newName }).catch(refused);
      }
    }
  }
}

/** The error a request was answered with; it must be one. */
async function errorAnswer(session: Session, request: Promise<unknown>): Promise<void> {
  const error = await request.then(
    () => assert.fail('the request should have been answered with an error'),
    (failure: unknown) => failure,
  );
  session.responseErrors.push(error instanceof Error ? error.message : String(error));
}

async function runSession(guard: NetworkGuard, dir: string, pull: boolean): Promise<Session> {
  const descriptorFile = path.join(dir, 'descriptors.tsv');
  const mueFile = path.join(dir, 'mue.csv');
  fs.writeFileSync(descriptorFile, patientDescriptorText);
  fs.writeFileSync(mueFile, patientMueText);
  // Settings with bad values carrying patient data, beside the data files.
  const settings = {
    maxNumberOfProblems: m.patientSurname,
    rules: { [m.patientSurname]: 'error', 'lesion-units': m.patientGivenName },
    descriptorFiles: [descriptorFile, 42, null],
    mueFile,
  };
  const client = await LspClient.start({
    capabilities: pull ? pullClientCapabilities() : pushClientCapabilities(),
    settings,
    env: guard.env,
  });
  const session: Session = {
    client,
    claimUri: pathToFileURL(path.join(dir, 'patient.claim')).href,
    x12Uri: pathToFileURL(path.join(dir, 'patient.837')).href,
    diagnosticsSeen: 0,
    responseErrors: [],
    renameRefusals: [],
  };

  await client.open(session.claimUri, patientClaimText, 1, 'claim');
  await client.open(session.x12Uri, patientX12Text, 1, 'x12');
  await exerciseDocument(session, session.claimUri, pull);
  await exerciseDocument(session, session.x12Uri, pull);

  // Edits that add more patient data, malformed, and take some away.
  await client.change(session.claimUri, [
    {
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      text: `  patient: ${m.patientGivenName} ${m.subscriberGivenName}\n  ${m.memberId} x1 dx=${m.street}\n`,
    },
  ]);
  await client.change(session.claimUri, [
    { range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } }, text: '' },
  ]);
  await client.change(session.x12Uri, [
    {
      range: { start: { line: 27, character: 0 }, end: { line: 27, character: 0 } },
      text: `NTE*ADD*${m.patientSurname} ${m.phone}~\nSV1*HC:${m.provider}*${m.city}~\n`,
    },
  ]);
  await exerciseDocument(session, session.claimUri, pull);
  await exerciseDocument(session, session.x12Uri, pull);

  // Other settings, still bad: a missing MUE file, a folder as a descriptor file.
  client.setSettings({
    maxNumberOfProblems: -1,
    rules: m.memberId,
    descriptorFiles: [dir],
    mueFile: path.join(dir, 'missing.csv'),
  });
  await client.changeConfiguration({ cptClaims: { patient: m.patientSurname, mueFile: 7 } });
  await diagnosticsOf(session, session.claimUri, client.document(session.claimUri).version, pull);

  // Handlers that fail inside: the failure is logged, by type and place only.
  await client.request(HoverRequest.type, { textDocument: { uri: session.claimUri }, position: nullPosition });
  await client.request(CompletionRequest.type, { textDocument: { uri: session.x12Uri }, position: nullPosition });
  await client.request(CodeActionRequest.type, {
    textDocument: { uri: session.claimUri },
    range: null as unknown as { start: Position; end: Position },
    context: { diagnostics: [] },
  });
  await errorAnswer(
    session,
    client.request(DocumentDiagnosticRequest.type, { textDocument: null as unknown as { uri: string } }),
  );

  // A document never opened, and notifications and requests nobody handles, all carrying patient data.
  const neverOpened = pathToFileURL(path.join(dir, 'never-opened.claim')).href;
  assert.equal(await client.hover(neverOpened, { line: 0, character: 0 }), null);
  assert.deepEqual(await client.completionItems(neverOpened, { line: 0, character: 0 }), []);
  await client.codeActions(neverOpened, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, []);
  await client.request(DocumentSymbolRequest.type, { textDocument: { uri: neverOpened } });
  if (pull) {
    await client.pullDiagnostics(neverOpened);
  }
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: neverOpened, version: 2 },
    contentChanges: [{ text: patientClaimText }],
  });
  await client.connection.sendNotification('cptClaims/noSuchNotification', { text: patientClaimText });
  await errorAnswer(session, client.connection.sendRequest('cptClaims/noSuchMethod', { text: patientX12Text }));

  // A JSON-RPC message cut short in the middle of a claim's text.
  const cut = JSON.stringify({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: neverOpened, languageId: 'claim', version: 1, text: patientClaimText } },
  }).slice(0, 400);
  client.child.stdin?.write(`Content-Length: ${Buffer.byteLength(cut)}\r\n\r\n${cut}`);
  // The server still answers after it, so everything before has been handled.
  await client.hover(session.claimUri, { line: 1, character: 1 });

  await client.close(session.claimUri);
  await client.close(session.x12Uri);
  if (!pull) {
    await client.nextDiagnostics(session.x12Uri);
  }
  await client.stop();
  assert.ok(
    session.diagnosticsSeen > 100,
    `the files should have given many diagnostics, not ${session.diagnosticsSeen}`,
  );
  return session;
}

describe('protocol: no patient data in what the server writes, and no network', () => {
  let dir: string;
  let guard: NetworkGuard;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-phi-'));
    guard = networkGuard();
  });
  afterEach(async () => {
    await stopAllClients();
    fs.rmSync(dir, { recursive: true, force: true });
    guard.dispose();
  });

  for (const pull of [true, false]) {
    it(`${pull ? 'pull' : 'push'} diagnostics: no marker, claim id or whole line of the files in stderr or any notification, and no network attempt`, async function () {
      this.timeout(60000);
      const session = await runSession(guard, dir, pull);
      const { client } = session;
      const text = captured(session);
      assert.equal(session.responseErrors.length, 2);
      console.log(`      captured: ${JSON.stringify(countByMethod(client))}`);

      // The error paths ran and were logged, so the capture is not empty by accident.
      assert.match(text, /Hover failed: TypeError/);
      assert.match(text, /Completion failed: TypeError/);
      assert.match(text, /Code actions failed: TypeError/);
      assert.match(text, /already has this id/, 'a rename to another claim id was refused');
      assert.match(text, /cannot hold '\*'/, 'a rename to patient data was refused');
      assert.match(text, /descriptors\.tsv.*2 rows were skipped/);
      assert.match(text, /mue\.csv.*3 rows were skipped/);
      assert.match(text, /missing\.csv \(cptClaims\.mueFile\) is not used/);
      const published = client.received.filter((message) => message.method === 'textDocument/publishDiagnostics');
      assert.ok(
        published.some((message) => (message.params as PublishDiagnosticsParams).uri.endsWith('mue.csv')),
        'the MUE file bad rows should be published',
      );
      if (!pull) {
        assert.ok(published.length >= 4, 'diagnostics should have been pushed for both documents');
      }

      assert.deepEqual(markersIn(text), [], 'patient data in what the server wrote');
      assert.deepEqual(markersIn(text, claimIds), [], 'a claim id in what the server wrote');
      for (const source of [patientClaimText, patientX12Text, patientDescriptorText, patientMueText]) {
        assert.deepEqual(wholeLinesIn(text, source), [], 'a line of a file in what the server wrote');
      }

      const records = guard.records();
      assert.ok(
        records.some((record) => record.kind === 'loaded'),
        'the no-network preload did not load in the server',
      );
      assert.deepEqual(guard.attempts(), [], 'the server tried to use the network');
    });
  }
});
