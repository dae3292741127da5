/**
 * `biopsy-with-localization`: A localization device (19281-19288) or specimen
 * imaging (76098) is reported with a breast biopsy 19081-19086 of the same
 * side and date of service, which already includes them. Cases that fire
 * (with their range and message) and cases that must not: other dates, any of
 * the five distinct-service modifiers, opposite sides; and the modifier the
 * message names for the case the claim shows.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import { messageOf, ruleIds, textAt, validate, validateX12 } from '../../support/documents/claimDocuments';
import { applyFix, fixTitles, ids, only, x12Claim, x12TextOf } from '../../support/checks/ruleFindings';

const rule = 'biopsy-with-localization';

describe('biopsy-with-localization', () => {
  describe('fires', () => {
    it('on a localization device placed on the side of a biopsy, naming XU or 59 and never XS', () => {
      const text = 'claim A\n 19081-RT\n 19283-RT\n';
      const diagnostic = only(text, rule);
      assert.equal(diagnostic.severity, 2);
      assert.equal(textAt(text, diagnostic), '19283');
      assert.equal(diagnostic.range.start.line, 2);
      const message = messageOf(diagnostic);
      assert.match(
        message,
        /^19081 already includes localization device placement and specimen imaging, so 19283 \(placement of a localization device\) on the same side \(RT\) is unbundling if it is for the same lesion; if it is for another lesion of the same breast, add XU or 59\.$/,
      );
      assert.doesNotMatch(message, /XS/);
    });

    it('on specimen imaging 76098 when a line has no side, and says how to show the other breast', () => {
      const text = 'claim A\n 19083-LT\n 76098\n';
      const diagnostic = only(text, rule);
      assert.equal(textAt(text, diagnostic), '76098');
      const message = messageOf(diagnostic);
      assert.match(message, /76098 \(imaging of the specimen\) where a line gives no side \(RT or LT\), is unbundling/);
      assert.match(
        message,
        /another lesion of the same breast, add XU or 59; if it was in the other breast, mark each line RT or LT\.$/,
      );
      assert.doesNotMatch(message, /XS/);
    });

    it('on lines of the same date of service, from the claim or the lines', () => {
      const fromClaim = 'claim A\n dos: 2026-03-14\n 19081-RT\n 19281-RT\n';
      assert.match(messageOf(only(fromClaim, rule)), /19281 \(.*\) on the same side \(RT\) and date of service is/);
      const fromLines = 'claim A\n 19081-RT dos=2026-03-14\n 19281-RT dos=2026-03-14\n';
      assert.match(messageOf(only(fromLines, rule)), /on the same side \(RT\) and date of service/);
      const mixed = 'claim A\n dos: 2026-03-14\n 19081-RT\n 19281-RT dos=2026-03-14\n';
      assert.equal(textAt(mixed, only(mixed, rule)), '19281');
    });

    it('when a line has no known date: taken to be the same session', () => {
      const text = 'claim A\n 19081-RT\n 19281-RT dos=2026-03-15\n';
      const message = messageOf(only(text, rule));
      assert.match(message, /on the same side \(RT\) is unbundling/);
      assert.doesNotMatch(message, /date of service/);
    });

    it('names the same-side biopsy of the same date when there are several', () => {
      // 19083 without a side also draws laterality-missing; only this rule's finding is looked at.
      const text =
        'claim A\n 19083 dos=2026-03-14\n 19081-LT dos=2026-03-14\n 19085-RT dos=2026-03-01\n 19283-LT dos=2026-03-14\n';
      const findings = validate(text).filter((d) => d.code === rule);
      assert.equal(findings.length, 1);
      assert.match(messageOf(findings[0]), /^19081 .* on the same side \(LT\) and date of service/);
    });

    it('on modifiers that are not distinct-service ones (RT, 76, 26)', () => {
      const text = 'claim A\n 19081-RT\n 19283-RT-76\n';
      assert.equal(textAt(text, only(text, rule)), '19283');
    });

    it('offers no quick fix: only the record tells the same lesion from another one', () => {
      assert.deepEqual(fixTitles('claim A\n 19081-RT\n 19283-RT\n', rule), []);
    });

    it('in an 837, by the lines DTP*472 dates', () => {
      const text = writeX12([
        x12Claim('CLM-1', [
          { code: '19081', modifiers: ['RT'], charge: 900, dos: '2026-03-20' },
          { code: '19281', modifiers: ['RT'], charge: 300, dos: '2026-03-20' },
        ]),
      ]);
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), [rule]);
      assert.equal(x12TextOf(text, diagnostics[0]), '19281');
      assert.match(messageOf(diagnostics[0]), /same side \(RT\) and date of service/);
    });
  });

  describe('XS on the biopsy side', () => {
    it('is accepted with an information that XS is the other breast, offering XU or 59 instead', () => {
      const text = 'claim A\n dos: 2026-03-02\n 19081-RT\n 19283-RT-XS\n';
      const diagnostic = only(text, rule);
      assert.equal(diagnostic.severity, 3);
      assert.equal(textAt(text, diagnostic), 'XS');
      assert.match(
        messageOf(diagnostic),
        /same side \(RT\) as the biopsy 19081: XS fits the other breast.*XU .* or 59/,
      );
      assert.deepEqual(fixTitles(text, rule), [
        ['Replace XS with XU', false],
        ['Replace XS with 59', false],
      ]);
      const fixed = applyFix(text, rule, 'Replace XS with XU');
      assert.equal(fixed, 'claim A\n dos: 2026-03-02\n 19081-RT\n 19283-RT-XU\n');
      assert.deepEqual(ruleIds(fixed), []);
    });

    it('says nothing on another date or side, where XS is not about the biopsy', () => {
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-LT-XS\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19081-RT dos=2026-03-02\n 19283-RT-XS dos=2026-03-20\n'), []);
    });
  });

  describe('stays quiet', () => {
    it('on a localization another day: a separate session (pre-operative seed before an excision)', () => {
      assert.deepEqual(
        ruleIds('claim A\n dos: 2026-03-02\n 19081-RT\n 19281-RT dos=2026-03-20\n 76098-RT dos=2026-03-20\n'),
        [],
      );
      assert.deepEqual(
        ruleIds('claim A\n 19081-RT dos=2026-03-02\n 19281-RT dos=2026-03-20\n 76098 dos=2026-03-20\n'),
        [],
      );
    });

    it('in an 837 whose lines have different DTP*472 dates', () => {
      const text = writeX12([
        x12Claim('CLM-1', [
          { code: '19081', modifiers: ['RT'], charge: 900 },
          { code: '19281', modifiers: ['RT'], charge: 300, dos: '2026-03-20' },
          { code: '76098', charge: 50, dos: '2026-03-20' },
        ]),
      ]);
      assert.deepEqual(ids(validateX12(text)), []);
    });

    it('on any of the five distinct-service modifiers CMS lists: 59, XE, XP, XS, XU', () => {
      for (const modifier of ['59', 'XE', 'XP', 'XS', 'XU']) {
        assert.deepEqual(ruleIds(`claim A\n 19081-LT\n 76098 ${modifier}\n`), [], modifier);
      }
      for (const modifier of ['59', 'XE', 'XP', 'XU']) {
        assert.deepEqual(ruleIds(`claim A\n 19081-RT\n 19283-RT-${modifier}\n`), [], modifier);
      }
      // XS beside another reason says nothing more: the line names one that fits.
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-RT-XS-59\n'), []);
    });

    it('on opposite sides, and on localization without a biopsy', () => {
      assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-LT\n'), []);
      assert.deepEqual(ruleIds('claim A\n 19283-RT\n 76098\n'), []);
    });
  });
});
