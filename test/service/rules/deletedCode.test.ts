/**
 * `deleted-code`: A code that has been deleted from CPT; the message says
 * what replaced it, or which codes now include its work (remove the line),
 * settled by the claim's other lines where it depends on them. Cases that
 * fire (with their range, message and fixes) and cases that must not, and
 * fixes that never bill a code the claim already has.
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-types';
import { writeX12 } from '../../../server/src/service';
import {
  formatDiagnostic,
  messageOf,
  ruleIds,
  textAt,
  validate,
  validateX12,
} from '../../support/documents/claimDocuments';
import { applyFix, applyX12Fix, fixTitles, only, x12Claim } from '../../support/checks/ruleFindings';
import { page } from '../../support/documents/ruleDocExamples';
import { findingsOf, serviceWith } from '../../support/inMemoryOfficialData';

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

  it('moves the further lesions of a deleted first-lesion line onto the add-on, so primary-units has nothing to say', () => {
    const text = 'claim A\n 19290-RT x3 dx=A\n dx: C50.411\n';
    const title = 'Replace 19290 with 19283 (stereotactic) x1 + 19284 x2';
    assert.ok(fixTitles(text, 'deleted-code').some(([t]) => t === title));
    const fixed = applyFix(text, 'deleted-code', title);
    assert.equal(fixed, 'claim A\n 19283-RT x1 dx=A\n 19284-RT   x2   dx=A\n dx: C50.411\n');
    assert.deepEqual(ruleIds(fixed), []);
    // With the add-on already billed for that date, its units grow instead.
    const withAddOn = 'claim A\n 19290-RT x2\n 19284-RT x1\n';
    assert.equal(
      applyFix(withAddOn, 'deleted-code', 'Replace 19290 with 19283 (stereotactic) x1 + 19284 x1'),
      'claim A\n 19283-RT x1\n 19284-RT x2\n',
    );
  });

  it('keeps the units of a deleted add-on line it replaces', () => {
    const fixed = applyFix(
      'claim A\n 19283-RT\n 19291-RT x2\n',
      'deleted-code',
      'Replace 19291 with 19284 (stereotactic)',
    );
    assert.equal(fixed, 'claim A\n 19283-RT\n 19284-RT x2\n');
  });

  it('does not fire on current codes', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19281-LT\n'), []);
  });

  describe('19295, the old clip add-on of a biopsy', () => {
    it('says its work is inside the biopsy codes and removes the line, never a second biopsy', () => {
      const text = 'claim A\n 19083-RT\n 19295-RT\n';
      const diagnostic = only(text, 'deleted-code');
      assert.equal(
        messageOf(diagnostic),
        '19295 was deleted in 2014; its work is now included in 19081-19086: remove the line.',
      );
      assert.doesNotMatch(messageOf(diagnostic), /report 19081/);
      assert.deepEqual(fixTitles(text, 'deleted-code'), [['Remove the 19295 line: its work is in 19081-19086', true]]);
      const fixed = applyFix(text, 'deleted-code', 'Remove the 19295 line: its work is in 19081-19086');
      assert.equal(fixed, 'claim A\n 19083-RT\n');
      assert.deepEqual(ruleIds(fixed), []);
    });

    it('removes it too with no biopsy on the claim: a biopsy code is still not its successor', () => {
      assert.deepEqual(fixTitles('claim A\n 77065-RT\n 19295-RT\n', 'deleted-code'), [
        ['Remove the 19295 line: its work is in 19081-19086', true],
      ]);
    });

    it("offers no removal of a claim's only line, which would leave a claim with nothing to bill, and says why", () => {
      const text = 'claim A\n 19295-RT\n';
      assert.deepEqual(fixTitles(text, 'deleted-code'), []);
      assert.match(
        messageOf(only(text, 'deleted-code')),
        /remove the line \(it is this claim's only service line: bill the 19081-19086 service it belongs to here, or drop the claim\)\.$/,
      );
    });

    it('gives the message its rule page quotes for it', () => {
      const match = /The same message for a clip add-on[^`]*```claim\n([\s\S]*?)\n```\n\ngives \*([^*]+)\*/.exec(
        page('deleted-code'),
      );
      assert.ok(match?.[1] && match[2], 'the page shows a 19295 claim and its message');
      assert.equal(messageOf(only(`${match[1]}\n`, 'deleted-code')), match[2].replace(/\s+/g, ' '));
    });

    it('takes its charge off the 837 total when it removes the line, so the total still adds up', () => {
      const text = writeX12([
        x12Claim('CLM-1', [
          { code: '19083', modifiers: ['RT'], charge: 500 },
          { code: '19295', modifiers: ['RT'], charge: 100 },
        ]),
      ]);
      assert.deepEqual(
        validateX12(text).map((d) => d.code),
        ['deleted-code'],
      );
      const fixed = applyX12Fix(text, 'deleted-code');
      assert.match(fixed, /CLM\*CLM-1\*500\*/);
      assert.doesNotMatch(fixed, /19295/);
      assert.deepEqual(validateX12(fixed).map(formatDiagnostic), []);
    });
  });

  describe('76096, old mammographic guidance: a wire or a biopsy', () => {
    for (const biopsy of ['19081', '19083', '19085', '19102', '19103']) {
      it(`with a biopsy on the claim (${biopsy}) says remove, not replace with 19281`, () => {
        const text = `claim A\n dos: 2026-03-14\n ${biopsy}-RT\n 76096-RT\n`;
        const diagnostic = findDeleted(text, '76096');
        assert.equal(
          messageOf(diagnostic),
          `76096 was deleted in 2007; with ${biopsy} on this claim for that date, its work is included in 19081-19086: remove the line.`,
        );
        assert.doesNotMatch(messageOf(diagnostic), /19281/);
        const titles = fixTitles(text, 'deleted-code').filter(([title]) => title.includes('76096'));
        assert.deepEqual(titles, [['Remove the 76096 line: its work is in 19081-19086', true]]);
      });
    }

    it('with a wire on the claim (old 19290 or new 19281) removes the line: the localization code includes it', () => {
      for (const wire of ['19290', '19281']) {
        const text = `claim A\n ${wire}-RT\n 76096-RT\n`;
        assert.equal(
          messageOf(findDeleted(text, '76096')),
          `76096 was deleted in 2007; with ${wire} on this claim for that date, its work is included in 19281, 19282: remove the line.`,
        );
      }
    });

    it('when the claim cannot tell, gives both cases and prefers neither fix', () => {
      const text = 'claim A\n 77065-RT\n 76096-RT\n';
      assert.equal(
        messageOf(only(text, 'deleted-code')),
        '76096 was deleted in 2007; when it guided a biopsy, its work is now included in 19081-19086: remove the line; when it guided a wire or other localization device, report 19281 (mammographic) instead.',
      );
      assert.deepEqual(fixTitles(text, 'deleted-code'), [
        ['Remove the 76096 line, if it guided a biopsy', false],
        ['Replace 76096 with 19281 (mammographic), if it guided a wire or other localization device', false],
      ]);
      assert.equal(
        applyFix(text, 'deleted-code', 'Remove the 76096 line, if it guided a biopsy'),
        'claim A\n 77065-RT\n',
      );
    });

    it('is not settled by a biopsy of the other side or of another date', () => {
      for (const text of [
        'claim A\n 19081-LT\n 76096-RT\n',
        'claim A\n dos: 2026-03-14\n 19081-RT dos=2026-03-15\n 76096-RT\n',
      ]) {
        assert.match(messageOf(findDeleted(text, '76096')), /when it guided a biopsy/, text);
      }
    });

    it('treats 77032, its 2007 number, and the stereotactic pair 76095 / 77031 alike', () => {
      assert.match(messageOf(findDeleted('claim A\n 19081-RT\n 77032-RT\n', '77032')), /remove the line\.$/);
      assert.match(messageOf(findDeleted('claim A\n 19081-RT\n 77031-RT\n', '77031')), /remove the line\.$/);
      assert.match(messageOf(findDeleted('claim A\n 19283-RT\n 76095-RT\n', '76095')), /included in 19283, 19284/);
      assert.match(
        messageOf(only('claim A\n 77031\n', 'deleted-code')),
        /when it guided a wire or other localization device, report 19283 \(stereotactic\) instead\.$/,
      );
    });
  });

  describe('a replacement the claim already bills', () => {
    it('is not offered (19290 beside 19281): the add-on for another lesion is, or removing the line', () => {
      const text = 'claim A\n 19281-RT\n 19290-RT\n';
      assert.equal(
        messageOf(only(text, 'deleted-code')),
        '19290 was deleted in 2014; report +19282 (mammographic) for another lesion, 19283 (stereotactic), 19285 (ultrasound), 19287 (mri) instead; if it is the lesion 19281 on this claim already reports, remove the line.',
      );
      const titles = fixTitles(text, 'deleted-code').map(([title]) => title);
      assert.ok(!titles.includes('Replace 19290 with 19281 (mammographic)'), 'no second 19281');
      for (const title of titles) {
        const fixed = applyFix(text, 'deleted-code', title);
        assert.ok(!ruleIds(fixed).includes('duplicate-line'), `${title}: ${fixed}`);
        assert.ok(!ruleIds(fixed).includes('deleted-code'), `${title}: ${fixed}`);
      }
    });

    it('is not offered for 19102 beside 19081 either: no second biopsy', () => {
      const text = 'claim A\n 19081-RT\n 19102-RT\n';
      const titles = fixTitles(text, 'deleted-code').map(([title]) => title);
      assert.ok(!titles.includes('Replace 19102 with 19081 (stereotactic)'));
      assert.ok(titles.includes("Replace 19102 with 19082 (stereotactic) for another lesion than 19081's"));
      assert.ok(titles.includes('Remove the 19102 line, if 19081 on this claim reports its lesion'));
    });

    it('is offered when the code on the claim is for the other side or another date', () => {
      for (const text of [
        'claim A\n 19281-LT\n 19290-RT\n',
        'claim A\n 19281-RT dos=2026-03-15\n 19290-RT dos=2026-03-14\n',
      ]) {
        assert.ok(
          fixTitles(text, 'deleted-code').some(([title]) => title === 'Replace 19290 with 19281 (mammographic)'),
          text,
        );
      }
    });

    it('for an add-on already billed (19291 beside +19282) says to count it in those units, with no fix that repeats it', () => {
      const text = 'claim A\n 19281-RT\n 19282-RT\n 19291-RT\n';
      assert.match(
        messageOf(only(text, 'deleted-code')),
        /if it is another lesion for \+19282 on this claim, count it in that line's units instead\.$/,
      );
      assert.ok(!fixTitles(text, 'deleted-code').some(([title]) => title.includes('with 19282')));
    });
  });
});

/** The deleted-code diagnostic on the line of `code`. */
function findDeleted(text: string, code: string): Diagnostic {
  const [diagnostic, ...more] = validate(text).filter((d) => d.code === 'deleted-code' && textAt(text, d) === code);
  assert.ok(diagnostic && more.length === 0, `one deleted-code finding on ${code}`);
  return diagnostic;
}

describe('deleted-code: a HCPCS code the loaded CMS file marks terminated', () => {
  const service = serviceWith({
    hcpcs: [{ code: 'G9904', short: 'Ended', long: 'A test code that ended', terminated: '2025-12-31' }],
  });
  const claim = (date: string) => `claim A\n dos: ${date}\n G9904\n`;

  it('is a deleted code from the day after its termination date, naming the date, with no successor or fix', () => {
    const [diagnostic, ...rest] = findingsOf(service, claim('2026-01-01'), 'deleted-code');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, 1);
    assert.equal(diagnostic?.range.start.line, 2);
    assert.equal(
      messageOf(diagnostic),
      'G9904 was terminated on 2025-12-31 (HCPCS test): it cannot be billed for a date of service after that; check the HCPCS file or the payer for the code that replaced it.',
    );
  });

  it('may still be billed on its termination date and before, or when the claim has no date', () => {
    assert.deepEqual(findingsOf(service, claim('2025-12-31'), 'deleted-code'), []);
    assert.deepEqual(findingsOf(service, 'claim A\n G9904\n', 'deleted-code'), []);
    assert.deepEqual(findingsOf(service, claim('2026-01-01'), 'unknown-code'), [], 'it is a known code');
  });

  it('is not reported without the HCPCS file', () => {
    assert.deepEqual(ruleIds(claim('2026-01-01')), []);
  });
});
