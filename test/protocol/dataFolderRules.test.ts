/**
 * Over stdio, on the built server, with the real importers: a data folder of
 * official-layout files (zipped as CMS and CDC ship them, written at test
 * time from our fixtures) set through `cptClaims.dataFolder`, and what it
 * changes once loaded: hover on a diagnosis gives its ICD-10-CM description,
 * a PTP pair gets `ncci-ptp` with its fixes in `.claim` and 837P files, and
 * an E/M visit on the day of a 090-day procedure without 57 gets
 * `global-surgery` with its fix. Each is also shown quiet: before the folder
 * is set, and once the fix is applied.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CodeAction, type Command, type Diagnostic } from 'vscode-languageserver-protocol';
import { editsFor, LspClient, newUri, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import {
  endToEndDiagnosis,
  endToEndEditions,
  writeEndToEndDataFolder,
} from '../support/referenceData/endToEndDataFolder';
import { writeX12 } from '../../server/src/service';
import { dataFolderCapability, type DataFolderStatus, dataFolderStatusNotification } from '../../shared/src/protocol';
import { describeDiagnostics, hoverText, messageOf, positionOf } from './claimTexts';

const claimText = [
  'claim E2E-1',
  '  dos: 2026-08-01',
  `  dx: ${endToEndDiagnosis.code}`,
  '  G0101 x1 dx=A',
  '  G0103 x1 dx=A',
  '  G9902 x1 dx=A',
  '  99213 x1 dx=A',
  '',
].join('\n');

function isCodeAction(action: CodeAction | Command): action is CodeAction {
  return typeof (action as CodeAction).title === 'string' && typeof (action as Command).command !== 'string';
}

const byRule = (diagnostics: readonly Diagnostic[], rule: string) => diagnostics.filter((d) => d.code === rule);

/** The cache folders the servers wrote, removed after the tests. */
const cacheFolders: string[] = [];

async function startWithFolder(dataFolder: string | undefined): Promise<LspClient> {
  const cacheFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-e2e-cache-'));
  cacheFolders.push(cacheFolder);
  return LspClient.start({
    capabilities: { ...pushClientCapabilities(), experimental: { [dataFolderCapability]: true } },
    settings: dataFolder === undefined ? {} : { dataFolder },
    initializationOptions: { cacheFolder },
  });
}

async function loaded(client: LspClient): Promise<DataFolderStatus> {
  const message = await client.nextMessage(
    (received) =>
      received.method === dataFolderStatusNotification.method &&
      (received.params as DataFolderStatus).state === 'loaded',
    'dataFolderStatus loaded',
    20000,
  );
  return message.params as DataFolderStatus;
}

async function quickFixTitles(client: LspClient, uri: string, diagnostic: Diagnostic): Promise<string[]> {
  const actions = ((await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? []).filter(isCodeAction);
  return actions.filter((action) => action.diagnostics?.some((d) => d.code === diagnostic.code)).map((a) => a.title);
}

describe('protocol: rules and hover on the data folder', function () {
  // Importing the folder in the server's worker takes a moment on a busy machine.
  this.timeout(30000);
  let folder: string;

  before(() => {
    folder = writeEndToEndDataFolder();
  });
  after(() => {
    for (const made of [folder, ...cacheFolders.splice(0)]) {
      fs.rmSync(made, { recursive: true, force: true });
    }
  });
  afterEach(() => stopAllClients());

  it('reports every edition of the folder, with no file set aside', async () => {
    const client = await startWithFolder(folder);
    const status = await loaded(client);
    assert.deepEqual(
      status.editions.map((edition) => edition.label),
      [...endToEndEditions],
    );
    assert.deepEqual(
      status.files.filter((file) => file.problem !== undefined),
      [],
    );
  });

  it('once the folder is set, hovers the diagnosis with its description and reports the PTP pair and the missing 57', async () => {
    const client = await startWithFolder(undefined);
    const uri = newUri('e2e-claim');
    await client.open(uri, claimText);
    const before = (await client.nextDiagnostics(uri)).diagnostics;
    assert.deepEqual(
      [byRule(before, 'ncci-ptp'), byRule(before, 'global-surgery')],
      [[], []],
      describeDiagnostics(before),
    );
    const dxPosition = positionOf(claimText, endToEndDiagnosis.code, 2);
    assert.doesNotMatch(hoverText(await client.hover(uri, dxPosition)), /widget gland/);

    client.setSettings({ dataFolder: folder });
    await client.changeConfiguration(null);
    await loaded(client);
    // Every open document is checked again once the folder is loaded (after the check the settings change started,
    // whose publish may come before or after the folder's status).
    const after = (
      await client.diagnosticsWhere(uri, (diagnostics) => byRule(diagnostics, 'ncci-ptp').length > 0, 'the PTP pair')
    ).diagnostics;

    assert.match(hoverText(await client.hover(uri, dxPosition)), new RegExp(endToEndDiagnosis.description));

    const [pair, ...otherPairs] = byRule(after, 'ncci-ptp');
    assert.ok(pair, describeDiagnostics(after));
    assert.equal(otherPairs.length, 0, describeDiagnostics(after));
    assert.equal(pair.range.start.line, positionOf(claimText, 'G0103').line);
    assert.match(messageOf(pair), /G0103 is bundled into G0101 .*PTP 2026 Q3/);
    assert.deepEqual(await quickFixTitles(client, uri, pair), [
      'Remove the G0103 line (bundled into G0101)',
      'Add XU to G0103, only if the record supports a distinct service',
      'Add 59 to G0103, only if the record supports a distinct service',
    ]);

    const [visit, ...otherVisits] = byRule(after, 'global-surgery');
    assert.ok(visit, describeDiagnostics(after));
    assert.equal(otherVisits.length, 0, describeDiagnostics(after));
    assert.equal(visit.range.start.line, positionOf(claimText, '99213').line);
    assert.match(messageOf(visit), /99213 is on the day of G9902, a major procedure \(global 090, PFS 2026 Jul\)/);
    assert.deepEqual(await quickFixTitles(client, uri, visit), ['Add 57, if the record supports it']);
  });

  it('stops reporting the pair and the visit once their fixes are applied', async () => {
    const client = await startWithFolder(folder);
    await loaded(client);
    const uri = newUri('e2e-fixes');
    await client.open(uri, claimText);
    const found = (await client.nextDiagnostics(uri)).diagnostics;
    for (const [rule, title] of [
      ['ncci-ptp', 'Add XU to G0103, only if the record supports a distinct service'],
      ['global-surgery', 'Add 57, if the record supports it'],
    ] as const) {
      const [diagnostic] = byRule(found, rule);
      assert.ok(diagnostic, `${rule} before the fix: ${describeDiagnostics(found)}`);
      const actions = ((await client.codeActions(uri, diagnostic.range, [diagnostic])) ?? []).filter(isCodeAction);
      const fix = actions.find((action) => action.title === title);
      assert.ok(fix, `${title} among ${actions.map((a) => a.title).join('; ')}`);
      const version = await client.applyEdits(uri, editsFor(fix.edit, uri));
      const fixed = (await client.nextDiagnostics(uri, version)).diagnostics;
      assert.deepEqual(byRule(fixed, rule), [], describeDiagnostics(fixed));
    }
    assert.match(client.document(uri).getText(), /G0103-XU x1/);
    assert.match(client.document(uri).getText(), /99213-57 x1/);
  });

  it('reports the PTP pair of an 837P and offers its fix, and leaves a pair on two dates alone', async () => {
    const client = await startWithFolder(folder);
    await loaded(client);
    const line = (code: string, dos: string) => ({ code, modifiers: [], charge: 50, dos });
    const text = writeX12([
      {
        id: 'SAMEDAY',
        diagnoses: ['U9001'],
        dos: '2026-08-01',
        lines: [line('G0101', '2026-08-01'), line('G0102', '2026-08-01')],
      },
      {
        id: 'TWODAYS',
        diagnoses: ['U9001'],
        dos: '2026-08-01',
        lines: [line('G0101', '2026-08-01'), line('G0102', '2026-08-02')],
      },
    ]);
    const uri = newUri('e2e-837').replace(/\.claim$/, '.837');
    await client.open(uri, text, 1, 'x12');
    const diagnostics = (await client.nextDiagnostics(uri)).diagnostics;
    const [pair, ...others] = byRule(diagnostics, 'ncci-ptp');
    assert.ok(pair, describeDiagnostics(diagnostics));
    assert.equal(others.length, 0, `only the same-day claim: ${describeDiagnostics(diagnostics)}`);
    assert.ok(pair.range.start.line < positionOf(text, 'TWODAYS').line, 'the pair is in the first claim');
    assert.match(messageOf(pair), /G0102 is bundled into G0101 .*no modifier bypasses this edit/);
    assert.deepEqual(await quickFixTitles(client, uri, pair), ['Remove the G0102 line (bundled into G0101)']);
  });
});
