/**
 * The claim a position is in, read as cheaply as the format allows: for
 * `.claim`, from the model's claims (a server passes the model of just the
 * claims around the line after an edit); for an 837, only that CLM loop's
 * segments are read, never every claim of the batch.
 */
import type { Position } from 'vscode-languageserver-types';
import { claimAt } from './locate';
import type { Claim, ClaimDocumentModel } from '../model/model';
import { lastSegmentStartingAtOrBefore } from '../x12/segmentTable';
import type { X12Segments } from '../x12/x12Types';
import { X12DocumentModel } from '../x12/x12ClaimParser';

/** How many segments are searched each way for the claim's CLM and its end. */
const maxClaimScan = 20000;

/** The claim's segments as [first, end), as the claim reader cuts them: from its CLM to the next CLM, HL or SE. */
function claimSpanAt(segments: X12Segments, index: number): { first: number; end: number } | undefined {
  let first = -1;
  for (let ordinal = index; ordinal >= Math.max(0, index - maxClaimScan); ordinal--) {
    const id = segments.idAt(ordinal);
    if (id === 'CLM') {
      first = ordinal;
      break;
    }
    if (id === 'HL' || id === 'SE') {
      return undefined;
    }
  }
  if (first === -1) {
    return undefined;
  }
  let end = first + 1;
  const last = Math.min(segments.length, first + maxClaimScan);
  while (end < last && !['CLM', 'HL', 'SE'].includes(segments.idAt(end) ?? '')) {
    end++;
  }
  return { first, end };
}

function x12ClaimAround(model: X12DocumentModel, position: Position): Claim | undefined {
  const { segments } = model.x12.interchange;
  const index = lastSegmentStartingAtOrBefore(segments, model.x12.lines.offsetAt(position));
  const span = index === -1 ? undefined : claimSpanAt(segments, index);
  let found: Claim | undefined;
  if (span) {
    model.readClaimAt(span, [], (claim) => (found = claim));
  }
  return found;
}

export function claimAround(model: ClaimDocumentModel, position: Position): Claim | undefined {
  if (model instanceof X12DocumentModel) {
    return x12ClaimAround(model, position);
  }
  return claimAt(model.claims, position);
}
