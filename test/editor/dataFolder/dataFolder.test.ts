/**
 * The data folder in the real editor: `cptClaims.dataFolder` named in the
 * user settings (the runner writes both), the status bar item naming the
 * editions it loaded, the PTP pair (in a `.claim` file and an 837P) and the
 * missing 57 in the Problems panel with their quick fixes, and hover on the diagnosis giving its ICD-10-CM
 * description. Every wait is for an event, bounded.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  extensionId,
  hoverText,
  openFixture,
  positionOf,
  ruleIdOf,
  waitForDiagnostics,
  waitForEvent,
} from '../suite/editorHelpers';

/** The part of what `activate` returns (client/src/extension.ts) these tests read. */
interface CptClaimsApi {
  readonly dataFolderStatus: {
    readonly text: string;
    readonly tooltip: string;
    readonly onDidUpdate: vscode.Event<string>;
  };
}

/** The editions of the runner's folder (endToEndEditions in test/support/referenceData/endToEndDataFolder.ts). */
const editions = ['ICD-10-CM FY2026', 'HCPCS 2026 Jan', 'PTP 2026 Q3', 'PFS 2026 Jul'];
/** Loading the folder (a first import, then the cache) may take longer than an editor request. */
const loadLimitMs = 20000;

async function statusBar(): Promise<CptClaimsApi['dataFolderStatus']> {
  await activateExtension();
  const status = vscode.extensions.getExtension<CptClaimsApi>(extensionId)?.exports.dataFolderStatus;
  assert.ok(status, 'activate returns the data folder status bar item');
  return status;
}

/** The quick fixes the editor offers at the problem (the light bulb's list). */
async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // The command's results carry no diagnostics to match on: every quick fix at the problem's range is its fix.
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action);
}

const hasRules =
  (...rules: string[]) =>
  (diagnostics: vscode.Diagnostic[]) =>
    rules.every((rule) => diagnostics.some((d) => ruleIdOf(d) === rule));

describe('the data folder in the editor', () => {
  afterEach(async () => {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('reads the folder the user settings name, and the status bar names the editions it loaded', async () => {
    const folder = vscode.workspace.getConfiguration('cptClaims').inspect<string>('dataFolder');
    assert.ok(folder?.globalValue, `cptClaims.dataFolder is in the user settings: ${JSON.stringify(folder)}`);
    await openFixture('edits.claim');
    const status = await statusBar();
    const loaded = `$(database) ${editions.join(' · ')}`;
    await waitForEvent(
      status.onDidUpdate,
      () => status.text === loaded,
      () => `the status bar names the editions (it says '${status.text}')`,
      loadLimitMs,
    );
    const tooltip = status.tooltip.split('\n');
    assert.ok(tooltip.includes(`Reference data folder: ${folder.globalValue}`), status.tooltip);
    assert.ok(tooltip.includes(`Loaded: ${editions.join(', ')}.`), status.tooltip);
  });

  it('shows the PTP pair in the Problems panel with its fixes: remove the line, or add XU or 59', async () => {
    const { document } = await openFixture('edits.claim');
    const diagnostics = await waitForDiagnostics(document.uri, hasRules('ncci-ptp'), 'ncci-ptp is reported');
    const pairs = diagnostics.filter((d) => ruleIdOf(d) === 'ncci-ptp');
    assert.equal(pairs.length, 1, pairs.map((d) => d.message).join('\n'));
    const [pair] = pairs;
    assert.ok(pair);
    assert.equal(pair.range.start.line, positionOf(document, 'G0103').line);
    assert.equal(pair.severity, vscode.DiagnosticSeverity.Error);
    assert.match(pair.message, /G0103 is bundled into G0101 .*PTP 2026 Q3/);
    assert.deepEqual(
      (await quickFixes(document.uri, pair)).map((action) => action.title),
      [
        'Remove the G0103 line (bundled into G0101)',
        'Add XU to G0103, only if the record supports a distinct service',
        'Add 59 to G0103, only if the record supports a distinct service',
      ],
    );
  });

  it('shows the visit without 57 on the day of the major procedure, and its fix clears it', async () => {
    const { document } = await openFixture('edits.claim');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      hasRules('global-surgery'),
      'global-surgery is reported',
    );
    const [visit, ...others] = diagnostics.filter((d) => ruleIdOf(d) === 'global-surgery');
    assert.ok(visit);
    assert.equal(others.length, 0);
    assert.equal(visit.range.start.line, positionOf(document, '99213').line);
    assert.equal(visit.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(visit.message, /99213 is on the day of G9902, a major procedure \(global 090, PFS 2026 Jul\)/);
    const fixes = await quickFixes(document.uri, visit);
    assert.deepEqual(
      fixes.map((action) => action.title),
      ['Add 57, if the record supports it'],
    );
    const [addModifier] = fixes;
    assert.ok(addModifier?.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(addModifier.edit));
    await waitForDiagnostics(
      document.uri,
      (after) => after.every((d) => ruleIdOf(d) !== 'global-surgery') && hasRules('ncci-ptp')(after),
      'global-surgery is gone once 57 is added, the PTP pair still reported',
    );
    assert.match(document.getText(), /99213-57 +x1/);
  });

  it('shows the PTP pair of an 837P in the Problems panel, with the fix that removes the line', async () => {
    const { document } = await openFixture('same-day-pair.837');
    assert.equal(document.languageId, 'x12');
    const diagnostics = await waitForDiagnostics(document.uri, hasRules('ncci-ptp'), 'ncci-ptp is reported');
    const [pair, ...others] = diagnostics.filter((d) => ruleIdOf(d) === 'ncci-ptp');
    assert.ok(pair);
    assert.equal(others.length, 0);
    assert.equal(pair.range.start.line, positionOf(document, 'HC:G0102').line);
    assert.match(pair.message, /G0102 is bundled into G0101 .*no modifier bypasses this edit/);
    assert.deepEqual(
      (await quickFixes(document.uri, pair)).map((action) => action.title),
      ['Remove the G0102 line (bundled into G0101)'],
    );
  });

  it('hovers the diagnosis with its ICD-10-CM description', async () => {
    const { document } = await openFixture('edits.claim');
    await waitForDiagnostics(document.uri, hasRules('ncci-ptp'), 'the folder is in use');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'U90.01', 2),
    );
    const text = hoverText(hovers);
    assert.match(text, /Invented growth of upper-outer lobe of right widget gland/);
  });
});
