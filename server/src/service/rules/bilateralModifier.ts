/**
 * Modifier 50 (bilateral procedure). On a lesion-counted add-on code it is
 * settled: 50 does not go on an add-on code (First Coast, "Modifier 50"), and
 * these add-ons count further lesions, a line per side with RT or LT. On any
 * other code, other add-ons included, the answer depends on the payer: for
 * Medicare, on the fee schedule's bilateral surgery indicator of the code (1:
 * one line with 50; 2: already bilateral, no 50; 3: each side paid in full,
 * RT/LT or 50 per payer; 0 and 9: no 50), and other payers differ (SGO, for
 * one, reports bilateral sentinel mapping as +38900-50). Without the fee
 * schedule, the rule says so as information, with no fix: either way of
 * billing may be the right one. With the user's fee schedule loaded, the
 * code's indicator decides, for every code the schedule holds
 * (`bilateralIndicator.ts`): 50 where it does not belong, too many units on
 * a 50 line, and RT and LT lines that should be one 50 line.
 */
import type { CodeInfo } from '../reference/codeTypes';
import { feeEntryOf, fiftyByIndicator, sidePairsByIndicator } from './bilateralIndicator';
import type { ClaimRule, Finding } from './ruleTypes';

function addOnMessage(info: CodeInfo): string {
  return `Modifier 50 does not go on an add-on code: report ${info.code} on a line for each side with RT or LT (one unit for each further lesion).`;
}

function payerDependentMessage(info: CodeInfo): string {
  return `Whether ${info.code} takes modifier 50 (one line) or a line for each side with RT and LT depends on the payer: for Medicare, on the fee schedule's bilateral surgery indicator for ${info.code}. Check the payer's policy.`;
}

export const bilateralModifierRule: ClaimRule = {
  id: 'bilateral-modifier',
  defaultSeverity: 'error',
  description:
    'Modifier 50 is on a lesion-counted add-on code (an error); on other codes, the fee schedule bilateral indicator decides when loaded (50 where it does not belong, RT and LT lines that should be one 50 line), else it depends on the payer (information).',
  check(claim, context) {
    const { reference, editor } = context;
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const info = reference.code(line.code.value);
      const [modifier, ...repeated] = line.modifiers.filter((m) => m.value === '50');
      if (!modifier || info?.deleted || line.otherCodeList !== undefined) {
        continue;
      }
      const lesionAddOn = info?.addOnTo && info.lesion;
      const fee = lesionAddOn ? undefined : feeEntryOf(line, claim, context);
      if (fee) {
        const finding = fiftyByIndicator(line, modifier, repeated, fee, context);
        if (finding) {
          findings.push({ ruleId: this.id, ...finding });
        }
        continue;
      }
      if (!info) {
        continue;
      }
      if (!info.addOnTo || !info.lesion) {
        findings.push({
          ruleId: this.id,
          range: modifier.range,
          message: payerDependentMessage(info),
          severity: 'information',
        });
        continue;
      }
      // A 50 written twice goes as a whole: replacing only the first would leave the error on the line.
      const removeRepeated = repeated.flatMap((m) => editor.removeModifier(line, m));
      findings.push({
        ruleId: this.id,
        range: modifier.range,
        message: addOnMessage(info),
        fixes: (['RT', 'LT'] as const).map((side) => ({
          title: `Replace 50 with ${side}`,
          edits: [...editor.replaceModifier(line, modifier, side), ...removeRepeated],
        })),
      });
    }
    if (reference.official.feeSchedules.length > 0) {
      findings.push(...sidePairsByIndicator(claim, context).map((finding) => ({ ruleId: this.id, ...finding })));
    }
    return findings;
  },
};
