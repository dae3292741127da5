/**
 * The handlers of moving around claims: the outline, folding, go to
 * definition, rename of a claim id, and find references of a code across the
 * open documents and the workspace's files. Each runs through `runSafely`, so
 * no request can crash the server.
 */
import { Location, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { type FeatureContext, openDocumentWithSettings } from './featureContext';
import { answerInSteps, isLargeDocument } from './answerInSteps';
import { describeError, runSafely } from '../runtime/safeHandler';
import { findWorkspaceReferences } from '../workspace/workspaceReferences';

export function listenForNavigation(context: FeatureContext): void {
  listenForOutlineAndDefinition(context);
  listenForRename(context);
  listenForReferences(context);
}

function listenForOutlineAndDefinition(context: FeatureContext): void {
  const { connection, documents, models, dataFiles } = context;
  // Capped and made in steps (a huge file's outline took 4.45 GB and 32 s at once), between other requests.
  connection.onDocumentSymbol(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return [];
    }
    const { document, settings } = open;
    return answerInSteps(connection, documents, {
      what: 'Document symbols',
      document,
      token,
      fallback: [],
      progressTitle: isLargeDocument(document, settings) ? (fileName) => `Outline of ${fileName}` : undefined,
      run: () => dataFiles.bundledOnly.findDocumentSymbolsInSteps(document, () => models.get(document)),
    });
  });

  connection.onFoldingRanges((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafely(connection, 'Folding ranges', token, [], () =>
      document
        ? dataFiles.bundledOnly.getFoldingRanges(document, models.get(document), context.client.foldingRangeLimit)
        : [],
    );
  });

  // Add-on relations are bundled data, the same with any data file: the bundled service answers without waiting for settings.
  connection.onDefinition((params, token) => {
    const document = documents.get(params.textDocument.uri);
    return runSafely(connection, 'Definition', token, [], () => {
      const links = document
        ? dataFiles.bundledOnly.findDefinition(document, models.around(document, params.position.line), params.position)
        : [];
      return context.client.definitionLinks
        ? links
        : links.map((link) => Location.create(link.targetUri, link.targetSelectionRange));
    });
  });
}

// A refused rename is answered with its reason, which the editor shows; it is no failure of the server, so it is not logged.
function listenForRename(context: FeatureContext): void {
  const { connection, documents, models, dataFiles } = context;
  connection.onPrepareRename((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const prepared = runSafely(connection, 'Prepare rename', token, null, () =>
      document
        ? dataFiles.bundledOnly.prepareRename(document, models.around(document, params.position.line), params.position)
        : null,
    );
    if (prepared && 'refusal' in prepared) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.refusal);
    }
    return prepared;
  });

  connection.onRenameRequest((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const edit = runSafely(connection, 'Rename', token, null, () =>
      document
        ? dataFiles.bundledOnly.doRename(
            document,
            models.around(document, params.position.line),
            params.position,
            params.newName,
          )
        : null,
    );
    if (edit && 'refusal' in edit) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, edit.refusal);
    }
    return edit;
  });
}

function listenForReferences(context: FeatureContext): void {
  const { connection, documents, models, dataFiles } = context;
  connection.onReferences(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return [];
    }
    const { document } = open;
    const service = dataFiles.bundledOnly;
    const found = runSafely(connection, 'References', token, null, () =>
      service.findCodeReferences(document, models.get(document), params.position, params.context),
    );
    if (!found) {
      return [];
    }
    // Other open documents are searched in their current text, which wins over the file on disk.
    const inOpenDocuments = runSafely(connection, 'References', token, [], () =>
      documents
        .all()
        .flatMap((other) =>
          other === document ? [] : service.findCodeOccurrences(other, models.get(other), found.code),
        ),
    );
    let onDisk: Location[] | undefined;
    try {
      onDisk = await findWorkspaceReferences(found.code, {
        folders: context.workspaceFolders(),
        trusted: dataFiles.trusted,
        isOpen: (uri) => documents.get(uri) !== undefined,
        service,
        maxBytes: open.settings.skipCheckAboveMB * 1_000_000,
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
}
