/**
 * A first-lesion code is reported once per modality per session; the other
 * lesions go on its add-on. `19283 x2` should be `19283 x1` + `19284 x1`.
 */
import { unitsOf } from '../model/model';
import { pointersOf } from './claimFacts';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';
import { counted, nounFor } from '../text/wording';

export const firstLesionUnitsRule: ClaimRule = {
  id: 'primary-units',
  defaultSeverity: 'warning',
  description: 'A first-lesion code is reported with more than 1 unit; the extra lesions belong on its add-on code.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const info = reference.code(line.code.value);
      const units = unitsOf(line);
      if (info?.lesion?.role !== 'first' || info.deleted || units <= 1) {
        continue;
      }
      const extra = units - 1;
      const addOn = reference.addOnFor(info);
      const advice = addOn
        ? `; report the ${extra} additional ${nounFor(extra, 'lesion')} with +${addOn.code} x${extra}`
        : '';
      const fixes: QuickFix[] = [];
      if (addOn) {
        const existing = claim.lines.find((other) => other.code.value === addOn.code);
        const addOnEdits = existing
          ? editor.setUnits(existing, unitsOf(existing) + extra)
          : editor.insertLine(line, 'after', {
              code: addOn.code,
              modifiers: line.modifiers.map((m) => m.value),
              units: extra,
              dxPointers: pointersOf(line),
              dos: line.dos?.value,
            });
        fixes.push({
          title: `Move ${counted(extra, 'unit')} to +${addOn.code}`,
          edits: [...editor.setUnits(line, 1), ...addOnEdits],
          preferred: true,
        });
      }
      findings.push({
        ruleId: this.id,
        range: line.units?.range ?? line.code.range,
        message: `${info.code} is the first-lesion code and takes 1 unit per session${advice}.`,
        fixes,
      });
    }
    return findings;
  },
};
