/**
 * `x12-segment-placement`: A segment stands where the 837P layout does not
 * allow it, or is not an 837P segment. A clean 837 broken in one place is
 * reported there.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-segment-placement', () => {
  it('x12-segment-placement: a misplaced or unknown segment is reported, not fatal', () => {
    const misplaced = cleanTwoLines.replace('LX*1~\n', 'LX*1~\nBHT*0019*00*0001*20260314*1200*CH~\n');
    const diagnostics = validateX12(misplaced);
    assert.deepEqual(ids(diagnostics), ['x12-segment-placement', 'x12-segment-count']);
    assert.equal(x12TextOf(misplaced, diagnostics[0]), 'BHT');
    const unknown = cleanTwoLines.replace('LX*1~\n', 'LX*1~\nZZZ*1~\n').replace('SE*22*', 'SE*23*');
    assert.deepEqual(ids(validateX12(unknown)), ['x12-segment-placement']);
    const lone = writeX12([x12Claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])])
      .replace('LX*1~\n', 'LX*1~\nZZZ*1~\n')
      .replace('SE*20*', 'SE*21*');
    assert.deepEqual(ids(validateX12(lone)), ['x12-segment-placement', 'addon-without-primary']);
  });

  it('x12-segment-placement: an ISA after an IEA opens the next interchange; anything else after IEA is reported', () => {
    const second = cleanTwoLines.replace(/000000001/g, '000000002');
    assert.deepEqual(ids(validateX12(cleanTwoLines + second)), []);
    const stray = `${cleanTwoLines}GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*2*X*005010X222A1~\n`;
    assert.ok(ids(validateX12(stray)).includes('x12-segment-placement'));
  });

  it('x12-segment-placement: passes over a transaction that is not an 837P', () => {
    const institutional = cleanTwoLines
      .replace(/005010X222A1/g, '005010X223A2')
      .replace('SV1*HC:19283:RT*350*UN*1***1~', 'SV2*0300*HC:19283*350*UN*1~');
    assert.deepEqual(ids(validateX12(institutional)), ['x12-not-837p']);
  });
});
