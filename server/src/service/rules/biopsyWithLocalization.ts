/**
 * The biopsy codes 19081-19086 already include placing a localization device
 * and imaging the specimen: 19281-19288 or 76098 for the same lesion in the
 * same session is unbundling (domain.md). Only lines of one date of service
 * are compared (a line's own date, else the claim's); a line with no known
 * date is taken to be of the biopsy's session. A line carrying
 * any distinct-service modifier of the reference data (59, XE, XP, XS, XU:
 * the ones CMS lists for bypassing such an NCCI edit) is accepted, and so are
 * lines on opposite sides. The advice names the modifier that fits what the
 * claim shows: XU or 59 for another lesion of the same breast, never XS,
 * which is for a separate structure such as the other breast; XS alone on a
 * line of the biopsy's side gets an information saying so.
 */
import type { ClaimEditor } from '../model/claimEditor';
import type { Claim, Field, ServiceLine } from '../model/model';
import type { CodeReference } from '../reference/codeReference';
import { dateOfService } from './claimFacts';
import { type Side, sideOf } from './laterality';
import type { ClaimRule, Finding } from './ruleTypes';

const ruleId = 'biopsy-with-localization';
const biopsyCodes = new Set(['19081', '19082', '19083', '19084', '19085', '19086']);
const includedCodes = new Set(['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288', '76098']);

/** A pair this rule speaks of (a breast biopsy and a localization or specimen imaging code): `ncci-ptp` leaves it here. */
export function isBiopsyWithLocalization(column1: string, column2: string): boolean {
  return biopsyCodes.has(column1) && includedCodes.has(column2);
}

/** How a biopsy and a localization line compare: by date of service, then by side. */
interface Pairing {
  /** Different dates, or opposite sides: separate services the rule leaves alone. */
  apart: boolean;
  /** Both lines have the same date of service (not only "no date known"). */
  sameDate: boolean;
  /** The side both lines name; undefined when either names none (they may still be the same lesion). */
  side: Side | undefined;
}

function pair(biopsy: ServiceLine, line: ServiceLine, claim: Claim): Pairing {
  const dateA = dateOfService(biopsy, claim);
  const dateB = dateOfService(line, claim);
  const sideA = sideOf(biopsy);
  const sideB = sideOf(line);
  const bothDated = dateA !== undefined && dateB !== undefined;
  const bothSided = sideA !== undefined && sideB !== undefined;
  return {
    apart: (bothDated && dateA !== dateB) || (bothSided && sideA !== sideB),
    sameDate: bothDated,
    side: bothSided ? sideA : undefined,
  };
}

/** A pairing that names more of what makes the lines one service: a side first, then a date. */
/** The line's modifiers that the reference data lists as distinct-service modifiers. */
function distinctModifiers(line: ServiceLine, reference: CodeReference): Array<Field<string>> {
  return line.modifiers.filter((m) => reference.modifier(m.value)?.category === 'distinct-service');
}

/** The biopsy line that pairs most closely with `line` (same side and date first), if any is not apart from it. */
const unknown = '?';
const any = '*';

/**
 * The first biopsy line (in claim order) of each date and side, each also under "any" date and side: the
 * closest biopsy to a line is then a few look-ups, not a pass over every biopsy for each included line.
 */
function firstBiopsies(biopsies: readonly ServiceLine[], claim: Claim): Map<string, ServiceLine> {
  const first = new Map<string, ServiceLine>();
  for (const biopsy of biopsies) {
    const date = dateOfService(biopsy, claim) ?? unknown;
    const side = sideOf(biopsy) ?? unknown;
    for (const key of [`${date}|${side}`, `${date}|${any}`, `${any}|${side}`, `${any}|${any}`]) {
      if (!first.has(key)) {
        first.set(key, biopsy);
      }
    }
  }
  return first;
}

/**
 * The biopsy the line goes with: not apart from it, the one that shares most (a side counts more than a date),
 * the first in claim order among equals.
 */
function closestBiopsy(
  line: ServiceLine,
  first: ReadonlyMap<string, ServiceLine>,
  claim: Claim,
): { biopsy: ServiceLine; pairing: Pairing } | undefined {
  const date = dateOfService(line, claim);
  const side = sideOf(line);
  // Best first: the same side and date, the same side with the biopsy's date unknown, the same date with its side
  // unknown, both unknown. An unknown date or side of the line itself matches every biopsy's and weighs nothing.
  const dates = date === undefined ? [any] : [date, unknown];
  const sides = side === undefined ? [any] : [side, unknown];
  for (const s of sides) {
    for (const d of dates) {
      const biopsy = first.get(`${d}|${s}`);
      if (biopsy) {
        return { biopsy, pairing: pair(biopsy, line, claim) };
      }
    }
  }
  return undefined;
}

function sameSideXs(
  line: ServiceLine,
  distinct: ReadonlyArray<Field<string>>,
  match: { biopsy: ServiceLine; pairing: Pairing },
  editor: ClaimEditor,
): Finding | undefined {
  const [xs, ...others] = distinct;
  if (others.length > 0 || xs?.value !== 'XS' || !match.pairing.side) {
    return undefined;
  }
  return {
    ruleId,
    range: xs.range,
    severity: 'information',
    message: `XS (separate structure) on ${line.code.value}, on the same side (${match.pairing.side}) as the biopsy ${match.biopsy.code.value}: XS fits the other breast, which RT and LT already tell apart; for another lesion of the same breast the modifier that says so is XU (unusual non-overlapping service) or 59.`,
    fixes: ['XU', '59'].map((modifier) => ({
      title: `Replace XS with ${modifier}`,
      edits: editor.replaceModifier(line, xs, modifier),
    })),
  };
}

/** Where the two lines meet, as the claim shows it. */
function describePairing({ sameDate, side }: Pairing): string {
  if (side) {
    return sameDate ? `on the same side (${side}) and date of service` : `on the same side (${side})`;
  }
  return `${sameDate ? 'on the same date of service, ' : ''}where a line gives no side (RT or LT),`;
}

export const biopsyWithLocalizationRule: ClaimRule = {
  id: ruleId,
  defaultSeverity: 'warning',
  description:
    'A localization device (19281-19288) or specimen imaging (76098) is reported with a breast biopsy 19081-19086 of the same side and date of service, which already includes them.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    const biopsies = claim.lines.filter((line) => biopsyCodes.has(line.code.value));
    if (biopsies.length === 0) {
      return findings;
    }
    const first = firstBiopsies(biopsies, claim);
    for (const line of claim.lines) {
      if (!includedCodes.has(line.code.value)) {
        continue;
      }
      const match = closestBiopsy(line, first, claim);
      if (!match) {
        continue;
      }
      const distinct = distinctModifiers(line, reference);
      if (distinct.length > 0) {
        const wrongReason = sameSideXs(line, distinct, match, editor);
        if (wrongReason) {
          findings.push(wrongReason);
        }
        continue;
      }
      const code = line.code.value;
      const what = code === '76098' ? 'imaging of the specimen' : 'placement of a localization device';
      // XS (separate structure) is for the other breast, which RT and LT already tell apart; another lesion of the same breast is XU or 59.
      const otherBreast = match.pairing.side ? '' : '; if it was in the other breast, mark each line RT or LT';
      findings.push({
        ruleId,
        range: line.code.range,
        message: `${match.biopsy.code.value} already includes localization device placement and specimen imaging, so ${code} (${what}) ${describePairing(match.pairing)} is unbundling if it is for the same lesion; if it is for another lesion of the same breast, add XU or 59${otherBreast}.`,
      });
    }
    return findings;
  },
};
