/**
 * Formatting in the editor: *Format Document* on a `.claim` file gives the
 * house style (edits applied as VS Code applies them), and the X12 layout
 * commands, run as from the Command Palette (no arguments: the active
 * editor's document), lay a one-line 837 out a segment per line and back.
 * Untitled documents, so no fixture file is changed.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, fixtureUri, waitForDiagnostics } from './editorHelpers';

const messy = 'claim CLM-EDITOR-F\n    dos: 2026-03-14\n 19283-RT x1 $350.00 dx=A\n19284-RT   x2 $1,200.00\n';
const tidy = 'claim CLM-EDITOR-F\n  dos: 2026-03-14\n  19283-RT   x1     $350.00   dx=A\n  19284-RT   x2   $1,200.00\n';

async function openUntitled(language: string, content: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  await vscode.window.showTextDocument(document);
  await activateExtension();
  return document;
}

async function formatDocument(document: vscode.TextDocument): Promise<vscode.TextEdit[]> {
  const edits = await vscode.commands.executeCommand<vscode.TextEdit[] | undefined>(
    'vscode.executeFormatDocumentProvider',
    document.uri,
    { tabSize: 2, insertSpaces: true },
  );
  return edits ?? [];
}

async function apply(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(document.uri, [...edits]);
  assert.equal(await vscode.workspace.applyEdit(edit), true, 'the editor applied the edits');
}

describe('formatting in the editor', () => {
  it('formats a .claim file in the house style with small edits, and formatting again changes nothing', async () => {
    const document = await openUntitled('claim', messy);
    // The server has the document once its diagnostics arrive.
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the lone add-on is reported');
    const edits = await formatDocument(document);
    assert.ok(edits.length > 1, `several small edits, not one replacement (${edits.length})`);
    await apply(document, edits);
    assert.equal(document.getText(), tidy);
    assert.deepEqual(await formatDocument(document), []);
  });

  it('lays the one-line .edi fixture out a segment per line and back with the X12 commands', async () => {
    const oneLine = fs.readFileSync(fixtureUri('one-line.edi').fsPath, 'utf8');
    const document = await openUntitled('x12', oneLine);
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the wrong modality is reported');
    await vscode.commands.executeCommand('cptClaims.x12.segmentPerLine');
    const segments = oneLine.split('~').filter((segment) => segment !== '');
    assert.equal(document.getText(), segments.map((segment) => `${segment}~`).join('\n'));
    assert.equal(document.lineCount, segments.length);
    assert.deepEqual(await formatDocument(document), [], 'Format Document keeps the layout the file has');
    await vscode.commands.executeCommand('cptClaims.x12.oneLine');
    assert.equal(document.getText(), oneLine);
  });
});
