/**
 * Each diagnosis pointer (`dx=` in a `.claim` line, SV107 in an 837) must name
 * a diagnosis in its claim's list (`dx:`, HI). The list may come after the
 * lines (headers go anywhere in a claim), so this is checked on the whole
 * claim rather than while parsing the line.
 */
import { hasDiagnosisShape } from '../reference/diagnosisCodeSets';
import type { Claim, ClaimFileFormat, DiagnosisPointer } from '../model/model';
import type { ClaimRule, Finding } from './ruleTypes';

/** The message in the words of the file's format: `dx=2` and the dx list, or SV107 and HI. */
function outsideMessage(claim: Claim, pointer: DiagnosisPointer, format: ClaimFileFormat): string {
  const count = claim.diagnoses.length;
  // Only what has the shape of a code is named: malformed text may be anything, patient data included.
  const codes = claim.diagnoses.map((d) => (hasDiagnosisShape(d.code, d.codeSet) ? d.code : '?')).join(', ');
  const number = pointer.index + 1;
  if (format === 'x12-837p') {
    const list =
      count === 0
        ? 'the claim has no HI diagnosis'
        : `the claim's HI lists ${count === 1 ? '1 diagnosis' : `${count} diagnoses`} (${codes})`;
    return `SV107 pointer ${pointer.text} points to diagnosis ${number}, but ${list}.`;
  }
  const list = count === 0 ? 'the claim has no dx: list' : `the claim's dx list has ${count} (${codes})`;
  return `dx=${pointer.text} points to diagnosis ${number}, but ${list}.`;
}

export const diagnosisPointerRule: ClaimRule = {
  id: 'dx-pointer',
  defaultSeverity: 'error',
  description: "A diagnosis pointer is malformed, one too many, or outside the claim's diagnosis list.",
  check(claim, { format }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      for (const pointer of line.dxPointers) {
        if (pointer.index < 0 || pointer.index < claim.diagnoses.length) {
          continue;
        }
        findings.push({ ruleId: this.id, range: pointer.range, message: outsideMessage(claim, pointer, format) });
      }
    }
    return findings;
  },
};
