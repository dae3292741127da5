/**
 * `x12-hierarchy`: HL01 counts 1, 2, 3 in a transaction; HL02 names the level
 * above; levels nest 20, 22, 23; an HL04 of 0 has no level under it.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';

const twoSubscribers = writeX12([
  x12Claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 350 }]),
  x12Claim('CLM-2', [{ code: '19081', modifiers: ['RT'], charge: 300 }]),
]);

describe('x12-hierarchy', () => {
  it('x12-hierarchy: an HL01 that skips is reported on HL01', () => {
    const text = twoSubscribers.replace('HL*3*1*22*0~', 'HL*4*1*22*0~');
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['x12-hierarchy']);
    assert.equal(x12TextOf(text, diagnostics[0]), '4');
    assert.match(messageOf(diagnostics[0]), /^HL01 \(hierarchical id number\) must be 3/);
  });

  it('reports an HL02 that does not name the level above, and a child under an HL04 of 0', () => {
    const parent = twoSubscribers.replace('HL*3*1*22*0~', 'HL*3*2*22*0~');
    assert.deepEqual(ids(validateX12(parent)), ['x12-hierarchy']);
    assert.match(
      messageOf(validateX12(parent)[0]),
      /HL02 \(hierarchical parent id number\) must name the billing provider level above it, HL 1/,
    );
    const childless = cleanTwoLines.replace('HL*1**20*1~', 'HL*1**20*0~');
    assert.deepEqual(ids(validateX12(childless)), ['x12-hierarchy']);
    assert.match(messageOf(validateX12(childless)[0]), /HL 1 says it has no child levels \(HL04 is 0\)/);
  });

  it('reports a patient level (23) right under a billing provider (20)', () => {
    const text = cleanTwoLines.replace('HL*2*1*22*0~', 'HL*2*1*23*0~');
    const diagnostics = validateX12(text).filter((d) => d.code === 'x12-hierarchy');
    assert.equal(diagnostics.length, 1);
    assert.match(messageOf(diagnostics[0]), /HL03 23 \(patient\) cannot stand here/);
  });

  it('stays quiet on clean files of one and of two subscribers', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
    assert.deepEqual(ids(validateX12(twoSubscribers)), []);
  });
});
