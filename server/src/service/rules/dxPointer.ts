/**
 * Each `dx=` pointer must name a diagnosis in its claim's `dx` list. The list
 * may come after the lines (headers go anywhere in a claim), so this is
 * checked on the whole claim rather than while parsing the line.
 */
import type { ClaimRule, Finding } from './ruleTypes';

export const diagnosisPointerRule: ClaimRule = {
  id: 'dx-pointer',
  defaultSeverity: 'error',
  description: "A diagnosis pointer is malformed, one too many, or outside the claim's dx list.",
  check(claim) {
    const findings: Finding[] = [];
    const count = claim.diagnoses.length;
    for (const line of claim.lines) {
      for (const pointer of line.dxPointers) {
        if (pointer.index < 0 || pointer.index < count) {
          continue;
        }
        const list =
          count === 0
            ? 'the claim has no dx: list'
            : `the claim's dx list has ${count} (${claim.diagnoses.map((d) => d.code).join(', ')})`;
        findings.push({
          ruleId: this.id,
          range: pointer.range,
          message: `dx=${pointer.text} points to diagnosis ${pointer.index + 1}, but ${list}.`,
        });
      }
    }
    return findings;
  },
};
