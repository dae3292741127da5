/**
 * The thin language server: wires LSP requests to the pure language service.
 * It holds the open documents, their parsed models and their settings, and
 * nothing else; every feature lives in `service/`.
 */
import {
  type CancellationToken,
  CodeActionKind,
  type CompletionList,
  type Connection,
  DocumentDiagnosticReportKind,
  type InitializeResult,
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
import { listenForDataInUse } from './dataInUse';
import { type ClaimDocumentModel, type ClaimSettings, type DocumentValidator, semanticTokensLegend } from './service/languageService';

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
  let workspaceFolders: string[] = [];

  const refreshDiagnostics = () => {
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
  // A data file changed on disk: every document is checked again with the new data.
  const dataFiles = new DataFiles(connection, () => workspaceFolders, refreshDiagnostics, { rulesDocsBase: new URL('../docs/rules/', pathToFileURL(__filename)).href });
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

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folderUris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    pullDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    diagnosticRefresh = capabilities.workspace?.diagnostics?.refreshSupport === true;
    settings.supportsConfigurationRequest = capabilities.workspace?.configuration === true;
    dataInUse.readCapabilities(capabilities);
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
      },
      serverInfo: { name: serverName, version: serverVersion },
    };
    if (pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: 'cpt-claims', interFileDependencies: false, workspaceDiagnostics: false };
    }
    return result;
  });

  // Notification handlers run through runSafely too: vscode-jsonrpc would log a thrown error's message, which may quote claim text.
  connection.onDidChangeConfiguration((change) =>
    runSafely(connection, 'Configuration change', undefined, undefined, () => {
      settings.changed(change.settings);
      refreshDiagnostics();
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
    }),
  );

  connection.languages.diagnostics.on(async (params, token) => {
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

  connection.onShutdown(() => dataFiles.dispose());

  documents.listen(connection);
  connection.listen();
  return {
    heldFor: (uri) => ({ document: documents.get(uri), model: models.peek(uri), validator: checks.validatorOf(uri) }),
    heldUris: () => [...new Set([...documents.keys(), ...models.uris(), ...checks.uris(), ...settings.uris(), ...publisher.pendingUris()])],
  };
}
