/**
 * A new user's first session in the real editor: the walkthrough's steps
 * (open the sample, open Problems, apply the fix, choose a descriptor file)
 * through their commands, each step's completion event seen; the status bar
 * naming the data in use and the reload command; semantic tokens marking the
 * add-on, the deleted code and the modifiers; and a snippet that expands to a
 * claim with no problems. Every wait is for an event, bounded.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  extensionId,
  fixtureUri,
  openFixture,
  positionOf,
  ruleIdOf,
  waitForDiagnostics,
  waitForEvent,
} from './editorHelpers';

/** The parts of what `activate` returns (client/src/extension.ts) these tests read. */
interface CptClaimsApi {
  readonly dataStatus: { readonly text: string; readonly onDidUpdate: vscode.Event<string>; update(): Promise<string> };
  readonly walkthrough: {
    readonly sample: vscode.TextDocument | undefined;
    readonly sampleFixed: boolean;
    readonly onDidFixSample: vscode.Event<void>;
  };
}

interface WalkthroughStep {
  id: string;
  description: string;
  completionEvents: string[];
}

async function api(): Promise<CptClaimsApi> {
  await activateExtension();
  const exports = vscode.extensions.getExtension<CptClaimsApi>(extensionId)?.exports;
  assert.ok(exports?.dataStatus && exports.walkthrough, 'activate returns the status bar and the walkthrough state');
  return exports;
}

function walkthroughSteps(): WalkthroughStep[] {
  const manifest = vscode.extensions.getExtension(extensionId)?.packageJSON as {
    contributes: { walkthroughs: Array<{ id: string; steps: WalkthroughStep[] }> };
  };
  return manifest.contributes.walkthroughs[0]?.steps ?? [];
}

interface DecodedToken {
  line: number;
  character: number;
  text: string;
  type: string;
  modifiers: string[];
}

function decodeTokens(
  document: vscode.TextDocument,
  tokens: vscode.SemanticTokens,
  legend: vscode.SemanticTokensLegend,
): DecodedToken[] {
  const decoded: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i + 4 < tokens.data.length; i += 5) {
    const [lineDelta = 0, startDelta = 0, length = 0, type = 0, bits = 0] = tokens.data.slice(i, i + 5);
    line += lineDelta;
    character = lineDelta === 0 ? character + startDelta : startDelta;
    const text = document.getText(new vscode.Range(line, character, line, character + length));
    decoded.push({
      line,
      character,
      text,
      type: legend.tokenTypes[type] ?? '?',
      modifiers: legend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0),
    });
  }
  return decoded;
}

describe('first use: walkthrough, status bar, semantic tokens, snippets', () => {
  const configuration = () => vscode.workspace.getConfiguration('cptClaims');

  after(async () => {
    await configuration().update('descriptorFiles', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('has every command the walkthrough steps run or wait for, and opens the walkthrough', async () => {
    await api();
    const commands = new Set(await vscode.commands.getCommands(true));
    const steps = walkthroughSteps();
    assert.deepEqual(
      steps.map((step) => step.id),
      ['openSample', 'seeProblem', 'applyFix', 'loadDescriptors'],
    );
    for (const step of steps) {
      const linked = [...step.description.matchAll(/\(command:(?:toSide:)?([^)]+)\)/g)].map((match) => match[1] ?? '');
      const awaited = step.completionEvents
        .filter((event) => event.startsWith('onCommand:'))
        .map((event) => event.slice('onCommand:'.length));
      for (const command of [...linked, ...awaited]) {
        assert.ok(commands.has(command), `${step.id}: ${command} is a command`);
      }
    }
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${extensionId}#firstClaim`, false);
  });

  it('walks through: opens the sample, shows its problem, applies the fix, and marks the fix step done', async () => {
    const state = (await api()).walkthrough;
    await vscode.commands.executeCommand('cptClaims.openSample');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && state.sample && editor.document === state.sample, 'the sample is the active editor');
    assert.equal(editor.document.languageId, 'claim');
    // A file named sample.claim in the extension's storage, saved: its tab says sample.claim and closing it asks nothing.
    assert.equal(editor.document.uri.path.split('/').pop(), 'sample.claim');
    assert.equal(editor.document.isUntitled, false);
    assert.equal(editor.document.isDirty, false);
    const uri = editor.document.uri;
    const problems = await waitForDiagnostics(
      uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the sample lone add-on is reported',
    );
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    // The "Show the Fixes" button waits on a quick pick: npm run test:installed clicks it in the page.
    assert.equal(state.sampleFixed, false);
    const problem = problems.find((d) => ruleIdOf(d) === 'addon-without-primary');
    assert.ok(problem);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      problem.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((action) => /^Insert 19283-LT x1/.test(action.title));
    assert.ok(fix?.edit, actions.map((action) => action.title).join(' | '));
    const fixed = waitForEvent(state.onDidFixSample, () => state.sampleFixed, 'the fix step is marked done');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await fixed;
    assert.deepEqual(vscode.languages.getDiagnostics(uri), []);
    assert.match(editor.document.getText(), /19283-LT {3}x1[^\n]*\n\s*19284-LT/);
    // Opened again, the sample is the shipped one: the fixed text replaced and saved, its problem back.
    await vscode.commands.executeCommand('cptClaims.openSample');
    assert.equal(state.sample, editor.document);
    assert.doesNotMatch(editor.document.getText(), /19283-LT/);
    assert.equal(editor.document.isDirty, false);
    await waitForDiagnostics(
      uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the reopened sample shows its lone add-on again',
    );
  });

  it('names the bundled data in the status bar, then the descriptor file the walkthrough command sets, and reloads', async () => {
    const status = (await api()).dataStatus;
    const { document } = await openFixture('licensed/licensed.claim');
    await waitForEvent(status.onDidUpdate, () => status.text === '$(book) CPT: bundled', 'the status bar says bundled');
    const settingChanged = new Promise<void>((resolve) => {
      const subscription = vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('cptClaims.descriptorFiles')) {
          subscription.dispose();
          resolve();
        }
      });
    });
    const updated = waitForEvent(
      status.onDidUpdate,
      () => status.text === '$(book) CPT: org-cpt.tsv',
      'the status bar names the descriptor file',
    );
    const files = await vscode.commands.executeCommand<string[]>(
      'cptClaims.chooseDescriptorFile',
      fixtureUri('licensed/org-cpt.tsv'),
    );
    // The walkthrough step completes once the setting names a file (onContext:cptClaims.descriptorFilesSet).
    await settingChanged;
    assert.deepEqual(files, ['licensed/org-cpt.tsv']);
    assert.deepEqual(configuration().inspect('descriptorFiles')?.workspaceValue, ['licensed/org-cpt.tsv']);
    await updated;
    // Without a list of CPT codes nothing is unknown; the licensed file is one: it describes 19238, not 99901.
    const unknownAt = (d: vscode.Diagnostic[], code: string) =>
      d.some((x) => ruleIdOf(x) === 'unknown-code' && document.getText(x.range) === code);
    await waitForDiagnostics(
      document.uri,
      (d) => unknownAt(d, '99901') && !unknownAt(d, '19238'),
      'the licensed file describes 19238, not 99901',
    );
    assert.equal(await vscode.commands.executeCommand<string>('cptClaims.reloadData'), '$(book) CPT: org-cpt.tsv');
  });

  it('marks the add-on, the deleted code and the modifiers with semantic tokens, whole and by range', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'claim',
      content: 'claim A\n  dx: C50.411\n  19283-RT x1\n  19284-RT x1\n  19290 59\n',
    });
    await vscode.window.showTextDocument(document);
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      document.uri,
    );
    assert.ok(legend, 'a legend for claim documents');
    const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>(
      'vscode.provideDocumentSemanticTokens',
      document.uri,
    );
    const shown = decodeTokens(document, tokens, legend).map(
      (token) => `${token.line}:${token.character} ${[token.type, ...token.modifiers].join('.')} ${token.text}`,
    );
    assert.deepEqual(shown, [
      '2:2 function 19283',
      '2:8 modifier.laterality RT',
      '3:2 function.addOn 19284',
      '3:8 modifier.laterality RT',
      '4:2 function.deprecated 19290',
      '4:8 modifier.distinctService 59',
    ]);
    const rangeLegend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentRangeSemanticTokensLegend',
      document.uri,
    );
    const ranged = await vscode.commands.executeCommand<vscode.SemanticTokens>(
      'vscode.provideDocumentRangeSemanticTokens',
      document.uri,
      new vscode.Range(3, 0, 4, 0),
    );
    assert.deepEqual(
      decodeTokens(document, ranged, rangeLegend).map((token) => token.text),
      ['19284', 'RT'],
    );
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('marks SV101 codes and modifiers of an 837 with semantic tokens', async () => {
    const { document } = await openFixture('x12/lone-19284.837');
    const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>(
      'vscode.provideDocumentSemanticTokensLegend',
      document.uri,
    );
    const tokens = decodeTokens(
      document,
      await vscode.commands.executeCommand<vscode.SemanticTokens>('vscode.provideDocumentSemanticTokens', document.uri),
      legend,
    );
    const addOn = tokens.find((token) => token.text === '19284');
    assert.ok(addOn, tokens.map((token) => token.text).join(', '));
    assert.deepEqual([addOn.type, addOn.modifiers], ['function', ['addOn']]);
    assert.equal(addOn.character, positionOf(document, 'SV1*HC:19284', 'SV1*HC:'.length).character);
  });

  it('expands the localization snippet into a claim with no problems', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'claim', content: '19284-RT\n' });
    const editor = await vscode.window.showTextDocument(document);
    // A problem first, so an empty list afterwards is the server's verdict and not a check not yet run.
    await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the lone add-on is reported',
    );
    editor.selection = new vscode.Selection(0, 0, 1, 0);
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'claim',
      name: 'Stereotactic localization',
    });
    assert.match(document.getText(), /lesions: 2\n\n {2}19283-RT {3}x1 .*\n {2}19284-RT {3}x1 /);
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'the snippet claim has no problems');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
