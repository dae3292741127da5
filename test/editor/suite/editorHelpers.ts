/**
 * Helpers for the editor suite: open fixtures, activate the extension, and
 * wait for diagnostics through `onDidChangeDiagnostics`, never a fixed sleep.
 * Every wait is bounded so a missing event fails the test instead of hanging.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'cpt-claims.cpt-claims';
const waitLimitMs = 15000;

export function fixtureUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('the editor tests need the fixtures workspace folder open');
  }
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function activateExtension(): Promise<void> {
  const extension = vscode.extensions.getExtension(extensionId);
  if (!extension) {
    throw new Error(`extension ${extensionId} is not installed in this editor`);
  }
  await extension.activate();
}

export async function openFixture(name: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  const editor = await vscode.window.showTextDocument(document);
  await activateExtension();
  return { document, editor };
}

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'cpt-claims');
}

export function ruleIdOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Resolves with the document's diagnostics once they satisfy the predicate. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const diagnostics = ourDiagnostics(uri);
      if (accept(diagnostics)) {
        subscription.dispose();
        clearTimeout(timer);
        resolve(diagnostics);
        return true;
      }
      return false;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = ourDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${ruleIdOf(d)} ${d.message}`);
      reject(
        new Error(
          `no diagnostics for ${path.basename(uri.path)} where ${what} within ${waitLimitMs} ms; last seen: ${JSON.stringify(seen)}`,
        ),
      );
    }, waitLimitMs);
    check();
  });
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

export function positionOf(document: vscode.TextDocument, text: string, offsetInText = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  if (index === -1) {
    throw new Error(`'${text}' is not in ${path.basename(document.uri.path)}`);
  }
  return document.positionAt(index + offsetInText);
}

/**
 * Shows the server's verdict on a document is "no problems": a problem is
 * planted and seen, then the planted text is reverted and its diagnostics
 * must go, so an empty list is the server's answer and not a check not yet run.
 */
export async function expectCleanAfterCheck(
  editor: vscode.TextEditor,
  plant: { find: string; replaceWith: string },
): Promise<void> {
  const document = editor.document;
  const start = document.getText().indexOf(plant.find);
  if (start === -1) {
    throw new Error(`'${plant.find}' is not in ${path.basename(document.uri.path)}`);
  }
  const range = new vscode.Range(document.positionAt(start), document.positionAt(start + plant.find.length));
  await editor.edit((edit) => edit.replace(range, plant.replaceWith));
  await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the planted problem is reported');
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitForDiagnostics(document.uri, (d) => d.length === 0, 'the reverted, clean text has no problems');
}

/**
 * Resolves once `ready()` holds, checking now and on each event; bounded (by `limitMs`, default the
 * helpers' own limit) so a missing event fails, naming `what` was awaited.
 */
export function waitForEvent<T>(
  event: vscode.Event<T>,
  ready: () => boolean,
  what: string | (() => string),
  limitMs = waitLimitMs,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ready()) {
      resolve();
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${typeof what === 'string' ? what : what()}: not within ${limitMs} ms`));
    }, limitMs);
    const subscription = event(() => {
      if (ready()) {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      }
    });
  });
}
