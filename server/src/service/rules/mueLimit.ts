/**
 * MUE (medically unlikely edit): units above the code's limit in the CMS
 * practitioner MUE table the user loaded: the data folder's edition for the
 * line's date of service (`cptClaims.dataFolder`, one table a quarter), or,
 * for dates no edition of the folder covers, the single file of
 * `cptClaims.mueFile`. The adjudication indicator decides
 * how: 1 is a per-line limit (more units may go on another line with RT/LT
 * for the other side, or XU/59 for another lesion of the same breast), 2 an absolute per-day limit, 3 a per-day clinical limit that can
 * be appealed with documentation. Without a loaded file this rule is silent:
 * the values are CMS's and are never invented here.
 */
import { type ServiceLine, unitsOf } from '../model/model';
import type { MueEntry } from '../reference/mueFile';
import { editionFor } from '../reference/official/officialData';
import { dateOfService } from './claimFacts';
import type { ClaimRule, Finding, RuleContext } from './ruleTypes';

const indicatorText = {
  1: 'a per-line limit (indicator 1): report the other units on another line with RT/LT for the other breast, or XU or 59 for another lesion of the same breast',
  2: 'an absolute per-day limit (indicator 2): units above it are denied and cannot be appealed',
  3: 'a per-day clinical limit (indicator 3): units above it are denied unless appealed with documentation',
} as const;

/** The MUE of the code for the date: the data folder's edition holding the date, else the MUE file's, else the folder's nearest. */
function limitOf(code: string, date: string | undefined, context: RuleContext): MueEntry | undefined {
  const editions = context.reference.official.mue;
  const holding = editions.some(
    (edition) =>
      date !== undefined &&
      (edition.applies.from === undefined || edition.applies.from <= date) &&
      (edition.applies.to === undefined || date <= edition.applies.to),
  );
  if (holding || !context.mue) {
    return editionFor(editions, date)?.limit(code);
  }
  return context.mue.get(code);
}

export const mueLimitRule: ClaimRule = {
  id: 'mue-limit',
  defaultSeverity: 'warning',
  description: 'Units exceed the MUE of the loaded CMS MUE file (per line or per day, by adjudication indicator).',
  check(claim, context) {
    if (!context.mue && context.reference.official.mue.length === 0) {
      return [];
    }
    const findings: Finding[] = [];
    // Units per code and date, and the last line of each: a per-day limit is reported once, on that line.
    const days = new Map<string, { total: number; last: ServiceLine }>();
    for (const line of claim.lines) {
      const key = `${line.code.value}@${dateOfService(line, claim) ?? ''}`;
      const day = days.get(key);
      days.set(key, { total: (day?.total ?? 0) + unitsOf(line), last: line });
    }
    for (const line of claim.lines) {
      const date = dateOfService(line, claim);
      const entry = limitOf(line.code.value, date, context);
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
      const day = days.get(`${line.code.value}@${date ?? ''}`);
      if (day && day.total > entry.value && day.last === line) {
        findings.push({
          ruleId: this.id,
          range: line.units?.range ?? line.code.range,
          message: `${entry.code} is billed ${day.total} units on this date of service; its MUE is ${entry.value}, ${indicatorText[entry.indicator]}.${rationale}`,
          // An absolute limit cannot be appealed: the units above it are lost.
          severity: entry.indicator === 2 ? 'error' : 'warning',
        });
      }
    }
    return findings;
  },
};
