/**
 * `x12-not-837p`: a transaction that is not an 837P professional claim under
 * 005010X222A1 (an 837I, an 837D, a 4010 837, an 835, a 270, a 999, ...) is
 * named once and not checked: the claim rules and the 837P structure rules
 * pass over it (`x12/x12Transactions.ts`). One finding per run of refused
 * transactions of one kind, so a whole 837I file gets one. The CLI's stream
 * reports this rule itself with the same `RefusalRuns` and message.
 */
import { RefusalRuns, refusalMessage } from '../../x12/transactionIdentity';
import { x12Transactions } from '../../x12/x12Transactions';
import type { X12Span } from '../../x12/x12Types';
import type { DocumentRule, Finding } from '../ruleTypes';

export const not837pRuleId = 'x12-not-837p';

export const not837pRule: DocumentRule = {
  id: not837pRuleId,
  format: 'x12-837p',
  defaultSeverity: 'warning',
  description:
    'A transaction is not an 837P professional claim (005010X222A1), such as an 837I, 837D, 4010 837 or 835; it is not checked.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const segments = x12.interchange.segments;
    const runs = new RefusalRuns();
    const findings: Finding[] = [];
    for (const transaction of x12Transactions(segments).all) {
      if (!runs.startsRun(transaction.identity)) {
        continue;
      }
      const st = segments.at(transaction.first);
      const decidedBy = transaction.identity.decidedBy;
      const element: X12Span | undefined =
        decidedBy === 'GS08' ? segments.at(transaction.group)?.elements[7] : st?.elements[decidedBy === 'ST01' ? 0 : 2];
      const start = element && element.end > element.start ? element.start : (st?.start ?? 0);
      const end = element && element.end > element.start ? element.end : start + 2;
      findings.push({
        ruleId: this.id,
        range: x12.lines.range(start, end),
        message: refusalMessage(transaction.identity),
      });
    }
    return findings;
  },
};
