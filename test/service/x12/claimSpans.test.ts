/**
 * Where an 837's claims are among its segments (`x12/claimSpans.ts`): a claim
 * runs from its CLM to the next CLM, HL or SE; lookups around one segment
 * walk at most `maxSegmentScan` segments; and the claim reader cuts claims
 * exactly where the spans say.
 */
import * as assert from 'node:assert/strict';
import {
  allClaimSpans,
  claimSpanAround,
  claimSpansBetween,
  claimStartAtOrBefore,
  endsClaim,
  maxSegmentScan,
} from '../../../server/src/service/x12/claimSpans';
import { SegmentTable } from '../../../server/src/service/x12/segmentTable';
import { parseX12Text, X12DocumentModel } from '../../../server/src/service/x12/x12ClaimParser';
import { x12Batch } from '../../support/documents/x12Batch';

/** Segment length with its terminator: segment n is [n * 10, n * 10 + 9), so offsets name segments plainly. */
const width = 10;

/** Segments with these ids, each `ID****~` padded to `width` characters. */
function segmentsOf(ids: readonly string[]): SegmentTable {
  const text = ids.map((id) => `${id.padEnd(width - 1, '*')}~`).join('');
  const table = new SegmentTable(text, '*');
  ids.forEach((id, n) => table.add(id, n * width, n * width + width - 1));
  return table;
}

/** An 837's segment ids: header, then two claims under one HL, one under the next, then the trailers. */
const transaction = [
  'ISA', // 0
  'GS', // 1
  'ST', // 2
  'BHT', // 3
  'HL', // 4
  'CLM', // 5
  'HI', // 6
  'LX', // 7
  'SV1', // 8
  'CLM', // 9: ends the claim at 5
  'LX', // 10
  'SV1', // 11
  'HL', // 12: ends the claim at 9
  'CLM', // 13
  'SV1', // 14
  'SE', // 15: ends the claim at 13
  'GE', // 16
  'IEA', // 17
];

describe('the segments with given ids (ordinalsOf)', () => {
  it('are found in order, the same array for the same ids, none for an id not in the file', () => {
    const segments = segmentsOf(transaction);
    assert.deepEqual([...segments.ordinalsOf(['CLM', 'HL', 'SE'])], [4, 5, 9, 12, 13, 15]);
    assert.deepEqual([...segments.ordinalsOf(['ISA'])], [0]);
    assert.deepEqual([...segments.ordinalsOf(['NM1', 'ZZ'])], []);
    assert.equal(segments.ordinalsOf(['CLM', 'HL', 'SE']), segments.ordinalsOf(['CLM', 'HL', 'SE']));
  });
});

describe('claim spans of an 837', () => {
  it('a claim is ended by CLM, HL and SE, and by nothing else', () => {
    for (const id of ['CLM', 'HL', 'SE']) {
      assert.equal(endsClaim(id), true, id);
    }
    for (const id of ['LX', 'SV1', 'HI', 'DTP', 'NM1', 'ST', 'GS', 'GE', 'ISA', 'IEA', 'BHT', undefined]) {
      assert.equal(endsClaim(id), false, String(id));
    }
  });

  it('every claim runs from its CLM to the next CLM, HL or SE', () => {
    assert.deepEqual(allClaimSpans(segmentsOf(transaction)), [
      { first: 5, end: 9 },
      { first: 9, end: 12 },
      { first: 13, end: 15 },
    ]);
  });

  it('a claim no segment ends runs to the last segment', () => {
    assert.deepEqual(allClaimSpans(segmentsOf(['ST', 'HL', 'CLM', 'LX', 'SV1', 'GE'])), [{ first: 2, end: 6 }]);
  });

  it('the span around a segment is its claim, or none outside claims', () => {
    const segments = segmentsOf(transaction);
    const around = transaction.map((_, index) => claimSpanAround(segments, index));
    assert.deepEqual(around.slice(5, 9), Array(4).fill({ first: 5, end: 9 }));
    assert.deepEqual(around.slice(9, 12), Array(3).fill({ first: 9, end: 12 }));
    assert.deepEqual(around.slice(13, 15), Array(2).fill({ first: 13, end: 15 }));
    for (const outside of [0, 1, 2, 3, 4, 12, 15]) {
      assert.equal(around[outside], undefined, `segment ${outside} (${transaction[outside]})`);
    }
  });

  it('past the SE, no claim is found: an SE ends the claim before it', () => {
    // GE and IEA do not end a claim, but the SE before them did.
    const segments = segmentsOf(transaction);
    assert.equal(claimSpanAround(segments, 16), undefined);
    assert.equal(claimSpanAround(segments, 17), undefined);
  });

  it('a caller may take more segments as outside a claim', () => {
    const segments = segmentsOf(['HL', 'CLM', 'HI', 'ST', 'HI']);
    assert.equal(claimStartAtOrBefore(segments, 4), 1, 'ST ends no claim');
    assert.equal(claimStartAtOrBefore(segments, 4, new Set(['ST'])), -1);
    assert.equal(claimStartAtOrBefore(segments, 2, new Set(['ST'])), 1);
  });

  describe(`looking around one segment walks at most ${maxSegmentScan} segments`, () => {
    // A CLM, then more segments than the scan reaches, none of them ending the claim.
    const ids = ['ST', 'HL', 'CLM', ...Array<string>(maxSegmentScan + 10).fill('REF'), 'SE'];
    const segments = segmentsOf(ids);
    const clm = 2;

    it('back: the CLM is found exactly maxSegmentScan segments back, not one further', () => {
      assert.equal(claimStartAtOrBefore(segments, clm + maxSegmentScan), clm);
      assert.equal(claimStartAtOrBefore(segments, clm + maxSegmentScan + 1), -1);
      assert.equal(claimSpanAround(segments, clm + maxSegmentScan + 1), undefined);
    });

    it('forward: the claim is cut maxSegmentScan segments after its CLM', () => {
      assert.deepEqual(claimSpanAround(segments, clm), { first: clm, end: clm + maxSegmentScan });
    });

    it('reading every span is not limited', () => {
      assert.deepEqual(allClaimSpans(segments), [{ first: clm, end: ids.length - 1 }]);
    });

    it('spans between offsets: the range, then at most maxSegmentScan segments more', () => {
      const offset = clm * width;
      assert.deepEqual(claimSpansBetween(segments, offset, offset), [{ first: clm, end: clm + maxSegmentScan + 1 }]);
    });
  });

  describe('spans between offsets', () => {
    const segments = segmentsOf(transaction);
    const offsetOf = (index: number) => index * width;

    it('are the claims the range touches, in order', () => {
      assert.deepEqual(claimSpansBetween(segments, offsetOf(7), offsetOf(13)), [
        { first: 5, end: 9 },
        { first: 9, end: 12 },
        { first: 13, end: 15 },
      ]);
    });

    it('stop after the limit', () => {
      assert.deepEqual(claimSpansBetween(segments, offsetOf(7), offsetOf(13), 1), [{ first: 5, end: 9 }]);
    });

    it('in the middle of a segment, name the claim it stands in', () => {
      assert.deepEqual(claimSpansBetween(segments, offsetOf(10) + 4, offsetOf(10) + 4), [{ first: 9, end: 12 }]);
    });

    it('leave out a claim starting after the range, and find none on an HL or SE', () => {
      assert.deepEqual(claimSpansBetween(segments, offsetOf(12), offsetOf(12) + 5), []);
      assert.deepEqual(claimSpansBetween(segments, offsetOf(15), offsetOf(17)), []);
      assert.deepEqual(claimSpansBetween(segments, offsetOf(0), offsetOf(4)), []);
    });
  });

  it('the claim reader cuts claims where the spans say', () => {
    for (const oneLine of [false, true]) {
      const text = x12Batch(2, 12, { oneLine });
      const model = parseX12Text(text);
      assert.ok(model instanceof X12DocumentModel);
      const segments = model.x12.interchange.segments;
      const spans = allClaimSpans(segments);
      assert.equal(spans.length, 24);
      assert.deepEqual(
        model.claims.map((claim) => [
          model.x12.lines.offsetAt(claim.range.start),
          model.x12.lines.offsetAt(claim.range.end),
        ]),
        spans.map((span) => [segments.startAt(span.first), segments.endAt(span.end - 1)]),
      );
      assert.ok(spans.every((span) => segments.idAt(span.first) === 'CLM' && endsClaim(segments.idAt(span.end))));
    }
  });
});
