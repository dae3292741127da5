/**
 * What the feature handlers (`editorFeatureHandlers.ts`, `navigationHandlers.ts`)
 * are given by the server: the connection, the open documents, their models
 * and settings, the data files and what the client declared. Handed over
 * explicitly, so a handler module holds no state of its own.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DataFiles } from '../dataFiles/dataFiles';
import type { DocumentModels } from '../documents/documentModels';
import type { ClaimSettings } from '../service';

/** What the client declared at initialize. Handlers are registered before that, so they read it per request. */
export interface ClientFeatures {
  /** `textDocument.definition.linkSupport`: definitions answered as links, else as locations. */
  definitionLinks: boolean;
  /** `textDocument.foldingRange.rangeLimit`. */
  foldingRangeLimit: number | undefined;
  /** `workspace.workspaceEdit.documentChanges`: edits carry the document version. */
  versionedEdits: boolean;
}

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  models: DocumentModels;
  dataFiles: DataFiles;
  client: Readonly<ClientFeatures>;
  /** The workspace folders' paths as they are now: they change when the client adds or removes a folder. */
  workspaceFolders(): readonly string[];
  /**
   * The document's settings, or undefined when it was closed (or closed and opened again) while they were
   * read: work for it must stop there, or it would cache a model or validator that no close will clear.
   */
  settingsWhileOpen(document: TextDocument): Promise<ClaimSettings | undefined>;
}

/** The open document and its settings, or undefined when it is not open (or closed while its settings were read). */
export async function openDocumentWithSettings(
  context: FeatureContext,
  uri: string,
): Promise<{ document: TextDocument; settings: ClaimSettings } | undefined> {
  const document = context.documents.get(uri);
  const settings = document && (await context.settingsWhileOpen(document));
  return document && settings ? { document, settings } : undefined;
}
