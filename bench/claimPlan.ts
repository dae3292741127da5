/**
 * The claims every benchmark corpus is made of, independent of format: breast
 * localization pairs (19281-19288) with specimen imaging (76098) and office
 * visits (99213), breast-cancer and abnormal-imaging diagnoses, and errors
 * planted at fixed intervals so the rules find real work in every file.
 * The `.claim` and 837P writers render the same plan, so both formats of one
 * size hold the same claims and exactly the same number of service lines.
 */

export interface PlannedLine {
  code: string;
  modifiers: readonly string[];
  units: number;
  charge: number;
  /** 1-based pointers into the claim's diagnoses. */
  pointers: readonly number[];
}

export interface PlannedClaim {
  /** 0-based position in the corpus; also the seed of its planted errors. */
  index: number;
  dos: string;
  /** ICD-10-CM codes with their decimal point (the 837 writer removes it). */
  diagnoses: readonly string[];
  lesions: number;
  lines: readonly PlannedLine[];
  /** CLM02 when it is planted wrong; the sum of the line charges otherwise (837 only). */
  wrongTotalCharge?: number;
}

const localizationPairs = [
  ['19281', '19282'],
  ['19283', '19284'],
  ['19285', '19286'],
  ['19287', '19288'],
] as const;

/**
 * The planted errors, by claim index. Intervals are coprime so the errors
 * overlap on some claims, as they do in real batches.
 */
export const plantedErrors = {
  /** The add-on is billed without its first-lesion code: addon-without-primary (both formats). */
  missingPrimaryEvery: 7,
  /** The add-on carries one unit too many for the lesion count: lesion-units (.claim; 837P has no lesion count). */
  wrongUnitsEvery: 5,
  /** Specimen imaging points at a third diagnosis the claim does not have: dx-pointer (both formats). */
  pointerOutsideDxEvery: 11,
  /** CLM02 is $10 more than the lines add up to: x12-claim-total (837P only). */
  wrongTotalEvery: 13,
} as const;

export function planClaim(index: number): PlannedClaim {
  const [primary, addOn] = localizationPairs[index % localizationPairs.length] ?? localizationPairs[1];
  const side = index % 2 === 0 ? 'RT' : 'LT';
  const lesions = 1 + (index % 4);
  const lines: PlannedLine[] = [];
  if (index % plantedErrors.missingPrimaryEvery !== 0) {
    lines.push({ code: primary, modifiers: [side], units: 1, charge: 350, pointers: [1] });
  }
  if (lesions > 1) {
    const units = index % plantedErrors.wrongUnitsEvery === 0 ? lesions : lesions - 1;
    lines.push({ code: addOn, modifiers: [side], units, charge: 200 * units, pointers: [1] });
  }
  const imagingPointers = index % plantedErrors.pointerOutsideDxEvery === 0 ? [1, 3] : [1, 2];
  lines.push({ code: '76098', modifiers: [side], units: 1, charge: 90, pointers: imagingPointers });
  if (index % 3 === 0) {
    lines.push({ code: '99213', modifiers: [], units: 1, charge: 120, pointers: [2] });
  }
  const claim: PlannedClaim = {
    index,
    dos: `2026-03-${String(1 + (index % 28)).padStart(2, '0')}`,
    diagnoses: [side === 'RT' ? 'C50.411' : 'C50.412', 'R92.8'],
    lesions,
    lines,
  };
  if (index % plantedErrors.wrongTotalEvery === 0) {
    claim.wrongTotalCharge = lines.reduce((sum, line) => sum + line.charge, 0) + 10;
  }
  return claim;
}

/**
 * Claims in order until they hold exactly `serviceLines` lines: the last claim
 * is cut short when it would overshoot.
 */
export function* planClaims(serviceLines: number): Generator<PlannedClaim> {
  let remaining = serviceLines;
  for (let index = 0; remaining > 0; index++) {
    const claim = planClaim(index);
    const lines = claim.lines.length <= remaining ? claim.lines : claim.lines.slice(0, remaining);
    remaining -= lines.length;
    yield lines === claim.lines ? claim : { ...claim, lines, wrongTotalCharge: undefined };
  }
}
