/**
 * The last result of a document is handed back, as the same array, only for
 * the same version, service, settings and other inputs; anything else is
 * checked again.
 */
import * as assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentChecks } from '../../../server/src/documents/documentChecks';
import { DocumentModels } from '../../../server/src/documents/documentModels';
import { OpenDocument } from '../../../server/src/documents/openDocument';
import { defaultSettings, getLanguageService } from '../../../server/src/service';

describe('document checks: the kept last result', () => {
  it('returns the same array for the same inputs, and checks again when any of them changes', async () => {
    const service = getLanguageService();
    const connection = { console: { error: () => undefined } } as unknown as Connection;
    const checks = new DocumentChecks(connection, new DocumentModels(service));
    const document = TextDocument.create('file:///a.claim', 'claim', 1, '19284-RT\n');
    const first = await checks.diagnostics(document, service, defaultSettings, undefined, 'stamp-1');
    assert.deepEqual(
      first?.map((d) => d.code),
      ['addon-without-primary'],
    );
    assert.equal(await checks.diagnostics(document, service, defaultSettings, undefined, 'stamp-1'), first);

    const otherInputs = await checks.diagnostics(document, service, defaultSettings, undefined, 'stamp-2');
    assert.notEqual(otherInputs, first);
    assert.deepEqual(otherInputs, first);

    const otherSettings = { ...defaultSettings };
    assert.notEqual(await checks.diagnostics(document, service, otherSettings, undefined, 'stamp-2'), otherInputs);

    const edited = TextDocument.update(document, [{ text: '19283-RT\n19284-RT\n' }], 2);
    const afterEdit = await checks.diagnostics(edited, service, otherSettings, undefined, 'stamp-2');
    assert.deepEqual(afterEdit, []);

    // A closed document keeps nothing: opened again at the same version, it is checked again.
    checks.forget(document.uri);
    const afterClose = await checks.diagnostics(edited, service, otherSettings, undefined, 'stamp-2');
    assert.notEqual(afterClose, afterEdit);
    assert.deepEqual(afterClose, []);
  });
});

describe('document checks: the line table', () => {
  const service = getLanguageService();
  const connection = { console: { error: () => undefined } } as unknown as Connection;
  const text = 'claim C1\n  19284-RT x1 $100.00\n'.repeat(20);

  it('is built by a background check, so the first hover or edit after it does not build it', async () => {
    const checks = new DocumentChecks(connection, new DocumentModels(service));
    const document = new OpenDocument('file:///a.claim', 'claim', 1, text);
    assert.equal(document.lineTableComplete, false);
    const diagnostics = await checks.diagnostics(document, service, { ...defaultSettings, backgroundCheckAboveMB: 0 });
    assert.equal(diagnostics?.length, 20);
    assert.equal(document.lineTableComplete, true);
  });

  it('is left to the first question about lines when the check is not in the background', async () => {
    const checks = new DocumentChecks(connection, new DocumentModels(service));
    const document = new OpenDocument('file:///a.claim', 'claim', 1, text);
    assert.equal((await checks.diagnostics(document, service, defaultSettings))?.length, 20);
    assert.equal(document.lineTableComplete, false);
    assert.equal(document.lineCount, 41);
    assert.equal(document.lineTableComplete, true);
  });
});
