/**
 * Lesions documented versus billed on a claim, per lesion-counted procedure,
 * counted exactly as the `lesion-units` rule counts them: over all modalities
 * of one procedure, every unit of its lines (first-lesion and add-on) counts
 * one lesion, against the line's `lesions=` or else the claim's `lesions:`.
 * Inlay hints and the claim's CodeLens show this arithmetic.
 */
import type { CodeReference } from '../reference/codeReference';
import type { LesionProcedure } from '../reference/codeTypes';
import { type Claim, unitsOf } from '../model/model';
import type { KnownLine } from './claimFacts';
import { groupByProcedure, lesionCount } from './lesionUnits';

export interface LesionTally {
  procedure: LesionProcedure;
  /** The procedure's lines, in document order. */
  lines: KnownLine[];
  /** The documented lesion count; absent when none is (an 837P has no field for it). */
  documented?: number;
  /** Units billed over the lines. */
  billed: number;
}

export function lesionTallies(claim: Claim, reference: CodeReference): LesionTally[] {
  return groupByProcedure(claim, reference).map((group) => {
    // Disagreeing lesions= are the rule's to report; the count it uses is the one shown.
    const documented = lesionCount(claim, group, [])?.value;
    const tally: LesionTally = {
      procedure: group.procedure,
      lines: group.lines,
      billed: group.lines.reduce((sum, { line }) => sum + unitsOf(line), 0),
    };
    if (documented !== undefined) {
      tally.documented = documented;
    }
    return tally;
  });
}

/** `complete`, `missing 1` or `1 too many`; undefined when no count is documented. */
export function balanceOf(tally: LesionTally): string | undefined {
  if (tally.documented === undefined) {
    return undefined;
  }
  const difference = tally.billed - tally.documented;
  return difference === 0 ? 'complete' : difference < 0 ? `missing ${-difference}` : `${difference} too many`;
}

/**
 * The first-lesion codes of the tally billed with more than 1 unit (what the
 * `primary-units` rule reports): the count may add up while the lesions sit on
 * the wrong code, and a lens must not call that complete.
 */
function overbilledFirstLesionCodes(tally: LesionTally): string[] {
  const codes = tally.lines
    .filter(({ line, info }) => info.lesion?.role === 'first' && unitsOf(line) > 1)
    .map(({ info }) => info.code);
  return [...new Set(codes)];
}

/**
 * `complete`, `missing 1`, `1 too many`; when a first-lesion code carries more
 * than 1 unit the count adding up is not enough (`19283 x2 + 19284 x1` for 3
 * lesions is billed wrong), so the verdict says which code takes 1 unit.
 * The lens and the lesion hint's tooltip both say it.
 */
export function verdictOf(tally: LesionTally): string {
  const balance = balanceOf(tally) ?? '';
  const overbilled = overbilledFirstLesionCodes(tally);
  if (overbilled.length === 0) {
    return balance;
  }
  const note =
    overbilled.length === 1 ? `${overbilled[0] ?? ''} takes 1 unit` : `${overbilled.join(' and ')} take 1 unit each`;
  return balance === 'complete' ? `adds up, but ${note}` : `${balance}; ${note}`;
}
