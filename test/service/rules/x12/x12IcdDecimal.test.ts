/**
 * `x12-icd-decimal`: An ICD-10-CM code in HI is written with a decimal point.
 * A clean 837 broken in one place is reported there, and the quick fix mends
 * it.
 */
import * as assert from 'node:assert/strict';
import { validateX12 } from '../../../support/documents/claimDocuments';
import { applyX12Fix, cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-icd-decimal', () => {
  it('x12-icd-decimal: ICD-10 codes in HI have no decimal point', () => {
    const text = cleanTwoLines.replace('ABK:C50411', 'ABK:C50.411');
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-icd-decimal']);
    assert.equal(x12TextOf(text, diagnostics[0]), 'C50.411');
    assert.deepEqual(validateX12(applyX12Fix(text, 'x12-icd-decimal')), []);
  });
});
