/**
 * `x12-duplicate-interchange`: several interchanges in one file are normal
 * (each checked on its own by `x12-control-numbers`), but each has its own
 * ISA13: a receiver keeps the control numbers it has taken and turns a
 * repeated one away as a duplicate. Told once per number, at its first
 * repeat. The CLI's stream, whose pieces never see
 * the whole file, tells this rule itself with the same message.
 */
import { interchangeHeaders } from '../../x12/x12Transactions';
import type { DocumentRule, Finding } from '../ruleTypes';
import { repeatedInterchangeMessage } from './envelopeMessages';

export const duplicateInterchangeRuleId = 'x12-duplicate-interchange';

export const duplicateInterchangeRule: DocumentRule = {
  id: duplicateInterchangeRuleId,
  format: 'x12-837p',
  defaultSeverity: 'warning',
  description: 'An interchange repeats the ISA13 control number of an earlier interchange in the file.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const segments = x12.interchange.segments;
    // Each number is told once, at its first repeat: a file that numbers 300 interchanges alike gets one warning.
    const seen = new Map<string, 'once' | 'told'>();
    const findings: Finding[] = [];
    for (const ordinal of segments.ordinalsOf(interchangeHeaders)) {
      const isa13 = segments.at(ordinal)?.elements[12];
      const number = isa13?.text.trim() ?? '';
      if (!isa13 || number === '') {
        continue;
      }
      const before = seen.get(number);
      if (before === 'once') {
        findings.push({
          ruleId: this.id,
          range: x12.lines.range(isa13.start, isa13.end),
          message: repeatedInterchangeMessage(number),
        });
      }
      seen.set(number, before === undefined ? 'once' : 'told');
    }
    return findings;
  },
};
