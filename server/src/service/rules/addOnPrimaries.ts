/**
 * Where an add-on line's primary stands on its claim. Shared by the two
 * add-on rules so exactly one of them speaks about a given line. Answered
 * from the claim's index (`claimLineIndex.ts`), in time that does not grow
 * with the claim: both rules ask it for every add-on line.
 */
import type { CodeInfo } from '../reference/codeTypes';
import type { CodeReference } from '../reference/codeReference';
import type { Claim, ServiceLine } from '../model/model';
import { dateOfService } from './claimFacts';
import { firstOnOtherDate, indexOfClaim, linesOnCompatibleDate } from './claimLineIndex';

export interface AddOnPrimaries {
  /** Whether a line of one of the add-on's own primaries is on the same date (or has no date to compare). */
  sameDate: boolean;
  /** The first line, in claim order, of one of its own primaries on another date of service. */
  otherDate: ServiceLine | undefined;
  /** First-lesion codes of the same procedure but another modality on the claim, each once, in claim order. */
  otherModality: CodeInfo[];
}

export function findAddOnPrimaries(
  claim: Claim,
  line: ServiceLine,
  addOn: CodeInfo,
  reference: CodeReference,
): AddOnPrimaries {
  const index = indexOfClaim(claim, reference);
  const primaries = addOn.addOnTo ?? [];
  const date = dateOfService(line, claim);
  let sameDate = false;
  let otherDate: ServiceLine | undefined;
  for (const primary of primaries) {
    const lines = index.knownByCode.get(primary);
    sameDate ||= linesOnCompatibleDate(lines, date) > 0;
    const other = firstOnOtherDate(lines, date);
    if (other && (!otherDate || index.numberOf(other) < index.numberOf(otherDate))) {
      otherDate = other;
    }
  }
  const lesion = addOn.lesion;
  const otherModality = lesion
    ? (index.firstLesionCodes.get(lesion.procedure) ?? []).filter(
        (info) => !primaries.includes(info.code) && info.modality !== addOn.modality,
      )
    : [];
  return { sameDate, otherDate, otherModality };
}

/** True when the add-on-wrong-modality rule, not add-on-without-primary, speaks about this line. */
export function isWrongModality(primaries: AddOnPrimaries): boolean {
  return !primaries.sameDate && primaries.otherDate === undefined && primaries.otherModality.length > 0;
}

/**
 * The lines of the add-on's own primaries, for go-to-definition: those on the same date (or with no
 * date to compare), else those on another date. One pass over the claim, for one line the user asked about.
 */
export function addOnPrimaryLines(
  claim: Claim,
  line: ServiceLine,
  addOn: CodeInfo,
  reference: CodeReference,
): ServiceLine[] {
  const primaries = addOn.addOnTo ?? [];
  const date = dateOfService(line, claim);
  const sameDate: ServiceLine[] = [];
  const otherDate: ServiceLine[] = [];
  for (const { line: known, info } of indexOfClaim(claim, reference).known) {
    if (primaries.includes(info.code)) {
      const primaryDate = dateOfService(known, claim);
      (date === undefined || primaryDate === undefined || primaryDate === date ? sameDate : otherDate).push(known);
    }
  }
  return sameDate.length > 0 ? sameDate : otherDate;
}
