/**
 * CodeLens on a huge file is bounded (issue 20): the client asks for every
 * lens of the document, so the first claims get one each, the next claim one
 * resolved lens saying they stop, and the search stops there. Caps are
 * injected small, so the counts are exact.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeLens } from 'vscode-languageserver-types';
import { getCodeLenses, getCodeLensesInSteps } from '../../../../server/src/service/features/codeLens/claimLens';
import { parseClaimText } from '../../../../server/src/service/claimText/claimTextParser';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import { runToEnd } from '../../../../server/src/service/validation/validationSteps';
import { x12Batch } from '../../../support/documents/x12Batch';

function claimsText(count: number): string {
  return Array.from({ length: count }, (_, n) => `claim C${n}\n  19283-RT x1 $350.00\n`).join('');
}

function lensesOf(text: string, limit: number): CodeLens[] {
  const document = TextDocument.create('file:///test/huge.claim', 'claim', 1, text);
  return getCodeLenses(document, parseClaimText(text), limit);
}

describe('CodeLens on a huge file is capped', () => {
  it('the first claims get a lens to resolve, the next one a resolved lens saying the lenses stop', () => {
    const lenses = lensesOf(claimsText(5000), 100);
    assert.equal(lenses.length, 101);
    assert.deepEqual(
      lenses.slice(0, 100).map((lens) => [lens.range.start.line, lens.command]),
      Array.from({ length: 100 }, (_, n) => [2 * n, undefined]),
    );
    const last = lenses[100];
    assert.deepEqual(last?.range.start, { line: 200, character: 0 });
    assert.deepEqual(last?.command, { title: 'No CodeLens past the first 100 claims of this file', command: '' });
    assert.equal(last?.data, undefined, 'nothing to resolve');
  });

  it('a file within the limit gets one lens per claim and no closing lens', () => {
    const lenses = lensesOf(claimsText(100), 100);
    assert.equal(lenses.length, 100);
    assert.ok(lenses.every((lens) => lens.command === undefined));
  });

  it('an unnamed claim before the first claim line counts as one of the first', () => {
    const lenses = lensesOf(`19283-RT x1 $350.00\n${claimsText(3)}`, 2);
    assert.deepEqual(
      lenses.map((lens) => [lens.range.start.line, lens.command?.title]),
      [
        [0, undefined],
        [1, undefined],
        [3, 'No CodeLens past the first 2 claims of this file'],
      ],
    );
  });

  it('an 837 of a segment per line: the first CLMs, then the closing lens on the next CLM', () => {
    const text = x12Batch(2, 30);
    const document = TextDocument.create('file:///test/huge.837', 'x12', 1, text);
    const clmLines = text
      .split('\n')
      .map((line, n) => (line.startsWith('CLM*') ? n : -1))
      .filter((n) => n >= 0);
    const lenses = getCodeLenses(document, parseX12Text(text), 25);
    assert.deepEqual(
      lenses.map((lens) => lens.range.start.line),
      clmLines.slice(0, 26),
    );
    assert.equal(lenses.at(-1)?.command?.title, 'No CodeLens past the first 25 claims of this file');
    assert.equal(getCodeLenses(document, parseX12Text(text), 60).length, 60, 'every CLM within the limit');
  });

  it('in steps: the search stops at the limit, so a huge file takes no more steps than a small one', () => {
    const text = claimsText(50_000);
    const document = TextDocument.create('file:///test/huge.claim', 'claim', 1, text);
    const run = getCodeLensesInSteps(document, parseClaimText(text), 100);
    let steps = 0;
    let step = run.next();
    while (step.done !== true) {
      steps++;
      step = run.next();
    }
    assert.equal(steps, 0, 'the first 101 claims are in the first slice of lines');
    assert.equal(step.value.length, 101);
    // Without a claim in its first lines the scan is sliced.
    const blank = `${'\n'.repeat(100_000)}${claimsText(2)}`;
    const blankDocument = TextDocument.create('file:///test/blank.claim', 'claim', 1, blank);
    const sliced = getCodeLensesInSteps(blankDocument, parseClaimText(blank), 100);
    let slices = 0;
    for (let next = sliced.next(); next.done !== true; next = sliced.next()) {
      slices++;
    }
    assert.ok(slices >= 4, `${slices} slices`);
    assert.equal(runToEnd(getCodeLensesInSteps(blankDocument, parseClaimText(blank), 100)).length, 2);
  });
});
