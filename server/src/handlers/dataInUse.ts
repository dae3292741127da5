/**
 * What data a document is checked with, for the editor's status bar: the
 * bundled data, or the licensed descriptor files and the MUE file (with its
 * quarter) its settings name; and a request to read the data files again.
 * These are extensions to LSP (their names and payloads are in
 * shared/src/protocol.ts), answered for any client; the server tells a
 * client that the data in use may have changed only when it says it listens
 * (`experimental.cptClaimsDataInUse`), so other editors get no unknown
 * notifications.
 */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataFiles } from '../dataFiles/dataFiles';
import type { DocumentSettings } from '../settings/documentSettings';
import { describeError } from '../runtime/safeHandler';
import {
  type DataInUse,
  type DataInUseParams,
  dataInUseCapability,
  dataInUseChangedNotification,
  dataInUseRequest,
  reloadDataRequest,
  type Unchecked,
} from '../../../shared/src/protocol';

interface DataInUseSupport {
  /** Tell a listening client the data in use may have changed. */
  notifyChanged(): void;
  /** Read from the client's capabilities at initialize. */
  readCapabilities(capabilities: ClientCapabilities): void;
}

export function listenForDataInUse(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  settings: DocumentSettings,
  dataFiles: DataFiles,
  reloadDataFolder: () => void = () => undefined,
): DataInUseSupport {
  let clientListens = false;
  // Registered by method name, not by type: the handlers check what a client sent themselves (given a type, the
  // library would answer a request without params with an error of its own).
  connection.onRequest(dataInUseRequest.method, async (params: unknown): Promise<DataInUse | null> => {
    const uri = typeof params === 'object' && params !== null ? (params as Unchecked<DataInUseParams>).uri : undefined;
    if (typeof uri !== 'string') {
      return null;
    }
    try {
      const documentSettings = await settings.forDocument(uri);
      if (!documents.get(uri)) {
        // Settings read for a document the server does not hold are not kept: closing it would never clear them.
        settings.forget(uri);
      }
      return dataFiles.dataInUse(uri, documentSettings);
    } catch (error) {
      connection.console.error(`Data in use failed: ${describeError(error)}`);
      return null;
    }
  });
  connection.onRequest(reloadDataRequest.method, () => {
    try {
      dataFiles.reload();
      reloadDataFolder();
    } catch (error) {
      connection.console.error(`Reloading the data files failed: ${describeError(error)}`);
    }
    return null;
  });
  return {
    notifyChanged() {
      if (clientListens) {
        connection.sendNotification(dataInUseChangedNotification).catch(() => undefined);
      }
    },
    readCapabilities(capabilities) {
      const experimental: unknown = capabilities.experimental;
      clientListens =
        typeof experimental === 'object' &&
        experimental !== null &&
        (experimental as Record<string, unknown>)[dataInUseCapability] === true;
    },
  };
}
