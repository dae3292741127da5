/**
 * Modifier 50 (bilateral) does not fit a lesion-counted code: lesions are
 * counted with the add-on code, and sides are shown with RT and LT.
 */
import type { ClaimRule, Finding } from './ruleTypes';

export const bilateralModifierRule: ClaimRule = {
  id: 'bilateral-modifier',
  defaultSeverity: 'warning',
  description:
    'Modifier 50 is on a lesion-counted code; lesions are counted with the add-on code and sides shown with RT/LT.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const info = reference.code(line.code.value);
      const [modifier, ...repeated] = line.modifiers.filter((m) => m.value === '50');
      if (!info?.lesion || info.deleted || !modifier) {
        continue;
      }
      // A 50 written twice goes as a whole: replacing only the first would leave the warning on the line.
      const removeRepeated = repeated.flatMap((m) => editor.removeModifier(line, m));
      findings.push({
        ruleId: this.id,
        range: modifier.range,
        message: `Modifier 50 does not fit ${info.code}: lesions are counted with the add-on code, and sides are shown with RT or LT (one line per side).`,
        fixes: (['RT', 'LT'] as const).map((side) => ({
          title: `Replace 50 with ${side}`,
          edits: [...editor.replaceModifier(line, modifier, side), ...removeRepeated],
        })),
      });
    }
    return findings;
  },
};
