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
 * The procedures compared are the claim's own and, when the context holds
 * the workspace's procedures (`context.procedures`, from the server's index
 * or claim-lint's files), those billed for the same patient (`patientKey.ts`)
 * on any other claim of any file of the workspace, this one included; the
 * message then says which file and claim, never the patient.
 *
 * Each visit gets at most one finding, the first that applies in that order
 * (the claim's own procedures before others of the same day).
 * Cost: procedures are indexed by date and each visit looks up the 91 days
 * before it, so a claim is checked in time linear in its lines (plus its
 * patient's procedures elsewhere, when there are any).
 */
import type { Claim, ServiceLine } from '../model/model';
import { patientKeyOf, samePatient } from '../model/patientKey';
import type { CodeReference } from '../reference/codeReference';
import { editionFor, type GlobalDays } from '../reference/official/officialData';
import { dateOfService } from './claimFacts';
import type { ClaimRule, Finding, ProcedureFact, QuickFix, RuleContext } from './ruleTypes';

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

type PeriodDays = '000' | '010' | '090';

interface Procedure {
  code: string;
  globalDays: PeriodDays;
  schedule: string;
  /** Where it is billed, when not on the claim checked: `file.837, claim CLM-7`. */
  where?: string;
}

/** The global period of a procedure code on a date, by the fee schedule edition for that date; undefined without one. */
export function globalPeriodOf(
  code: string,
  date: string,
  reference: CodeReference,
): { days: PeriodDays; schedule: string } | undefined {
  if (isEvaluationAndManagement(code)) {
    return undefined;
  }
  const schedule = editionFor(reference.official.feeSchedules, date);
  const days = schedule?.entry(code)?.globalDays;
  return schedule && (days === '000' || days === '010' || days === '090')
    ? { days, schedule: schedule.label }
    : undefined;
}

/** The ISO date `days` after `date` (before, when negative); undefined when `date` is not a date. */
function shiftDate(date: string, days: number): string | undefined {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? undefined : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/** The claim's procedures with a global period, then its patient's elsewhere in the workspace, by date of service. */
function proceduresByDate(claim: Claim, context: RuleContext): Map<string, Procedure[]> {
  const byDate = new Map<string, Procedure[]>();
  const add = (date: string, code: string, where?: string) => {
    const period = globalPeriodOf(code, date, context.reference);
    if (period) {
      const list = byDate.get(date) ?? [];
      list.push({ code, globalDays: period.days, schedule: period.schedule, ...(where ? { where } : {}) });
      byDate.set(date, list);
    }
  };
  for (const line of claim.lines) {
    const date = dateOfService(line, claim);
    if (date !== undefined && line.otherCodeList === undefined) {
      add(date, line.code.value);
    }
  }
  for (const fact of proceduresElsewhere(claim, context)) {
    add(fact.date, fact.code, `${fact.fileName}, claim ${fact.claimId ?? 'without an id'}`);
  }
  return byDate;
}

/** The workspace's procedures for the claim's patient, but for the claim's own. */
function proceduresElsewhere(claim: Claim, { procedures, documentUri }: RuleContext): ProcedureFact[] {
  const patient = procedures && claim.patient ? patientKeyOf(claim.patient) : undefined;
  if (!procedures || !patient) {
    return [];
  }
  const ownLine = claim.range.start.line;
  return procedures
    .proceduresOf(patient.name)
    .filter((fact) => samePatient(fact.patient, patient) && !(fact.uri === documentUri && fact.claimLine === ownLine));
}

/** ` (in file.837, claim CLM-7)` for a procedure billed elsewhere. */
function whereOf(procedure: Procedure): string {
  return procedure.where === undefined ? '' : ` (in ${procedure.where})`;
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
      message: `${visit} is ${when} ${major.code}${whereOf(major)}, a major procedure (global 090, ${major.schedule}): the visit is part of the surgery's global package unless it was the decision for surgery; then add 57.`,
    };
  }
  const minor = sameDay.find((p) => p.globalDays !== '090');
  if (minor) {
    return {
      modifier: '25',
      accepted: ['25', '57'],
      message: `${visit} is on the day of ${minor.code}${whereOf(minor)}, a minor procedure (global ${minor.globalDays}, ${minor.schedule}): the visit is included unless it was significant and separately identifiable; then add 25.`,
    };
  }
  for (let back = 1; back <= longestPeriod; back++) {
    for (const procedure of byDate.get(shiftDate(date, -back) ?? '') ?? []) {
      if (back <= (postoperativeDays[procedure.globalDays] ?? 0)) {
        return {
          modifier: '24',
          accepted: ['24', '78', '79'],
          message: `${visit} is on postoperative day ${back} of ${procedure.code}${whereOf(procedure)} (global ${procedure.globalDays}, ${procedure.schedule}): visits of that period are part of the surgery unless unrelated to it; then add 24.`,
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
