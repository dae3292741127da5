/**
 * `x12-not-837p`: a transaction that is not an 837P 005010X222A1 claim is
 * named once, on the element that tells what it is, and nothing else is said
 * about it: no claim rule, no structure rule. The 837P transactions of a
 * mixed file are still checked.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12Claim, x12TextOf } from '../../../support/checks/ruleFindings';

/** The clean 837P with its guide (GS08 and ST03) replaced. */
function withGuide(guide: string): string {
  return cleanTwoLines.replace(/005010X222A1/g, guide);
}

/** A claim whose CLM02 is wrong and whose SV1 would not be an 837P's: findings galore, were it checked as 837P. */
const brokenAsProfessional = cleanTwoLines
  .replace('CLM*CLM-1*750*', 'CLM*CLM-1*999*')
  .replace('SV1*HC:19283:RT*350*UN*1***1~', 'SV2*0300*HC:19283*350*UN*1~')
  .replace('HI*ABK:C50411~', 'HI*BK:1748~');

describe('x12-not-837p', () => {
  it('x12-not-837p: an 837I, an 837D, a 4010 837, X291 and X298 get one finding each and nothing else', () => {
    for (const [guide, words] of [
      ['005010X223A2', '837I institutional'],
      ['005010X224A2', '837D dental'],
      ['005010X291', 'predetermination'],
      ['005010X298', 'post-adjudicated'],
    ] as const) {
      const text = brokenAsProfessional.replace(/005010X222A1/g, guide);
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-not-837p'], guide);
      assert.equal(x12TextOf(text, diagnostics[0]), guide, 'on ST03');
      assert.match(messageOf(diagnostics[0]), new RegExp(words));
      assert.match(messageOf(diagnostics[0]), /ST03 /);
    }
    // A 4010 file has no ST03: GS08 tells, and the finding stands there.
    const text4010 = brokenAsProfessional
      .replace(/005010X222A1/, '004010X098A1')
      .replace('ST*837*0001*005010X222A1~', 'ST*837*0001~');
    const diagnostics = validateX12(text4010);
    assert.deepEqual(ids(diagnostics), ['x12-not-837p']);
    assert.equal(x12TextOf(text4010, diagnostics[0]), '004010X098A1');
    assert.match(messageOf(diagnostics[0]), /4010 837P professional claim \(GS08 004010X098A1\)/);
  });

  it('x12-not-837p: is the one finding of a file whose envelopes hold refused transactions only, even with wrong trailers', () => {
    const text = brokenAsProfessional
      .replace(/005010X222A1/g, '005010X223A2')
      .replace('GE*1*1~', 'GE*2*7~')
      .replace('IEA*1*000000001', 'IEA*3*000000009');
    assert.deepEqual(ids(validateX12(text)), ['x12-not-837p']);
    // With an 837P transaction in the group, the envelope is the 837P's too, and its trailers are checked.
    const mixed = cleanTwoLines.replace('GE*1*1~', 'GE*2*7~').replace('IEA*1*000000001', 'IEA*3*000000009');
    assert.deepEqual(ids(validateX12(mixed)), [
      'x12-control-numbers',
      'x12-control-numbers',
      'x12-control-numbers',
      'x12-control-numbers',
    ]);
  });

  it('x12-not-837p: another transaction set is named by ST01', () => {
    for (const [st01, words] of [
      ['835', 'an 835 claim payment'],
      ['270', 'a 270 eligibility inquiry'],
      ['277', 'a 277 claim status response'],
      ['999', 'a 999 implementation acknowledgment'],
      ['123', 'an X12 123 transaction'],
    ] as const) {
      const text = cleanTwoLines.replace('ST*837*', `ST*${st01}*`).replace('CLM*CLM-1*750*', 'CLM*CLM-1*1*');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-not-837p'], st01);
      assert.equal(x12TextOf(text, diagnostics[0]), st01);
      assert.ok(messageOf(diagnostics[0]).startsWith(`This is ${words}`), messageOf(diagnostics[0]));
    }
  });

  it('x12-not-837p: one finding for a run of refused transactions; the 837P transactions of a mixed file are checked', () => {
    const claims = [1, 2, 3, 4].map((n) => x12Claim(`CLM-${n}`, [{ code: '19283', modifiers: ['RT'], charge: 350 }]));
    // One transaction per claim: split the writer's one transaction at each claim's subscriber HL.
    const oneEach = claims.map((claim) => writeX12([claim]).split('\n'));
    const transactionOf = (lines: string[]) => lines.slice(2, -3);
    const kinds = ['005010X222A1', '005010X223A2', '005010X223A2', '005010X222A1'];
    const body = oneEach.flatMap((lines, n) =>
      transactionOf(lines).map((line) =>
        line.startsWith('ST*')
          ? line.replace('005010X222A1', kinds[n] ?? '').replace('*0001*', `*000${n + 1}*`)
          : line.startsWith('SE*')
            ? line.replace('*0001~', `*000${n + 1}~`)
            : line,
      ),
    );
    const first = oneEach[0] ?? [];
    const text = [...first.slice(0, 2), ...body, 'GE*4*1~', 'IEA*1*000000001~', ''].join('\n');
    const broken = text.replace(/CLM\*CLM-(\d)\*350\*/g, 'CLM*CLM-$1*999*');
    const diagnostics = validateX12(broken);
    // Claims 1 and 4 are 837P and checked (their total is wrong); claims 2 and 3 are one run of 837I, told once.
    assert.deepEqual(ids(diagnostics), ['x12-claim-total', 'x12-not-837p', 'x12-claim-total']);
    assert.equal(x12TextOf(broken, diagnostics[1]), '005010X223A2');
    assert.ok((diagnostics[1]?.range.start.line ?? 0) < (diagnostics[2]?.range.start.line ?? 0));
    assert.deepEqual(ids(validateX12(text)), ['x12-not-837p']);
  });

  it('x12-not-837p: stays quiet on 837P of 005010X222A1, X222A2 and X222, and on an ST without ST01', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
    assert.deepEqual(ids(validateX12(withGuide('005010X222A2'))), []);
    assert.ok(!ids(validateX12(withGuide('005010X222'))).includes('x12-not-837p'));
    assert.ok(!ids(validateX12(cleanTwoLines.replace('ST*837*', 'ST**'))).includes('x12-not-837p'));
  });
});
