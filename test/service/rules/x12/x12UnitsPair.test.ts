/**
 * `x12-units-pair`: SV103 (unit basis) and SV104 (units) are not given
 * together. A clean 837 broken in one place is reported there.
 */
import * as assert from 'node:assert/strict';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
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

  it('does not call SV104 empty when it is written but unusable; says SV103 is missing beside it', () => {
    for (const units of ['0x10', '1e308', 'abc', '0', '-2']) {
      const written = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', `SV1*HC:19284:RT*400*UN*${units}***1~`);
      assert.ok(!ids(validateX12(written)).includes('x12-units-pair'), units);
      const withoutBasis = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', `SV1*HC:19284:RT*400**${units}***1~`);
      const pair = validateX12(withoutBasis).filter((d) => d.code === 'x12-units-pair');
      assert.equal(pair.length, 1, units);
      assert.equal(x12TextOf(withoutBasis, pair[0]), units);
    }
  });

  it('reports SV104 0 as bad-units in its own words, and a malformed SV104 only as x12-element', () => {
    const zero = validateX12(cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1*', 'SV1*HC:19284:RT*400*UN*0*'));
    assert.deepEqual(ids(zero), ['bad-units']);
    assert.equal(messageOf(zero[0]), 'SV104, the units, is 0: a line bills more than 0 units.');
    const hex = validateX12(cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1*', 'SV1*HC:19284:RT*400*UN*0x10*'));
    assert.deepEqual(ids(hex), ['x12-element']);
  });
});
