/**
 * The claims a range of a document touches, read without reading the rest:
 * inlay hints and CodeLens resolution run per visible range or per claim, and
 * a 5 MB file must not be parsed whole for each request. A `.claim` range is
 * parsed from the claim line above it to the one after it; an 837's claims
 * are read from its segments (kept by the model) around the range's offsets.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import { rangesOverlap } from './locate';
import type { Claim, ClaimDocumentModel, ParseProblem } from '../model/model';
import { parseClaimAround } from '../claimText/claimSlice';
import { lastSegmentStartingAtOrBefore } from '../x12/segmentTable';
import { X12DocumentModel } from '../x12/x12ClaimParser';

/** How far an 837's claim is searched for around a position: far beyond any real claim (50 lines of a few segments each). */
const maxSegmentScan = 20000;
/** Segments that start or end a claim span, as `X12DocumentModel.claimSpans` cuts them. */
const claimBoundaries = new Set(['CLM', 'HL', 'SE']);

export interface ClaimSpan {
  first: number;
  end: number;
}

/**
 * The claim spans (CLM to the segment closing it) overlapping the offsets
 * [start, end], in order, stopping after `limit` spans. A span is found by
 * walking back from `start` to the boundary before it, so the cost is the
 * range's segments plus one claim, bounded by `maxSegmentScan` each way.
 */
export function x12SpansBetween(
  model: X12DocumentModel,
  start: number,
  end: number,
  limit = Number.POSITIVE_INFINITY,
): ClaimSpan[] {
  const segments = model.x12.interchange.segments;
  let ordinal = Math.max(0, lastSegmentStartingAtOrBefore(model.x12.interchange.segments, start));
  const lowest = Math.max(0, ordinal - maxSegmentScan);
  while (ordinal > lowest && !claimBoundaries.has(segments.idAt(ordinal) ?? '')) {
    ordinal--;
  }
  const spans: ClaimSpan[] = [];
  let open = -1;
  let scannedPastEnd = 0;
  for (; ordinal < segments.length && spans.length < limit; ordinal++) {
    const id = segments.idAt(ordinal) ?? '';
    if (claimBoundaries.has(id)) {
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
  return spans;
}

/** Reads the claims of the spans; problems found reading them go to `problems`. */
export function readX12Spans(
  model: X12DocumentModel,
  spans: readonly ClaimSpan[],
  problems: ParseProblem[] = [],
): Claim[] {
  const claims: Claim[] = [];
  for (const span of spans) {
    model.readClaimAt(span, problems, (claim) => claims.push(claim));
  }
  return claims;
}

/**
 * The claims overlapping `range`, at most `limit` of them (an 837 on one line
 * is one line of thousands of claims). For `.claim` documents the model is not
 * read: the range is parsed from the text, whatever the model has read so far.
 */
export function claimsInRange(
  document: TextDocument,
  model: ClaimDocumentModel,
  range: Range,
  limit = Number.POSITIVE_INFINITY,
): Claim[] {
  if (model.format === 'claim') {
    const claims = parseClaimAround(document, range.start.line, range.end.line).claims.filter((claim) =>
      rangesOverlap(claim.range, range),
    );
    return claims.slice(0, limit);
  }
  if (!(model instanceof X12DocumentModel)) {
    // An 837 without a readable ISA has no segments and so no claims.
    return [];
  }
  const lines = model.x12.lines;
  const spans = x12SpansBetween(model, lines.offsetAt(range.start), lines.offsetAt(range.end), limit);
  return readX12Spans(model, spans).filter((claim) => rangesOverlap(claim.range, range));
}

/** The claim at a position (its first line, for CodeLens), read alone. */
export function claimAtPosition(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
): Claim | undefined {
  return claimsInRange(document, model, { start: position, end: position }, 1)[0];
}
