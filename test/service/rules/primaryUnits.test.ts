/**
 * `primary-units`: A first-lesion code is reported with more than 1 unit; the
 * extra lesions belong on its add-on code. Cases that fire (with their range
 * and message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service';
import { messageOf, ruleIds, textAt, validateX12 } from '../../support/documents/claimDocuments';
import { applyFix, applyX12Fix, fixTitles, only, x12Claim } from '../../support/checks/ruleFindings';

describe('primary-units', () => {
  it('warns on 19283 x2 and names the add-on to use', () => {
    const text = 'claim A\n 19283-RT x2\n';
    const diagnostic = only(text, 'primary-units');
    assert.equal(diagnostic.severity, 2);
    assert.equal(textAt(text, diagnostic), 'x2');
    assert.match(messageOf(diagnostic), /\+19284 x1/);
  });

  it('accepts a first-lesion code with 1 unit, written or not', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT x1\n 19285-RT\n'), []);
  });

  it('leaves add-on units to the add-on', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-RT x4\n'), []);
  });
});

describe('primary-units over several lines of one date', () => {
  it('warns on a first-lesion code keyed again on the same side and date, on the repeat, and moves it to the add-on', () => {
    const text = 'claim A\n lesions: 2\n 19083-LT x1\n 19083-LT x1\n';
    const diagnostic = only(text, 'primary-units');
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.range.start.line, 3);
    assert.equal(textAt(text, diagnostic), '19083');
    assert.equal(
      messageOf(diagnostic),
      "19083 is already billed on this date (service line 1 of this claim) and is reported once per session: bill this line's 1 lesion with +19084.",
    );
    assert.deepEqual(fixTitles(text, 'primary-units'), [['Bill this line as +19084', true]]);
    const fixed = applyFix(text, 'primary-units', 'Bill this line as +19084');
    assert.equal(fixed, 'claim A\n lesions: 2\n 19083-LT x1\n 19084-LT x1\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it("takes the merged repeat's charge off an 837's claim total, so the total still adds up", () => {
    const text = writeX12([
      x12Claim('CLM-1', [
        { code: '19083', modifiers: ['RT'], charge: 500 },
        { code: '19083', modifiers: ['RT'], charge: 500 },
        { code: '19084', modifiers: ['RT'], charge: 300 },
      ]),
    ]);
    assert.deepEqual(
      validateX12(text).map((d) => d.code),
      ['primary-units'],
    );
    const fixed = applyX12Fix(text, 'primary-units');
    assert.match(fixed, /CLM\*CLM-1\*800\*/);
    assert.match(fixed, /SV1\*HC:19084:RT\*300\*UN\*2\*/);
    assert.deepEqual(
      validateX12(fixed).map((d) => d.code),
      [],
    );
  });

  it('moves the repeat onto an add-on line already billed for that side, so no duplicate is made', () => {
    const text = 'claim A\n lesions: 3\n 19083-LT x1\n 19083-LT x1\n 19084-LT x1\n';
    assert.deepEqual(ruleIds(text), ['primary-units']);
    const fixed = applyFix(text, 'primary-units', 'Move 1 unit to the +19084 line');
    assert.equal(fixed, 'claim A\n lesions: 3\n 19083-LT x1\n 19084-LT x2\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('says the CPT convention for the other breast, and that payers differ, with a fix that is not preferred', () => {
    const text = 'claim A\n lesions: 2\n 19083-RT x1\n 19083-LT x1\n';
    const diagnostic = only(text, 'primary-units');
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.range.start.line, 3);
    assert.match(
      messageOf(diagnostic),
      /^19083 is reported once per session, whatever the side: by CPT convention the lesion in the other breast is an additional lesion, so this line is \+19084 with its LT kept\. Some payers want the first-lesion code once per breast/,
    );
    assert.deepEqual(fixTitles(text, 'primary-units'), [['Bill this line as +19084', false]]);
    const fixed = applyFix(text, 'primary-units', 'Bill this line as +19084');
    assert.equal(fixed, 'claim A\n lesions: 2\n 19083-RT x1\n 19084-LT x1\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('stays quiet on lines of other dates, other modalities, other claims and add-on repeats', () => {
    assert.deepEqual(ruleIds('claim A\n dos: 2026-03-14\n 19083-LT\n 19083-LT dos=2026-03-20\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19081-LT\n 19083-LT\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19083-LT\nclaim B\n 19083-LT\n'), []);
    assert.ok(!ruleIds('claim A\n 19083-LT\n 19084-LT\n 19084-LT\n').includes('primary-units'));
  });
});
