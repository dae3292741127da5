/**
 * Folding, go to definition and rename of a claim id in the real editor
 * (issue 8), through the commands VS Code's own features call.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture, positionOf } from './editorHelpers';

function targetOf(result: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in result
    ? { uri: result.targetUri, range: result.targetSelectionRange ?? result.targetRange }
    : { uri: result.uri, range: result.range };
}

describe('navigating claims in the editor', () => {
  it('folds a .claim claim and, in an 837, each CLM loop', async () => {
    const { document } = await openFixture('clean.claim');
    const folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      document.uri,
    );
    const claimLine = positionOf(document, 'claim CLM-EDITOR-0003').line;
    assert.ok(
      folds.some((fold) => fold.start === claimLine && fold.end === positionOf(document, '19284-RT').line),
      JSON.stringify(folds),
    );

    const x12 = (await openFixture('two-claims.837')).document;
    const x12Folds = await vscode.commands.executeCommand<vscode.FoldingRange[]>(
      'vscode.executeFoldingRangeProvider',
      x12.uri,
    );
    const clm = positionOf(x12, 'CLM*CLM-EDITOR-A').line;
    const nextHl = positionOf(x12, 'HL*3').line;
    assert.ok(
      x12Folds.some((fold) => fold.start === clm && fold.end === nextHl - 1),
      JSON.stringify(x12Folds),
    );
  });

  it('goes from dx=A to the diagnosis in the dx: header, and from SV107 to the HI code', async () => {
    const { document } = await openFixture('clean.claim');
    const results = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, 'dx=A', 3),
    );
    assert.equal(results.length, 1);
    const target = targetOf(results[0] as vscode.Location | vscode.LocationLink);
    assert.equal(target.uri.toString(), document.uri.toString());
    assert.equal(document.getText(target.range), 'C50.411');

    const x12 = (await openFixture('two-claims.837')).document;
    const x12Results = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
      'vscode.executeDefinitionProvider',
      x12.uri,
      positionOf(x12, 'UN*1***1', 8),
    );
    assert.deepEqual(
      x12Results.map((result) => x12.getText(targetOf(result).range)),
      ['C50411'],
    );
  });

  it('renames a claim id and refuses a duplicate or a malformed id with the reason', async () => {
    const { document } = await openFixture('clean.claim');
    const position = positionOf(document, 'CLM-EDITOR-0003', 2);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>(
      'vscode.executeDocumentRenameProvider',
      document.uri,
      position,
      'CLM-EDITOR-0004',
    );
    const edits = edit.get(document.uri);
    assert.deepEqual(
      edits.map((change) => [document.getText(change.range), change.newText]),
      [['CLM-EDITOR-0003', 'CLM-EDITOR-0004']],
    );
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, position, 'CLM 4'),
      /one token/,
    );

    const x12 = (await openFixture('two-claims.837')).document;
    await assert.rejects(
      async () =>
        vscode.commands.executeCommand(
          'vscode.executeDocumentRenameProvider',
          x12.uri,
          positionOf(x12, 'CLM-EDITOR-A'),
          'clm-editor-b',
        ),
      /already has this id/,
    );
  });
});
