/**
 * The conversion commands in VS Code: *Convert to X12 837P* on a `.claim`
 * file and *Convert to .claim* on an 837. The server converts the text the
 * editor holds (saved or not); the result opens beside it in a new untitled
 * editor of the right language, never overwriting a file, and the notes
 * (placeholders to fill in, what did not carry over) are shown once.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { type ConversionAnswer, convertTo837Command, convertToClaimCommand } from '../../shared/src/protocol';

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

async function convert(
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
  const converted = await vscode.workspace.openTextDocument({ language: result.language, content: result.text });
  await vscode.window.showTextDocument(converted, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  // Not awaited: the promise settles only when the user closes the notice.
  void vscode.window.showInformationMessage(result.notes.join(' '));
  return converted;
}

/** Registers the commands; each returns the new document (for tests and other extensions). */
export function registerConversionCommands(context: vscode.ExtensionContext, client: LanguageClient): void {
  for (const { command, serverCommand, target } of conversions) {
    context.subscriptions.push(
      vscode.commands.registerCommand(command, (resource: unknown) => convert(client, serverCommand, target, resource)),
    );
  }
}
