/**
 * The handlers of the features a coder sees while editing one document:
 * hover, completion, quick fixes, inlay hints, CodeLens, semantic tokens,
 * formatting and the commands behind `workspace/executeCommand`. Each runs
 * through `runSafely`, so no request can crash the server, and reads only the
 * claims around the position or range asked for where it can.
 */
import {
  type CodeLens,
  type CompletionList,
  LSPErrorCodes,
  MessageType,
  type Range,
  ResponseError,
  ShowMessageNotification,
} from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { runConversion } from './conversionCommands';
import { charactersPerMB } from '../documents/documentChecks';
import { answerInSteps, isLargeDocument } from './answerInSteps';
import { fileNameOf } from '../documents/checkProgress';
import { type FeatureContext, openDocumentWithSettings } from './featureContext';
import { describeError, runSafely } from '../runtime/safeHandler';
import type { ClaimSettings, FormatRequest, X12Layout } from '../service';
import { runX12LayoutCommand, x12LayoutEdits, x12LayoutOfCommand } from './x12LayoutCommands';
import { conversionCommands } from '../../../shared/src/protocol';

export function listenForEditorFeatures(context: FeatureContext): void {
  listenForHoverCompletionAndFixes(context);
  listenForHintsAndLenses(context);
  listenForSemanticTokens(context);
  listenForFormattingAndCommands(context);
}

function listenForHoverCompletionAndFixes(context: FeatureContext): void {
  const { connection, models, dataFiles } = context;
  connection.onHover(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return null;
    }
    const { document } = open;
    const service = dataFiles.serviceFor(document.uri, open.settings);
    return runSafely(connection, 'Hover', token, null, () =>
      service.doHover(document, models.around(document, params.position.line), params.position),
    );
  });

  connection.onCompletion(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    const empty: CompletionList = { isIncomplete: false, items: [] };
    if (!open) {
      return empty;
    }
    const { document } = open;
    const service = dataFiles.serviceFor(document.uri, open.settings);
    return runSafely(connection, 'Completion', token, empty, () =>
      service.doComplete(document, models.around(document, params.position.line), params.position),
    );
  });

  connection.onCodeAction(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return [];
    }
    const { document, settings } = open;
    const service = dataFiles.serviceFor(document.uri, settings);
    return runSafely(connection, 'Code actions', token, [], () =>
      service.getCodeActions(
        document,
        models.around(document, params.range.start.line, params.range.end.line),
        params.range,
        params.context,
        settings,
      ),
    );
  });
}

// Inlay hints read only the claims of the range shown; CodeLens finds claim starts, and resolving one reads its claim alone.
function listenForHintsAndLenses(context: FeatureContext): void {
  const { connection, documents, models, dataFiles } = context;
  connection.languages.inlayHint.on(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return [];
    }
    const { document, settings } = open;
    const service = dataFiles.serviceFor(document.uri, settings);
    const { start, end } = params.range;
    return runSafely(connection, 'Inlay hints', token, [], () =>
      service.getInlayHints(document, models.around(document, start.line, end.line), params.range, settings),
    );
  });

  // The client asks for every lens of the document: capped at the first claims, and found in steps between requests.
  connection.onCodeLens(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return [];
    }
    const { document, settings } = open;
    return answerInSteps(connection, documents, {
      what: 'CodeLens',
      document,
      token,
      fallback: [],
      progressTitle: isLargeDocument(document, settings) ? (fileName) => `CodeLens of ${fileName}` : undefined,
      run: () => dataFiles.bundledOnly.getCodeLensesInSteps(document, models.around(document, 0)),
    });
  });

  connection.onCodeLensResolve(async (lens, token): Promise<CodeLens> => {
    const data = lens.data as { uri?: unknown; position?: { line?: unknown } } | undefined;
    const open = typeof data?.uri === 'string' ? await openDocumentWithSettings(context, data.uri) : undefined;
    const unresolved: CodeLens = { ...lens, command: { title: '', command: '' } };
    if (!open) {
      return unresolved;
    }
    const { document, settings } = open;
    const service = dataFiles.serviceFor(document.uri, settings);
    const line = typeof data?.position?.line === 'number' ? data.position.line : 0;
    return runSafely(connection, 'CodeLens resolve', token, unresolved, () =>
      service.resolveCodeLens(document, models.around(document, line), lens, settings),
    );
  });
}

// Tokens depend on code facts only (add-on, deleted, modifier kind), never on a licensed file. A range reads just the claims around it.
function listenForSemanticTokens(context: FeatureContext): void {
  const { connection, documents, models, dataFiles } = context;
  connection.languages.semanticTokens.on(async (params, token) => {
    const open = await openDocumentWithSettings(context, params.textDocument.uri);
    if (!open) {
      return { data: [] };
    }
    const { document } = open;
    if (document.getText().length > open.settings.backgroundCheckAboveMB * charactersPerMB) {
      // A large file is not read whole per edit for colours: declined, VS Code asks for the visible ranges instead.
      throw new ResponseError(
        LSPErrorCodes.ServerCancelled,
        'The file is larger than cptClaims.backgroundCheckAboveMB: semantic tokens are given by range.',
      );
    }
    return runSafely(connection, 'Semantic tokens', token, { data: [] }, () =>
      dataFiles.bundledOnly.getSemanticTokens(document, models.get(document)),
    );
  });
  connection.languages.semanticTokens.onRange((params, token) => {
    const document = documents.get(params.textDocument.uri);
    const { start, end } = params.range;
    return runSafely(connection, 'Semantic tokens', token, { data: [] }, () =>
      document
        ? dataFiles.bundledOnly.getSemanticTokens(document, models.around(document, start.line, end.line), params.range)
        : { data: [] },
    );
  });
}

/**
 * Formatting a whole large file (14 s for 25 MB) is declined above `cptClaims.backgroundCheckAboveMB`, as is a
 * selection larger than that: it would hold up every other request, and its edits (one per line that changes) would
 * hold up the editor applying them. One notice says so and points at Format Selection.
 */
function formattingTooLarge(context: FeatureContext, document: TextDocument, settings: ClaimSettings, range?: Range) {
  const size = range ? document.offsetAt(range.end) - document.offsetAt(range.start) : document.getText().length;
  if (size <= settings.backgroundCheckAboveMB * charactersPerMB) {
    return false;
  }
  const what = range ? 'The selection' : fileNameOf(document.uri);
  const message =
    `${what} is larger than ${settings.backgroundCheckAboveMB} MB (setting cptClaims.backgroundCheckAboveMB), ` +
    `so it is not formatted: formatting it would hold up the editor. Select fewer claims and use Format Selection.`;
  context.connection
    .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message })
    .catch((error: unknown) => {
      context.connection.console.error(`Notice failed: ${describeError(error)}`);
    });
  return true;
}

function listenForFormattingAndCommands(context: FeatureContext): void {
  const { connection, documents, models, dataFiles } = context;
  // Formatting needs no data files; the model is read only for X12 files (a `.claim` file is formatted from its text).
  const format = async (
    uri: string,
    token: CancellationToken,
    request: (documentSettings: ClaimSettings) => FormatRequest,
  ) => {
    const open = await openDocumentWithSettings(context, uri);
    if (!open) {
      return [];
    }
    const { document, settings } = open;
    const formatRequest = request(settings);
    if (formattingTooLarge(context, document, settings, formatRequest.range)) {
      return [];
    }
    return runSafely(connection, 'Formatting', token, [], () =>
      dataFiles.bundledOnly.format(document, () => models.get(document), formatRequest),
    );
  };
  connection.onDocumentFormatting((params, token) =>
    format(params.textDocument.uri, token, (s) => ({ options: params.options, x12Layout: s.x12Layout ?? 'keep' })),
  );
  connection.onDocumentRangeFormatting((params, token) =>
    format(params.textDocument.uri, token, (s) => ({
      options: params.options,
      range: params.range,
      x12Layout: s.x12Layout ?? 'keep',
    })),
  );

  // One handler for every command (the connection takes only one): conversions answer with text, layouts apply edits.
  connection.onExecuteCommand(async (params, token) => {
    if ((conversionCommands as readonly string[]).includes(params.command)) {
      return runSafely(connection, 'Conversion', token, null, () =>
        runConversion(params, (uri) => documents.get(uri), models, dataFiles.bundledOnly),
      );
    }
    if (!Object.hasOwn(x12LayoutOfCommand, params.command)) {
      return null;
    }
    const editsFor = (document: TextDocument | undefined, layout: X12Layout) =>
      runSafely(connection, 'X12 layout', undefined, undefined, () =>
        x12LayoutEdits(dataFiles.bundledOnly, models, document, layout),
      );
    return runX12LayoutCommand(connection, documents, editsFor, params, context.client.versionedEdits).catch(
      (error: unknown) => {
        connection.console.error(`X12 layout failed: ${describeError(error)}`);
        return false;
      },
    );
  });
}
