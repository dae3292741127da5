/**
 * `x12-segment-count`, 837P integrity of a transaction: SE01 counts the
 * segments of its transaction, ST and SE included. The trailers' control
 * numbers and the other envelopes' counts are `x12-control-numbers`'s.
 * Transactions that are not 837P claims are `x12-not-837p`'s, and passed over.
 */
import { x12Transactions } from '../../x12/x12Transactions';
import type { DocumentRule, Finding } from '../ruleTypes';
import { segmentCountMessage } from './envelopeMessages';

/** The only segments this rule reads. */
const transactionEnds = ['ST', 'SE'];

export const segmentCountRule: DocumentRule = {
  id: 'x12-segment-count',
  format: 'x12-837p',
  defaultSeverity: 'error',
  description: 'SE01 is not the number of segments from ST to SE.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const findings: Finding[] = [];
    let stOrdinal: number | undefined;
    const segments = x12.interchange.segments;
    const transactions = x12Transactions(segments);
    // Passed over: a refused transaction, up to its end.
    let refusedUntil = -1;
    for (const ordinal of segments.ordinalsOf(transactionEnds)) {
      if (ordinal < refusedUntil) {
        continue;
      }
      const id = segments.idAt(ordinal);
      if (id === 'ST') {
        const refusedEnd = transactions.refusedEndAt(ordinal);
        stOrdinal = refusedEnd === -1 ? ordinal : undefined;
        refusedUntil = refusedEnd;
      } else if (id === 'SE' && stOrdinal !== undefined) {
        const count = ordinal - stOrdinal + 1;
        const written = segments.at(ordinal)?.elements[0];
        if (written && written.text !== String(count)) {
          const range = x12.lines.range(written.start, Math.max(written.end, written.start + 1));
          findings.push({
            ruleId: this.id,
            range,
            message: segmentCountMessage(count),
            fixes: [
              {
                title: `Set SE01 to ${count}`,
                edits: [{ range: x12.lines.range(written.start, written.end), newText: String(count) }],
                preferred: true,
              },
            ],
          });
        }
        stOrdinal = undefined;
      }
    }
    return findings;
  },
};
