/**
 * The thin language server: wires LSP requests to the pure language service.
 * It holds the open documents, their parsed models and their settings, and
 * nothing else; every feature lives in `service/`.
 */
import {
  type CancellationToken,
  CodeActionKind,
  CodeLensRefreshRequest,
  type Connection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher, pushDelayMs } from './documents/diagnosticsPublisher';
import { PullReports } from './documents/pullReports';
import { DocumentChecks } from './documents/documentChecks';
import { DocumentModels } from './documents/documentModels';
import { openDocuments } from './documents/openDocument';
import { DocumentSettings } from './settings/documentSettings';
import { describeError, runSafely } from './runtime/safeHandler';
import { pathToFileURL } from 'node:url';
import { DataFiles } from './dataFiles/dataFiles';
import { DataFolderLoader } from './dataFiles/dataFolderLoader';
import { listenForDataInUse } from './handlers/dataInUse';
import { listenForEditorFeatures } from './handlers/editorFeatureHandlers';
import type { ClientFeatures, FeatureContext } from './handlers/featureContext';
import { listenForNavigation } from './handlers/navigationHandlers';
import {
  type ClaimDocumentModel,
  type ClaimSettings,
  completionTriggerCharacters,
  defaultSettings,
  type DocumentValidator,
  readSettings,
  semanticTokensLegend,
} from './service';
import { FolderSettingsReader } from './settings/folderSettings';
import { WorkspaceDiagnostics } from './workspace/workspaceDiagnostics';
import { changedFolders, localFolderPaths } from './workspace/workspaceFolders';
import { WorkspaceProcedures } from './workspace/workspaceProcedures';
import {
  type InitializationOptions,
  serverCommands,
  settingsSection,
  type Unchecked,
  workspaceTrustedNotification,
} from '../../shared/src/protocol';

export const serverName = 'CPT Claims language server';
/** Kept equal to package.json's version by the manifest test. */
export const serverVersion = '0.1.0';

/** What the server holds for one document: each is undefined once the document is closed. */
interface HeldDocumentState {
  document: TextDocument | undefined;
  model: ClaimDocumentModel | undefined;
  validator: DocumentValidator | undefined;
}

/** A view of the per-document state, so tests can check that closing a document lets all of it go. */
export interface RunningServer {
  heldFor(uri: string): HeldDocumentState;
  /** Every uri some per-document store (documents, models, validators, settings, pending pushes) still holds. */
  heldUris(): string[];
}

export interface ServerOptions {
  /** The server's own script, which imports a data folder in a worker thread; absent: in this thread. */
  workerScript?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): RunningServer {
  // Our own documents, not the library's: their line table is built during the check, not on the first request.
  const documents = new TextDocuments(openDocuments);
  const settings = new DocumentSettings(connection);
  let pullDiagnostics = false;
  let diagnosticRefresh = false;
  let inlayHintRefresh = false;
  let codeLensRefresh = false;
  let workspaceFolders: string[] = [];
  let watchFilesDynamically = false;
  let folderChanges = false;
  const client: ClientFeatures = { definitionLinks: false, foldingRangeLimit: undefined, versionedEdits: false };

  const refreshDiagnostics = () => {
    workspace.refresh();
    if (pullDiagnostics) {
      // Only a client that declared refresh support may be asked; it pulls again on its own otherwise.
      // A failed request must not become an unhandled rejection, which ends the process.
      if (diagnosticRefresh) {
        connection.languages.diagnostics
          .refresh()
          .catch((error: unknown) => connection.console.error(`Diagnostic refresh failed: ${describeError(error)}`));
      }
    } else {
      documents.all().forEach((document) => publisher.schedule(document));
    }
    // Settings, trust or a data file changed: the status bar asks again what data is in use.
    dataInUse.notifyChanged();
  };
  // Hints and lenses read settings and data too; only a client that declared refresh support may be asked.
  const refreshHintsAndLenses = () => {
    const failed = (error: unknown) =>
      connection.console.error(`Inlay hint or CodeLens refresh failed: ${describeError(error)}`);
    if (inlayHintRefresh) {
      connection.languages.inlayHint.refresh().catch(failed);
    }
    if (codeLensRefresh) {
      connection.sendRequest(CodeLensRefreshRequest.type).catch(failed);
    }
  };
  const refreshAll = () => {
    refreshDiagnostics();
    refreshHintsAndLenses();
  };
  // The workspace's procedures by patient (global-surgery across files), kept only while a fee schedule is loaded.
  const procedures: WorkspaceProcedures = new WorkspaceProcedures({
    folders: () => workspaceFolders,
    trusted: (): boolean => dataFiles.trusted,
    openDocuments: () => documents.all(),
    isOpen: (uri) => documents.get(uri) !== undefined,
    modelOf: (document) => models.get(document),
    maxBytes: async () => {
      const folder = workspaceFolders[0];
      const values =
        folder === undefined ? defaultSettings : (await folderSettings.forFolder(pathToFileURL(folder).href)).claim;
      return values.skipCheckAboveMB * 1_000_000;
    },
    recheck: (uris) => {
      uris.forEach((uri) => checks.abandon(uri));
      if (!pullDiagnostics) {
        uris.forEach((uri) => {
          const document = documents.get(uri);
          if (document) {
            publisher.schedule(document);
          }
        });
      } else if (diagnosticRefresh) {
        connection.languages.diagnostics
          .refresh()
          .catch((error: unknown) => connection.console.error(`Diagnostic refresh failed: ${describeError(error)}`));
      }
    },
    log: (message) => connection.console.error(message),
  });
  // A data file changed on disk: every document is checked again with the new data.
  const dataFiles = new DataFiles(connection, () => workspaceFolders, refreshAll, {
    rulesDocsBase: new URL('../docs/rules/', pathToFileURL(__filename)).href,
    workspaceProcedures: procedures.index,
  });
  // The data folder is read in the background; when it has been, every document is checked again with its tables.
  const dataFolder = new DataFolderLoader(
    connection,
    (data) => {
      procedures.setOfficialData(data);
      dataFiles.setOfficialData(data);
    },
    options.workerScript === undefined ? {} : { workerScript: options.workerScript },
  );
  /** `cptClaims.dataFolder` is the machine's, not a document's: read without a scope, or from the pushed settings. */
  const readDataFolderSetting = (pushedSettings?: unknown) => {
    const pushed =
      typeof pushedSettings === 'object' && pushedSettings !== null
        ? (pushedSettings as Record<string, unknown>)[settingsSection]
        : undefined;
    const read = settings.supportsConfigurationRequest
      ? connection.workspace.getConfiguration({ section: settingsSection }).then(readSettings)
      : Promise.resolve(readSettings(pushed));
    // A failed request changes nothing: the folder in use stays.
    read.then(
      (values) => dataFolder.configure(values.dataFolder),
      (error: unknown) => connection.console.error(`Reading cptClaims.dataFolder failed: ${describeError(error)}`),
    );
  };
  // Parsing does not depend on the data files, so one parser serves every document.
  const models = new DocumentModels(dataFiles.bundledOnly);
  /**
   * The document's settings, or undefined when it was closed (or closed and opened again) while they were
   * read: work for it must stop there, or it would cache a model or validator that no close will clear.
   */
  const settingsWhileOpen = async (document: TextDocument): Promise<ClaimSettings | undefined> => {
    const documentSettings = await settings.forDocument(document.uri);
    return documents.get(document.uri) === document ? documentSettings : undefined;
  };

  // Each document's checks: at once when small, in the background with progress when large, none when huge.
  const checks = new DocumentChecks(connection, models);
  const validate = async (document: TextDocument, token?: CancellationToken) => {
    const documentSettings = await settingsWhileOpen(document);
    if (!documentSettings || token?.isCancellationRequested) {
      return undefined;
    }
    return checks.diagnostics(
      document,
      dataFiles.serviceFor(document.uri, documentSettings),
      documentSettings,
      token,
      // global-surgery reads other files' procedures: a result is the same only under the same stamp of them.
      procedures.index.stampFor(document.uri),
    );
  };
  const publisher = new DiagnosticsPublisher(connection, documents, validate);
  const dataInUse = listenForDataInUse(connection, documents, settings, dataFiles, () =>
    dataFolder.configure(dataFolder.setting ?? '', true),
  );
  // Workspace problems: the claim files no editor has open, checked from disk when cptClaims.workspaceDiagnostics is on.
  const folderSettings = new FolderSettingsReader(connection);
  const workspace = new WorkspaceDiagnostics(connection, {
    folders: () => workspaceFolders,
    trusted: () => dataFiles.trusted,
    isOpen: (uri) => documents.get(uri) !== undefined,
    openDocuments: () => documents.all().map((document) => ({ uri: document.uri, version: document.version })),
    documentDiagnostics: async (uri) => {
      const document = documents.get(uri);
      if (!document) {
        return undefined;
      }
      const version = document.version;
      const items = await validate(document);
      return items !== undefined && documents.get(uri) === document && document.version === version ? items : undefined;
    },
    settings: folderSettings,
    serviceFor: (uri, fileSettings) => dataFiles.serviceFor(uri, fileSettings),
  });
  // Hover, completion, quick fixes, hints, lenses, tokens, formatting, commands and navigation: each module takes what it needs.
  const features: FeatureContext = {
    connection,
    documents,
    models,
    dataFiles,
    client,
    workspaceFolders: () => workspaceFolders,
    settingsWhileOpen,
  };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    workspaceFolders = localFolderPaths(
      params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []),
    );
    folderChanges = capabilities.workspace?.workspaceFolders === true;
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    diagnosticRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    inlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    settings.supportsConfigurationRequest = capabilities.workspace?.configuration === true;
    dataInUse.readCapabilities(capabilities);
    folderSettings.supportsConfigurationRequest = settings.supportsConfigurationRequest;
    workspace.pullMode = pullDiagnostics;
    watchFilesDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    client.definitionLinks = capabilities.textDocument?.definition?.linkSupport === true;
    client.foldingRangeLimit = capabilities.textDocument?.foldingRange?.rangeLimit;
    client.versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    // VS Code's client says whether the workspace is trusted; other editors say nothing and are trusted.
    const options: unknown = params.initializationOptions;
    const initialization: Unchecked<InitializationOptions> =
      typeof options === 'object' && options !== null ? options : {};
    dataFiles.trusted = initialization.workspaceTrusted !== false;
    dataFolder.initialize(capabilities, initialization.cacheFolder);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [...completionTriggerCharacters], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Claims' },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
        referencesProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        executeCommandProvider: { commands: [...serverCommands] },
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: true },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
    if (pullDiagnostics) {
      result.capabilities.diagnosticProvider = {
        identifier: 'cpt-claims',
        interFileDependencies: false,
        workspaceDiagnostics: true,
      };
    }
    return result;
  });

  connection.onInitialized(() => {
    readDataFolderSetting();
    // Without a watcher, changes on disk are found when a scan is asked for (each workspace pull); nothing polls.
    if (watchFilesDynamically) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{claim,837,x12,edi}' }] })
        .then(() => {
          workspace.watching = true;
        })
        .catch((error: unknown) => connection.console.error(`Watching claim files failed: ${describeError(error)}`));
    }
    if (!pullDiagnostics) {
      workspace.requestPushScan();
    }
    // A folder added or removed: what was found with the old folders is stale (a file's settings and a relative data
    // file's path depend on its folder), so settings are read again and everything is checked again.
    // The library hands the notification over only to a client that declared workspace folders (and throws otherwise).
    if (folderChanges) {
      connection.workspace.onDidChangeWorkspaceFolders((change) =>
        runSafely(connection, 'Workspace folders', undefined, undefined, () => {
          workspaceFolders = changedFolders(workspaceFolders, change);
          settings.readAgain();
          folderSettings.readAgain();
          procedures.rebuild();
          refreshAll();
        }),
      );
    }
  });

  connection.onDidChangeWatchedFiles((params) =>
    runSafely(connection, 'Watched files', undefined, undefined, () => {
      workspace.filesChanged();
      params.changes.forEach((change) => procedures.fileChanged(change.uri));
    }),
  );

  // Notification handlers run through runSafely too: vscode-jsonrpc would log a thrown error's message, which may quote claim text.
  connection.onDidChangeConfiguration((change) =>
    runSafely(connection, 'Configuration change', undefined, undefined, () => {
      settings.changed(change.settings);
      folderSettings.changed(change.settings);
      readDataFolderSetting(change.settings);
      refreshAll();
    }),
  );

  // Trust, once granted, lasts the session (VS Code cannot take it back without a restart). By method name, like the
  // data-in-use requests: given a type, the library would log complaints of its own about a client's params.
  connection.onNotification(workspaceTrustedNotification.method, () =>
    runSafely(connection, 'Workspace trust', undefined, undefined, () => {
      dataFiles.grantTrust();
      procedures.rebuild();
    }),
  );

  // Documents whose open has not yet reached onDidChangeContent, which the library fires right after onDidOpen.
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => justOpened.add(document.uri));
  documents.onDidChangeContent(({ document }) =>
    runSafely(connection, 'Document change', undefined, undefined, () => {
      const opened = justOpened.delete(document.uri);
      // A check of the previous version still going is of no use now.
      checks.abandon(document.uri);
      procedures.documentChanged(document);
      if (!pullDiagnostics) {
        // An opened document is checked at once: the pause waits for typing to stop, and there was none.
        publisher.schedule(document, opened ? 0 : pushDelayMs);
      }
    }),
  );

  documents.onDidClose(({ document }) =>
    runSafely(connection, 'Document close', undefined, undefined, () => {
      models.delete(document.uri);
      checks.forget(document.uri);
      pullReports.forget(document.uri);
      settings.forget(document.uri);
      if (!pullDiagnostics) {
        publisher.clear(document.uri);
      }
      workspace.documentClosed(document.uri);
      procedures.documentClosed(document.uri);
    }),
  );

  // Result ids of pulled reports: a pull of a document whose diagnostics are the same array as last time is
  // answered "unchanged" (DocumentChecks returns the same array for the same inputs).
  const pullReports = new PullReports();
  connection.languages.diagnostics.on(async (params, token) => {
    workspace.documentPulled();
    // The latest version wins: when the document changes during a check, the new version is checked and its
    // diagnostics returned; a result for an old version is never returned.
    for (;;) {
      const document = documents.get(params.textDocument.uri);
      if (!document) {
        return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      // Taken now: an incremental change updates the same TextDocument object in place.
      const version = document.version;
      const items = await validate(document, token);
      if (token.isCancellationRequested) {
        throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The diagnostics request was cancelled.');
      }
      if (items !== undefined && documents.get(document.uri) === document && document.version === version) {
        return pullReports.report(document.uri, items, params.previousResultId);
      }
    }
  });

  connection.languages.diagnostics.onWorkspace(async (params, token, _workDone, resultProgress) => {
    try {
      return await workspace.pull(params, token, resultProgress);
    } catch (error) {
      connection.console.error(`Workspace diagnostics failed: ${describeError(error)}`);
      return { items: [] };
    }
  });

  listenForEditorFeatures(features);
  listenForNavigation(features);

  connection.onShutdown(() => {
    workspace.dispose();
    procedures.dispose();
    dataFiles.dispose();
    dataFolder.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return {
    heldFor: (uri) => ({ document: documents.get(uri), model: models.peek(uri), validator: checks.validatorOf(uri) }),
    heldUris: () => [
      ...new Set([
        ...documents.keys(),
        ...models.uris(),
        ...checks.uris(),
        ...settings.uris(),
        ...publisher.pendingUris(),
      ]),
    ],
  };
}
