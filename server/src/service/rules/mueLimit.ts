/**
 * MUE (medically unlikely edit): units above the code's limit in the CMS
 * practitioner MUE file the user loaded. The adjudication indicator decides
 * how: 1 is a per-line limit (more units may go on another line with RT/LT
 * for the other side, or XU/59 for another lesion of the same breast), 2 an absolute per-day limit, 3 a per-day clinical limit that can
 * be appealed with documentation. Without a loaded file this rule is silent:
 * the values are CMS's and are never invented here.
 */
import { type Claim, type ServiceLine, unitsOf } from '../model/model';
import { dateOfService } from './claimFacts';
import type { ClaimRule, Finding } from './ruleTypes';

const indicatorText = {
  1: 'a per-line limit (indicator 1): report the other units on another line with RT/LT for the other breast, or XU or 59 for another lesion of the same breast',
  2: 'an absolute per-day limit (indicator 2): units above it are denied and cannot be appealed',
  3: 'a per-day clinical limit (indicator 3): units above it are denied unless appealed with documentation',
} as const;

/** Lines of the same code on the same date of service, in document order. */
function sameCodeSameDay(claim: Claim, line: ServiceLine): ServiceLine[] {
  const date = dateOfService(line, claim);
  return claim.lines.filter((other) => other.code.value === line.code.value && dateOfService(other, claim) === date);
}

export const mueLimitRule: ClaimRule = {
  id: 'mue-limit',
  defaultSeverity: 'warning',
  description: 'Units exceed the MUE of the loaded CMS MUE file (per line or per day, by adjudication indicator).',
  check(claim, { mue }) {
    if (!mue) {
      return [];
    }
    const findings: Finding[] = [];
    const reportedDays = new Set<string>();
    for (const line of claim.lines) {
      const entry = mue.get(line.code.value);
      if (!entry) {
        continue;
      }
      const rationale = entry.rationale ? ` Rationale: ${entry.rationale}.` : '';
      if (entry.indicator === 1) {
        if (unitsOf(line) > entry.value) {
          findings.push({
            ruleId: this.id,
            range: line.units?.range ?? line.code.range,
            message: `${entry.code} x${unitsOf(line)} exceeds its MUE of ${entry.value}, ${indicatorText[1]}.${rationale}`,
          });
        }
        continue;
      }
      const sameDay = sameCodeSameDay(claim, line);
      const day = `${entry.code}@${dateOfService(line, claim) ?? ''}`;
      const total = sameDay.reduce((sum, other) => sum + unitsOf(other), 0);
      if (total > entry.value && !reportedDays.has(day) && sameDay[sameDay.length - 1] === line) {
        reportedDays.add(day);
        findings.push({
          ruleId: this.id,
          range: line.units?.range ?? line.code.range,
          message: `${entry.code} is billed ${total} units on this date of service; its MUE is ${entry.value}, ${indicatorText[entry.indicator]}.${rationale}`,
          // An absolute limit cannot be appealed: the units above it are lost.
          severity: entry.indicator === 2 ? 'error' : 'warning',
        });
      }
    }
    return findings;
  },
};
