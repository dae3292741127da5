/**
 * A well-formed code that a loaded list of its kind does not hold. Only a
 * list means something: the bundled data covers a few dozen codes, so a code
 * outside it says nothing about the code (issue 17: on real claims two thirds
 * of valid codes were reported). A HCPCS Level II code is checked against the
 * CMS HCPCS file for the date of service (an error: that file lists every
 * code); a CPT code against the licensed descriptor files (information: an
 * organisation's file may hold only the codes it bills). With no list of the
 * code's kind loaded, there is no finding. Terminated HCPCS codes are known
 * codes: `deleted-code` speaks of them.
 */
import type { ServiceLine } from '../model/model';
import { codeKindLabel, codeKindOf } from '../reference/codeShapes';
import type { CodeReference } from '../reference/codeReference';
import { editionFor } from '../reference/official/officialData';
import { dateOfService } from './claimFacts';
import type { ClaimRule, Finding } from './ruleTypes';

function hcpcsFinding(
  line: ServiceLine,
  date: string | undefined,
  reference: CodeReference,
): Omit<Finding, 'ruleId'> | undefined {
  const code = line.code.value;
  const set = editionFor(reference.official.hcpcs, date);
  if (!set || reference.code(code)) {
    return undefined;
  }
  const entry = set.code(code);
  if (!entry) {
    return {
      range: line.code.range,
      message: `${code} (HCPCS Level II) is not in ${set.label}; check for a typo.`,
      severity: 'error',
    };
  }
  if (entry.added !== undefined && date !== undefined && date < entry.added) {
    return {
      range: line.code.range,
      message: `${code} (HCPCS Level II) was added on ${entry.added} (${set.label}): it cannot be billed for ${date}.`,
      severity: 'error',
    };
  }
  return undefined;
}

function cptFinding(line: ServiceLine, reference: CodeReference): Omit<Finding, 'ruleId'> | undefined {
  const code = line.code.value;
  const kind = codeKindOf(code);
  if (!kind || !reference.hasLicensedDescriptors || reference.code(code) || reference.licensedDescriptor(code)) {
    return undefined;
  }
  return {
    range: line.code.range,
    message: `${code} (${codeKindLabel(kind)}) is in neither the bundled data nor the loaded descriptor file; check for a typo.`,
  };
}

export const unknownCodeRule: ClaimRule = {
  id: 'unknown-code',
  defaultSeverity: 'information',
  description:
    'A well-formed code is not in the loaded list of its kind (the CMS HCPCS file, or a licensed CPT descriptor file); silent without one.',
  check(claim, { reference }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      // A code of another list than HCPCS (SV101-1 ER, IV, WK) is not one the data could know.
      if (line.otherCodeList !== undefined) {
        continue;
      }
      const kind = codeKindOf(line.code.value);
      const finding =
        kind === 'hcpcs'
          ? hcpcsFinding(line, dateOfService(line, claim), reference)
          : kind
            ? cptFinding(line, reference)
            : undefined;
      if (finding) {
        findings.push({ ruleId: this.id, ...finding });
      }
    }
    return findings;
  },
};
