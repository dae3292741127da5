/**
 * `bilateral-modifier`: Modifier 50 is on a lesion-counted code; lesions are
 * counted with the add-on code and sides shown with RT/LT. Cases that fire
 * (with their range and message) and cases that must not, and its quick fixes.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { applyFix, fixTitles, only } from '../../support/checks/ruleFindings';

describe('bilateral-modifier', () => {
  it('warns on 50 on a lesion-counted code, on the modifier', () => {
    const text = 'claim A\n 19283-50\n';
    const diagnostic = only(text, 'bilateral-modifier');
    assert.equal(diagnostic.severity, 2);
    assert.equal(textAt(text, diagnostic), '50');
    assert.match(messageOf(diagnostic), /lesions are counted with the add-on code, and sides are shown with RT or LT/);
  });

  it('offers RT and LT, neither preferred', () => {
    const text = 'claim A\n 19283-50\n';
    assert.deepEqual(fixTitles(text, 'bilateral-modifier'), [
      ['Replace 50 with RT', false],
      ['Replace 50 with LT', false],
    ]);
    const fixed = applyFix(text, 'bilateral-modifier', 'Replace 50 with LT');
    assert.equal(fixed, 'claim A\n 19283-LT\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('found: replaces a 50 written twice as a whole, so the warning goes (joined and separate modifiers)', () => {
    // The property test's counterexample: replacing only the first 50 left the line warned about.
    assert.equal(
      applyFix('claim A\n 19282-50-59-50 x1\n', 'bilateral-modifier', 'Replace 50 with RT'),
      'claim A\n 19282-RT-59 x1\n',
    );
    const fixed = applyFix('claim A\n 19283 50  50 x1\n', 'bilateral-modifier', 'Replace 50 with LT');
    assert.equal(fixed, 'claim A\n 19283 LT x1\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('does not fire on 50 on a code that is not lesion-counted', () => {
    assert.deepEqual(ruleIds('claim A\n 19303-50\n'), []);
  });
});
