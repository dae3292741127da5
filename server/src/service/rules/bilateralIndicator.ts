/**
 * What the Physician Fee Schedule's bilateral surgery indicator (PPRRVU "BILAT
 * SURG") says of a line, for `bilateral-modifier` when the user loaded the
 * fee schedule: 1, one line with 50 and 1 unit (RT and LT lines of the code
 * for one date become that line); 2, already bilateral, no 50; 3, each side
 * paid in full, a line for each side with RT and LT; 0, no bilateral payment
 * (Medicare pays one side); 9, the concept does not apply.
 */
import type { Claim, Field, ServiceLine } from '../model/model';
import { unitsOf } from '../model/model';
import { editionFor, type FeeSchedule, type FeeScheduleEntry } from '../reference/official/officialData';
import { dateOfService, removeLineEdits } from './claimFacts';
import type { Finding, QuickFix, RuleContext } from './ruleTypes';

type Located = Omit<Finding, 'ruleId'>;

/** The fee schedule row of the line's code (the global row) in the edition for its date, with that edition. */
export function feeEntryOf(
  line: ServiceLine,
  claim: Claim,
  context: RuleContext,
): { entry: FeeScheduleEntry; schedule: FeeSchedule } | undefined {
  const schedule = editionFor(context.reference.official.feeSchedules, dateOfService(line, claim));
  const entry = schedule?.entry(line.code.value);
  return schedule && entry ? { entry, schedule } : undefined;
}

function source(schedule: FeeSchedule, indicator: number): string {
  return `bilateral surgery indicator ${indicator}, ${schedule.label}`;
}

/** A finding about modifier 50 on a line whose code the fee schedule holds, or undefined when 50 is right. */
export function fiftyByIndicator(
  line: ServiceLine,
  fifty: Field<string>,
  repeated: readonly Field<string>[],
  { entry, schedule }: { entry: FeeScheduleEntry; schedule: FeeSchedule },
  { editor }: RuleContext,
): Located | undefined {
  const code = line.code.value;
  const why = source(schedule, entry.bilateral);
  const removeFifty = (): QuickFix => ({
    title: 'Remove modifier 50',
    edits: [fifty, ...repeated].flatMap((m) => editor.removeModifier(line, m)),
  });
  switch (entry.bilateral) {
    case 1:
      if (unitsOf(line) === 1) {
        return undefined;
      }
      return {
        range: line.units?.range ?? fifty.range,
        message: `${code} with 50 is billed on one line with 1 unit for both sides (${why}).`,
        fixes: [{ title: 'Set 1 unit', edits: editor.setUnits(line, 1), preferred: true }],
      };
    case 2:
      return {
        range: fifty.range,
        message: `${code} is already bilateral (${why}): report it without modifier 50.`,
        fixes: [{ ...removeFifty(), preferred: true }],
      };
    case 3: {
      const otherModifiers = line.modifiers.filter((m) => m !== fifty && !repeated.includes(m)).map((m) => m.value);
      const leftLine = {
        code,
        modifiers: [...otherModifiers, 'LT'],
        units: unitsOf(line),
        dxPointers: line.dxPointers.map((p) => p.text),
        dos: line.dos?.value,
      };
      return {
        range: fifty.range,
        severity: 'warning',
        message: `${code} is paid in full for each side (${why}): bill a line for each side with RT and LT rather than 50.`,
        fixes: [
          {
            title: `Replace 50 with RT and add a ${code}-LT line`,
            edits: [
              ...editor.replaceModifier(line, fifty, 'RT'),
              ...repeated.flatMap((m) => editor.removeModifier(line, m)),
              ...editor.insertLine(line, 'after', leftLine),
            ],
          },
        ],
      };
    }
    default:
      // 0: no 150% payment, Medicare pays for one side; 9: the bilateral concept does not apply to the code.
      return {
        range: fifty.range,
        severity: 'warning',
        message:
          entry.bilateral === 0
            ? `${code} has no bilateral payment (${why}): modifier 50 gets one side paid; report it without 50.`
            : `Bilateral billing does not apply to ${code} (${why}): report it without modifier 50.`,
        fixes: [removeFifty()],
      };
  }
}

function sideOnly(line: ServiceLine): 'RT' | 'LT' | undefined {
  const values = new Set(line.modifiers.map((m) => m.value));
  if (values.has('50') || values.has('RT') === values.has('LT')) {
    return undefined;
  }
  return values.has('RT') ? 'RT' : 'LT';
}

/**
 * Findings for RT and LT lines of one code and date whose indicator is 1: Medicare wants one line with 50
 * and 1 unit. Reported on the second line of each pair, with a fix that makes the first line the 50 line and
 * takes the second off.
 */
export function sidePairsByIndicator(claim: Claim, context: RuleContext): Located[] {
  const firstSide = new Map<string, ServiceLine>();
  const findings: Located[] = [];
  for (const line of claim.lines) {
    const side = sideOnly(line);
    if (!side || line.otherCodeList !== undefined) {
      continue;
    }
    const key = `${line.code.value}|${dateOfService(line, claim) ?? ''}`;
    const earlier = firstSide.get(key);
    if (!earlier || sideOnly(earlier) === side) {
      firstSide.set(key, earlier ?? line);
      continue;
    }
    firstSide.delete(key);
    const fee = feeEntryOf(line, claim, context);
    if (fee?.entry.bilateral !== 1) {
      continue;
    }
    const earlierSide = earlier.modifiers.find((m) => m.value === sideOnly(earlier));
    const sideModifier = line.modifiers.find((m) => m.value === side);
    if (!earlierSide || !sideModifier) {
      continue;
    }
    const { editor } = context;
    const unitEdits = unitsOf(earlier) === 1 ? [] : editor.setUnits(earlier, 1);
    findings.push({
      range: sideModifier.range,
      severity: 'warning',
      message: `${line.code.value} on both sides is billed on one line with modifier 50 and 1 unit, not RT and LT lines (${source(fee.schedule, 1)}).`,
      fixes: [
        {
          title: `Bill ${line.code.value}-50 x1 on one line`,
          edits: [
            ...editor.replaceModifier(earlier, earlierSide, '50'),
            ...unitEdits,
            ...removeLineEdits(claim, line, editor),
          ],
          preferred: true,
        },
      ],
    });
  }
  return findings;
}
