/**
 * 837P integrity: CLM02, the claim's total charge, equals the sum of its
 * service lines' SV102 charges; a payer rejects the claim otherwise.
 */
import { amount } from '../../x12/x12Writer';
import type { ClaimRule } from '../ruleTypes';

export const claimTotalRule: ClaimRule = {
  id: 'x12-claim-total',
  defaultSeverity: 'error',
  description: "CLM02, the claim's total charge, differs from the sum of its lines' SV102 charges.",
  check(claim) {
    const total = claim.totalCharge;
    if (!total) {
      return [];
    }
    const sum =
      Math.round(claim.lines.reduce((cents, line) => cents + Math.round((line.charge?.value ?? 0) * 100), 0)) / 100;
    if (Math.abs(sum - total.value) < 0.005) {
      return [];
    }
    return [
      {
        ruleId: this.id,
        range: total.range,
        message: `CLM02, the total charge, is ${amount(total.value)}, but the ${claim.lines.length} service lines' SV102 charges add up to ${amount(sum)}.`,
        fixes: [
          {
            title: `Set CLM02 to ${amount(sum)}`,
            edits: [{ range: total.range, newText: amount(sum) }],
            preferred: true,
          },
        ],
      },
    ];
  },
};
