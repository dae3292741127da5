/**
 * Where an add-on line's primary stands on its claim. Shared by the two
 * add-on rules so exactly one of them speaks about a given line.
 */
import type { CodeInfo } from '../reference/codeTypes';
import type { CodeReference } from '../reference/codeReference';
import type { Claim, ServiceLine } from '../model/model';
import { dateOfService, type KnownLine, knownLines } from './claimFacts';

interface AddOnPrimaries {
  /** Lines of one of the add-on's own primaries on the same date (or with no date to compare). */
  sameDate: KnownLine[];
  /** Lines of its own primaries on another date of service. */
  otherDate: KnownLine[];
  /** First-lesion lines of the same procedure but another modality. */
  otherModality: KnownLine[];
}

export function findAddOnPrimaries(
  claim: Claim,
  line: ServiceLine,
  addOn: CodeInfo,
  reference: CodeReference,
): AddOnPrimaries {
  const result: AddOnPrimaries = { sameDate: [], otherDate: [], otherModality: [] };
  const primaries = addOn.addOnTo ?? [];
  const date = dateOfService(line, claim);
  for (const known of knownLines(claim, reference)) {
    if (primaries.includes(known.info.code)) {
      const primaryDate = dateOfService(known.line, claim);
      const sameDate = date === undefined || primaryDate === undefined || primaryDate === date;
      (sameDate ? result.sameDate : result.otherDate).push(known);
    } else if (
      addOn.lesion &&
      known.info.lesion?.procedure === addOn.lesion.procedure &&
      known.info.lesion.role === 'first' &&
      known.info.modality !== addOn.modality
    ) {
      result.otherModality.push(known);
    }
  }
  return result;
}

/** True when the add-on-wrong-modality rule, not add-on-without-primary, speaks about this line. */
export function isWrongModality(primaries: AddOnPrimaries): boolean {
  return primaries.sameDate.length === 0 && primaries.otherDate.length === 0 && primaries.otherModality.length > 0;
}
