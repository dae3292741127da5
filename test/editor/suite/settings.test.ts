/**
 * Settings in the editor: a licensed descriptor file named in the workspace
 * settings shows in hover with its file name, and a rule turned off in the
 * settings leaves the Problems panel. Each waits for the diagnostics the
 * change brings, so the server has read the new settings before hover is asked.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openFixture, positionOf, ruleIdOf, waitForDiagnostics } from './editorHelpers';

describe('settings in the editor', () => {
  const configuration = () => vscode.workspace.getConfiguration('cptClaims');

  afterEach(async () => {
    await configuration().update('descriptorFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await configuration().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows a licensed descriptor file in hover, naming the file', async () => {
    const { document } = await openFixture('licensed/licensed.claim');
    // Without a list of CPT codes nothing is unknown; the licensed file is one: it describes 19238, not 99901.
    await configuration().update('descriptorFiles', ['licensed/org-cpt.tsv'], vscode.ConfigurationTarget.Workspace);
    const unknownAt = (d: vscode.Diagnostic[], code: string) =>
      d.some((x) => ruleIdOf(x) === 'unknown-code' && document.getText(x.range) === code);
    await waitForDiagnostics(
      document.uri,
      (d) => unknownAt(d, '99901') && !unknownAt(d, '19238'),
      'the licensed file describes 19238, not 99901',
    );
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, '19283', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /LICENSED TEXT FOR 19283 FROM THE ORGANISATION FILE/);
    assert.match(text, /org-cpt\.tsv/);
  });

  it('turns a rule off', async () => {
    const { document } = await openFixture('lone-addon.claim');
    await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the lone add-on is reported',
    );
    await configuration().update('rules', { 'addon-without-primary': 'off' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the rule is off',
    );
  });
});
