/**
 * `primary-units`: A first-lesion code is reported with more than 1 unit; the
 * extra lesions belong on its add-on code. Cases that fire (with their range
 * and message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

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
