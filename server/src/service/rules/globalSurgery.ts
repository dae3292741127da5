/**
 * Global surgery (Medicare Claims Processing Manual, chapter 12, section 40):
 * a procedure's fee includes the evaluation and management (E/M) visits of
 * its global period, so a visit in that period is paid only with a modifier
 * that says why it is not part of it. With the user's fee schedule loaded,
 * each procedure line's global days (PPRRVU "GLOB DAYS", in the edition for
 * its date) decide, for the E/M visits (CPT 99202-99499, by code range) of
 * the same claim:
 *
 * - on the day of a minor procedure (000 or 010): 25, a significant and
 *   separately identifiable visit;
 * - on the day before or the day of a major one (090): 57, the decision for
 *   surgery;
 * - in the postoperative days (1-10 after a 010, 1-90 after a 090): 24, a
 *   visit unrelated to the surgery (78 or 79 are accepted too, as the issue
 *   that asked for this rule names them).
 *
 * Each visit gets at most one finding, the first that applies in that order.
 * Cost: procedures are indexed by date and each visit looks up the 91 days
 * before it, so a claim is checked in time linear in its lines.
 */
import type { Claim, ServiceLine } from '../model/model';
import { editionFor, type GlobalDays } from '../reference/official/officialData';
import { dateOfService } from './claimFacts';
import type { ClaimRule, Finding, QuickFix, RuleContext } from './ruleTypes';

/** CPT's evaluation and management section, by code range: no descriptor is needed to tell a visit. */
export function isEvaluationAndManagement(code: string): boolean {
  if (!/^\d{5}$/.test(code)) {
    return false;
  }
  const value = Number(code);
  return value >= 99202 && value <= 99499;
}

/** The postoperative days of each global period that has them. */
const postoperativeDays: Partial<Record<GlobalDays, number>> = { '000': 0, '010': 10, '090': 90 };
const longestPeriod = 90;

interface Procedure {
  code: string;
  globalDays: '000' | '010' | '090';
  schedule: string;
}

/** The ISO date `days` after `date` (before, when negative); undefined when `date` is not a date. */
function shiftDate(date: string, days: number): string | undefined {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/** The claim's procedures with a global period, by date of service. */
function proceduresByDate(claim: Claim, context: RuleContext): Map<string, Procedure[]> {
  const byDate = new Map<string, Procedure[]>();
  for (const line of claim.lines) {
    const date = dateOfService(line, claim);
    if (date === undefined || line.otherCodeList !== undefined || isEvaluationAndManagement(line.code.value)) {
      continue;
    }
    const schedule = editionFor(context.reference.official.feeSchedules, date);
    const days = schedule?.entry(line.code.value)?.globalDays;
    if (!schedule || (days !== '000' && days !== '010' && days !== '090')) {
      continue;
    }
    const list = byDate.get(date) ?? [];
    list.push({ code: line.code.value, globalDays: days, schedule: schedule.label });
    byDate.set(date, list);
  }
  return byDate;
}

interface Needed {
  modifier: '25' | '57' | '24';
  accepted: readonly string[];
  message: string;
}

function neededFor(visit: string, date: string, byDate: ReadonlyMap<string, Procedure[]>): Needed | undefined {
  const sameDay = byDate.get(date) ?? [];
  const nextDay = byDate.get(shiftDate(date, 1) ?? '') ?? [];
  const major = [...sameDay, ...nextDay].find((p) => p.globalDays === '090');
  if (major) {
    const when = sameDay.includes(major) ? 'on the day of' : 'the day before';
    return {
      modifier: '57',
      accepted: ['57'],
      message: `${visit} is ${when} ${major.code}, a major procedure (global 090, ${major.schedule}): the visit is part of the surgery's global package unless it was the decision for surgery; then add 57.`,
    };
  }
  const minor = sameDay.find((p) => p.globalDays !== '090');
  if (minor) {
    return {
      modifier: '25',
      accepted: ['25', '57'],
      message: `${visit} is on the day of ${minor.code}, a minor procedure (global ${minor.globalDays}, ${minor.schedule}): the visit is included unless it was significant and separately identifiable; then add 25.`,
    };
  }
  for (let back = 1; back <= longestPeriod; back++) {
    for (const procedure of byDate.get(shiftDate(date, -back) ?? '') ?? []) {
      if (back <= (postoperativeDays[procedure.globalDays] ?? 0)) {
        return {
          modifier: '24',
          accepted: ['24', '78', '79'],
          message: `${visit} is on postoperative day ${back} of ${procedure.code} (global ${procedure.globalDays}, ${procedure.schedule}): visits of that period are part of the surgery unless unrelated to it; then add 24.`,
        };
      }
    }
  }
  return undefined;
}

export const globalSurgeryRule: ClaimRule = {
  id: 'global-surgery',
  defaultSeverity: 'warning',
  description:
    "An E/M visit falls in a procedure's global surgery period (fee schedule global days) without 25, 57 or 24.",
  check(claim, context) {
    if (context.reference.official.feeSchedules.length === 0) {
      return [];
    }
    const visits = claim.lines.filter((line) => isEvaluationAndManagement(line.code.value));
    if (visits.length === 0) {
      return [];
    }
    const byDate = proceduresByDate(claim, context);
    if (byDate.size === 0) {
      return [];
    }
    const findings: Finding[] = [];
    for (const line of visits) {
      const date = dateOfService(line, claim);
      const needed = date === undefined ? undefined : neededFor(line.code.value, date, byDate);
      const modifiers = new Set(line.modifiers.map((m) => m.value));
      if (!needed || needed.accepted.some((m) => modifiers.has(m))) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${needed.message} The record must support it.`,
        fixes: addModifierFix(line, needed.modifier, context),
      });
    }
    return findings;
  },
};

function addModifierFix(line: ServiceLine, modifier: string, { editor }: RuleContext): QuickFix[] {
  const edits = editor.addModifier(line, modifier);
  return edits.length > 0 ? [{ title: `Add ${modifier}, if the record supports it`, edits }] : [];
}
