/**
 * When a claim lists diagnoses, each service line should point to the ones
 * it treats (837P SV107; CMS-1500 box 24E).
 */
import { codeKindOf } from '../reference/codeShapes';
import { hasDiagnosisShape } from '../reference/diagnosisCodeSets';
import type { ClaimRule, Finding } from './ruleTypes';

export const missingDiagnosisPointerRule: ClaimRule = {
  id: 'missing-dx-pointer',
  defaultSeverity: 'information',
  description: 'A service line has no diagnosis pointer although the claim lists diagnoses.',
  check(claim, { format }) {
    const findings: Finding[] = [];
    if (claim.diagnoses.length === 0) {
      return findings;
    }
    for (const line of claim.lines) {
      // An empty or malformed dx= is dx-pointer's to report.
      if (line.dxPointers.length > 0 || line.dxField) {
        continue;
      }
      // Only what has the shape of a code is named: malformed text may be anything, patient data included.
      const named = codeKindOf(line.code.value) === undefined ? 'This line' : line.code.value;
      const diagnoses = claim.diagnoses.filter((d) => hasDiagnosisShape(d.code, d.codeSet)).map((d) => d.code);
      const listed = diagnoses.length > 0 ? ` (${diagnoses.join(', ')})` : '';
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message:
          format === 'x12-837p'
            ? `${named} has no diagnosis pointer in SV107; point it at the claim's HI diagnoses${listed}.`
            : `${named} has no diagnosis pointer; point it at the claim's dx list${listed}.`,
      });
    }
    return findings;
  },
};
