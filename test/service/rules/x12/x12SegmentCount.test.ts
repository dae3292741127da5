/**
 * `x12-segment-count`: SE01 is not the number of segments from ST to SE. A
 * clean 837 broken in one place is reported there, and the quick fix mends it.
 */
import * as assert from 'node:assert/strict';
import { validateX12 } from '../../../support/documents/claimDocuments';
import { applyX12Fix, cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

describe('x12-segment-count', () => {
  it('x12-segment-count: SE01 counts the segments from ST to SE', () => {
    const text = cleanTwoLines.replace(/SE\*\d+\*0001~/, 'SE*99*0001~');
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-segment-count']);
    assert.equal(x12TextOf(text, diagnostics[0]), '99');
    assert.equal(applyX12Fix(text, 'x12-segment-count'), cleanTwoLines);
  });
});
