/**
 * Units of a lesion-counted procedure versus the documented lesion count
 * (claim-format.md, "Lesion-counted families"): where a procedure's own count
 * is known, first-lesion units plus add-on units over all its modalities
 * equal it; where several procedures share only the encounter's count, none
 * may bill more than that, and no unit change is advised (the split is not
 * documented).
 */
import type { CodeInfo } from '../reference/codeTypes';
import type { CodeReference } from '../reference/codeReference';
import { type Claim, type ServiceLine, unitsOf } from '../model/model';
import { addOnLineAfter, describeLines, overbilledFirstLesionCodes, removeLineEdits } from './claimFacts';
import {
  groupByProcedure,
  type LesionCountConflict,
  type ProcedureGroup,
  procedureLesionCount,
} from './procedureLesions';
import type { ClaimEditor } from '../model/claimEditor';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';
import { counted, nounFor } from '../text/wording';

const ruleId = 'lesion-units';

/** The family a group bills, when it is one: its only first-lesion code, or the primary of its only add-on. */
function singleFamily(
  group: ProcedureGroup,
  reference: CodeReference,
): { first: CodeInfo; addOn: CodeInfo } | undefined {
  const codes = new Set(group.lines.map(({ info }) => info.code));
  const firsts = group.lines.filter(({ info }) => info.lesion?.role === 'first');
  const anyLine = group.lines[0];
  const first =
    firsts[0]?.info ?? (anyLine && codes.size === 1 ? reference.code(anyLine.info.addOnTo?.[0] ?? '') : undefined);
  const addOn = first ? reference.addOnFor(first) : undefined;
  const sameFamily = [...codes].every((code) => code === first?.code || code === addOn?.code);
  return first && addOn && sameFamily ? { first, addOn } : undefined;
}

function expectedBilling(group: ProcedureGroup, count: number, reference: CodeReference): string {
  const family = singleFamily(group, reference);
  if (family) {
    return count > 1
      ? `${family.first.code} x1 + ${family.addOn.code} x${count - 1}`
      : `${family.first.code} x1 with no +${family.addOn.code}`;
  }
  return `${counted(count, 'unit')} in all: each first-lesion code x1 and the add-on codes for the other lesions`;
}

/** The group's lesion count once `removed` is gone: the `lesions=` in use may be on that line. */
function countWithout(
  claim: Claim,
  group: ProcedureGroup,
  groups: readonly ProcedureGroup[],
  removed: ServiceLine,
): number | undefined {
  return procedureLesionCount(claim, group, groups, removed).known?.value;
}

function lesionFixes(
  claim: Claim,
  group: ProcedureGroup,
  groups: readonly ProcedureGroup[],
  count: number,
  billed: number,
  editor: ClaimEditor,
  reference: CodeReference,
): QuickFix[] {
  const addOnLines = group.lines.filter(({ info }) => info.lesion?.role === 'additional');
  const firsts = group.lines.filter(({ info }) => info.lesion?.role === 'first');
  if (firsts.length === 0) {
    // Units cannot be right before the first-lesion code is there; the add-on rules' fix inserts it.
    return [];
  }
  if (overbilledFirstLesionCodes(claim, firsts).length > 0) {
    // `primary-units` fixes that first (its fix moves the lesions to the add-on); a fix here, such as removing
    // the add-on, would leave a claim that rule reports again.
    return [];
  }
  const [addOnLine] = addOnLines;
  if (addOnLines.length === 1 && addOnLine) {
    const units = count - (billed - unitsOf(addOnLine.line));
    if (units >= 1) {
      return [
        {
          title: `Set +${addOnLine.info.code} to x${units} (${counted(count, 'lesion')})`,
          edits: editor.setUnits(addOnLine.line, units),
          preferred: true,
        },
      ];
    }
    // Removing a line that holds the lesions= in use would change the count it was removed for.
    if (units === 0 && countWithout(claim, group, groups, addOnLine.line) === count) {
      return [
        {
          title: `Remove +${addOnLine.info.code}: ${counted(count, 'lesion')} need no add-on`,
          edits: removeLineEdits(claim, addOnLine.line, editor),
          preferred: true,
        },
      ];
    }
    return [];
  }
  const [first] = firsts;
  const addOn: CodeInfo | undefined = first ? reference.addOnFor(first.info) : undefined;
  if (addOnLines.length === 0 && firsts.length === 1 && first && addOn && count > billed) {
    const units = count - billed;
    const line: ServiceLine = first.line;
    return [
      {
        title: `Add +${addOn.code} x${units} for the additional ${nounFor(units, 'lesion')}`,
        edits: addOnLineAfter(line, addOn.code, units, editor),
        preferred: true,
      },
    ];
  }
  return [];
}

/** A procedure that bills more lesions than the encounter has, when the split between procedures is unknown. */
function aboveEncounter(group: ProcedureGroup, encounter: number, billed: number): Finding | undefined {
  const target = group.lines[group.lines.length - 1]?.line;
  if (billed <= encounter || !target) {
    return undefined;
  }
  return {
    ruleId,
    range: target.units?.range ?? target.code.range,
    message:
      `The encounter documents ${counted(encounter, 'lesion')} (lesions:), but the ${group.procedure} lines alone bill ` +
      `${counted(billed, 'unit')} (${describeLines(group.lines.map(({ line }) => line))}); no procedure treats more lesions ` +
      `than the encounter. Correct the units, or write each procedure's count as lesions= on its lines.`,
  };
}

export const lesionUnitsRule: ClaimRule = {
  id: ruleId,
  defaultSeverity: 'warning',
  description: 'Units of a lesion-counted procedure do not add up to the documented number of lesions.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    const groups = groupByProcedure(claim, reference);
    const conflicts: LesionCountConflict[] = [];
    for (const group of groups) {
      const count = procedureLesionCount(claim, group, groups, undefined, conflicts);
      const billed = group.lines.reduce((sum, { line }) => sum + unitsOf(line), 0);
      const tooMany = count.atMost ? aboveEncounter(group, count.atMost.value, billed) : undefined;
      if (tooMany) {
        findings.push(tooMany);
      }
      if (!count.known || billed === count.known.value) {
        continue;
      }
      const addOnLines = group.lines.filter(({ info }) => info.lesion?.role === 'additional');
      const target =
        addOnLines.length === 1 && addOnLines[0] ? addOnLines[0].line : group.lines[group.lines.length - 1]?.line;
      if (!target) {
        continue;
      }
      findings.push({
        ruleId,
        range: target.units?.range ?? target.code.range,
        message:
          `${counted(count.known.value, 'lesion')} documented, but the ${group.procedure} lines bill ${counted(billed, 'unit')} ` +
          `(${describeLines(group.lines.map(({ line }) => line))}); expected ${expectedBilling(group, count.known.value, reference)}.`,
        fixes: lesionFixes(claim, group, groups, count.known.value, billed, editor, reference),
      });
    }
    findings.push(...conflicts.map(({ field, message }) => ({ ruleId, range: field.range, message })));
    return findings;
  },
};
