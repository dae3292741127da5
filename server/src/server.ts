/**
 * The thin language server: wires LSP requests to the pure language service.
 * It holds the open documents, their parsed models and their settings, and
 * nothing else; every feature lives in `service/`.
 */
import {
  type CancellationToken,
  CodeActionKind,
  type CodeLens,
  CodeLensRefreshRequest,
  type CompletionList,
  type Connection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  type InitializeResult,
  Location,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { charactersPerMB, DocumentChecks } from './documentChecks';
import { DocumentModels } from './documentModels';
import { DocumentSettings } from './documentSettings';
import { describeError, runSafely } from './safeHandler';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataFiles } from './dataFiles';
import { conversionCommands, runConversion } from './conversionCommands';
import { listenForDataInUse } from './dataInUse';
import { type ClaimDocumentModel, type ClaimSettings, type DocumentValidator, type FormatRequest, semanticTokensLegend, type X12Layout } from './service/languageService';
import { runX12LayoutCommand, x12LayoutCommands, x12LayoutEdits } from './x12LayoutCommands';
import { FolderSettingsReader } from './folderSettings';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { findWorkspaceReferences } from './workspaceReferences';

export const serverName = 'CPT Claims language server';
/** Kept equal to package.json's version by the manifest test. */
export const serverVersion = '0.1.0';
/** Sent by the VS Code client when the user trusts the workspace. */
export const workspaceTrustedNotification = 'cptClaims/workspaceTrusted';

/** What the server holds for one document: each is undefined once the document is closed. */
export interface HeldDocumentState {
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

export function startServer(connection: Connection): RunningServer {
  const documents = new TextDocuments(TextDocument);
  const settings = new DocumentSettings(connection);
  let pullDiagnostics = false;
  let diagnosticRefresh = false;
  let versionedEdits = false;
  let inlayHintRefresh = false;
  let codeLensRefresh = false;
  let workspaceFolders: string[] = [];
  let watchFilesDynamically = false;
  let definitionLinks = false;
  let foldingRangeLimit: number | undefined;

  const refreshDiagnostics = () => {
    workspace.refresh();
    if (pullDiagnostics) {
      // Only a client that declared refresh support may be asked; it pulls again on its own otherwise.
      // A failed request must not become an unhandled rejection, which ends the process.
      if (diagnosticRefresh) {
        connection.languages.diagnostics.refresh().catch((error: unknown) => connection.console.error(`Diagnostic refresh failed: ${describeError(error)}`));
      }
    } else {
      documents.all().forEach((document) => publisher.schedule(document));
    }
    // Settings, trust or a data file changed: the status bar asks again what data is in use.
    dataInUse.notifyChanged();
  };
  // Hints and lenses read settings and data too; only a client that declared refresh support may be asked.
  const refreshHintsAndLenses = () => {
    const failed = (error: unknown) => connection.console.error(`Inlay hint or CodeLens refresh failed: ${describeError(error)}`);
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
  // A data file changed on disk: every document is checked again with the new data.
  const dataFiles = new DataFiles(connection, () => workspaceFolders, refreshAll, { rulesDocsBase: new URL('../docs/rules/', pathToFileURL(__filename)).href });
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
    return checks.diagnostics(document, dataFiles.serviceFor(document.uri, documentSettings), documentSettings, token);
  };
  const publisher = new DiagnosticsPublisher(connection, documents, validate);
  const dataInUse = listenForDataInUse(connection, documents, settings, dataFiles);
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

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    diagnosticRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    inlayHintRefresh = capabilities.workspace?.inlayHint?.refreshSupport === true;
    codeLensRefresh = capabilities.workspace?.codeLens?.refreshSupport === true;
    settings.supportsConfigurationRequest = capabilities.workspace?.configuration === true;
    dataInUse.readCapabilities(capabilities);
    folderSettings.supportsConfigurationRequest = settings.supportsConfigurationRequest;
    workspace.pullMode = pullDiagnostics;
    watchFilesDynamically = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    definitionLinks = capabilities.textDocument?.definition?.linkSupport === true;
    foldingRangeLimit = capabilities.textDocument?.foldingRange?.rangeLimit;
    versionedEdits = capabilities.workspace?.workspaceEdit?.documentChanges === true;
    // VS Code's client says whether the workspace is trusted; other editors say nothing and are trusted.
    const options: unknown = params.initializationOptions;
    dataFiles.trusted = !(typeof options === 'object' && options !== null && (options as Record<string, unknown>)['workspaceTrusted'] === false);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['-', ' ', '=', ','], resolveProvider: false },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: { label: 'Claims' },
        semanticTokensProvider: { legend: semanticTokensLegend, full: true, range: true },
        referencesProvider: true,
        foldingRangeProvider: true,
        definitionProvider: true,
        renameProvider: capabilities.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        executeCommandProvider: { commands: [...Object.keys(x12LayoutCommands), ...conversionCommands] },
        inlayHintProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: true },
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
    if (pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'cpt-claims', interFileDependencies: false, workspaceDiagnostics: true };
    }
    return result;
  });

  connection.onInitialized(() => {
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
  });

  connection.onDidChangeWatchedFiles(() => runSafely(connection, 'Watched files', undefined, undefined, () => workspace.filesChanged()));

  // Notification handlers run through runSafely too: vscode-jsonrpc would log a thrown error's message, which may quote claim text.
  connection.onDidChangeConfiguration((change) =>
    runSafely(connection, 'Configuration change', undefined, undefined, () => {
      settings.changed(change.settings);
      folderSettings.changed(change.settings);
      refreshAll();
    }),
  );

  // Trust, once granted, lasts the session (VS Code cannot take it back without a restart).
  connection.onNotification(workspaceTrustedNotification, () => runSafely(connection, 'Workspace trust', undefined, undefined, () => dataFiles.grantTrust()));

  documents.onDidChangeContent(({ document }) =>
    runSafely(connection, 'Document change', undefined, undefined, () => {
      // A check of the previous version still going is of no use now.
      checks.abandon(document.uri);
      if (!pullDiagnostics) {
        publisher.schedule(document);
      }
    }),
  );

  documents.onDidClose(({ document }) =>
    runSafely(connection, 'Document close', undefined, undefined, () => {
      models.delete(document.uri);
      checks.forget(document.uri);
      settings.forget(document.uri);
      if (!pullDiagnostics) {
        publisher.clear(document.uri);
      }
      workspace.documentClosed(document.uri);
    }),
  );

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
        return { kind: DocumentDiagnosticReportKind.Full, items };
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

  connection.onHover(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    if (!document || !documentSettings) {
      return null;
    }
    const service = dataFiles.serviceFor(document.uri, documentSettings);
    return runSafely(connection, 'Hover', token, null, () => service.doHover(document, models.around(document, params.position.line), params.position));
  });

  connection.onCompletion(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    const empty: CompletionList = { isIncomplete: false, items: [] };
    if (!document || !documentSettings) {
      return empty;
    }
    const service = dataFiles.serviceFor(document.uri, documentSettings);
    return runSafely(connection, 'Completion', token, empty, () => service.doComplete(document, models.around(document, params.position.line), params.position));
  });

  connection.onCodeAction(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    if (!document || !documentSettings) {
      return [];
    }
    const service = dataFiles.serviceFor(document.uri, documentSettings);
    return runSafely(connection, 'Code actions', token, [], () =>
      service.getCodeActions(document, models.around(document, params.range.start.line, params.range.end.line), params.range, params.context, documentSettings),
    );
  });

  connection.onDocumentSymbol((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafely(connection, 'Document symbols', token, [], () => (document ? dataFiles.bundledOnly.findDocumentSymbols(document, models.get(document)) : []));
  });

  connection.onFoldingRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafely(connection, 'Folding ranges', token, [], () => (document ? dataFiles.bundledOnly.getFoldingRanges(document, models.get(document), foldingRangeLimit) : []));
  });

  // Add-on relations are bundled data, the same with any data file: the bundled service answers without waiting for settings.
  connection.onDefinition((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafely(connection, 'Definition', token, [], () => {
      const links = document ? dataFiles.bundledOnly.findDefinition(document, models.around(document, params.position.line), params.position) : [];
      return definitionLinks ? links : links.map((link) => Location.create(link.targetUri, link.targetSelectionRange));
    });
  });

  // A refused rename is answered with its reason, which the editor shows; it is no failure of the server, so it is not logged.
  connection.onPrepareRename((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const prepared = runSafely(connection, 'Prepare rename', token, null, () => (document ? dataFiles.bundledOnly.prepareRename(document, models.around(document, params.position.line), params.position) : null));
    if (prepared && 'refusal' in prepared) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.refusal);
    }
    return prepared;
  });

  connection.onRenameRequest((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const edit = runSafely(connection, 'Rename', token, null, () => (document ? dataFiles.bundledOnly.doRename(document, models.around(document, params.position.line), params.position, params.newName) : null));
    if (edit && 'refusal' in edit) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, edit.refusal);
    }
    return edit;
  });

  // Formatting needs no data files; the model is read only for X12 files (a `.claim` file is formatted from its text).
  const format = async (uri: string, token: CancellationToken, request: (documentSettings: ClaimSettings) => FormatRequest) => {
    const document = documents.get(uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    if (!document || !documentSettings) {
      return [];
    }
    return runSafely(connection, 'Formatting', token, [], () => dataFiles.bundledOnly.format(document, () => models.get(document), request(documentSettings)));
  };
  connection.onDocumentFormatting((params, token) => format(params.textDocument.uri, token, (s) => ({ options: params.options, x12Layout: s.x12Layout ?? 'keep' })));
  connection.onDocumentRangeFormatting((params, token) =>
    format(params.textDocument.uri, token, (s) => ({ options: params.options, range: params.range, x12Layout: s.x12Layout ?? 'keep' })),
  );
  // One handler for every command (the connection takes only one): conversions answer with text, layouts apply edits.
  connection.onExecuteCommand(async (params, token) => {
    if ((conversionCommands as readonly string[]).includes(params.command)) {
      return runSafely(connection, 'Conversion', token, null, () => runConversion(params, (uri) => documents.get(uri), models, dataFiles.bundledOnly));
    }
    if (!Object.hasOwn(x12LayoutCommands, params.command)) {
      return null;
    }
    const editsFor = (document: TextDocument | undefined, layout: X12Layout) =>
      runSafely(connection, 'X12 layout', undefined, undefined, () => x12LayoutEdits(dataFiles.bundledOnly, models, document, layout));
    return runX12LayoutCommand(connection, documents, editsFor, params, versionedEdits).catch((error: unknown) => {
      connection.console.error(`X12 layout failed: ${describeError(error)}`);
      return false;
    });
  });

  // Inlay hints read only the claims of the range shown; CodeLens finds claim starts, and resolving one reads its claim alone.
  connection.languages.inlayHint.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    if (!document || !documentSettings) {
      return [];
    }
    const service = dataFiles.serviceFor(document.uri, documentSettings);
    const { start, end } = params.range;
    return runSafely(connection, 'Inlay hints', token, [], () => service.getInlayHints(document, models.around(document, start.line, end.line), params.range, documentSettings));
  });

  connection.onCodeLens((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafely(connection, 'CodeLens', token, [], () => (document ? dataFiles.bundledOnly.getCodeLenses(document, models.around(document, 0)) : []));
  });

  connection.onCodeLensResolve(async (lens, token): Promise<CodeLens> => {
    const data = lens.data as { uri?: unknown; position?: { line?: unknown } } | undefined;
    const document = typeof data?.uri === 'string' ? documents.get(data.uri) : undefined;
    const documentSettings = document && (await settingsWhileOpen(document));
    const unresolved: CodeLens = { ...lens, command: { title: '', command: '' } };
    if (!document || !documentSettings) {
      return unresolved;
    }
    const service = dataFiles.serviceFor(document.uri, documentSettings);
    const line = typeof data?.position?.line === 'number' ? data.position.line : 0;
    return runSafely(connection, 'CodeLens resolve', token, unresolved, () => service.resolveCodeLens(document, models.around(document, line), lens, documentSettings));
  });

  connection.onReferences(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    if (!document || !documentSettings) {
      return [];
    }
    const service = dataFiles.bundledOnly;
    const found = runSafely(connection, 'References', token, null, () => service.findCodeReferences(document, models.get(document), params.position, params.context));
    if (!found) {
      return [];
    }
    // Other open documents are searched in their current text, which wins over the file on disk.
    const inOpenDocuments = runSafely(connection, 'References', token, [], () =>
      documents.all().flatMap((other) => (other === document ? [] : service.findCodeOccurrences(other, models.get(other), found.code))),
    );
    let onDisk: Location[] | undefined;
    try {
      onDisk = await findWorkspaceReferences(found.code, {
        folders: workspaceFolders,
        trusted: dataFiles.trusted,
        isOpen: (uri) => documents.get(uri) !== undefined,
        service,
        maxBytes: documentSettings.skipCheckAboveMB * 1_000_000,
        token,
      });
    } catch (error) {
      connection.console.error(`References in workspace files failed: ${describeError(error)}`);
      onDisk = [];
    }
    if (onDisk === undefined) {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The references request was cancelled.');
    }
    return [...found.locations, ...inOpenDocuments, ...onDisk];
  });

  // Tokens depend on code facts only (add-on, deleted, modifier kind), never on a licensed file. A range reads just the claims around it.
  connection.languages.semanticTokens.on(async (params, token) => {
    const document = documents.get(params.textDocument.uri);
    const documentSettings = document && (await settingsWhileOpen(document));
    if (!document || !documentSettings) {
      return { data: [] };
    }
    if (document.getText().length > documentSettings.backgroundCheckAboveMB * charactersPerMB) {
      // A large file is not read whole per edit for colours: declined, VS Code asks for the visible ranges instead.
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The file is larger than cptClaims.backgroundCheckAboveMB: semantic tokens are given by range.');
    }
    return runSafely(connection, 'Semantic tokens', token, { data: [] }, () => dataFiles.bundledOnly.getSemanticTokens(document, models.get(document)));
  });
  connection.languages.semanticTokens.onRange((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const { start, end } = params.range;
    return runSafely(connection, 'Semantic tokens', token, { data: [] }, () =>
      document ? dataFiles.bundledOnly.getSemanticTokens(document, models.around(document, start.line, end.line), params.range) : { data: [] },
    );
  });

  connection.onShutdown(() => {
    workspace.dispose();
    dataFiles.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return {
    heldFor: (uri) => ({ document: documents.get(uri), model: models.peek(uri), validator: checks.validatorOf(uri) }),
    heldUris: () => [...new Set([...documents.keys(), ...models.uris(), ...checks.uris(), ...settings.uris(), ...publisher.pendingUris()])],
  };
}
