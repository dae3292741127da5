/**
 * An ICD-10-CM diagnosis of the claim that the loaded code set for the
 * claim's date of service does not hold, or holds as a header (a category or
 * subcategory that has codes under it): a claim may carry only billable
 * codes, so a payer rejects both. A header's message says how many
 * characters are missing and offers its first billable children as fixes.
 * Silent without an ICD-10-CM edition loaded; a code without the shape of
 * ICD-10-CM is left to the shape checks (`bad-header-value`,
 * `x12-diagnosis-code`), and ICD-9-CM codes are not read.
 */
import { hasDiagnosisShape } from '../reference/diagnosisCodeSets';
import {
  childrenToOffer,
  diagnosisDateOf,
  diagnosisEdition,
  dotted,
  missingCharacters,
} from '../reference/official/diagnosisFacts';
import type { ClaimRule, Finding, RuleContext } from './ruleTypes';

/** The code as the format writes it: with its point in `.claim`, without in an 837. */
function written(code: string, format: RuleContext['format']): string {
  return format === 'claim' ? dotted(code) : code;
}

export const invalidDiagnosisRule: ClaimRule = {
  id: 'invalid-diagnosis',
  defaultSeverity: 'error',
  description:
    'A diagnosis is not in the loaded ICD-10-CM code set for the date of service, or is a header code that is not billable.',
  check(claim, { reference, format }) {
    const date = diagnosisDateOf(claim);
    const set = diagnosisEdition(reference, date);
    if (!set) {
      return [];
    }
    const findings: Finding[] = [];
    const forDate = date === undefined ? '' : ` (the edition for ${date})`;
    for (const diagnosis of claim.diagnoses) {
      const code = diagnosis.code.toUpperCase().replace('.', '');
      if (diagnosis.codeSet !== 'ICD-10-CM' || !hasDiagnosisShape(code, 'ICD-10-CM')) {
        continue;
      }
      const entry = set.lookup(code);
      if (!entry) {
        findings.push({
          ruleId: this.id,
          range: diagnosis.range,
          message: `${dotted(code)} is not an ICD-10-CM code in ${set.label}${forDate}; check for a typo.`,
        });
        continue;
      }
      if (entry.billable) {
        continue;
      }
      const children = set.billableUnder(code, childrenToOffer);
      const offered = children.map((child) => dotted(child.code));
      const message =
        children.length === 0
          ? `${dotted(code)} is a header code, not billable (${set.label}): code it to its full length.`
          : `${dotted(code)} is a header code, not billable (${set.label}): it needs ${missingCharacters(code, children)}, such as ${offered.join(', ')}.`;
      findings.push({
        ruleId: this.id,
        range: diagnosis.range,
        message,
        fixes: children.map((child) => ({
          title: `Replace ${dotted(code)} with ${dotted(child.code)} (${child.short})`,
          edits: [{ range: diagnosis.range, newText: written(child.code, format) }],
        })),
      });
    }
    return findings;
  },
};
