/**
 * Laterality of a line: the side (RT/LT) its modifiers give, and the breast
 * side an ICD-10-CM diagnosis names (domain.md, "Laterality"), which the
 * reference data's laterality table reads from the character that encodes it.
 */
import type { Diagnosis, ServiceLine } from '../model/model';
import { breastLaterality, type BreastSide, diagnosisSideIn } from '../reference/diagnosisLaterality';

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
  return diagnosisSideIn(breastLaterality, code);
}

/** The breast side a claim's diagnosis names: only ICD-10-CM codes are read (an ICD-9-CM code encodes no side). */
export function sideOfDiagnosis(diagnosis: Diagnosis): Side | undefined {
  return diagnosis.codeSet === 'ICD-10-CM' ? diagnosisSide(diagnosis.code) : undefined;
}
