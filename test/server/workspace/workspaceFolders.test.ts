/**
 * The workspace folders' local paths, at initialize and after
 * `workspace/didChangeWorkspaceFolders` (issue 8): only local `file:`
 * folders, each once, removed ones gone and added ones appended.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { changedFolders, localFolderPaths } from '../../../server/src/workspace/workspaceFolders';

const base = path.resolve('/work/claims');
const folderA = path.join(base, 'a');
const folderB = path.join(base, 'b');
const folderC = path.join(base, 'c with space');

function folder(local: string): WorkspaceFolder {
  return { uri: pathToFileURL(local).toString(), name: path.basename(local) };
}

describe('workspace folders', () => {
  it('keeps the local file folders, each once, and leaves out other schemes and file URIs with a host', () => {
    const uris = [
      folder(folderA).uri,
      'vscode-vfs://github/org/repo',
      folder(folderC).uri,
      'file://server/share/claims',
      folder(folderA).uri,
    ];
    assert.deepEqual(localFolderPaths(uris), [folderA, folderC]);
  });

  it('removes the removed folders and appends the added ones', () => {
    const after = changedFolders([folderA, folderB], { added: [folder(folderC)], removed: [folder(folderA)] });
    assert.deepEqual(after, [folderB, folderC]);
  });

  it('adds a folder already there once, and ignores the removal of one it never had', () => {
    const after = changedFolders([folderA], {
      added: [folder(folderA), folder(folderB), folder(folderB)],
      removed: [folder(folderC)],
    });
    assert.deepEqual(after, [folderA, folderB]);
  });

  it('takes a folder removed and added in the same change as added', () => {
    assert.deepEqual(changedFolders([folderA, folderB], { added: [folder(folderA)], removed: [folder(folderA)] }), [
      folderB,
      folderA,
    ]);
  });

  it('survives a change that leaves a list out or holds junk', () => {
    const junk = { added: undefined, removed: [null, { uri: 42 }, folder(folderB)] } as unknown as Parameters<
      typeof changedFolders
    >[1];
    assert.deepEqual(changedFolders([folderA, folderB], junk), [folderA]);
  });
});
