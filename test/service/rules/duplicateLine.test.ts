/**
 * `duplicate-line`: The same code, modifiers and date of service appear on two
 * lines of one claim. Cases that fire (with their range and message) and cases
 * that must not, and its quick fixes.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service';
import { messageOf, ruleIds, textAt, validateX12 } from '../../support/documents/claimDocuments';
import { applyFix, applyX12Fix, fixTitles, only, x12Claim } from '../../support/checks/ruleFindings';

describe('duplicate-line', () => {
  it('warns on the second line with the same code, modifiers in any order and date', () => {
    const text = 'claim A\n dos: 2026-03-14\n 19303-RT-59\n 19303-59-RT x1\n';
    const diagnostic = only(text, 'duplicate-line');
    assert.equal(diagnostic.severity, 2);
    assert.equal(textAt(text, diagnostic), '19303-59-RT x1');
    assert.match(messageOf(diagnostic), /repeats service line 1 of this claim/);
  });

  it("takes the duplicate's charge off an 837's claim total (CLM02) with the line, so the total still adds up", () => {
    const text = writeX12([
      x12Claim('CLM-1', [
        { code: '19303', modifiers: ['RT'], charge: 900 },
        { code: '19303', modifiers: ['RT'], charge: 900 },
      ]),
    ]);
    assert.deepEqual(
      validateX12(text).map((d) => d.code),
      ['duplicate-line'],
    );
    const fixed = applyX12Fix(text, 'duplicate-line');
    assert.match(fixed, /CLM\*CLM-1\*900\*/);
    assert.equal(fixed.match(/SV1\*/g)?.length, 1);
    assert.deepEqual(
      validateX12(fixed).map((d) => d.code),
      [],
    );
  });

  it('offers removing the duplicate, not preferred', () => {
    const text = 'claim A\n 19283-RT\n 19284-RT\n 19284-RT\n';
    assert.deepEqual(fixTitles(text, 'duplicate-line'), [['Remove this duplicate 19284-RT line', false]]);
    const fixed = applyFix(text, 'duplicate-line', 'Remove this duplicate 19284-RT line');
    assert.equal(fixed, 'claim A\n 19283-RT\n 19284-RT\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('leaves a first-lesion code keyed twice on a date to primary-units (the repeat is usually the next lesion)', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19283-RT\n'), ['primary-units']);
  });

  it('accepts other modifiers, another date, or another claim', () => {
    assert.deepEqual(ruleIds('claim A\n 19303-RT\n 19303-LT\n'), []);
    assert.deepEqual(ruleIds('claim A\n dos: 2026-03-14\n 19303-RT\n 19303-RT dos=2026-03-15\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19303-RT\nclaim B\n 19303-RT\n'), []);
    assert.deepEqual(ruleIds('claim A\n dos: 2026-03-14\n 19283-RT\n 19283-RT dos=2026-03-15\n'), []);
  });
});
