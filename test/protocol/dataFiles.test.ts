/**
 * Settings that name data files: a licensed descriptor file wins in hover and
 * says where it came from; a CMS MUE file turns on the MUE rule; both are
 * re-read when they change on disk; bad rows and missing files are reported
 * once, and the bundled data keeps working. A CPT code is unknown only
 * against a loaded descriptor file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspClient, newUri, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { hoverText, positionOf } from './claimTexts';

const claim = 'claim A\n  dos: 2026-03-14\n  dx: C50.411, C50.412\n  19283-RT   x1   dx=A\n  19283-LT   x1   dx=B\n';
const mueHeader =
  '"Copyright line"\n"HCPCS/CPT Code","Practitioner Services MUE Values","MUE Adjudication Indicator","MUE Rationale"\n';

describe('protocol: data files from the settings', () => {
  let dir: string;
  let client: LspClient;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-data-'));
  });
  afterEach(async () => {
    await stopAllClients();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows a licensed descriptor in hover, names its file, and re-reads the file when it changes', async () => {
    const file = path.join(dir, 'org-cpt.csv');
    fs.writeFileSync(file, 'code,descriptor\n19283,LICENSED TEXT ONE\n');
    client = await LspClient.start({ capabilities: pushClientCapabilities(), settings: { descriptorFiles: [file] } });
    const uri = newUri('descriptors');
    await client.open(uri, claim);
    const position = positionOf(claim, '19283', 2);
    const first = hoverText(await client.hover(uri, position));
    assert.match(first, /LICENSED TEXT ONE/);
    assert.match(first, /org-cpt\.csv/);
    fs.writeFileSync(file, 'code,descriptor\n19283,LICENSED TEXT TWO, NEWER\n');
    assert.match(hoverText(await client.hover(uri, position)), /LICENSED TEXT TWO, NEWER/);
  });

  it('reports a CPT code unknown only once a descriptor file is loaded, and then only codes the file lacks', async () => {
    const text = 'claim A\n  dos: 2026-03-14\n  99901 x1\n  99902 x1\n';
    client = await LspClient.start({ capabilities: pushClientCapabilities() });
    const bare = newUri('no-list');
    await client.open(bare, text);
    assert.deepEqual(
      (await client.nextDiagnostics(bare, 1)).diagnostics,
      [],
      'no list of CPT codes: nothing is unknown',
    );
    await stopAllClients();
    const file = path.join(dir, 'org-cpt.csv');
    fs.writeFileSync(file, 'code,descriptor\n99902,AN ORGANISATION DESCRIPTOR\n');
    client = await LspClient.start({ capabilities: pushClientCapabilities(), settings: { descriptorFiles: [file] } });
    const uri = newUri('with-list');
    await client.open(uri, text);
    const published = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['unknown-code', 2]],
    );
  });

  it('turns on the MUE rule from the MUE file, and checks again when the file changes on disk', async () => {
    const file = path.join(dir, 'mue.csv');
    fs.writeFileSync(file, `${mueHeader}"19283","1","2 Date of Service Edit: Policy","Anatomic Consideration"\n`);
    // 19283 on both sides of one date is also primary-units' other-breast case: off here, to watch the MUE rule alone.
    client = await LspClient.start({
      capabilities: pushClientCapabilities(),
      settings: { mueFile: file, rules: { 'primary-units': 'off' } },
    });
    const uri = newUri('mue');
    await client.open(uri, claim);
    const published = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['mue-limit'],
    );
    // The MUE rises to 2: with no edit to the claim, the server reads the file again and clears the problem.
    fs.writeFileSync(file, `${mueHeader}"19283","2","2 Date of Service Edit: Policy","Anatomic Consideration"\n`);
    const after = await client.nextDiagnostics(uri, 1, 10000);
    assert.deepEqual(
      after.diagnostics.map((d) => d.code),
      [],
    );
  });

  it('reports bad rows once, in the log and as diagnostics on the data file, and uses the good rows', async () => {
    const file = path.join(dir, 'org-cpt.tsv');
    fs.writeFileSync(file, '19283\tGOOD ROW\n1928\tbad code\n19284\t\n');
    client = await LspClient.start({ capabilities: pushClientCapabilities(), settings: { descriptorFiles: [file] } });
    const uri = newUri('rows');
    await client.open(uri, claim);
    const dataUri = pathToFileURL(file).toString();
    const onFile = await client.nextDiagnostics(dataUri);
    assert.deepEqual(
      onFile.diagnostics.map((d) => [d.range.start.line, d.range.end.line, d.range.end.character, d.code]),
      [
        [1, 1, '1928\tbad code'.length, 'data-file-row'],
        [2, 2, '19284\t'.length, 'data-file-row'],
      ],
    );
    assert.match(hoverText(await client.hover(uri, positionOf(claim, '19283', 2))), /GOOD ROW/);
    await client.hover(uri, positionOf(claim, '19283', 2));
    assert.equal(client.logText().match(/line 2:/g)?.length, 1, client.logText());
  });

  it('says clearly when a data file is missing or a folder, and keeps the bundled data', async () => {
    client = await LspClient.start({
      capabilities: pushClientCapabilities(),
      settings: { descriptorFiles: [path.join(dir, 'nope.csv'), dir], mueFile: 'relative-missing.csv' },
    });
    const uri = newUri('missing');
    await client.open(uri, '19284-RT\n');
    const published: PublishDiagnosticsParams = await client.nextDiagnostics(uri, 1);
    assert.deepEqual(
      published.diagnostics.map((d) => d.code),
      ['addon-without-primary'],
    );
    const log = client.logText();
    assert.match(log, /nope\.csv \(cptClaims\.descriptorFiles\) is not used: it does not exist/);
    assert.match(log, /is not used: it is a folder, not a file/);
    assert.match(log, /relative-missing\.csv \(cptClaims\.mueFile\) is not used/);
    assert.match(hoverText(await client.hover(uri, { line: 0, character: 2 })), /our own words/);
  });
});
