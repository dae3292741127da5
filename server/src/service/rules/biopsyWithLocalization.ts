/**
 * The biopsy codes 19081-19086 already include placing a localization device
 * and imaging the specimen: 19281-19288 or 76098 for the same lesion is
 * unbundling (domain.md). A device in a different lesion may be reported with
 * 59 or XS, so a line carrying either is accepted.
 */
import type { ServiceLine } from '../model/model';
import { sideOf } from './laterality';
import type { ClaimRule, Finding } from './ruleTypes';

const biopsyCodes = new Set(['19081', '19082', '19083', '19084', '19085', '19086']);
const includedCodes = new Set(['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288', '76098']);
const distinctLesion = new Set(['59', 'XS']);

/** Two lines may be the same lesion unless they name opposite sides. */
function sameSide(a: ServiceLine, b: ServiceLine): boolean {
  const sideA = sideOf(a);
  const sideB = sideOf(b);
  return sideA === undefined || sideB === undefined || sideA === sideB;
}

export const biopsyWithLocalizationRule: ClaimRule = {
  id: 'biopsy-with-localization',
  defaultSeverity: 'warning',
  description:
    'A localization device (19281-19288) or specimen imaging (76098) is reported with a breast biopsy 19081-19086 on the same side, which already includes them.',
  check(claim) {
    const findings: Finding[] = [];
    const biopsies = claim.lines.filter((line) => biopsyCodes.has(line.code.value));
    if (biopsies.length === 0) {
      return findings;
    }
    for (const line of claim.lines) {
      if (!includedCodes.has(line.code.value) || line.modifiers.some((m) => distinctLesion.has(m.value))) {
        continue;
      }
      const biopsy = biopsies.find((candidate) => sameSide(candidate, line));
      if (!biopsy) {
        continue;
      }
      const what = line.code.value === '76098' ? 'imaging of the specimen' : 'placement of a localization device';
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${biopsy.code.value} already includes localization device placement and specimen imaging, so ${line.code.value} (${what}) on the same side is unbundling; if it is for a different lesion, add 59 or XS.`,
      });
    }
    return findings;
  },
};
