/**
 * X12 837P files in the editor: recognised by extension, the same problems
 * as `.claim` files on the exact element (also in a one-line file with `|`
 * and `>` separators), one problem for a file that is not an 837P (an 837I),
 * a structure problem of the guide (N3 after N4), hover on an SV1 procedure
 * code, and the outline.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, openFixture, positionOf, ruleIdOf, waitForDiagnostics } from './editorHelpers';

describe('an X12 837P file in the editor', () => {
  it('is recognised as X12 and reports the CLM loop that lacks 19283', async () => {
    const { document } = await openFixture('two-claims.837');
    assert.equal(document.languageId, 'x12');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the lone add-on is reported');
    assert.deepEqual(diagnostics.map(ruleIdOf), ['addon-without-primary']);
    const [diagnostic] = diagnostics;
    assert.ok(diagnostic);
    assert.equal(document.getText(diagnostic.range), '19284');
    assert.ok(diagnostic.range.start.isAfter(positionOf(document, 'CLM*CLM-EDITOR-B')));
  });

  it('shows one problem for an 837I, saying what it is and that it is not checked', async () => {
    const { document } = await openFixture('institutional.837');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the 837I is refused');
    assert.deepEqual(diagnostics.map(ruleIdOf), ['x12-not-837p']);
    assert.equal(document.getText(diagnostics[0]?.range), '005010X223A2');
    assert.match(diagnostics[0]?.message ?? '', /837I institutional claim/);
    assert.equal(diagnostics[0]?.severity, vscode.DiagnosticSeverity.Warning);
  });

  it("shows a structure problem of the 837P guide on the segment: N3 after N4 in the billing provider's loop", async () => {
    const { document } = await openFixture('structure.837');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (d) => d.some((diagnostic) => ruleIdOf(diagnostic) === 'x12-segment-placement'),
      'the out-of-order N3 is reported',
    );
    const placement = diagnostics.filter((diagnostic) => ruleIdOf(diagnostic) === 'x12-segment-placement');
    assert.equal(placement.length, 1);
    assert.equal(document.getText(placement[0]?.range), 'N3');
    assert.match(placement[0]?.message ?? '', /Loop 2010AA Billing Provider Name/);
  });

  it('reads the separators from ISA in a one-line .edi file', async () => {
    const { document } = await openFixture('one-line.edi');
    assert.equal(document.languageId, 'x12');
    assert.equal(document.lineCount <= 2, true);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the wrong modality is reported');
    assert.deepEqual(diagnostics.map(ruleIdOf), ['addon-wrong-modality']);
    assert.match(diagnostics[0]?.message ?? '', /19286/);
    assert.equal(document.getText(diagnostics[0]?.range), '19284');
  });

  it('explains the procedure code of an SV1 on hover', async () => {
    const { document } = await openFixture('two-claims.837');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'HC:19284', 4),
    );
    const text = hoverText(hovers);
    assert.match(text, /\+19284/);
    assert.match(text, /19283/);
  });

  it('outlines the claims by CLM01 with their service lines', async () => {
    const { document } = await openFixture('two-claims.837');
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'the server has read the file');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      document.uri,
    );
    const flatten = (list: readonly vscode.DocumentSymbol[]): vscode.DocumentSymbol[] =>
      list.flatMap((s) => [s, ...flatten(s.children)]);
    const names = flatten(symbols ?? []).map((s) => s.name);
    assert.ok(
      names.some((name) => name.includes('CLM-EDITOR-A')),
      names.join(', '),
    );
    assert.ok(
      names.some((name) => name.includes('CLM-EDITOR-B')),
      names.join(', '),
    );
    assert.equal(names.filter((name) => name.includes('19284')).length, 2, names.join(', '));
  });
});
