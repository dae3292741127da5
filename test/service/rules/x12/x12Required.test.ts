/**
 * `x12-required`: a segment, loop or element the 837P guide requires is
 * missing. A clean 837 broken in one place is reported there, in 837 words
 * naming the loop, segment and element; the clean one stays quiet.
 */
import * as assert from 'node:assert/strict';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

/** The 837 with `from` replaced, SE01 moved by `segments` added or removed. */
function broken(from: string, to: string, segments = 0): string {
  assert.ok(cleanTwoLines.includes(from), from);
  return cleanTwoLines.replace(from, to).replace('SE*23*', `SE*${23 + segments}*`);
}

describe('x12-required', () => {
  it('x12-required: a claim without HI is reported at its CLM', () => {
    const text = broken('HI*ABK:C50411~\n', '', -1);
    const diagnostics = validateX12(text).filter((d) => d.code === 'x12-required');
    assert.equal(diagnostics.length, 1);
    assert.equal(x12TextOf(text, diagnostics[0]), 'CLM');
    assert.equal(messageOf(diagnostics[0]), 'Loop 2300 Claim Information has no HI; the 837P requires it.');
  });

  it('reports CLM05, NM102 and an empty NM101 by loop, segment and element', () => {
    const noPlace = broken('*750***11:B:1*Y', '*750****Y');
    assert.deepEqual(ids(validateX12(noPlace)), ['x12-required']);
    assert.equal(
      messageOf(validateX12(noPlace)[0]),
      'Loop 2300 Claim Information: CLM05 (facility code / place of service) is required.',
    );
    const noType = broken('NM1*40*2*', 'NM1*40**');
    assert.deepEqual(ids(validateX12(noType)), ['x12-required']);
    assert.match(
      messageOf(validateX12(noType)[0]),
      /^Loop 1000B Receiver Name: NM102 \(entity type qualifier\) is required\.$/,
    );
    const noEntity = broken('NM1*PR*2*', 'NM1**2*');
    const diagnostics = validateX12(noEntity);
    assert.ok(
      diagnostics.some(
        (d) => d.code === 'x12-required' && /NM101 \(entity identifier code\) is required/.test(messageOf(d)),
      ),
    );
  });

  it('reports a missing component of a composite, and a line without its service date', () => {
    const noFrequency = broken('11:B:1*Y', '11:B*Y');
    assert.equal(
      messageOf(validateX12(noFrequency)[0]),
      'Loop 2300 Claim Information: CLM05-3 (claim frequency type code) is required.',
    );
    const undated = broken(
      'SV1*HC:19284:RT*400*UN*1***1~\nDTP*472*D8*20260314~\n',
      'SV1*HC:19284:RT*400*UN*1***1~\n',
      -1,
    );
    const diagnostics = validateX12(undated);
    assert.deepEqual(ids(diagnostics), ['x12-required']);
    assert.equal(messageOf(diagnostics[0]), 'Loop 2400 Service Line Number has no DTP; the 837P requires it.');
    assert.equal(x12TextOf(undated, diagnostics[0]), 'LX');
  });

  it('stays quiet on the clean 837, and on a situational element left empty (PER02, the contact name)', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
    const withoutSubmitterContactName = broken('PER*IC*CONTACT PLACEHOLDER*', 'PER*IC**');
    assert.deepEqual(ids(validateX12(withoutSubmitterContactName)), []);
  });
});
