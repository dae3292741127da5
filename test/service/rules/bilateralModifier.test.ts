/**
 * `bilateral-modifier`: modifier 50 on a lesion-counted add-on code is an
 * error; on any other known code whether 50 or RT/LT lines are right
 * depends on the payer (the fee schedule's bilateral indicator, for
 * Medicare), said as information with no fix. Cases that fire (with their
 * range, severity and message), cases that must not, and the quick fixes.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt, validate } from '../../support/documents/claimDocuments';
import { applyFix, fixTitles, only } from '../../support/checks/ruleFindings';

describe('bilateral-modifier', () => {
  it('gives an error for 50 on an add-on code, on the modifier', () => {
    const text = 'claim A\n 19283-RT\n 19284-50\n';
    const diagnostic = only(text, 'bilateral-modifier');
    assert.equal(diagnostic.severity, 1);
    assert.equal(textAt(text, diagnostic), '50');
    assert.equal(
      messageOf(diagnostic),
      'Modifier 50 does not go on an add-on code: report 19284 on a line for each side with RT or LT (one unit for each further lesion).',
    );
  });

  it('says of an add-on code that is not lesion-counted that 50 depends on the payer (SGO reports +38900-50)', () => {
    const diagnostic = validate('claim A\n 38525-RT\n 38900-50\n').find((d) => d.code === 'bilateral-modifier');
    assert.equal(diagnostic?.severity, 3);
    assert.match(messageOf(diagnostic), /^Whether 38900 takes modifier 50 \(one line\) or a line for each side/);
    assert.deepEqual(fixTitles('claim A\n 38525-RT\n 38900-50\n', 'bilateral-modifier'), []);
  });

  it('offers RT and LT on an add-on code, neither preferred', () => {
    const text = 'claim A\n 19283-RT\n 19284-50\n';
    assert.deepEqual(fixTitles(text, 'bilateral-modifier'), [
      ['Replace 50 with RT', false],
      ['Replace 50 with LT', false],
    ]);
    const fixed = applyFix(text, 'bilateral-modifier', 'Replace 50 with RT');
    assert.equal(fixed, 'claim A\n 19283-RT\n 19284-RT\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('found: replaces a 50 written twice as a whole, so the error goes (joined and separate modifiers)', () => {
    // The property test's counterexample: replacing only the first 50 left the line reported.
    assert.equal(
      applyFix('claim A\n 19281-RT\n 19282-50-59-50 x1\n', 'bilateral-modifier', 'Replace 50 with RT'),
      'claim A\n 19281-RT\n 19282-RT-59 x1\n',
    );
    const fixed = applyFix('claim A\n 19283-LT\n 19284 50  50 x1\n', 'bilateral-modifier', 'Replace 50 with LT');
    assert.equal(fixed, 'claim A\n 19283-LT\n 19284 LT x1\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('says as information, with no fix, that 50 on a first-lesion code depends on the payer', () => {
    const text = 'claim A\n 19283-50\n';
    const diagnostic = only(text, 'bilateral-modifier');
    assert.equal(diagnostic.severity, 3);
    assert.equal(textAt(text, diagnostic), '50');
    assert.match(
      messageOf(diagnostic),
      /^Whether 19283 takes modifier 50 \(one line\) or a line for each side with RT and LT depends on the payer: for Medicare, on the fee schedule's bilateral surgery indicator for 19283\./,
    );
    assert.deepEqual(fixTitles(text, 'bilateral-modifier'), []);
  });

  it('says the same of 50 on a known code that is not lesion-counted', () => {
    const diagnostic = only('claim A\n 19303-50\n', 'bilateral-modifier');
    assert.equal(diagnostic.severity, 3);
    assert.match(messageOf(diagnostic), /^Whether 19303 takes modifier 50/);
  });

  it('stays quiet on RT and LT lines, on codes the data does not know, and on deleted codes (deleted-code reports them)', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-LT\n'), []);
    assert.ok(!ruleIds('claim A\n 99999-50\n').includes('bilateral-modifier'));
    assert.ok(!ruleIds('claim A\n 19290-50\n').includes('bilateral-modifier'));
  });
});
