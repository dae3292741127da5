/**
 * `x12-units-pair`: SV103 (unit basis) and SV104 (units) are not given
 * together. A clean 837 broken in one place is reported there.
 */
import * as assert from 'node:assert/strict';
import { validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-units-pair', () => {
  it('x12-units-pair: SV103 and SV104 come together', () => {
    const withoutUnits = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', 'SV1*HC:19284:RT*400*UN****1~');
    assert.deepEqual(ids(validateX12(withoutUnits)), ['x12-units-pair']);
    const withoutBasis = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', 'SV1*HC:19284:RT*400**1***1~');
    const diagnostics = validateX12(withoutBasis);
    assert.deepEqual(ids(diagnostics), ['x12-units-pair']);
    assert.equal(x12TextOf(withoutBasis, diagnostics[0]), '1');
  });
});
