/**
 * The server's commands (the X12 layouts) act on a document named by their
 * first argument; run from the Command Palette they get none, so they are
 * given the active editor's document.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

export const activeDocumentArgument: NonNullable<Middleware['executeCommand']> = (command, args, next): unknown => {
  const uri = vscode.window.activeTextEditor?.document.uri.toString();
  return next(command, args.length === 0 && uri !== undefined ? [uri] : args) as unknown;
};
