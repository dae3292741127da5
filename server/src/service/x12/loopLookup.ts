/**
 * The loop a segment stands in, for hover: the structure walk run over the
 * few segments from the nearest HL or ST before it, so hover names loops as
 * the structure rules, folding and the outline see them, without walking the
 * whole file (a hover on a large file may come before any check of it).
 */
import { maxSegmentScan } from './claimSpans';
import { StructureWalker } from './structureWalker';
import type { CompiledLoop } from './x12Map/x12Map';
import { x12Transactions } from './x12Transactions';
import type { X12Segments, X12Separators } from './x12Types';

/** Envelope segments, which stand in no loop. */
const envelopeIds: ReadonlySet<string> = new Set(['ISA', 'IEA', 'GS', 'GE', 'SE', 'TA1']);

/**
 * The loop the segment at `index` stands in, by the same walk over the segments from the nearest ST or HL
 * before it (as far back as a claim is searched for: `maxSegmentScan`); undefined for envelope segments,
 * segments of a transaction that is not an 837P, and where no ST or HL is near enough.
 */
export function loopAt(segments: X12Segments, separators: X12Separators, index: number): CompiledLoop | undefined {
  const id = segments.idAt(index);
  if (id === undefined || envelopeIds.has(id) || x12Transactions(segments).isRefused(index)) {
    return undefined;
  }
  const floor = Math.max(0, index - maxSegmentScan);
  let first = index;
  while (first > floor && segments.idAt(first) !== 'HL' && segments.idAt(first) !== 'ST') {
    first--;
  }
  const opener = segments.idAt(first);
  if (opener !== 'HL' && opener !== 'ST') {
    return undefined;
  }
  return new StructureWalker(segments, separators).loopAfter(first, index);
}
