/**
 * The same code with the same modifiers (in any order) on the same date of
 * service twice on one claim is usually billed twice by mistake.
 */
import { dateOfService } from './claimFacts';
import type { ClaimRule, Finding } from './ruleTypes';

export const duplicateLineRule: ClaimRule = {
  id: 'duplicate-line',
  defaultSeverity: 'warning',
  description: 'The same code, modifiers and date of service appear on two lines of one claim.',
  check(claim, { editor }) {
    const findings: Finding[] = [];
    const seen = new Map<string, number>();
    for (const line of claim.lines) {
      const modifiers = line.modifiers.map((m) => m.value).sort();
      const key = JSON.stringify([line.code.value, modifiers, dateOfService(line, claim) ?? '']);
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, line.code.range.start.line);
        continue;
      }
      const written = [line.code.value, ...line.modifiers.map((m) => m.value)].join('-');
      findings.push({
        ruleId: this.id,
        range: line.range,
        message: `${written} repeats the line on line ${first + 1} (same code, modifiers and date of service); combine the units on one line or remove the duplicate.`,
        fixes: [{ title: `Remove this duplicate ${written} line`, edits: editor.deleteLine(line) }],
      });
    }
    return findings;
  },
};
