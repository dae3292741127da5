/**
 * A lesion-counted code needs RT or LT (domain.md, "Laterality"): without a
 * side, a payer cannot check the line against the diagnosis. A line with 50
 * is left to `bilateral-modifier`, which already reports it.
 */
import { diagnosisSideOf, type Side } from './laterality';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';

const maxModifiers = 4;

export const lateralityMissingRule: ClaimRule = {
  id: 'laterality-missing',
  defaultSeverity: 'information',
  description: 'A lesion-counted code has no RT or LT, so its side cannot be checked against the diagnosis.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const info = reference.code(line.code.value);
      if (!info?.lesion || info.deleted) {
        continue;
      }
      const values = new Set(line.modifiers.map((modifier) => modifier.value));
      if (values.has('RT') || values.has('LT') || values.has('50')) {
        continue;
      }
      const pointedSides = new Set<Side>();
      for (const pointer of line.dxPointers) {
        const diagnosis = claim.diagnoses[pointer.index];
        const side = diagnosis ? diagnosisSideOf(diagnosis, claim, reference)?.side : undefined;
        if (side) {
          pointedSides.add(side);
        }
      }
      const [known] = pointedSides.size === 1 ? [...pointedSides] : [];
      const sides: Side[] = known === 'LT' ? ['LT', 'RT'] : ['RT', 'LT'];
      const fixes: QuickFix[] =
        line.modifiers.length >= maxModifiers
          ? []
          : sides
              .map((side): QuickFix => ({
                title: `Add ${side}`,
                edits: editor.addModifier(line, side),
                ...(side === known ? { preferred: true } : {}),
              }))
              .filter((fix) => fix.edits.length > 0);
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${info.code} is counted per lesion: add RT or LT so the side can be checked against the diagnosis.`,
        ...(fixes.length > 0 ? { fixes } : {}),
      });
    }
    return findings;
  },
};
