/**
 * Lesions documented versus billed on a claim, per lesion-counted procedure,
 * counted exactly as the `lesion-units` rule counts them (procedureLesions.ts):
 * over all modalities of one procedure, every unit of its lines (first-lesion
 * and add-on) counts one lesion, against the procedure's own count, or, when
 * several procedures share the encounter's count, against that as a bound.
 * Inlay hints and the claim's CodeLens show this arithmetic.
 */
import type { CodeReference } from '../reference/codeReference';
import type { LesionProcedure } from '../reference/codeTypes';
import { type Claim, unitsOf } from '../model/model';
import { type KnownLine, overbilledFirstLesionCodes } from './claimFacts';
import { groupByProcedure, procedureLesionCount } from './procedureLesions';

export interface LesionTally {
  procedure: LesionProcedure;
  /** The procedure's lines, in document order. */
  lines: KnownLine[];
  /** The procedure's documented lesion count; absent when none is (an 837P has no field for it) or the split is unknown. */
  documented?: number;
  /** The encounter's lesion count when several procedures share it and this one's share is not documented. */
  encounter?: number;
  /** Units billed over the lines. */
  billed: number;
  /**
   * First-lesion codes billed more than once on a date, with more than 1 unit
   * or on several lines (what `primary-units` reports): the count may add up
   * while the lesions sit on the wrong code.
   */
  overbilledFirst: string[];
  /** Add-on codes billed without a primary of their own modality (what `addon-wrong-modality` reports). */
  unpairedAddOns: Array<{ addOn: string; primary: string }>;
}

function unpairedAddOns(claim: Claim, lines: readonly KnownLine[]): Array<{ addOn: string; primary: string }> {
  const billed = new Set(claim.lines.map((line) => line.code.value));
  const unpaired = new Map<string, string>();
  for (const { info } of lines) {
    const [primary] = info.addOnTo ?? [];
    if (info.lesion?.role === 'additional' && primary && !info.addOnTo?.some((code) => billed.has(code))) {
      unpaired.set(info.code, primary);
    }
  }
  return [...unpaired].map(([addOn, primary]) => ({ addOn, primary }));
}

export function lesionTallies(claim: Claim, reference: CodeReference): LesionTally[] {
  const groups = groupByProcedure(claim, reference);
  return groups.map((group) => {
    // Disagreeing lesions= are the rule's to report; the count it uses is the one shown.
    const count = procedureLesionCount(claim, group, groups);
    const tally: LesionTally = {
      procedure: group.procedure,
      lines: group.lines,
      billed: group.lines.reduce((sum, { line }) => sum + unitsOf(line), 0),
      overbilledFirst: overbilledFirstLesionCodes(claim, group.lines),
      unpairedAddOns: unpairedAddOns(claim, group.lines),
    };
    if (count.known) {
      tally.documented = count.known.value;
    }
    if (count.atMost) {
      tally.encounter = count.atMost.value;
    }
    return tally;
  });
}

/**
 * `complete`, `missing 1` or `1 too many`; when only the encounter's count is
 * known, `1 more than the encounter` or nothing (the share is not documented);
 * undefined when no count is documented.
 */
export function balanceOf(tally: LesionTally): string | undefined {
  if (tally.documented === undefined) {
    const over = tally.encounter === undefined ? 0 : tally.billed - tally.encounter;
    return over > 0 ? `${over} more than the encounter` : undefined;
  }
  const difference = tally.billed - tally.documented;
  return difference === 0 ? 'complete' : difference < 0 ? `missing ${-difference}` : `${difference} too many`;
}

/**
 * `complete`, `missing 1`, `1 too many`. The count adding up is not enough
 * when a first-lesion code is billed more than once on a date (`19283 x2 +
 * 19284 x1`, or 19283 on two lines, for 3 lesions) or an add-on lacks its own
 * modality's primary (`19283 x1 + 19286 x1`): the verdict then says which code
 * takes 1 unit or which add-on needs which primary, so it never reads
 * "complete" while `primary-units` or the add-on rules report the claim.
 * Empty when nothing can be said (a procedure's share of the encounter's
 * lesions is not documented and it bills no more than the encounter).
 * The lens and the lesion hint's tooltip both say it.
 */
export function verdictOf(tally: LesionTally): string {
  const balance = balanceOf(tally) ?? '';
  const overbilled = tally.overbilledFirst;
  const notes = [
    ...(overbilled.length === 0
      ? []
      : [
          overbilled.length === 1
            ? `${overbilled[0] ?? ''} takes 1 unit`
            : `${overbilled.join(' and ')} take 1 unit each`,
        ]),
    ...tally.unpairedAddOns.map(({ addOn, primary }) => `+${addOn} needs ${primary}`),
  ];
  if (notes.length === 0 || balance === '') {
    return [balance, ...notes].filter((part) => part !== '').join('; ');
  }
  return balance === 'complete' ? `adds up, but ${notes.join('; ')}` : `${balance}; ${notes.join('; ')}`;
}
