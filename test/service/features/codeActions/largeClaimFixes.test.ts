/**
 * Quick fixes on one line of a very long 837 claim: every fix that adds or
 * removes a line renumbers the claim's later LX, so making the fixes of all
 * its lines costs the claim's length squared (a code action on an 8,000-line
 * claim ran out of memory). The 837 editor of a code action makes the fixes
 * of the lines its range touches in full and the others only within a
 * budget of segments walked (`x12Editor.ts`). Counted, not timed.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService } from '../../../../server/src/service';
import { bundledCodes } from '../../../../server/src/service/reference/bundledCodes';
import { CodeReference } from '../../../../server/src/service/reference/codeReference';
import { bundledModifiers } from '../../../../server/src/service/reference/modifiers';
import { addOnWithoutPrimaryRule } from '../../../../server/src/service/rules/addonWithoutPrimary';
import type { RuleContext } from '../../../../server/src/service/rules/ruleTypes';
import { bookkeepingBudget, X12Editor } from '../../../../server/src/service/x12/x12Editor';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import { x12Text } from '../../../support/documents/ruleDocExamples';

const lineCount = 1500;
const loop = [
  'CLM*A*1500***11:B:1*Y*A*Y*Y~',
  'HI*ABK:C50411~',
  ...Array.from({ length: lineCount }, (_, i) => `LX*${i + 1}~\nSV1*HC:19284:RT*1*UN*1***1~`),
].join('\n');
const text = x12Text(loop);
const document = TextDocument.create('file:///large/claim.837', 'x12', 1, text);
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };
const sameRange = (a: Range, b: Range) => JSON.stringify(a) === JSON.stringify(b);
const reference = new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers });

describe('quick fixes on a long 837 claim', () => {
  const model = parseX12Text(text);
  const [claim] = model.claims;
  assert.ok(claim && model.x12);
  const target = claim.lines[lineCount - 10];
  assert.ok(target);

  it('makes the fixes of lines outside the focus only within the budget', () => {
    const editor = new X12Editor(document, model.x12 ?? assert.fail(), target.range);
    const context: RuleContext = { reference, editor, format: 'x12-837p' };
    const findings = addOnWithoutPrimaryRule.check(claim, context);
    assert.equal(findings.length, lineCount);
    const edits = findings.reduce(
      (sum, finding) => sum + (finding.fixes ?? []).reduce((n, fix) => n + fix.edits.length, 0),
      0,
    );
    // Without the budget: about lineCount² / 2 LX edits (over a million); with it, the budget and one claim's worth.
    assert.ok(edits <= bookkeepingBudget + 2 * lineCount, `${edits} edits`);
    const onTarget = findings.find((finding) => sameRange(finding.range, target.code.range));
    assert.ok((onTarget?.fixes?.[0]?.edits.length ?? 0) > 1, 'the focused line has its full fix');
  });

  it('offers the focused line the same fix as an editor without a focus makes', () => {
    const service = getLanguageService();
    const diagnostics = service.doValidation(document, service.parse(document), settings);
    const diagnostic = diagnostics.find(
      (d) => d.code === 'addon-without-primary' && d.range.start.line === target.range.start.line,
    );
    assert.ok(diagnostic);
    const [action] = service.getCodeActions(
      document,
      service.parse(document),
      diagnostic.range,
      {
        diagnostics: [diagnostic],
      },
      settings,
    );
    const whole: RuleContext = {
      reference,
      editor: new X12Editor(document, model.x12 ?? assert.fail()),
      format: 'x12-837p',
    };
    const expected = addOnWithoutPrimaryRule
      .check(claim, whole)
      .find((finding) => sameRange(finding.range, target.code.range))?.fixes?.[0];
    assert.equal(action?.title, expected?.title);
    assert.deepEqual(action?.edit?.changes?.[document.uri], expected?.edits);
  });
});
