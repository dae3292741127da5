/**
 * RT or LT on a line must agree with the side its pointed diagnoses name
 * (domain.md, "Laterality"): the breast side of the bundled table, or, with
 * an ICD-10-CM edition loaded, the side the official descriptor names.
 */
import { diagnosisSideOf, sideOf } from './laterality';
import type { ClaimRule, Finding } from './ruleTypes';

const sideWords = { RT: 'right', LT: 'left' } as const;

export const lateralityMismatchRule: ClaimRule = {
  id: 'laterality-mismatch',
  defaultSeverity: 'warning',
  description: "A line's RT or LT modifier contradicts the breast side of the diagnosis it points to.",
  check(claim, { reference }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const side = sideOf(line);
      if (!side) {
        continue;
      }
      const sided = line.dxPointers
        .map((pointer) => claim.diagnoses[pointer.index])
        .filter((diagnosis) => diagnosis !== undefined)
        .map((diagnosis) => ({ diagnosis, named: diagnosisSideOf(diagnosis, claim, reference) }))
        .filter((entry) => entry.named !== undefined);
      if (sided.length === 0 || sided.some((entry) => entry.named?.side === side)) {
        continue;
      }
      const modifier = line.modifiers.find((m) => m.value === side);
      const [first] = sided;
      if (!modifier || !first?.named) {
        continue;
      }
      const named = first.named.fromDescriptor
        ? `whose ICD-10-CM description names the ${sideWords[first.named.side]} side`
        : `which is the ${sideWords[first.named.side]} breast`;
      findings.push({
        ruleId: this.id,
        range: modifier.range,
        message: `${side} (${sideWords[side]}) contradicts the pointed diagnosis ${first.diagnosis.code}, ${named}.`,
      });
    }
    return findings;
  },
};
