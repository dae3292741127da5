/**
 * Workspace folders added and removed in a real editor (issue 8): the window
 * is a multi-root workspace of one folder (`first`, with a lone add-on) with
 * `cptClaims.workspaceDiagnostics` on in the workspace file; the runner puts a
 * folder `added-folder` (an 837 with a lone add-on) beside it. Adding it to the
 * workspace shows the problems of its file, never opened; removing it clears
 * them, and the first folder keeps its own; a claim file created in the
 * added folder is checked (the file watcher covers it). Before that, with no
 * claim file opened and nothing in the suite activating the extension, the
 * first folder's problems are listed: VS Code started the extension on
 * `workspaceContains`. Every wait is for an event.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, extensionId, ourDiagnostics, ruleIdOf, waitForDiagnostics } from '../suite/editorHelpers';

const loneAddOnClaim = [
  'claim CLM-FOLDERS-0001',
  '  dos: 2026-03-14',
  '  dx: C50.411',
  '',
  '  19284-RT   x1   $400.00   dx=A',
  '',
].join('\n');
const hasLoneAddOn = (diagnostics: vscode.Diagnostic[]) =>
  diagnostics.some((d) => ruleIdOf(d) === 'addon-without-primary');

/** Changes the folders and resolves once VS Code says they changed. */
function changeFolders(change: () => boolean): Promise<vscode.WorkspaceFoldersChangeEvent> {
  return new Promise((resolve, reject) => {
    const subscription = vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      subscription.dispose();
      resolve(event);
    });
    if (!change()) {
      subscription.dispose();
      reject(new Error('VS Code refused the folder change'));
    }
  });
}

/**
 * The workspace file's first folder. The web workbench may start the extension host before it has read the
 * workspace file, and then tells of its folders as a change: that event is waited for.
 */
function firstFolder(): Promise<vscode.WorkspaceFolder> {
  const now = vscode.workspace.workspaceFolders?.[0];
  if (now) {
    return Promise.resolve(now);
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(
        new Error(
          `no workspace folder within 10 s: workspace ${String(vscode.workspace.workspaceFile)}, name ${String(vscode.workspace.name)}`,
        ),
      );
    }, 10000);
    const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
      const first = vscode.workspace.workspaceFolders?.[0];
      if (first) {
        clearTimeout(timer);
        subscription.dispose();
        resolve(first);
      }
    });
  });
}

describe('workspace folders added and removed in the editor', () => {
  // First, before anything here activates the extension: VS Code does, on `workspaceContains` claim files.
  it('starts in a window whose folder holds a claim file, none open, and lists its problems', async () => {
    const first = await firstFolder();
    const inFirst = vscode.Uri.joinPath(first.uri, 'lone-addon.claim');
    await waitForDiagnostics(inFirst, hasLoneAddOn, "the unopened file's lone add-on, with no claim file ever opened");
    assert.equal(vscode.extensions.getExtension(extensionId)?.isActive, true);
    assert.deepEqual(
      vscode.workspace.textDocuments
        .filter((d) => d.languageId === 'claim' || d.languageId === 'x12')
        .map((d) => d.uri.toString()),
      [],
      'no claim file was opened',
    );
  });

  it('checks the files of a folder added to the workspace, and clears them when it is removed', async () => {
    const first = await firstFolder();
    assert.ok(vscode.workspace.workspaceFile, 'a multi-root workspace (opened from its file)');
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    await activateExtension();
    const inFirst = vscode.Uri.joinPath(first.uri, 'lone-addon.claim');
    await waitForDiagnostics(inFirst, hasLoneAddOn, "the first folder's unopened file shows its lone add-on");

    const added = vscode.Uri.joinPath(first.uri, '..', 'added-folder');
    const addedFile = vscode.Uri.joinPath(added, 'lone-19284.837');
    assert.deepEqual(ourDiagnostics(addedFile), [], 'not checked before its folder is added');
    const adding = await changeFolders(() => vscode.workspace.updateWorkspaceFolders(1, 0, { uri: added }));
    assert.deepEqual(
      adding.added.map((folder) => folder.uri.toString()),
      [added.toString()],
    );
    await waitForDiagnostics(addedFile, hasLoneAddOn, "the added folder's 837, never opened, shows its lone add-on");
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === addedFile.toString()),
      'the file was never opened',
    );
    // The server's file watcher covers the added folder too: a claim file created there is checked.
    const created = vscode.Uri.joinPath(added, 'created.claim');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode(loneAddOnClaim));
    await waitForDiagnostics(created, hasLoneAddOn, 'a file created in the added folder shows its lone add-on');

    // The second folder: removing the first would restart the extension host.
    const removing = await changeFolders(() => vscode.workspace.updateWorkspaceFolders(1, 1));
    assert.deepEqual(
      removing.removed.map((folder) => folder.uri.toString()),
      [added.toString()],
    );
    await waitForDiagnostics(addedFile, (d) => d.length === 0, "the removed folder's file is cleared");
    await waitForDiagnostics(created, (d) => d.length === 0, "the removed folder's created file is cleared");
    assert.ok(hasLoneAddOn(ourDiagnostics(inFirst)), 'the first folder keeps its problems');
  });
});
