/**
 * `missing-dx-pointer`: A service line has no diagnosis pointer although the
 * claim has a dx list. Cases that fire (with their range and message) and
 * cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

describe('missing-dx-pointer', () => {
  it('reports a line without a pointer when the claim has a dx list, as information', () => {
    const text = 'claim A\n dx: C50.411\n 19283-RT dx=A\n 19303\n';
    const diagnostic = only(text, 'missing-dx-pointer');
    assert.equal(diagnostic.severity, 3);
    assert.equal(textAt(text, diagnostic), '19303');
    assert.match(messageOf(diagnostic), /no diagnosis pointer.*C50\.411/);
  });

  it('says nothing without a dx list, or when every line points', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n'), []);
    assert.deepEqual(ruleIds('claim A\n dx: C50.411\n 19283-RT dx=A\n'), []);
  });
});
