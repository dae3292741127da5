/**
 * The built server links each published diagnostic to its rule's page: a
 * `file:` URI of `docs/rules/<rule-id>.md` beside `dist/`, which exists on disk
 * (and ships in the .vsix).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LspClient, newUri, pushClientCapabilities, stopAllClients } from '../support/server/lspClient';
import { repoRoot } from '../support/repoRoot';

describe('protocol: diagnostics link to their rule page', () => {
  after(() => stopAllClients());

  it('publishes codeDescription.href as a file: URI of the rule page that exists', async () => {
    const client = await LspClient.start({ capabilities: pushClientCapabilities() });
    const uri = newUri();
    await client.open(uri, 'claim A\n  19284-RT x1\n', 1);
    const { diagnostics } = await client.nextDiagnostics(uri, 1);
    const diagnostic = diagnostics.find((d) => d.code === 'addon-without-primary');
    const href = diagnostic?.codeDescription?.href ?? '';
    assert.match(href, /^file:\/\/.*\/docs\/rules\/addon-without-primary\.md$/, JSON.stringify(diagnostics));
    const file = fileURLToPath(href);
    assert.ok(fs.existsSync(file), `${file} should exist`);
    assert.equal(file, path.join(repoRoot(), 'docs', 'rules', 'addon-without-primary.md'));
    assert.ok(
      diagnostics.every((d) => d.codeDescription?.href.endsWith(`/docs/rules/${String(d.code)}.md`)),
      JSON.stringify(diagnostics),
    );
  });
});
