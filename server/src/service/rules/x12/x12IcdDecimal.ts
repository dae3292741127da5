/**
 * 837P integrity: ICD-10-CM codes in HI are written without the decimal
 * point (C50411, not C50.411); the point belongs to printed text only.
 */
import type { ClaimRule, Finding } from '../ruleTypes';

export const diagnosisDecimalRule: ClaimRule = {
  id: 'x12-icd-decimal',
  defaultSeverity: 'error',
  description: 'An ICD-10-CM code in HI is written with a decimal point.',
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
          message: `ICD-10-CM codes in an 837 are written without the decimal point: '${diagnosis.code}' should be '${written}'.`,
          fixes: [
            { title: `Write ${written}`, edits: [{ range: diagnosis.range, newText: written }], preferred: true },
          ],
        });
      }
    }
    return findings;
  },
};
