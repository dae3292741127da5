/**
 * `biopsy-with-localization`: A localization device (19281-19288) or specimen
 * imaging (76098) is reported with a breast biopsy 19081-19086 on the same
 * side, which already includes them. Cases that fire (with their range and
 * message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

describe('biopsy-with-localization', () => {
  it('warns on a localization device placed on the side of a biopsy', () => {
    const text = 'claim A\n 19081-RT\n 19283-RT\n';
    const diagnostic = only(text, 'biopsy-with-localization');
    assert.equal(diagnostic.severity, 2);
    assert.equal(textAt(text, diagnostic), '19283');
    assert.equal(diagnostic.range.start.line, 2);
    assert.match(
      messageOf(diagnostic),
      /^19081 already includes localization device placement and specimen imaging.*59 or XS/,
    );
  });

  it('warns on specimen imaging 76098 when either line has no side', () => {
    const text = 'claim A\n 19083-LT\n 76098\n';
    const diagnostic = only(text, 'biopsy-with-localization');
    assert.equal(textAt(text, diagnostic), '76098');
  });

  it('accepts opposite sides, 59 or XS, and localization without a biopsy', () => {
    assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-LT\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-RT-XS\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19081-RT\n 19283-RT-59\n'), []);
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 76098\n'), []);
  });
});
