/**
 * The conversion commands in VS Code: *Convert to X12 837P* on a `.claim`
 * file and *Convert to .claim* on an 837. The server converts the text the
 * editor holds (saved or not); the result opens beside it in a new untitled
 * editor of the right language, never overwriting a file, and the notes
 * (placeholders to fill in, what did not carry over) are shown once.
 *
 * The result is named after its source (`batch.claim` gives `batch.837`,
 * convertedName.ts): a converted file is usually one to keep, so it is an
 * untitled editor whose save writes `batch.837` beside the source without a
 * dialog (VS Code's untitled URI with a path). A source that is no file on
 * disk (an untitled editor), or the walkthrough's sample in the extension's
 * storage, gives a name only, and a save asks where.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { type ConversionAnswer, convertTo837Command, convertToClaimCommand } from '../../shared/src/protocol';
import { convertedPath } from './convertedName';

/** The client's commands (in the Command Palette and editor titles), each running one of the server's. */
const conversions = [
  { command: 'cptClaims.convertTo837', serverCommand: convertTo837Command, target: 'X12 837P' },
  { command: 'cptClaims.convertToClaim', serverCommand: convertToClaimCommand, target: '.claim' },
] as const;

/** The document a command runs on: the one whose editor title was clicked, else the active editor's. */
function sourceDocument(resource: unknown): vscode.TextDocument | undefined {
  if (resource instanceof vscode.Uri) {
    return vscode.workspace.textDocuments.find((document) => document.uri.toString() === resource.toString());
  }
  return vscode.window.activeTextEditor?.document;
}

/** True when a file or an open editor has the URI. */
async function uriTaken(uri: vscode.Uri): Promise<boolean> {
  const untitled = uri.with({ scheme: 'untitled' }).toString();
  const file = uri.with({ scheme: 'file' }).toString();
  if (vscode.workspace.textDocuments.some((d) => [untitled, file].includes(d.uri.toString()))) {
    return true;
  }
  if (uri.scheme !== 'file') {
    return false;
  }
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** The untitled URI of the result: with the path beside the source when the source is a file of the user's. */
async function resultUri(
  source: vscode.Uri,
  language: ConversionAnswer['language'],
  besideSource: boolean,
): Promise<vscode.Uri> {
  if (besideSource) {
    const beside = await convertedPath(source.path, language, (candidate) =>
      uriTaken(source.with({ path: candidate })),
    );
    return source.with({ scheme: 'untitled', path: beside });
  }
  // No folder: `untitled:name` names the tab and leaves the place to the Save As dialog.
  const name = await convertedPath(source.path.split('/').pop() ?? '', language, (candidate) =>
    uriTaken(vscode.Uri.from({ scheme: 'untitled', path: candidate })),
  );
  return vscode.Uri.from({ scheme: 'untitled', path: name });
}

async function convert(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  serverCommand: string,
  target: string,
  resource: unknown,
): Promise<vscode.TextDocument | undefined> {
  const source = sourceDocument(resource);
  if (!source) {
    void vscode.window.showWarningMessage(`Open a claim file to convert it to ${target}.`);
    return undefined;
  }
  const answer: unknown = await client.sendRequest(ExecuteCommandRequest.type, {
    command: serverCommand,
    arguments: [source.uri.toString()],
  });
  const result = answer as ConversionAnswer | null;
  if (!result || result.refused !== undefined) {
    void vscode.window.showWarningMessage(
      result?.refused ?? `The claim language server does not have ${source.fileName} open: try again.`,
    );
    return undefined;
  }
  const storage = context.globalStorageUri.toString();
  const besideSource = source.uri.scheme === 'file' && !source.uri.toString().startsWith(`${storage}/`);
  let converted = await vscode.workspace.openTextDocument(await resultUri(source.uri, result.language, besideSource));
  const edit = new vscode.WorkspaceEdit();
  edit.insert(converted.uri, new vscode.Position(0, 0), result.text);
  await vscode.workspace.applyEdit(edit);
  if (converted.languageId !== result.language) {
    converted = await vscode.languages.setTextDocumentLanguage(converted, result.language);
  }
  await vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  // Not awaited: the promise settles only when the user closes the notice.
  void vscode.window.showInformationMessage(result.notes.join(' '));
  return converted;
}

/** Registers the commands; each returns the new document (for tests and other extensions). */
export function registerConversionCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  for (const { command, serverCommand, target } of conversions) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, (resource: unknown) =>
        convert(context, client, serverCommand, target, resource),
      ),
    );
  }
}
