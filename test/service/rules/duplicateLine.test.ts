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

  describe('unclassified drugs in an 837 (SV101-7 description, LIN NDC of loop 2410)', () => {
    /** Two J3490 lines on one date; `edit` writes each line's SV101 tail and what follows its SV1. */
    function twoDrugLines(first: { sv101: string; after: string }, second: { sv101: string; after: string }): string {
      const text = writeX12([
        x12Claim('CLM-RX', [
          { code: 'J3490', charge: 40 },
          { code: 'J3490', charge: 55 },
        ]),
      ]);
      const lines = text.split('SV1*HC:J3490');
      assert.equal(lines.length, 3);
      const [head, one, two] = lines as [string, string, string];
      const withTail = (rest: string, line: { sv101: string; after: string }) =>
        `SV1*HC:J3490${line.sv101}${rest.replace(/~\n/, `~\n${line.after}`)}`;
      return head + withTail(one, first) + withTail(two, second);
    }

    const drugIds = (text: string) =>
      validateX12(text)
        .map((d) => String(d.code))
        .filter((id) => id === 'duplicate-line');

    it('keeps two J3490 lines apart when their SV101-7 descriptions differ', () => {
      const text = twoDrugLines(
        { sv101: ':::::DRUG ALPHA 10MG', after: '' },
        { sv101: ':::::DRUG BETA 5MG', after: '' },
      );
      assert.match(text, /SV1\*HC:J3490:::::DRUG BETA 5MG\*55/);
      assert.deepEqual(drugIds(text), []);
    });

    it('keeps two J3490 lines apart when their NDCs (LIN*...*N4) differ', () => {
      const text = twoDrugLines(
        { sv101: '', after: 'LIN**N4*00000000011~\n' },
        { sv101: '', after: 'LIN**N4*00000000022~\n' },
      );
      assert.equal(text.match(/LIN\*\*N4/g)?.length, 2);
      assert.deepEqual(drugIds(text), []);
    });

    it('still warns when description and NDC are the same (case, blanks and hyphens aside), naming what is shared', () => {
      const text = twoDrugLines(
        { sv101: ':::::DRUG ALPHA 10MG', after: 'LIN**N4*00000-0000-11~\n' },
        { sv101: ':::::drug  alpha 10mg', after: 'LIN**N4*00000000011~\n' },
      );
      const diagnostics = validateX12(text).filter((d) => d.code === 'duplicate-line');
      assert.equal(diagnostics.length, 1);
      assert.match(
        messageOf(diagnostics[0]),
        /^J3490 repeats service line 1 of this claim \(same code, modifiers, date of service and SV101-7 description and NDC\)/,
      );
      // The description is free text: it is compared, never quoted.
      assert.doesNotMatch(messageOf(diagnostics[0]), /ALPHA/i);
    });

    it('still warns on two J3490 lines with neither description nor NDC', () => {
      assert.deepEqual(drugIds(twoDrugLines({ sv101: '', after: '' }, { sv101: '', after: '' })), ['duplicate-line']);
    });

    it('reads an NDC only under LIN02 N4 and only for the line it follows', () => {
      const otherQualifier = twoDrugLines(
        { sv101: '', after: 'LIN**XX*00000000011~\n' },
        { sv101: '', after: 'LIN**XX*00000000022~\n' },
      );
      assert.deepEqual(drugIds(otherQualifier), ['duplicate-line']);
    });
  });
});
