/**
 * The workspace in a real editor (issue 8): find references of a code lists
 * the service lines of files no editor has open, in both formats, and of a
 * diagnosis its list entries and the pointers at it; and with
 * `cptClaims.workspaceDiagnostics` on, a claim file that was never opened
 * shows its problems (VS Code pulls `workspace/diagnostic`), follows a change
 * on disk (the file watcher the server registers), and loses them when the
 * setting goes off. Every wait is for a diagnostics event.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { fixtureUri, openFixture, positionOf, ruleIdOf, waitForDiagnostics } from './editorHelpers';

const loneAddOn = [
  'claim CLM-WORKSPACE-0001',
  '  dos: 2026-03-14',
  '  dx: C50.411',
  '',
  '  19284-RT   x1   $400.00   dx=A',
  '',
].join('\n');
const mended = loneAddOn.replace('  19284-RT', '  19283-RT   x1   $350.00   dx=A\n  19284-RT');

async function textOnDisk(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

describe('the workspace in the editor', () => {
  const configuration = () => vscode.workspace.getConfiguration('cptClaims');
  const unopened = fixtureUri('workspace-check/never-opened.claim');

  after(async () => {
    await configuration().update('workspaceDiagnostics', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.fs
      .delete(fixtureUri('workspace-check'), { recursive: true })
      .then(undefined, () => undefined);
  });

  it('finds the references of a code in files no editor has open, .claim and 837', async () => {
    const { document } = await openFixture('lesion-units.claim');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, '19284', 2),
    );
    const names = new Set(locations.map((location) => path.basename(location.uri.path)));
    for (const name of ['lesion-units.claim', 'lone-addon.claim', 'clean.claim', 'two-claims.837', 'lone-19284.837']) {
      assert.ok(names.has(name), `${name} among ${[...names].join(', ')}`);
    }
    for (const location of locations) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === location.uri.toString());
      const text = open?.getText() ?? (await textOnDisk(location.uri));
      const lines = text.split(/\r?\n/);
      const covered = (lines[location.range.start.line] ?? '').slice(
        location.range.start.character,
        location.range.end.character,
      );
      assert.equal(covered, '19284', `${path.basename(location.uri.path)} line ${location.range.start.line + 1}`);
    }
  });

  it('finds the references of a diagnosis: C50.411 in .claim lists, C50411 in 837 HI segments, and the pointers at it', async () => {
    const { document } = await openFixture('clean.claim');
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'C50.411', 2),
    );
    const byFile = new Map<string, string[]>();
    for (const location of locations) {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === location.uri.toString());
      const text = open?.getText() ?? (await textOnDisk(location.uri));
      const covered = (text.split(/\r?\n/)[location.range.start.line] ?? '').slice(
        location.range.start.character,
        location.range.end.character,
      );
      const name = path.basename(location.uri.path);
      byFile.set(name, [...(byFile.get(name) ?? []), `${location.range.start.line + 1}:${covered}`]);
    }
    assert.deepEqual(byFile.get('clean.claim'), ['4:C50.411', '7:A', '8:A']);
    assert.deepEqual(byFile.get('lone-addon.claim'), ['5:C50.411', '8:A']);
    // The 837's first claim lists C50411 and both its lines point at it; the second claim's C50412 is another diagnosis.
    assert.deepEqual(byFile.get('two-claims.837'), ['18:C50411', '20:1', '23:1']);
  });

  it('shows the problems of a claim file never opened when the setting is on, follows it on disk, and clears them when off', async () => {
    await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode(loneAddOn));
    await configuration().update('workspaceDiagnostics', true, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(
      unopened,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the unopened file shows its lone add-on',
    );
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()),
      'the file was never opened',
    );
    await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode(mended));
    await waitForDiagnostics(
      unopened,
      (d) => !d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the file mended on disk has no lone add-on',
    );
    await vscode.workspace.fs.writeFile(unopened, new TextEncoder().encode(loneAddOn));
    await waitForDiagnostics(
      unopened,
      (d) => d.some((x) => ruleIdOf(x) === 'addon-without-primary'),
      'the problem is back on disk',
    );
    await configuration().update('workspaceDiagnostics', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(unopened, (d) => d.length === 0, 'the setting off clears the unopened file');
  });
});
