/**
 * Laterality of a line: the side (RT/LT) its modifiers give, and the breast
 * side an ICD-10-CM diagnosis names (domain.md, "Laterality"). In C50 the
 * sixth character is the side (C50.411 right female breast, C50.412 left,
 * C50.421 right male breast; 9 unspecified); in N63 the fourth is (N63.1x
 * right, N63.2x left, N63.3x and N63.4x: axillary tail and subareolar,
 * 1 right, 2 left).
 */
import type { ServiceLine } from '../model/model';

export type Side = 'RT' | 'LT';

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

/** The breast side a diagnosis names, written with or without the decimal point. */
export function diagnosisSide(code: string): Side | undefined {
  const compact = code.toUpperCase().replace('.', '');
  const c50 = /^C50[0-9A-Z][0-9A-Z]([0-9A-Z])$/.exec(compact)?.[1];
  if (c50 !== undefined) {
    return c50 === '1' ? 'RT' : c50 === '2' ? 'LT' : undefined;
  }
  const n63 = /^N63([1-4])([0-9A-Z])?$/.exec(compact);
  if (!n63) {
    return undefined;
  }
  if (n63[1] === '1') {
    return 'RT';
  }
  if (n63[1] === '2') {
    return 'LT';
  }
  return n63[2] === '1' ? 'RT' : n63[2] === '2' ? 'LT' : undefined;
}
