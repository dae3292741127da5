/**
 * `lesion-units`: Units of a lesion-counted procedure do not add up to the
 * documented number of lesions. Cases that fire (with their range and message)
 * and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt, validate } from '../../support/documents/claimDocuments';
import { fixTitles, only } from '../../support/checks/ruleFindings';

describe('lesion-units', () => {
  it('warns when 19283 x1 + 19284 x1 bill 2 of 3 lesions and gives the expected units', () => {
    const text = 'claim A\n lesions: 3\n 19283-RT x1\n 19284-RT x1\n';
    const diagnostic = only(text, 'lesion-units');
    assert.equal(diagnostic.severity, 2);
    assert.equal(textAt(text, diagnostic), 'x1');
    assert.equal(diagnostic.range.start.line, 3);
    assert.match(messageOf(diagnostic), /19284 x2/);
  });

  it('counts all modalities of one procedure together', () => {
    assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19283-RT\n 19284-RT\n 19285-RT\n'), []);
    assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19283-RT\n 19284-RT\n 19285-RT\n'), ['lesion-units']);
  });

  it('accepts 19283-RT and 19284-LT for 2 lesions', () => {
    assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19283-RT\n 19284-LT\n'), []);
  });

  it('takes a line lesions= over the claim lesions:', () => {
    assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19283-RT lesions=2\n 19284-RT\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19283-RT lesions=3\n 19284-RT\n'), ['lesion-units']);
  });

  it('reports lines of one procedure that disagree on lesions=', () => {
    const diagnostics = validate('claim A\n 19283-RT lesions=2\n 19284-RT lesions=3\n');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['lesion-units'],
    );
    assert.match(messageOf(diagnostics[0]), /disagrees/);
  });

  it('checks each procedure against the count separately', () => {
    assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19081-RT\n 19082-RT\n 19283-LT\n 19284-LT\n'), []);
  });

  describe("several procedures sharing the claim's lesions: (claim-format.md, Lesion-counted families)", () => {
    it('stays quiet when a biopsy of one lesion and a clip in another bill 1 each of 2', () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19081-RT\n 19281-RT-XU\n'), []);
      assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19081-RT\n 19082-RT\n 19281-RT-XU\n'), []);
    });

    it('advises no unit change, since the split between procedures is not documented', () => {
      const text = 'claim A\n lesions: 2\n 19081-RT\n 19082-RT x2\n 19281-RT-XU\n';
      const finding = only(text, 'lesion-units');
      assert.equal(textAt(text, finding), 'x2');
      assert.match(messageOf(finding), /encounter documents 2 lesions .* biopsy lines alone bill 3 units/);
      assert.match(messageOf(finding), /write each procedure's count as lesions= on its lines/);
      assert.deepEqual(fixTitles(text, 'lesion-units'), []);
    });

    it("checks a procedure's lines against its own lesions=, and the others against the encounter's count", () => {
      assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19081-RT lesions=1\n 19082-RT\n 19281-RT-XU\n'), [
        'lesion-units',
      ]);
      assert.deepEqual(ruleIds('claim A\n lesions: 2\n 19081-RT lesions=2\n 19082-RT\n 19281-RT-XU\n'), []);
      assert.deepEqual(
        ruleIds('claim A\n lesions: 2\n 19081-RT lesions=2\n 19082-RT\n 19281-RT-XU\n 19282-RT-XU x2\n'),
        ['lesion-units'],
      );
    });

    it('reads an encounter of 1 lesion as 1 for every procedure, so the usual fix applies', () => {
      const text = 'claim A\n lesions: 1\n 19281-RT-59\n 19282-RT-59\n 19081-RT\n';
      assert.deepEqual(ruleIds(text), ['lesion-units']);
      assert.deepEqual(fixTitles(text, 'lesion-units'), [['Remove +19282: 1 lesion need no add-on', true]]);
    });

    it("reports a line's lesions= above the encounter's lesions:", () => {
      const text = 'claim A\n lesions: 1\n 19283-RT lesions=2\n 19284-RT\n';
      const finding = only(text, 'lesion-units');
      assert.equal(textAt(text, finding), '2');
      assert.match(messageOf(finding), /lesions=2 on a localization line is more than the encounter's lesions: 1/);
    });
  });

  it('says nothing without a documented lesion count', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-RT x5\n'), []);
  });

  it('warns when a single lesion is billed with an add-on', () => {
    const diagnostics = validate('claim A\n lesions: 1\n 19283-RT\n 19284-RT\n');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['lesion-units'],
    );
    assert.match(messageOf(diagnostics[0]), /no \+19284/);
  });

  it('names the family a lone add-on belongs to in the expected units', () => {
    const diagnostics = validate('claim A\n lesions: 2\n 19284-RT x1\n').filter((d) => d.code === 'lesion-units');
    assert.match(messageOf(diagnostics[0]), /expected 19283 x1 \+ 19284 x1\.$/);
  });

  it('ignores codes that are not lesion-counted', () => {
    assert.deepEqual(ruleIds('claim A\n lesions: 3\n 76098\n 77065\n'), []);
  });
});
