/**
 * A well-formed code the loaded data does not know: information, so a coder
 * can tell a typo from a gap in the data.
 */
import { codeKindLabel, codeKindOf } from '../reference/codeShapes';
import type { ClaimRule, Finding } from './ruleTypes';

export const unknownCodeRule: ClaimRule = {
  id: 'unknown-code',
  defaultSeverity: 'information',
  description: 'A well-formed code is not in the loaded data (a typo, or a code the data does not cover).',
  check(claim, { reference }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      // A code of another list than HCPCS (SV101-1 ER, IV, WK) is not one the data could know.
      const kind = line.otherCodeList === undefined ? codeKindOf(line.code.value) : undefined;
      if (!kind || reference.code(line.code.value) || reference.licensedDescriptor(line.code.value)) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${line.code.value} (${codeKindLabel(kind)}) is not in the loaded data; check for a typo.`,
      });
    }
    return findings;
  },
};
