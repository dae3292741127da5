/**
 * `x12-line-number`: the LX01 of each claim's lines count 1, 2, 3 ..., from
 * 1 again in each claim.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-line-number', () => {
  it('x12-line-number: a claim whose first line is not LX*1, and a gap', () => {
    const first = cleanTwoLines.replace('LX*1~', 'LX*3~').replace('LX*2~', 'LX*4~');
    const diagnostics = validateX12(first);
    assert.deepEqual(ids(diagnostics), ['x12-line-number']);
    assert.equal(x12TextOf(first, diagnostics[0]), '3');
    assert.match(messageOf(diagnostics[0]), /^LX01 \(assigned number\) must be 1/);
    const gap = cleanTwoLines.replace('LX*2~', 'LX*3~');
    assert.deepEqual(ids(validateX12(gap)), ['x12-line-number']);
    assert.match(messageOf(validateX12(gap)[0]), /^LX01 \(assigned number\) must be 2/);
  });

  it('reports numbering carried over from the previous claim', () => {
    const text = writeX12([
      x12Claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 350 }]),
      x12Claim('CLM-2', [{ code: '19081', modifiers: ['RT'], charge: 300 }]),
    ]);
    const carried = text.replace(/LX\*1~([\s\S]*CLM\*CLM-2[\s\S]*?)LX\*1~/, 'LX*1~$1LX*2~');
    assert.notEqual(carried, text);
    assert.deepEqual(ids(validateX12(carried)), ['x12-line-number']);
    assert.deepEqual(ids(validateX12(text)), []);
  });

  it('stays quiet on the clean 837', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
  });
});
