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
 * which is for a separate structure such as the other breast.
 */
import type { Claim, ServiceLine } from '../model/model';
import type { CodeReference } from '../reference/codeReference';
import { dateOfService } from './claimFacts';
import { type Side, sideOf } from './laterality';
import type { ClaimRule, Finding } from './ruleTypes';

const biopsyCodes = new Set(['19081', '19082', '19083', '19084', '19085', '19086']);
const includedCodes = new Set(['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288', '76098']);

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
function weight(pairing: Pairing): number {
  return (pairing.side ? 2 : 0) + (pairing.sameDate ? 1 : 0);
}

/** True when a modifier of the line is one the reference data lists as a distinct-service modifier. */
function markedDistinct(line: ServiceLine, reference: CodeReference): boolean {
  return line.modifiers.some((m) => reference.modifier(m.value)?.category === 'distinct-service');
}

/** Where the two lines meet, as the claim shows it. */
function describePairing({ sameDate, side }: Pairing): string {
  if (side) {
    return sameDate ? `on the same side (${side}) and date of service` : `on the same side (${side})`;
  }
  return `${sameDate ? 'on the same date of service, ' : ''}where a line gives no side (RT or LT),`;
}

export const biopsyWithLocalizationRule: ClaimRule = {
  id: 'biopsy-with-localization',
  defaultSeverity: 'warning',
  description:
    'A localization device (19281-19288) or specimen imaging (76098) is reported with a breast biopsy 19081-19086 of the same side and date of service, which already includes them.',
  check(claim, { reference }) {
    const findings: Finding[] = [];
    const biopsies = claim.lines.filter((line) => biopsyCodes.has(line.code.value));
    if (biopsies.length === 0) {
      return findings;
    }
    for (const line of claim.lines) {
      if (!includedCodes.has(line.code.value) || markedDistinct(line, reference)) {
        continue;
      }
      let match: { biopsy: ServiceLine; pairing: Pairing } | undefined;
      for (const biopsy of biopsies) {
        const pairing = pair(biopsy, line, claim);
        if (!pairing.apart && (match === undefined || weight(pairing) > weight(match.pairing))) {
          match = { biopsy, pairing };
        }
      }
      if (!match) {
        continue;
      }
      const code = line.code.value;
      const what = code === '76098' ? 'imaging of the specimen' : 'placement of a localization device';
      // XS (separate structure) is for the other breast, which RT and LT already tell apart; another lesion of the same breast is XU or 59.
      const otherBreast = match.pairing.side ? '' : '; if it was in the other breast, mark each line RT or LT';
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${match.biopsy.code.value} already includes localization device placement and specimen imaging, so ${code} (${what}) ${describePairing(match.pairing)} is unbundling if it is for the same lesion; if it is for another lesion of the same breast, add XU or 59${otherBreast}.`,
      });
    }
    return findings;
  },
};
