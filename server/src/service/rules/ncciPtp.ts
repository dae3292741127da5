/**
 * NCCI procedure-to-procedure (PTP) edits: a column-2 code billed with its
 * column-1 code for the same date of service on one claim is not paid
 * separately. With the user's PTP file loaded, each pair of a date's codes is
 * looked up in both orders, in the quarter's edition for that date. Modifier
 * indicator 0: no modifier bypasses the edit; 1: an NCCI-associated modifier
 * may (NCCI Policy Manual, chapter I); 9: the edit does not apply.
 *
 * Cost: lines are grouped by date of service and pairs are formed over the
 * distinct codes of a date, not over lines, so a long `.claim` claim that
 * repeats a few codes costs little. A date with more than `maxCodesPerDate`
 * distinct codes (no real claim has them: an 837P claim holds at most 50
 * lines) has only its first ones checked, so a pathological claim stays
 * linear in its lines rather than quadratic.
 */
import type { Claim, ServiceLine } from '../model/model';
import { editionFor, type PtpEdit, type PtpEdits } from '../reference/official/officialData';
import { isBiopsyWithLocalization } from './biopsyWithLocalization';
import { dateOfService, removeLineEdits } from './claimFacts';
import type { ClaimRule, Finding, QuickFix, RuleContext } from './ruleTypes';

/** Distinct codes of one date that are paired: 100 gives at most 4,950 pairs (9,900 constant-time look-ups). */
export const maxCodesPerDate = 100;

/** Anatomic modifiers (NCCI Policy Manual, chapter I): they show a different site only when the lines differ in them. */
const anatomicModifiers = new Set([
  ...['E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9'],
  ...['TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'],
  ...['LT', 'RT', 'LC', 'LD', 'RC', 'LM', 'RI'],
]);

/** The global surgery and other NCCI-associated modifiers (chapter I): on either line, they may bypass an indicator-1 edit. */
const otherNcciModifiers = new Set(['24', '25', '57', '58', '78', '79', '27', '59', '91', 'XE', 'XS', 'XP', 'XU']);

function anatomicOf(line: ServiceLine): string {
  return line.modifiers
    .map((m) => m.value)
    .filter((m) => anatomicModifiers.has(m))
    .sort()
    .join('-');
}

/**
 * Whether a column-2 line may bypass an indicator-1 edit with any of the column-1 lines: a global surgery
 * or distinct-service modifier on either line, or anatomic modifiers that differ between the two (RT on
 * one, LT on the other). The same anatomic modifier on both lines is the same site: no bypass. The
 * column-1 lines are summed up once (`Column1Lines`), so each column-2 line is one check, not one per pair.
 */
interface Column1Lines {
  /** One of them carries a global surgery or distinct-service modifier. */
  otherNcci: boolean;
  /** Their anatomic modifiers, each line's as one string ('' for none). */
  anatomic: Set<string>;
}

function column1Lines(lines: readonly ServiceLine[]): Column1Lines {
  return {
    otherNcci: lines.some((line) => line.modifiers.some((m) => otherNcciModifiers.has(m.value))),
    anatomic: new Set(lines.map(anatomicOf)),
  };
}

function bypassesAny(column1: Column1Lines, column2: ServiceLine): boolean {
  if (column1.otherNcci || column2.modifiers.some((m) => otherNcciModifiers.has(m.value))) {
    return true;
  }
  // Some column-1 line's anatomic modifiers differ from this line's (two sets of none are not a difference).
  const anatomic2 = anatomicOf(column2);
  return column1.anatomic.size > 1 || (column1.anatomic.size === 1 && !column1.anatomic.has(anatomic2));
}

/** The claim's lines by date of service (lines with no date to go by together), codes of other lists left out. */
function linesByDate(claim: Claim): Map<string, ServiceLine[]> {
  const byDate = new Map<string, ServiceLine[]>();
  for (const line of claim.lines) {
    if (line.otherCodeList !== undefined) {
      continue;
    }
    const date = dateOfService(line, claim) ?? '';
    const lines = byDate.get(date);
    if (lines) {
      lines.push(line);
    } else {
      byDate.set(date, [line]);
    }
  }
  return byDate;
}

/** Each edit in force among the date's codes (both orders asked), once per pair. */
function editsAmong(codes: readonly string[], table: PtpEdits, date: string): PtpEdit[] {
  const found: PtpEdit[] = [];
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) {
      const a = codes[i] ?? '';
      const b = codes[j] ?? '';
      const edit = table.edit(a, b, date) ?? table.edit(b, a, date);
      // A breast biopsy with its localization: biopsy-with-localization says it, with advice by side and lesion.
      if (edit && edit.indicator !== 9 && !isBiopsyWithLocalization(edit.column1, edit.column2)) {
        found.push(edit);
      }
    }
  }
  return found;
}

function message(edit: PtpEdit, table: PtpEdits): string {
  const head = `${edit.column2} is bundled into ${edit.column1} on the same date of service (NCCI PTP edit, ${table.label}, effective ${edit.effective}: "${edit.rationale}")`;
  return edit.indicator === 0
    ? `${head}; no modifier bypasses this edit: remove the ${edit.column2} line.`
    : `${head}. Only if the record shows a distinct service (another session, site or lesion) may an NCCI-associated modifier such as XU or 59 on ${edit.column2} bypass it.`;
}

function fixes(claim: Claim, line: ServiceLine, edit: PtpEdit, { editor }: RuleContext): QuickFix[] {
  const remove: QuickFix = {
    title: `Remove the ${edit.column2} line (bundled into ${edit.column1})`,
    edits: removeLineEdits(claim, line, editor),
  };
  if (edit.indicator === 0) {
    return [{ ...remove, preferred: true }];
  }
  const addModifier = (modifier: string): QuickFix => ({
    title: `Add ${modifier} to ${edit.column2}, only if the record supports a distinct service`,
    edits: editor.addModifier(line, modifier),
  });
  // A line with four modifiers has no room for another: that fix is not offered.
  return [remove, addModifier('XU'), addModifier('59')].filter((fix) => fix.edits.length > 0);
}

export const ncciPtpRule: ClaimRule = {
  id: 'ncci-ptp',
  defaultSeverity: 'error',
  description:
    'A column-2 code of an NCCI PTP edit is billed with its column-1 code on the same date of service, with no modifier that may bypass the edit.',
  check(claim, context) {
    if (context.reference.official.ptp.length === 0) {
      return [];
    }
    const findings: Finding[] = [];
    for (const [date, lines] of linesByDate(claim)) {
      const table = editionFor(context.reference.official.ptp, date === '' ? undefined : date);
      const codes = [...new Set(lines.map((line) => line.code.value))].slice(0, maxCodesPerDate);
      if (!table || codes.length < 2) {
        continue;
      }
      // Without a date, the edits in force on the edition's first day.
      const asked = date === '' ? (table.applies.from ?? '9999-12-31') : date;
      const byCode = new Map<string, ServiceLine[]>();
      for (const line of lines) {
        const same = byCode.get(line.code.value);
        if (same) {
          same.push(line);
        } else {
          byCode.set(line.code.value, [line]);
        }
      }
      // A code may be column 1 of many edits of the date: its lines are summed up once.
      const column1ByCode = new Map<string, Column1Lines>();
      for (const edit of editsAmong(codes, table, asked)) {
        let column1 = column1ByCode.get(edit.column1);
        if (!column1) {
          column1 = column1Lines(byCode.get(edit.column1) ?? []);
          column1ByCode.set(edit.column1, column1);
        }
        for (const line of byCode.get(edit.column2) ?? []) {
          if (edit.indicator === 1 && bypassesAny(column1, line)) {
            continue;
          }
          findings.push({
            ruleId: this.id,
            range: line.code.range,
            message: message(edit, table),
            fixes: fixes(claim, line, edit, context),
          });
        }
      }
    }
    return findings;
  },
};
