/**
 * `addon-without-primary`: An add-on code is on a claim without its primary
 * code for the same date of service. Cases that fire (with their range and
 * message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

describe('addon-without-primary', () => {
  it('reports a lone 19284 as an error on the code, naming 19283', () => {
    const text = 'claim A\n  19284-RT x1\n';
    const diagnostic = only(text, 'addon-without-primary');
    assert.equal(diagnostic.severity, 1);
    assert.equal(diagnostic.source, 'cpt-claims');
    assert.equal(textAt(text, diagnostic), '19284');
    assert.match(messageOf(diagnostic), /19283/);
  });

  it('accepts 19284 with 19283 on the same claim, in either order', () => {
    assert.deepEqual(ruleIds('claim A\n 19284-RT\n 19283-RT\n'), []);
  });

  it('checks every add-on/primary pair of the bundled data', () => {
    for (const [addOn, primary] of [
      ['19282', '19281'],
      ['19286', '19285'],
      ['19288', '19287'],
      ['19082', '19081'],
      ['19084', '19083'],
      ['19086', '19085'],
      ['19126', '19125'],
      ['77063', '77067'],
      ['99417', '99215'],
    ]) {
      // Lesion-counted codes (the 19xxx pairs) carry a side, as a complete claim does.
      const line = (code = '') => (code.startsWith('19') ? `${code}-RT` : code);
      assert.deepEqual(ruleIds(`claim A\n ${line(addOn)}\n`), ['addon-without-primary'], addOn);
      assert.deepEqual(ruleIds(`claim A\n ${line(primary)}\n ${line(addOn)}\n`), [], `${primary} + ${addOn}`);
    }
  });

  it('reports only the claim that lacks the primary when a file has two', () => {
    const text = 'claim A\n 19283-RT\n 19284-RT\nclaim B\n 19284-RT\n';
    const diagnostic = only(text, 'addon-without-primary');
    assert.equal(diagnostic.range.start.line, 4);
  });

  it('checks a bare list of codes with no claim line as one claim', () => {
    assert.deepEqual(ruleIds('19284-RT\n'), ['addon-without-primary']);
    assert.deepEqual(ruleIds('19283-RT\n19284-RT\n'), []);
  });

  it('ignores codes inside comments', () => {
    assert.deepEqual(ruleIds('# 19284 without 19283\n19283-RT x1 # then 19284 x5\n'), []);
  });

  it('reports a primary on another date of service', () => {
    const text = 'claim A\n dos: 2026-03-14\n 19283-RT\n 19284-RT dos=2026-03-15\n';
    const diagnostic = only(text, 'addon-without-primary');
    assert.match(messageOf(diagnostic), /same date of service/);
  });

  describe('+38900, sentinel node mapping, with its primaries of CPT 2019 and SGO', () => {
    it('stays quiet with the laparoscopic node sampling 38570 that gynecologic oncology reports it with', () => {
      // bilateral-modifier says, as information, that 50 on +38900 depends on the payer.
      assert.deepEqual(ruleIds('claim A\n dos: 2026-03-14\n 58571\n 38570\n 38900-50\n'), ['bilateral-modifier']);
      assert.deepEqual(ruleIds('claim A\n 38570\n 38900\n'), []);
    });

    it('stays quiet with each primary of the widened list: groin, pelvic and para-aortic nodes, vulvectomies', () => {
      for (const primary of [
        '38531',
        '38562',
        '38564',
        '38570',
        '38571',
        '38572',
        '38573',
        '38760',
        '38765',
        '38770',
        '38780',
        '56630',
        '56631',
        '56632',
        '56633',
        '56634',
        '56637',
        '56640',
        '58210',
        '38525',
        '19302',
      ]) {
        assert.deepEqual(ruleIds(`claim A\n ${primary}\n 38900\n`), [], primary);
      }
    });

    it('still fires alone, or with a procedure that is not its primary, naming the primaries as ranges', () => {
      for (const text of ['claim A\n 38900\n', 'claim A\n 19301-RT\n 38900\n']) {
        const diagnostic = only(text, 'addon-without-primary');
        assert.match(
          messageOf(diagnostic),
          /one of 19302, 19307, 38500, .*38570-38573, .*56630-56634, 56637, 56640, 58210 on/,
        );
      }
    });
  });

  it('stays quiet for +99417 with the consultation, home visit and cognitive assessment codes of CPT 2023', () => {
    for (const primary of ['99205', '99215', '99245', '99345', '99350', '99483']) {
      assert.deepEqual(ruleIds(`claim A\n ${primary}\n 99417\n`), [], primary);
    }
    assert.deepEqual(ruleIds('claim A\n 99213\n 99417\n'), ['addon-without-primary']);
  });
});
