/**
 * An add-on goes with the primary of its own modality: 19284 (stereotactic)
 * with 19283, never with 19281 (mammographic) alone. When only another
 * modality's first-lesion code is on the claim, the right add-on is that
 * modality's, and the message names it (each such code once, however many
 * lines bill it).
 */
import { codeWithModality } from './claimFacts';
import { findAddOnPrimaries, isWrongModality } from './addOnPrimaries';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';

export const addOnWrongModalityRule: ClaimRule = {
  id: 'addon-wrong-modality',
  defaultSeverity: 'error',
  description:
    "An add-on code's own first-lesion code is absent while another modality's first-lesion code is present.",
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const info = reference.code(line.code.value);
      if (!info?.lesion || info.lesion.role !== 'additional' || info.deleted) {
        continue;
      }
      const primaries = findAddOnPrimaries(claim, line, info, reference);
      if (!isWrongModality(primaries)) {
        continue;
      }
      const fixes: QuickFix[] = [];
      const suggestions: string[] = [];
      for (const present of primaries.otherModality) {
        const rightAddOn = reference.addOnFor(present);
        if (!rightAddOn || suggestions.includes(rightAddOn.code)) {
          continue;
        }
        suggestions.push(rightAddOn.code);
        fixes.push({
          title: `Replace ${info.code} with +${rightAddOn.code} (${present.modality ?? present.family}, each additional lesion)`,
          edits: editor.replaceCode(line, rightAddOn.code),
          preferred: fixes.length === 0,
        });
      }
      const own = (info.addOnTo ?? []).join(', ');
      const present = primaries.otherModality.map(codeWithModality).join(', ');
      const advice =
        suggestions.length > 0
          ? ` For an additional lesion under that guidance report +${suggestions.join(' or +')}.`
          : '';
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `+${codeWithModality(info)} goes with ${own}, which this claim lacks; the claim has ${present}.${advice}`,
        fixes,
      });
    }
    return findings;
  },
};
