/**
 * A deleted code is not payable: report it as an error naming the codes that
 * replaced it, by modality (domain.md, "Codes deleted ... in 2014"), with a
 * fix per replacement.
 */
import { codeWithModality } from './claimFacts';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';

export const deletedCodeRule: ClaimRule = {
  id: 'deleted-code',
  defaultSeverity: 'error',
  description: 'A code that has been deleted from CPT; the message names the codes that replaced it by modality.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const deleted = reference.code(line.code.value)?.deleted;
      if (!deleted) {
        continue;
      }
      const replacements = deleted.replacedBy.map((code) => {
        const info = reference.code(code);
        return { code, label: info ? codeWithModality(info) : code };
      });
      const replacedBy =
        replacements.length > 0 ? `; report ${replacements.map((r) => r.label).join(', ')} instead` : '';
      const fixes: QuickFix[] = replacements.map((replacement) => ({
        title: `Replace ${line.code.value} with ${replacement.label}`,
        edits: editor.replaceCode(line, replacement.code),
        preferred: replacements.length === 1,
      }));
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${line.code.value} was deleted in ${deleted.year}${replacedBy}.`,
        fixes,
      });
    }
    return findings;
  },
};
