/**
 * The conversion commands in a real editor: run from the command they
 * contribute, each opens its result beside the source in a new untitled
 * editor of the other language, named after the source and placed beside it
 * on disk when saved (numbered when the name is taken), which the server then
 * checks.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionId, openFixture, ruleIdOf, waitForDiagnostics } from './editorHelpers';

/** Closes the untitled results without a save prompt. */
async function closeUntitled(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

describe('conversion commands in the editor', () => {
  afterEach(closeUntitled);

  it('contributes both commands, each in the editor title of its own language', () => {
    const contributes = (
      vscode.extensions.getExtension(extensionId)?.packageJSON as {
        contributes: { menus: Record<string, Array<{ command: string; when: string }>> };
      }
    ).contributes;
    const title = contributes.menus['editor/title'] ?? [];
    assert.equal(title.find((item) => item.command === 'cptClaims.convertTo837')?.when, 'resourceLangId == claim');
    assert.equal(title.find((item) => item.command === 'cptClaims.convertToClaim')?.when, 'resourceLangId == x12');
  });

  it('converts a .claim file to an 837P beside it, which the server checks as X12', async () => {
    const { document: source } = await openFixture('clean.claim');
    const converted = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(
      'cptClaims.convertTo837',
      source.uri,
    );
    assert.ok(converted, 'the command returns the new document');
    assert.equal(converted.languageId, 'x12');
    assert.equal(converted.isUntitled, true);
    // Named after its source and, once saved, written beside it: untitled:<source folder>/clean.837.
    assert.equal(converted.uri.scheme, 'untitled');
    assert.equal(converted.uri.path, source.uri.path.replace(/\.claim$/, '.837'));
    assert.equal(vscode.window.activeTextEditor?.document, converted);
    assert.notEqual(
      vscode.window.activeTextEditor?.viewColumn,
      vscode.window.visibleTextEditors.find((e) => e.document === source)?.viewColumn,
    );
    const text = converted.getText();
    assert.match(text, /^ISA\*/);
    assert.match(text, /^CLM\*CLM-EDITOR-0003\*750\*\*\*11:B:1\*Y\*A\*Y\*Y~$/m);
    assert.match(text, /^SV1\*HC:19284:RT\*400\*UN\*2\*\*\*1~$/m);
    // The source is left as it was.
    assert.equal(source.isDirty, false);
    // The server checks the new 837: a planted wrong CLM02 is reported there, so its silence before was a verdict.
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const clm = converted.getText().indexOf('*750*');
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(converted.positionAt(clm + 1), converted.positionAt(clm + 4)), '700'),
    );
    const diagnostics = await waitForDiagnostics(converted.uri, (d) => d.length > 0, 'the planted CLM02 is reported');
    assert.deepEqual(diagnostics.map(ruleIdOf), ['x12-claim-total']);
    // A second conversion while the first is open takes the next name, never the first one's.
    const again = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(
      'cptClaims.convertTo837',
      source.uri,
    );
    assert.equal(again?.uri.path, source.uri.path.replace(/\.claim$/, '-2.837'));
  });

  it('converts an 837 to a .claim file whose lone add-on the server reports', async () => {
    const { document: source } = await openFixture('two-claims.837');
    const converted = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('cptClaims.convertToClaim');
    assert.ok(converted, 'the command returns the new document');
    assert.equal(converted.languageId, 'claim');
    assert.notEqual(converted.uri.toString(), source.uri.toString());
    assert.equal(converted.uri.path.split('/').pop(), 'two-claims.claim');
    const text = converted.getText();
    assert.match(text, /^claim CLM-EDITOR-A$/m);
    assert.match(text, /^ {2}dx: C50\.412$/m);
    assert.match(text, /^ {2}19284-LT {3}x1 {3}\$400\.00 {3}dx=A$/m);
    const diagnostics = await waitForDiagnostics(
      converted.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the lone 19284 is reported',
    );
    assert.equal(converted.getText(diagnostics.find((d) => ruleIdOf(d) === 'addon-without-primary')?.range), '19284');
  });
});
