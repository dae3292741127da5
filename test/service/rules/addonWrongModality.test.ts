/**
 * `addon-wrong-modality`: An add-on code's own first-lesion code is absent
 * while another modality's first-lesion code is present. Cases that fire (with
 * their range and message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

describe('addon-wrong-modality', () => {
  it('reports 19284 with only 19281 and names 19282', () => {
    const text = 'claim A\n 19281-RT\n 19284-RT\n';
    const diagnostic = only(text, 'addon-wrong-modality');
    assert.equal(diagnostic.severity, 1);
    assert.equal(textAt(text, diagnostic), '19284');
    assert.match(messageOf(diagnostic), /19282/);
    assert.match(messageOf(diagnostic), /19283/);
  });

  it('does not fire when the add-on has its own primary beside another modality', () => {
    assert.deepEqual(ruleIds('claim A\n lesions: 3\n 19281-RT\n 19283-RT\n 19284-RT\n'), []);
  });

  it('does not mix procedures: a biopsy primary does not stand in for a localization add-on', () => {
    assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19284-LT\n'), ['addon-without-primary']);
  });
});
