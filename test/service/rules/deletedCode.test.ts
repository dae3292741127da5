/**
 * `deleted-code`: A code that has been deleted from CPT; the message names the
 * codes that replaced it by modality. Cases that fire (with their range and
 * message) and cases that must not, and its quick fixes.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { applyFix, fixTitles, only } from '../../support/checks/ruleFindings';

describe('deleted-code', () => {
  it('reports 19290 as an error on the code, naming its replacements by modality', () => {
    const text = 'claim A\n 19290-RT\n';
    const diagnostic = only(text, 'deleted-code');
    assert.equal(diagnostic.severity, 1);
    assert.equal(textAt(text, diagnostic), '19290');
    assert.equal(
      messageOf(diagnostic),
      '19290 was deleted in 2014; report 19281 (mammographic), 19283 (stereotactic), 19285 (ultrasound), 19287 (mri) instead.',
    );
  });

  it('offers one fix per replacement, none preferred, and each clears the error', () => {
    const text = 'claim A\n 19290-RT\n';
    assert.deepEqual(fixTitles(text, 'deleted-code'), [
      ['Replace 19290 with 19281 (mammographic)', false],
      ['Replace 19290 with 19283 (stereotactic)', false],
      ['Replace 19290 with 19285 (ultrasound)', false],
      ['Replace 19290 with 19287 (mri)', false],
    ]);
    const fixed = applyFix(text, 'deleted-code', 'Replace 19290 with 19283 (stereotactic)');
    assert.equal(fixed, 'claim A\n 19283-RT\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('prefers the fix when there is a single replacement', () => {
    assert.deepEqual(fixTitles('claim A\n 77032\n', 'deleted-code'), [
      ['Replace 77032 with 19281 (mammographic)', true],
    ]);
  });

  it('does not fire on current codes', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19281-LT\n'), []);
  });
});
