/**
 * Laterality of a line: the side (RT/LT) its modifiers give, and the side an
 * ICD-10-CM diagnosis names (domain.md, "Laterality"): with an ICD-10-CM
 * edition loaded, read from the code's official long description ("right",
 * "left", "bilateral"), for every code; without one, or for a code the
 * edition does not hold, from the bundled breast table, which reads the
 * character that encodes it.
 */
import type { Claim, Diagnosis, ServiceLine } from '../model/model';
import type { CodeReference } from '../reference/codeReference';
import { breastLaterality, type BreastSide, diagnosisSideIn } from '../reference/diagnosisLaterality';
import { describedSide, diagnosisDateOf, diagnosisEdition } from '../reference/official/diagnosisFacts';

export type Side = BreastSide;

/** The line's RT or LT modifier; undefined with neither, or with both (or 50), which name no single side. */
export function sideOf(line: ServiceLine): Side | undefined {
  let right = false;
  let left = false;
  for (const { value } of line.modifiers) {
    if (value === '50') {
      return undefined;
    }
    right ||= value === 'RT';
    left ||= value === 'LT';
  }
  return right === left ? undefined : right ? 'RT' : 'LT';
}

/**
 * The breast side a diagnosis names, written with or without the decimal
 * point: read from the bundled laterality table (`reference/diagnosisLaterality.ts`:
 * C50, D05, D24, D48.6, N60, N63, Z90.1), undefined for a code that names no
 * single side.
 */
export function diagnosisSide(code: string): Side | undefined {
  // The laterality rules ask for every diagnosis of every line of every claim, and a batch repeats a few
  // hundred codes: each is read from the table once (the cache is cleared when it grows past its bound).
  let side = knownSides.get(code);
  if (side === undefined) {
    if (knownSides.size >= maxKnownSides) {
      knownSides.clear();
    }
    side = diagnosisSideIn(breastLaterality, code) ?? null;
    knownSides.set(code, side);
  }
  return side ?? undefined;
}

const knownSides = new Map<string, Side | null>();
const maxKnownSides = 10000;

/** The side a claim's diagnosis names, and whether the official descriptor said it (else the bundled breast table). */
export interface DiagnosisSide {
  side: Side;
  fromDescriptor: boolean;
}

/**
 * The side a claim's diagnosis names: only ICD-10-CM codes are read (an
 * ICD-9-CM code encodes no side). With `reference` and an edition loaded for
 * the claim's date, the official descriptor decides for every code it holds.
 */
export function diagnosisSideOf(
  diagnosis: Diagnosis,
  claim?: Claim,
  reference?: CodeReference,
): DiagnosisSide | undefined {
  if (diagnosis.codeSet !== 'ICD-10-CM') {
    return undefined;
  }
  const set = reference ? diagnosisEdition(reference, diagnosisDateOf(claim)) : undefined;
  const described = set ? describedSide(set, diagnosis.code) : undefined;
  if (described) {
    return described.side ? { side: described.side, fromDescriptor: true } : undefined;
  }
  const side = diagnosisSide(diagnosis.code);
  return side ? { side, fromDescriptor: false } : undefined;
}

/** The breast side a claim's diagnosis names from the bundled table alone. */
export function sideOfDiagnosis(diagnosis: Diagnosis): Side | undefined {
  return diagnosisSideOf(diagnosis)?.side;
}
