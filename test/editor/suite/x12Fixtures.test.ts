/**
 * Every shared 837 fixture opened in the editor shows exactly the problems
 * its `expected.json` entry names: the add-on and units cases, every
 * integrity rule firing, and the clean claim with none.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { expectCleanAfterCheck, fixtureUri, openFixture, ruleIdOf, waitForDiagnostics } from './editorHelpers';

describe('the shared 837 fixtures in the editor', () => {
  it('show exactly their expected problems', async () => {
    const expected = JSON.parse(
      new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri('x12/expected.json'))),
    ) as Record<string, string[]>;
    const entries = Object.entries(expected);
    assert.ok(entries.length >= 10);
    for (const [name, codes] of entries.filter(([, c]) => c.length > 0)) {
      const { document } = await openFixture(`x12/${name}`);
      assert.equal(document.languageId, 'x12', name);
      const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, `${name} is checked`);
      assert.deepEqual(diagnostics.map(ruleIdOf), codes, name);
    }
    for (const [name] of entries.filter(([, c]) => c.length === 0)) {
      const { editor } = await openFixture(`x12/${name}`);
      await expectCleanAfterCheck(editor, { find: 'HC:19283', replaceWith: 'HC:19281' });
    }
  });
});
