/**
 * Units of a lesion-counted procedure versus the documented lesion count
 * (claim-format.md, "Lesion-counted families"): over all modalities of one
 * procedure on a claim, first-lesion units plus add-on units equal the count.
 */
import type { CodeInfo, LesionProcedure } from '../reference/codeTypes';
import type { CodeReference } from '../reference/codeReference';
import { type Claim, type Field, type ServiceLine, unitsOf } from '../model/model';
import { describeLines, type KnownLine, knownLines, overbilledFirstLesionCodes, pointersOf } from './claimFacts';
import type { ClaimEditor } from '../model/claimEditor';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';
import { counted, nounFor } from '../text/wording';

const ruleId = 'lesion-units';

interface ProcedureGroup {
  procedure: LesionProcedure;
  lines: KnownLine[];
}

export function groupByProcedure(claim: Claim, reference: CodeReference): ProcedureGroup[] {
  const groups = new Map<LesionProcedure, ProcedureGroup>();
  for (const known of knownLines(claim, reference)) {
    const procedure = known.info.lesion?.procedure;
    if (!procedure || known.info.deleted) {
      continue;
    }
    const group = groups.get(procedure) ?? { procedure, lines: [] };
    group.lines.push(known);
    groups.set(procedure, group);
  }
  return [...groups.values()];
}

/** The line's `lesions=` overrides the claim's for its family; lines that disagree are reported (inlay hints and CodeLens count the same way). */
export function lesionCount(claim: Claim, group: ProcedureGroup, findings: Finding[]): Field<number> | undefined {
  const overrides = group.lines.flatMap(({ line }) => (line.lesions ? [line.lesions] : []));
  const [first, ...others] = overrides;
  for (const other of others) {
    if (other.value !== first?.value) {
      findings.push({
        ruleId,
        range: other.range,
        message: `lesions=${other.value} disagrees with lesions=${first?.value} on another ${group.procedure} line of this claim; ${first?.value} is used.`,
      });
    }
  }
  return first ?? claim.lesions;
}

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
function countWithout(claim: Claim, group: ProcedureGroup, removed: ServiceLine): number | undefined {
  const override = group.lines.find(({ line }) => line !== removed && line.lesions)?.line.lesions;
  return (override ?? claim.lesions)?.value;
}

function lesionFixes(
  claim: Claim,
  group: ProcedureGroup,
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
    if (units === 0 && countWithout(claim, group, addOnLine.line) === count) {
      return [
        {
          title: `Remove +${addOnLine.info.code}: ${counted(count, 'lesion')} need no add-on`,
          edits: editor.deleteLine(addOnLine.line),
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
        edits: editor.insertLine(line, 'after', {
          code: addOn.code,
          modifiers: line.modifiers.map((m) => m.value),
          units,
          dxPointers: pointersOf(line),
          dos: line.dos?.value,
        }),
        preferred: true,
      },
    ];
  }
  return [];
}

export const lesionUnitsRule: ClaimRule = {
  id: ruleId,
  defaultSeverity: 'warning',
  description: 'Units of a lesion-counted procedure do not add up to the documented number of lesions.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const group of groupByProcedure(claim, reference)) {
      const count = lesionCount(claim, group, findings);
      if (!count) {
        continue;
      }
      const billed = group.lines.reduce((sum, { line }) => sum + unitsOf(line), 0);
      if (billed === count.value) {
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
          `${counted(count.value, 'lesion')} documented, but the ${group.procedure} lines bill ${counted(billed, 'unit')} ` +
          `(${describeLines(group.lines.map(({ line }) => line))}); expected ${expectedBilling(group, count.value, reference)}.`,
        fixes: lesionFixes(claim, group, count.value, billed, editor, reference),
      });
    }
    return findings;
  },
};
