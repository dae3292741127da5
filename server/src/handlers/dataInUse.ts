/**
 * What data a document is checked with, for the editor's status bar: the
 * bundled data, or the licensed descriptor files and the MUE file (with its
 * quarter) its settings name; and a request to read the data files again.
 * These are extensions to LSP, answered for any client; the server tells a
 * client that the data in use may have changed only when it says it listens
 * (`experimental.cptClaimsDataInUse`), so other editors get no unknown
 * notifications.
 */
import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataFiles } from '../dataFiles/dataFiles';
import type { DocumentSettings } from '../settings/documentSettings';
import { describeError } from '../runtime/safeHandler';

/** `{ uri }` → `DataInUse`. */
const dataInUseRequest = 'cptClaims/dataInUse';
/** No parameters: every data file is read again (and its problems reported again), then documents are checked again. */
const reloadDataRequest = 'cptClaims/reloadData';
/** Server → client, no parameters: settings or data files changed, so ask again. */
const dataInUseChangedNotification = 'cptClaims/dataInUseChanged';

/** A data file the settings name that is not used, and why (the reason never quotes the file's content). */
interface UnusedDataFile {
  name: string;
  reason: string;
}

export interface DataInUse {
  /** Names of the licensed descriptor files in use, in the settings' order; empty: the bundled summaries. */
  descriptorFiles: string[];
  /** The name of the MUE file in use, if any. */
  mueFile?: string;
  /** The quarter or date the MUE file names in its preamble, when it does. */
  muePeriod?: string;
  /** Files the settings name that cannot be used. */
  notUsed: UnusedDataFile[];
}

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
): DataInUseSupport {
  let clientListens = false;
  connection.onRequest(dataInUseRequest, async (params: unknown): Promise<DataInUse | null> => {
    const uri = typeof params === 'object' && params !== null ? (params as Record<string, unknown>)['uri'] : undefined;
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
  connection.onRequest(reloadDataRequest, () => {
    try {
      dataFiles.reload();
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
        (experimental as Record<string, unknown>)['cptClaimsDataInUse'] === true;
    },
  };
}
