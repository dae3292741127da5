/**
 * What a coder meets in a real editor: a `.claim` file's language and
 * colouring, its problems, hover, completion and quick fixes, all through
 * the public `vscode` API of the running workbench.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  expectCleanAfterCheck,
  extensionId,
  fixtureUri,
  hoverText,
  openFixture,
  positionOf,
  ruleIdOf,
  waitForDiagnostics,
  waitForEvent,
} from './editorHelpers';

interface SyntaxToken {
  c: string;
  t: string;
}

describe('a .claim file in the editor', () => {
  // A test that fails half-way must not leave an edited fixture behind for the next one.
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('gets the claim language, with the extension grammar registered for it', async () => {
    const { document } = await openFixture('clean.claim');
    assert.equal(document.languageId, 'claim');
    assert.ok((await vscode.languages.getLanguages()).includes('claim'));
    const extension = vscode.extensions.getExtension(extensionId);
    const grammars =
      (
        extension?.packageJSON as {
          contributes?: { grammars?: Array<{ language: string; scopeName: string; path: string }> };
        }
      ).contributes?.grammars ?? [];
    const grammar = grammars.find((g) => g.language === 'claim');
    assert.equal(grammar?.scopeName, 'source.claim');
    assert.ok(extension && grammar);
    const grammarFile = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, grammar.path));
    assert.equal(
      (JSON.parse(new TextDecoder().decode(grammarFile)) as { scopeName: string }).scopeName,
      'source.claim',
    );
  });

  if (vscode.env.uiKind === vscode.UIKind.Desktop) {
    // Desktop VS Code has the command its own colorization tests use; the web workbench has not,
    // so the code-server runner reads the same scopes from the rendered page (runner/colouringCheck.ts).
    it('colours codes, modifiers, units and header keys with the grammar scopes', async () => {
      const { document } = await openFixture('clean.claim');
      const tokens = await vscode.commands.executeCommand<SyntaxToken[]>(
        '_workbench.captureSyntaxTokens',
        document.uri,
      );
      const scopeOf = (content: string) => tokens.find((token) => token.c === content)?.t ?? `no token '${content}'`;
      assert.match(scopeOf('19283'), /constant\.other\.procedure-code\.claim/);
      assert.match(scopeOf('RT'), /storage\.modifier\.claim-modifier\.claim/);
      assert.match(scopeOf('x2'), /constant\.numeric\.units\.claim/);
      assert.match(scopeOf('lesions'), /variable\.other\.header-key\.claim/);
    });
  }

  it('gives a clean claim no error and no warning', async () => {
    const { editor } = await openFixture('clean.claim');
    await expectCleanAfterCheck(editor, { find: '19283-RT', replaceWith: '19281-RT' });
  });

  it('reports 19284 without 19283 in the Problems panel', async () => {
    const { document } = await openFixture('lone-addon.claim');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      '19284 lacks 19283',
    );
    const diagnostic = diagnostics.find((d) => ruleIdOf(d) === 'addon-without-primary');
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(document.getText(diagnostic.range), '19284');
    assert.match(diagnostic.message, /19283/);
  });

  it("links the problem to its rule's page, which opens rendered in the Markdown preview", async () => {
    const { document } = await openFixture('lone-addon.claim');
    const [diagnostic] = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      '19284 lacks 19283',
    ).then((d) => d.filter((x) => ruleIdOf(x) === 'addon-without-primary'));
    const target = typeof diagnostic?.code === 'object' ? diagnostic.code.target : undefined;
    // What the Problems panel, the hover and the peek view open on a click: a command link, not the .md file.
    assert.equal(target?.scheme, 'command', String(target));
    const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
    const previewTitle = 'Preview addon-without-primary.md';
    const previewOpen = () =>
      vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.label === previewTitle));
    assert.equal(previewOpen(), false);
    await vscode.commands.executeCommand(target.path, ...args);
    await waitForEvent(vscode.window.tabGroups.onDidChangeTabs, previewOpen, `a tab "${previewTitle}"`);
    const tab = vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((t) => t.label === previewTitle);
    assert.ok(tab?.input instanceof vscode.TabInputWebview, 'rendered (a preview), not a text editor on the .md');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('warns when the units do not match the documented lesions', async () => {
    const { document } = await openFixture('lesion-units.claim');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'lesion-units'),
      'lesion units are reported',
    );
    const diagnostic = diagnostics.find((d) => ruleIdOf(d) === 'lesion-units');
    assert.equal(diagnostic?.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(diagnostic?.message ?? '', /19284 x2/);
  });

  it('explains 19284 on hover: an add-on for each additional lesion, reported with 19283', async () => {
    const { document } = await openFixture('lone-addon.claim');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, '19284-RT', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /add-on/i);
    assert.match(text, /19283/);
    assert.match(text, /additional lesion/i);
    assert.match(text, /not the official CPT descriptor/);
  });

  it('completes 1928 with 19283 and 19284 and their summaries', async () => {
    const { document, editor } = await openFixture('editing.claim');
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((edit) => edit.insert(end, '\n  1928'));
    const position = document.lineAt(document.lineCount - 1).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      position,
    );
    const byLabel = new Map(
      list.items.map((item) => [typeof item.label === 'string' ? item.label : item.label.label, item]),
    );
    for (const code of ['19283', '19284']) {
      const item = byLabel.get(code);
      assert.ok(item, `${code} offered among ${[...byLabel.keys()].join(', ')}`);
      assert.match(String(item.detail), /stereotactic/i);
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('fixes a lone 19284 with the quick fix: 19283 is inserted and the problem goes away', async () => {
    const { document } = await openFixture('lone-addon.claim');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      '19284 lacks 19283',
    );
    const diagnostic = diagnostics.find((d) => ruleIdOf(d) === 'addon-without-primary');
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => action.title.startsWith('Insert 19283'));
    assert.ok(fix?.edit, `a fix among: ${actions.map((a) => a.title).join('; ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(document.getText(), /^ {2}19283-RT {3}x1 {3}dx=A\n {2}19284-RT/m);
    await waitForDiagnostics(
      document.uri,
      (d) => !d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the add-on problem is gone',
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('updates the problems when a line is edited', async () => {
    const { document, editor } = await openFixture('editing.claim');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'the file starts clean');
    const line = document.lineAt(positionOf(document, '19283-LT').line);
    await editor.edit((edit) => edit.replace(line.range, '  19281-LT   x1'));
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-wrong-modality'),
      'the wrong modality is reported',
    );
    assert.match(diagnostics.find((d) => ruleIdOf(d) === 'addon-wrong-modality')?.message ?? '', /19282/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'the revert is clean again');
  });

  it('clears the problems of a file when it is closed', async () => {
    const uri = fixtureUri('closing.claim');
    await openFixture('closing.claim');
    await waitForDiagnostics(uri, (d) => d.length > 0, 'the lone 19286 is reported');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForDiagnostics(uri, (d) => d.length === 0, 'closing cleared them');
  });
});
