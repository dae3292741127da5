/** A model's X12 segments as `ID@start-end` strings, to compare two reads of a text. */
import type { ClaimDocumentModel } from '../../../server/src/service';

export function segmentsOf(model: ClaimDocumentModel): string[] {
  const segments = model.x12?.interchange.segments;
  const out: string[] = [];
  for (let n = 0; segments && n < segments.length; n++) {
    out.push(`${segments.idAt(n) ?? '?'}@${segments.startAt(n)}-${segments.endAt(n)}`);
  }
  return out;
}
