/**
 * Where the claims of an 837 are among its segments. A claim (loop 2300 with
 * its service lines) runs from its CLM up to the segment that ends it: the
 * next CLM, the next HL (a new billing provider, subscriber or patient) or
 * the SE closing the transaction. The claim reader cuts claims there
 * (`x12ClaimParser.ts`), and so must everything that reads one claim alone
 * (hover, definition, inlay hints, CodeLens, incremental validation, the
 * CLI's streaming cuts), or a claim read alone would differ from the same
 * claim read with the whole file. A span is [first, end) segment ordinals:
 * `first` is the CLM, `end` the segment that ended it (or the end of the
 * segments). Folding and the outline nest loops by level, and the editor's
 * service-line loop ends at the next LX too: they end a claim's loop at more
 * segments than these, and say so where they do. A CLM in a transaction
 * that is not an 837P (an 837I's, say: `x12Transactions.ts`) starts no claim.
 */
import { lastSegmentStartingAtOrBefore } from './segmentTable';
import { x12Transactions } from './x12Transactions';
import type { X12Segments } from './x12Types';

/** The segments that end the claim before them. */
const claimEndIds = ['CLM', 'HL', 'SE'];
const claimEnds: ReadonlySet<string> = new Set(claimEndIds);
const noIds: ReadonlySet<string> = new Set<string>();

/**
 * How many segments a lookup around one place walks (each way) before it
 * gives up. It is far beyond any real claim (an 837P claim has at most 50
 * service lines of a few segments each), and it bounds what one request costs
 * on a file whose claims never end: a 100 MB file of segments without a CLM,
 * HL or SE would otherwise be walked whole on every hover. The loop lookup
 * of hover (`segmentDictionary.ts`, `x12LoopAt`) walks back as far.
 */
export const maxSegmentScan = 20000;

/** A claim's segments, as [first, end) ordinals: its CLM up to the segment that ends it. */
export interface ClaimSpan {
  first: number;
  end: number;
}

/** True for the segment ids that end a claim: CLM, HL and SE. */
export function endsClaim(id: string | undefined): boolean {
  return id !== undefined && claimEnds.has(id);
}

/**
 * The CLM of the claim the segment at `index` stands in (the segment itself
 * when it is a CLM), walking back at most `maxSegmentScan` segments; -1 when
 * an HL or SE comes first, or one of `alsoOutside` (segment ids a caller
 * takes as outside any claim too).
 */
export function claimStartAtOrBefore(
  segments: X12Segments,
  index: number,
  alsoOutside: ReadonlySet<string> = noIds,
): number {
  for (let ordinal = index; ordinal >= Math.max(0, index - maxSegmentScan); ordinal--) {
    const id = segments.idAt(ordinal);
    if (id === 'CLM') {
      return ordinal;
    }
    if (endsClaim(id) || (id !== undefined && alsoOutside.has(id))) {
      return -1;
    }
  }
  return -1;
}

/** The segment that ends the claim whose CLM is at `first`, looking no further than `limit` (which it then gives). */
export function claimEndAfter(segments: X12Segments, first: number, limit = segments.length): number {
  let end = first + 1;
  while (end < limit && !endsClaim(segments.idAt(end))) {
    end++;
  }
  return end;
}

/** The span of the claim the segment at `index` stands in, each end searched for at most `maxSegmentScan` segments away. */
export function claimSpanAround(segments: X12Segments, index: number): ClaimSpan | undefined {
  const first = claimStartAtOrBefore(segments, index);
  if (first === -1 || x12Transactions(segments).isRefused(first)) {
    return undefined;
  }
  return { first, end: claimEndAfter(segments, first, Math.min(segments.length, first + maxSegmentScan)) };
}

/** Every claim's span, in order. */
export function allClaimSpans(segments: X12Segments): ClaimSpan[] {
  const spans: ClaimSpan[] = [];
  let first = -1;
  for (const ordinal of segments.ordinalsOf(claimEndIds)) {
    if (first !== -1) {
      spans.push({ first, end: ordinal });
    }
    first = segments.idAt(ordinal) === 'CLM' ? ordinal : -1;
  }
  if (first !== -1) {
    spans.push({ first, end: segments.length });
  }
  return withoutRefused(segments, spans);
}

/** The spans that stand in a checked transaction. */
function withoutRefused(segments: X12Segments, spans: ClaimSpan[]): ClaimSpan[] {
  const transactions = x12Transactions(segments);
  return transactions.refused.length === 0 ? spans : spans.filter((span) => !transactions.isRefused(span.first));
}

/**
 * The spans of the claims overlapping the offsets [start, end], in order,
 * stopping after `limit` spans. The first is found by walking back from
 * `start` to the segment before it that starts or ends a claim, so the cost
 * is the range's segments plus one claim, at most `maxSegmentScan` segments
 * each way beyond the range.
 */
export function claimSpansBetween(
  segments: X12Segments,
  start: number,
  end: number,
  limit = Number.POSITIVE_INFINITY,
): ClaimSpan[] {
  let ordinal = Math.max(0, lastSegmentStartingAtOrBefore(segments, start));
  const lowest = Math.max(0, ordinal - maxSegmentScan);
  while (ordinal > lowest && !endsClaim(segments.idAt(ordinal))) {
    ordinal--;
  }
  const spans: ClaimSpan[] = [];
  let open = -1;
  let scannedPastEnd = 0;
  for (; ordinal < segments.length && spans.length < limit; ordinal++) {
    const id = segments.idAt(ordinal);
    if (endsClaim(id)) {
      if (open !== -1) {
        spans.push({ first: open, end: ordinal });
      }
      // A claim starting after the range is not one it touches.
      open = id === 'CLM' && segments.startAt(ordinal) <= end ? ordinal : -1;
    }
    if (segments.startAt(ordinal) > end && (open === -1 || ++scannedPastEnd > maxSegmentScan)) {
      break;
    }
  }
  if (open !== -1 && spans.length < limit) {
    spans.push({ first: open, end: Math.min(ordinal, segments.length) });
  }
  return withoutRefused(segments, spans);
}
