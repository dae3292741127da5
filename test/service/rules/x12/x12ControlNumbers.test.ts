/**
 * `x12-control-numbers`: An envelope trailer (SE, GE, IEA) does not repeat its
 * header control number or miscounts what it closes. A clean 837 broken in one
 * place is reported there, and the quick fix mends it.
 */
import * as assert from 'node:assert/strict';
import { validateX12 } from '../../../support/documents/claimDocuments';
import { applyX12Fix, cleanTwoLines, ids } from '../../../support/checks/ruleFindings';

describe('x12-control-numbers', () => {
  it('x12-control-numbers: SE02, GE02 and IEA02 repeat their headers; GE01 and IEA01 count', () => {
    for (const [from, to] of [
      ['SE*23*0001~', 'SE*23*0002~'],
      ['GE*1*1~', 'GE*1*7~'],
      ['IEA*1*000000001~', 'IEA*1*000000009~'],
      ['GE*1*1~', 'GE*2*1~'],
      ['IEA*1*000000001~', 'IEA*3*000000001~'],
    ] as const) {
      const text = cleanTwoLines.replace(from, to);
      assert.notEqual(text, cleanTwoLines, from);
      assert.deepEqual(ids(validateX12(text)), ['x12-control-numbers'], to);
      assert.equal(applyX12Fix(text, 'x12-control-numbers'), cleanTwoLines, to);
    }
  });
});
