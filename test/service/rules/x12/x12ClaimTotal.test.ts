/**
 * `x12-claim-total`: CLM02, the claim's total charge, differs from the sum of
 * its lines' SV102 charges. A clean 837 broken in one place is reported there,
 * and the quick fix mends it.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { applyX12Fix, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-claim-total', () => {
  it('x12-claim-total: CLM02 must equal the sum of SV102', () => {
    const text = writeX12([
      {
        ...x12Claim('CLM-1', [
          { code: '19283', modifiers: ['RT'], charge: 350 },
          { code: '19284', modifiers: ['RT'], charge: 400 },
        ]),
        totalCharge: 700,
      },
    ]);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-claim-total']);
    assert.equal(x12TextOf(text, diagnostics[0]), '700');
    assert.match(messageOf(diagnostics[0]), /750/);
    assert.deepEqual(validateX12(applyX12Fix(text, 'x12-claim-total')), []);
  });
});
