/**
 * The workspace folders' local paths: read at initialize, then kept up to
 * date by `workspace/didChangeWorkspaceFolders` (a folder added to or removed
 * from the window). Only `file:` folders count: the server reads claim files
 * and data files from the local disk.
 */
import { fileURLToPath } from 'node:url';
import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver';

/** The local paths of the folders; a folder that is not a local file URI (another scheme, a host) is left out. */
export function localFolderPaths(folderUris: readonly string[]): string[] {
  const paths: string[] = [];
  for (const uri of folderUris) {
    if (!uri.startsWith('file:')) {
      continue;
    }
    try {
      paths.push(fileURLToPath(uri));
    } catch {
      // `file://host/share`: not a path this machine can read.
    }
  }
  return [...new Set(paths)];
}

/** The folders after a change: the removed ones gone, the added ones at the end, each once. */
export function changedFolders(current: readonly string[], event: WorkspaceFoldersChangeEvent): string[] {
  const removed = new Set(localFolderPaths(uris(event.removed)));
  const kept = current.filter((folder) => !removed.has(folder));
  return [...new Set([...kept, ...localFolderPaths(uris(event.added))])];
}

function uris(folders: unknown): string[] {
  // A client may leave a list out instead of sending it empty; junk in it is skipped, not thrown on.
  if (!Array.isArray(folders)) {
    return [];
  }
  return (folders as unknown[]).flatMap((folder) => {
    const uri = typeof folder === 'object' && folder !== null ? (folder as { uri?: unknown }).uri : undefined;
    return typeof uri === 'string' ? [uri] : [];
  });
}
