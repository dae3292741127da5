/**
 * `dx-pointer`: A diagnosis pointer is malformed, one too many, or outside the
 * claim's dx list. Cases that fire (with their range and message) and cases
 * that must not.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import { ruleIds, service, textAt, validateX12, x12Document } from '../../support/documents/claimDocuments';
import { cleanTwoLines, ids, only, x12Claim, x12TextOf } from '../../support/checks/ruleFindings';

describe('dx-pointer', () => {
  it('reports a pointer outside the claim dx list on the pointer', () => {
    const text = 'claim A\n dx: C50.411\n 19283-RT dx=A,B\n';
    const diagnostic = only(text, 'dx-pointer');
    assert.equal(textAt(text, diagnostic), 'B');
  });

  it('reads a dx list written after the lines, and numeric pointers', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT dx=2\n dx: C50.411 R92.8\n'), []);
  });

  it('uses the dx list of the claim the line is in', () => {
    assert.deepEqual(
      ruleIds('claim A\n dx: C50.411 R92.8\n 19283-RT dx=B\nclaim B\n dx: C50.411\n 19283-RT dx=B\n').length,
      1,
    );
  });

  describe('in an 837', () => {
    it('dx-pointer: at most 4 pointers, each within the HI list', () => {
      const outside = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', 'SV1*HC:19284:RT*400*UN*1***1:3~');
      const diagnostics = validateX12(outside);
      assert.deepEqual(ids(diagnostics), ['dx-pointer']);
      assert.equal(x12TextOf(outside, diagnostics[0]), '3');
      const five = writeX12([
        x12Claim(
          'CLM-1',
          [{ code: '19283', modifiers: ['RT'], charge: 350, pointers: [1, 2, 3, 4, 5] }],
          ['C50411', 'R928', 'N6310', 'N6320', 'Z1231'],
        ),
      ]);
      assert.deepEqual(ids(validateX12(five)), ['dx-pointer']);
      const four = writeX12([
        x12Claim(
          'CLM-1',
          [{ code: '19283', modifiers: ['RT'], charge: 350, pointers: [1, 2, 3, 4] }],
          ['C50411', 'R928', 'N6310', 'N6320'],
        ),
      ]);
      assert.deepEqual(ids(validateX12(four)), []);
    });

    it('counts only diagnoses in HI for the pointers, not condition codes', () => {
      const text = cleanTwoLines.replace('HI*ABK:C50411~', 'HI*BG:01*ABK:C50411~');
      const model = service.parse(x12Document(text));
      assert.deepEqual(
        model.claims[0]?.diagnoses.map((d) => d.code),
        ['C50411'],
      );
      assert.deepEqual(ids(validateX12(text)), []);
    });
  });
});
