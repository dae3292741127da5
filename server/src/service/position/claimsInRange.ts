/**
 * The claims a range of a document touches, read without reading the rest:
 * inlay hints and CodeLens resolution run per visible range or per claim, and
 * a 5 MB file must not be parsed whole for each request. A `.claim` range is
 * parsed from the claim line above it to the one after it; an 837's claims
 * are read from its segments (kept by the model) around the range's offsets.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { rangesOverlap } from './locate';
import type { Claim, ClaimDocumentModel, ParseProblem } from '../model/model';
import { parseClaimAround } from '../claimText/claimSlice';
import { claimSpansBetween } from '../x12/claimSpans';
import { X12DocumentModel } from '../x12/x12ClaimParser';

/**
 * The claims of an 837 whose segments overlap the offsets [start, end], at
 * most `limit` of them, read alone (see `claimSpansBetween`); problems found
 * reading them go to `problems`.
 */
export function x12ClaimsBetween(
  model: X12DocumentModel,
  start: number,
  end: number,
  limit = Number.POSITIVE_INFINITY,
  problems: ParseProblem[] = [],
): Claim[] {
  const claims: Claim[] = [];
  for (const span of claimSpansBetween(model.x12.interchange.segments, start, end, limit)) {
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
  return x12ClaimsBetween(model, lines.offsetAt(range.start), lines.offsetAt(range.end), limit).filter((claim) =>
    rangesOverlap(claim.range, range),
  );
}
