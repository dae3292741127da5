/**
 * Inlay hints and the claim CodeLens in the real editor, through VS Code's
 * own provider commands: the labels a coder sees at the end of a `.claim`
 * file's service lines and after an 837's SV101, and the lens on each claim.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openFixture } from './editorHelpers';

function labelOf(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

async function hintsOf(document: vscode.TextDocument): Promise<string[]> {
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const hints = await vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider',
    document.uri,
    whole,
  );
  return hints.map(
    (hint) => `${document.lineAt(hint.position.line).text.slice(0, hint.position.character).trim()} ⟨${labelOf(hint)}⟩`,
  );
}

/** Lens titles by line (1-based), every lens resolved. */
async function lensesOf(document: vscode.TextDocument): Promise<string[]> {
  const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
    'vscode.executeCodeLensProvider',
    document.uri,
    100,
  );
  return lenses.map((lens) => `${lens.range.start.line + 1}: ${lens.command?.title ?? '(unresolved)'}`);
}

describe('inlay hints and CodeLens in the editor', () => {
  it("show each code's summary and the lesions its units count in a .claim file", async () => {
    const { document } = await openFixture('clean.claim');
    // At the end of each line, so the columns stay where the formatter put them.
    assert.deepEqual(await hintsOf(document), [
      '19283-RT   x1   $350.00   dx=A ⟨Stereotactic localization⟩',
      '19283-RT   x1   $350.00   dx=A ⟨1 lesion of 3⟩',
      '19284-RT   x2   $400.00   dx=A ⟨Stereotactic localization⟩',
      '19284-RT   x2   $400.00   dx=A ⟨2 lesions of 3⟩',
    ]);
  });

  it('say what is missing when the units fall short of the lesions', async () => {
    const { document } = await openFixture('lesion-units.claim');
    const hints = await hintsOf(document);
    assert.equal(hints[hints.length - 1], '19284-RT   x1   $400.00   dx=A ⟨1 lesion of 3, missing 1⟩');
    assert.deepEqual(await lensesOf(document), [
      '2: 3 lesions: 19283 x1 + 19284 x1, missing 1 · total $750.00 · 1 warning',
    ]);
  });

  it('put a lens on the claim line with lesions, total and problems', async () => {
    const { document } = await openFixture('clean.claim');
    assert.deepEqual(await lensesOf(document), [
      '2: 3 lesions: 19283 x1 + 19284 x2, complete · total $750.00 · no problems',
    ]);
  });

  it('show summaries after SV101 and a lens on each CLM of an 837', async () => {
    const { document } = await openFixture('two-claims.837');
    assert.deepEqual(await hintsOf(document), [
      'SV1*HC:19283:RT ⟨Stereotactic localization, first lesion⟩',
      'SV1*HC:19284:RT ⟨Stereotactic localization, each additional lesion⟩',
      'SV1*HC:19284:LT ⟨Stereotactic localization, each additional lesion⟩',
    ]);
    assert.deepEqual(await lensesOf(document), [
      '17: 2 lesions billed: 19283 x1 + 19284 x1 · total $750.00 · no problems',
      '29: 1 lesion billed: 19284 x1 · total $400.00 · 1 error',
    ]);
  });
});
