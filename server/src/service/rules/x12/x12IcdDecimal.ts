/**
 * 837P integrity: diagnosis codes in HI, ICD-10-CM and ICD-9-CM alike, are
 * written without the decimal point (C50411, not C50.411; 1749, not 174.9);
 * the point belongs to printed text only.
 */
import type { ClaimRule, Finding } from '../ruleTypes';

export const diagnosisDecimalRule: ClaimRule = {
  id: 'x12-icd-decimal',
  defaultSeverity: 'error',
  description: 'A diagnosis code (ICD-10-CM or ICD-9-CM) in HI is written with a decimal point.',
  check(claim, { format }) {
    if (format !== 'x12-837p') {
      return [];
    }
    const findings: Finding[] = [];
    for (const diagnosis of claim.diagnoses) {
      if (diagnosis.code.includes('.')) {
        const written = diagnosis.code.replace(/\./g, '');
        findings.push({
          ruleId: this.id,
          range: diagnosis.range,
          message: `${diagnosis.codeSet} codes in an 837 are written without the decimal point: '${diagnosis.code}' should be '${written}'.`,
          fixes: [
            { title: `Write ${written}`, edits: [{ range: diagnosis.range, newText: written }], preferred: true },
          ],
        });
      }
    }
    return findings;
  },
};
