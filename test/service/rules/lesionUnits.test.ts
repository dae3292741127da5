/**
 * `lesion-units`: Units of a lesion-counted procedure do not add up to the
 * documented number of lesions. Cases that fire (with their range and message)
 * and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt, validate } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

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
