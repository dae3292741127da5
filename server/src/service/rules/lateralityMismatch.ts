/**
 * RT or LT on a line must agree with the side its pointed diagnoses name
 * (domain.md, "Laterality").
 */
import { sideOfDiagnosis, sideOf } from './laterality';
import type { ClaimRule, Finding } from './ruleTypes';

const sideWords = { RT: 'right', LT: 'left' } as const;

export const lateralityMismatchRule: ClaimRule = {
  id: 'laterality-mismatch',
  defaultSeverity: 'warning',
  description: "A line's RT or LT modifier contradicts the breast side of the diagnosis it points to.",
  check(claim) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const side = sideOf(line);
      if (!side) {
        continue;
      }
      const sided = line.dxPointers
        .map((pointer) => claim.diagnoses[pointer.index])
        .filter((diagnosis) => diagnosis !== undefined)
        .map((diagnosis) => ({ diagnosis, side: sideOfDiagnosis(diagnosis) }))
        .filter((entry) => entry.side !== undefined);
      if (sided.length === 0 || sided.some((entry) => entry.side === side)) {
        continue;
      }
      const modifier = line.modifiers.find((m) => m.value === side);
      const [first] = sided;
      if (!modifier || !first?.side) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        range: modifier.range,
        message: `${side} (${sideWords[side]}) contradicts the pointed diagnosis ${first.diagnosis.code}, which is the ${sideWords[first.side]} breast.`,
      });
    }
    return findings;
  },
};
