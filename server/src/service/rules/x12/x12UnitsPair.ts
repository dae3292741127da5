/**
 * 837P integrity: SV103 (unit basis, UN or MJ) and SV104 (the units) come
 * together; one without the other is a rejected line.
 */
import type { ClaimRule, Finding } from '../ruleTypes';

export const unitsPairRule: ClaimRule = {
  id: 'x12-units-pair',
  defaultSeverity: 'error',
  description: 'SV103 (unit basis) and SV104 (units) are not given together.',
  check(claim, { format }) {
    if (format !== 'x12-837p') {
      return [];
    }
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      // SV104 written but unusable ('0x10', '0') is reported where it is read; it is not missing.
      const unitsRange = line.units?.range ?? line.unusableUnits;
      if (line.unitBasis && !unitsRange) {
        findings.push({
          ruleId: this.id,
          range: line.unitBasis.range,
          message: 'SV103 gives a unit basis but SV104, the number of units, is empty.',
        });
      } else if (unitsRange && !line.unitBasis) {
        findings.push({
          ruleId: this.id,
          range: unitsRange,
          message: 'SV104 gives the units but SV103, the unit basis (UN for units, MJ for minutes), is empty.',
        });
      }
    }
    return findings;
  },
};
