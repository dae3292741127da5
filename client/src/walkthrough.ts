/**
 * The commands behind the first-use walkthrough (package.json
 * `contributes.walkthroughs`): open the sample claim, show the fixes for its
 * problem, and choose a licensed descriptor file. The "apply a fix" step is
 * complete once the sample, having had problems, has none: the context key
 * `cptClaims.sampleFixed` is set then. The "descriptor file" step is complete
 * while `cptClaims.descriptorFiles` names a file: `cptClaims.descriptorFilesSet`.
 * (VS Code's own `onSettingChanged:` completion event never ticked the step
 * in code-server 4.100 when the setting was written to a new workspace
 * settings file; a context key the extension sets does.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** Shipped in the .vsix (see .vscodeignore). */
const samplePath = 'walkthrough/sample.claim';

export interface WalkthroughState {
  /** The sample document the last `cptClaims.openSample` opened. */
  readonly sample: vscode.TextDocument | undefined;
  /** True once the sample had problems and then none. */
  readonly sampleFixed: boolean;
  readonly onDidFixSample: vscode.Event<void>;
}

/** A path the setting can hold: relative to the only workspace folder when inside it, else absolute. */
function settingPath(file: vscode.Uri): string {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const only = folders.length === 1 ? folders[0] : undefined;
  if (only && only.uri.scheme === 'file' && file.scheme === 'file') {
    const relative = path.relative(only.uri.fsPath, file.fsPath);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      return relative.split(path.sep).join('/');
    }
  }
  return file.fsPath;
}

/** Adds the files to `cptClaims.descriptorFiles` (workspace settings when a folder is open), keeping those already there. */
async function chooseDescriptorFile(given?: vscode.Uri | string): Promise<readonly string[] | undefined> {
  const chosen =
    given === undefined
      ? await vscode.window.showOpenDialog({
          canSelectMany: true,
          openLabel: 'Use as Descriptor File',
          title: 'Licensed CPT descriptor file: a code and its descriptor on each line, tab- or comma-separated',
          filters: { 'Descriptor files': ['tsv', 'csv', 'txt'], 'All files': ['*'] },
        })
      : [typeof given === 'string' ? vscode.Uri.file(given) : given];
  if (!chosen || chosen.length === 0) {
    return undefined;
  }
  const configuration = vscode.workspace.getConfiguration('cptClaims');
  const target = vscode.workspace.workspaceFolders?.length
    ? vscode.ConfigurationTarget.Workspace
    : vscode.ConfigurationTarget.Global;
  const inspected = configuration.inspect<string[]>('descriptorFiles');
  const current =
    (target === vscode.ConfigurationTarget.Workspace ? inspected?.workspaceValue : inspected?.globalValue) ?? [];
  const files = [...new Set([...current, ...chosen.map(settingPath)])];
  await configuration.update('descriptorFiles', files, target);
  return files;
}

/**
 * True when the active tab shows none of the editors the API names (its input
 * is then undefined): the walkthrough, like other Welcome pages, is such a tab.
 */
function activeTabIsWorkbenchPage(): boolean {
  const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
  const editorInputs = [
    vscode.TabInputText,
    vscode.TabInputTextDiff,
    vscode.TabInputCustom,
    vscode.TabInputWebview,
    vscode.TabInputNotebook,
    vscode.TabInputNotebookDiff,
    vscode.TabInputTerminal,
  ];
  return tab !== undefined && editorInputs.every((kind) => !(tab.input instanceof kind));
}

/**
 * Shows the document where it is already visible; else beside the walkthrough,
 * so the walkthrough's next step stays in view; else in the active group.
 */
function showSample(document: vscode.TextDocument, selection?: vscode.Range): Thenable<vscode.TextEditor> {
  const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document);
  const viewColumn = visible?.viewColumn ?? (activeTabIsWorkbenchPage() ? vscode.ViewColumn.Beside : undefined);
  return vscode.window.showTextDocument(document, { viewColumn, selection });
}

/**
 * The sample as shipped, in a file of the extension's own storage named `sample.claim`: its tab is named so, it
 * closes without a question while unchanged, and the user's workspace is never written to. An untitled copy was
 * named after its first line and asked to be saved on every close. Each open starts from the shipped text again:
 * an open sample's edits are replaced and saved, so a second run of the walkthrough finds the problem to fix.
 */
async function freshSample(context: vscode.ExtensionContext): Promise<vscode.TextDocument> {
  const shipped = await fs.promises.readFile(context.asAbsolutePath(samplePath), 'utf8');
  const file = vscode.Uri.joinPath(context.globalStorageUri, path.posix.basename(samplePath));
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
  if (!open) {
    await vscode.workspace.fs.createDirectory(context.globalStorageUri);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(shipped));
    return vscode.workspace.openTextDocument(file);
  }
  if (open.getText() !== shipped) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), shipped);
    await vscode.workspace.applyEdit(edit);
  }
  if (open.isDirty) {
    await open.save();
  }
  return open;
}

export function registerWalkthrough(context: vscode.ExtensionContext): WalkthroughState {
  const fixed = new vscode.EventEmitter<void>();
  const state = {
    sample: undefined as vscode.TextDocument | undefined,
    sampleFixed: false,
    onDidFixSample: fixed.event,
  };
  let sampleHadProblems = false;

  const openSample = async (): Promise<vscode.TextEditor> => {
    state.sample = await freshSample(context);
    sampleHadProblems = false;
    return showSample(state.sample);
  };

  /**
   * Puts the cursor on the sample's first problem and offers its fixes in a
   * quick pick. Not the editor's own light-bulb menu: run from the walkthrough,
   * that menu closes when the focus settles on the newly shown editor, so a
   * click on the step's button would often show nothing.
   */
  const showSampleFix = async (): Promise<boolean> => {
    const sample = state.sample && !state.sample.isClosed ? state.sample : undefined;
    const document = sample ?? (await openSample()).document;
    const problem = vscode.languages.getDiagnostics(document.uri)[0];
    await showSample(document, problem && new vscode.Range(problem.range.start, problem.range.start));
    if (!problem) {
      return false;
    }
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
      'vscode.executeCodeActionProvider',
      document.uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fixes = (actions ?? [])
      .filter((action) => action.edit !== undefined)
      .map((action) => ({ label: action.title, action }));
    const picked = await vscode.window.showQuickPick(fixes, {
      title: 'Fixes for the problem under the cursor (Ctrl+. in the editor shows them too)',
      placeHolder: problem.message,
      ignoreFocusOut: true,
    });
    return picked?.action.edit !== undefined && (await vscode.workspace.applyEdit(picked.action.edit));
  };

  const descriptorFilesSet = () => {
    const files = vscode.workspace.getConfiguration('cptClaims').get<unknown>('descriptorFiles');
    void vscode.commands.executeCommand(
      'setContext',
      'cptClaims.descriptorFilesSet',
      Array.isArray(files) && files.length > 0,
    );
  };
  descriptorFilesSet();

  context.subscriptions.push(
    fixed,
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('cptClaims.descriptorFiles')) {
        descriptorFilesSet();
      }
    }),
    vscode.commands.registerCommand('cptClaims.openSample', openSample),
    vscode.commands.registerCommand('cptClaims.showSampleFix', showSampleFix),
    vscode.commands.registerCommand('cptClaims.chooseDescriptorFile', chooseDescriptorFile),
    vscode.languages.onDidChangeDiagnostics((event) => {
      const sample = state.sample;
      if (!sample || !event.uris.some((uri) => uri.toString() === sample.uri.toString())) {
        return;
      }
      const problems = vscode.languages.getDiagnostics(sample.uri).length;
      if (problems > 0) {
        sampleHadProblems = true;
      } else if (sampleHadProblems && !state.sampleFixed) {
        state.sampleFixed = true;
        void vscode.commands.executeCommand('setContext', 'cptClaims.sampleFixed', true);
        fixed.fire();
      }
    }),
  );
  return state;
}
