/**
 * The claim a position is in, and the part of it there, read as cheaply as
 * the format allows: for `.claim`, from the model's claims (a server passes
 * the model of just the claims around the line after an edit); for an 837,
 * only that CLM loop's segments are read (`claimSpanAround`), never every
 * claim of the batch. Hover, definition and references ask this.
 */
import type { Position } from 'vscode-languageserver-types';
import { claimAt, elementAt, type ModelElement } from './locate';
import type { Claim, ClaimDocumentModel } from '../model/model';
import { claimSpanAround } from '../x12/claimSpans';
import { lastSegmentStartingAtOrBefore } from '../x12/segmentTable';
import { X12DocumentModel } from '../x12/x12ClaimParser';

function x12ClaimAround(model: X12DocumentModel, position: Position): Claim | undefined {
  const { segments } = model.x12.interchange;
  const index = lastSegmentStartingAtOrBefore(segments, model.x12.lines.offsetAt(position));
  const span = index === -1 ? undefined : claimSpanAround(segments, index);
  let found: Claim | undefined;
  if (span) {
    model.readClaimAt(span, [], (claim) => (found = claim));
  }
  // The span is found from the segment starting before the position: the position may be past the claim's end.
  return claimAt(found ? [found] : [], position);
}

/** The claim whose range holds the position, as `claimAt` gives it from all the model's claims. */
export function claimAround(model: ClaimDocumentModel, position: Position): Claim | undefined {
  if (model instanceof X12DocumentModel) {
    return x12ClaimAround(model, position);
  }
  return claimAt(model.claims, position);
}

/** The part of the claim model at the position (a code, a pointer, a diagnosis...), from the claim around it alone. */
export function elementAround(model: ClaimDocumentModel, position: Position): ModelElement | undefined {
  const claim = claimAround(model, position);
  return claim && elementAt([claim], position);
}
