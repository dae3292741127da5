/**
 * Over stdio, on the built server, with the data folder's fee schedule (PFS
 * 2026 Jul: G9902 has global days 090): a procedure billed for a patient in
 * one claim file of the workspace puts that patient's visit, in another file
 * open in the editor, in its global period (`global-surgery`, naming the file
 * and claim). Another patient's visit stays quiet; and when the procedure's
 * file is opened and its procedure edited away, the open text wins over the
 * disk and the visit is checked again, quiet. The names are invented.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { writeEndToEndDataFolder } from '../support/referenceData/endToEndDataFolder';
import { dataFolderCapability } from '../../shared/src/protocol';
import { describeDiagnostics, messageOf } from './claimTexts';

const surgeryText = 'claim SURG-1\n  patient: DOE, JANE\n  dos: 2026-08-01\n  G9902 x1\n';
const visitText = (patient: string) => `claim VISIT-1\n  patient: ${patient}\n  99213 x1 dos=2026-08-20\n`;

const globalSurgery = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.code === 'global-surgery');

/** The document's diagnostics, publish after publish, until `done` holds for them (each wait bounded by the client). */
async function diagnosticsUntil(
  client: LspClient,
  uri: string,
  done: (diagnostics: readonly Diagnostic[]) => boolean,
): Promise<Diagnostic[]> {
  for (;;) {
    const { diagnostics } = await client.nextDiagnostics(uri, undefined, 20000);
    if (done(diagnostics)) {
      return diagnostics;
    }
  }
}

describe('protocol: global-surgery across the workspace', function () {
  this.timeout(60000);
  const made: string[] = [];
  let dataFolder: string;
  let workspace: string;

  before(() => {
    dataFolder = writeEndToEndDataFolder();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-global-ws-'));
    made.push(dataFolder, workspace);
    fs.writeFileSync(path.join(workspace, 'surgery.claim'), surgeryText);
  });
  after(() => made.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));
  afterEach(() => stopAllClients());

  it("reports a visit in the period of the same patient's procedure in a file on disk, and forgets it when the open file loses it", async () => {
    const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-global-cache-'));
    made.push(cacheFolder);
    const client = await LspClient.start({
      capabilities: { ...pushClientCapabilities(), experimental: { [dataFolderCapability]: true } },
      settings: { dataFolder },
      initializationOptions: { cacheFolder },
      workspaceFolders: [workspace],
    });
    const visitUri = pathToFileURL(path.join(workspace, 'visit.claim')).href;
    await client.open(visitUri, visitText('Doe, Jane'));
    const [finding, ...rest] = globalSurgery(
      await diagnosticsUntil(client, visitUri, (diagnostics) => globalSurgery(diagnostics).length > 0),
    );
    assert.equal(rest.length, 0);
    assert.ok(finding);
    assert.equal(finding.range.start.line, 2);
    assert.match(messageOf(finding), /postoperative day 19 of G9902 \(in surgery\.claim, claim SURG-1\)/);
    assert.doesNotMatch(messageOf(finding), /DOE|JANE/i);

    // Another patient: the index is built by now (the first visit's finding needed it), so its first check counts.
    const otherUri = pathToFileURL(path.join(workspace, 'other.claim')).href;
    await client.open(otherUri, visitText('ROE, RICHARD'));
    const other = (await client.nextDiagnostics(otherUri)).diagnostics;
    assert.deepEqual(globalSurgery(other), [], describeDiagnostics(other));

    // The procedure's file opened and its procedure edited away: the open text wins, and the visit is checked again.
    const surgeryUri = pathToFileURL(path.join(workspace, 'surgery.claim')).href;
    await client.open(surgeryUri, surgeryText);
    await client.change(surgeryUri, [{ text: surgeryText.replace('G9902', 'G0101') }]);
    const after = await diagnosticsUntil(client, visitUri, (diagnostics) => globalSurgery(diagnostics).length === 0);
    assert.deepEqual(globalSurgery(after), []);
  });
});
