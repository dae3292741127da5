/**
 * The commands that lay an X12 file out a segment per line or on one line,
 * whatever `cptClaims.x12.layout` says: `workspace/executeCommand` with the
 * document's uri, answered by a `workspace/applyEdit` of the formatting edits
 * for that document version (a client that edited it meanwhile refuses them).
 */
import type { Connection, ExecuteCommandParams, TextDocuments, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentModels } from '../documents/documentModels';
import type { ClaimLanguageService, X12Layout } from '../service';
import { oneLineCommand, segmentPerLineCommand, type X12LayoutCommand } from '../../../shared/src/protocol';

/** The layout each command makes (a record over any string, so a command from the client can be looked up). */
export const x12LayoutOfCommand: Readonly<Record<string, X12Layout>> = {
  [segmentPerLineCommand]: 'segmentPerLine',
  [oneLineCommand]: 'oneLine',
} satisfies Record<X12LayoutCommand, X12Layout>;

/** The document uri a command was given: the uri itself, or an object with a `uri` (a string or VS Code's Uri as JSON). */
function commandDocumentUri(args: unknown[] | undefined): string | undefined {
  const first: unknown = args?.[0];
  if (typeof first === 'string') {
    return first;
  }
  if (typeof first === 'object' && first !== null) {
    const uri: unknown = (first as Record<string, unknown>)['uri'] ?? (first as Record<string, unknown>)['external'];
    return typeof uri === 'string' ? uri : undefined;
  }
  return undefined;
}

/** The formatting edits a layout command makes, or undefined when the document is not an open X12 file. */
export function x12LayoutEdits(
  service: ClaimLanguageService,
  models: DocumentModels,
  document: TextDocument | undefined,
  layout: X12Layout,
): TextEdit[] | undefined {
  if (!document) {
    return undefined;
  }
  const model = models.get(document);
  return model.x12
    ? service.format(document, () => model, { options: { tabSize: 2, insertSpaces: true }, x12Layout: layout })
    : undefined;
}

/**
 * Runs a layout command; true once the client applied the edit (or there was nothing to change). With
 * `versioned`, the edit names the document version, so an editor that has changed the text since refuses it.
 */
export async function runX12LayoutCommand(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  editsFor: (document: TextDocument | undefined, layout: X12Layout) => TextEdit[] | undefined,
  params: ExecuteCommandParams,
  versioned: boolean,
): Promise<boolean> {
  const layout = x12LayoutOfCommand[params.command];
  const uri = commandDocumentUri(params.arguments);
  const document = uri === undefined ? undefined : documents.get(uri);
  const edits = layout && document ? editsFor(document, layout) : undefined;
  if (!document || !edits) {
    return false;
  }
  if (edits.length === 0) {
    return true;
  }
  const edit: WorkspaceEdit = versioned
    ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
    : { changes: { [document.uri]: edits } };
  const label = layout === 'oneLine' ? 'X12: all on one line' : 'X12: a segment per line';
  const result = await connection.workspace.applyEdit({ label, edit });
  return result.applied;
}
