/**
 * `x12-duplicate-interchange`: several interchanges in one file are normal,
 * each checked on its own; one whose ISA13 repeats an earlier one's is
 * warned about.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';

const second = writeX12([x12Claim('CLM-2', [{ code: '19283', modifiers: ['RT'], charge: 350 }])], {
  controlNumber: 2,
});

describe('x12-duplicate-interchange', () => {
  it('x12-duplicate-interchange: a repeated ISA13 is reported on the later ISA13', () => {
    const repeated = cleanTwoLines + second.replace(/000000002/g, '000000001');
    const diagnostics = validateX12(repeated);
    assert.deepEqual(ids(diagnostics), ['x12-duplicate-interchange']);
    assert.equal(x12TextOf(repeated, diagnostics[0]), '000000001');
    assert.ok((diagnostics[0]?.range.start.line ?? 0) > 20, 'on the second interchange');
    // A number repeated by many interchanges is told once, at its first repeat.
    const thrice = repeated + second.replace(/000000002/g, '000000001');
    assert.deepEqual(ids(validateX12(thrice)), ['x12-duplicate-interchange']);
    const twoNumbers = thrice + second + second;
    assert.deepEqual(ids(validateX12(twoNumbers)), ['x12-duplicate-interchange', 'x12-duplicate-interchange']);
  });

  it('x12-duplicate-interchange: stays quiet on interchanges of their own numbers, and checks each on its own', () => {
    const two = cleanTwoLines + second;
    assert.deepEqual(ids(validateX12(two)), []);
    // Each interchange's trailers are held to its own header.
    const wrongSecond = cleanTwoLines + second.replace('IEA*1*000000002~', 'IEA*1*000000001~');
    assert.deepEqual(ids(validateX12(wrongSecond)), ['x12-control-numbers']);
  });
});
