/**
 * The same code with the same modifiers (in any order) on the same date of
 * service twice on one claim is usually billed twice by mistake. First-lesion
 * codes are left to `primary-units`: their repeat is usually another lesion.
 * In an 837 the line's SV101-7 description and its NDC (LIN, loop 2410) are
 * part of what it bills: two J3490 (unclassified drug) lines of different
 * drugs are two services, not one keyed twice.
 */
import { dateOfService, removeLineEdits } from './claimFacts';
import { codeKindOf } from '../reference/codeShapes';
import type { ServiceLine } from '../model/model';
import type { ClaimRule, Finding } from './ruleTypes';

/** SV101-7 as compared: case and runs of blanks do not make two descriptions different drugs. */
function descriptionKey(line: ServiceLine): string {
  return line.description?.value.trim().replace(/\s+/g, ' ').toUpperCase() ?? '';
}

/** The NDC as compared: 11 digits are written with or without hyphens. */
function ndcKey(line: ServiceLine): string {
  return line.ndc?.value.replace(/-/g, '') ?? '';
}

/** What the two lines share, for the message: the description and NDC are named when the lines have them. */
function sameWhat(line: ServiceLine): string {
  const extra = [line.description ? 'SV101-7 description' : '', line.ndc ? 'NDC' : ''].filter((w) => w !== '');
  return extra.length === 0
    ? 'same code, modifiers and date of service'
    : `same code, modifiers, date of service and ${extra.join(' and ')}`;
}

export const duplicateLineRule: ClaimRule = {
  id: 'duplicate-line',
  defaultSeverity: 'warning',
  description: 'The same code, modifiers and date of service appear on two lines of one claim.',
  check(claim, { editor, reference }) {
    const findings: Finding[] = [];
    if (claim.lines.length < 2) {
      return findings;
    }
    // By service line number within the claim (LX in an 837), which an edit elsewhere in the file does not change.
    const seen = new Map<string, number>();
    for (const [index, line] of claim.lines.entries()) {
      const info = reference.code(line.code.value);
      if (info?.lesion?.role === 'first' && !info.deleted) {
        // A first-lesion code keyed again on a date is most often the next lesion: `primary-units` reports it
        // and moves it to the add-on, where removing the line would lose a documented lesion.
        continue;
      }
      const modifiers =
        line.modifiers.length < 2
          ? (line.modifiers[0]?.value ?? '')
          : line.modifiers
              .map((m) => m.value)
              .sort()
              .join('-');
      const key = `${line.code.value}|${modifiers}|${dateOfService(line, claim) ?? ''}|${descriptionKey(line)}|${ndcKey(line)}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, index + 1);
        continue;
      }
      // Only what has the shape of a code is named: malformed text may be anything, patient data included.
      const written =
        codeKindOf(line.code.value) === undefined
          ? undefined
          : [line.code.value, ...line.modifiers.map((m) => m.value)].join('-');
      findings.push({
        ruleId: this.id,
        range: line.range,
        message: `${written ?? 'This line'} repeats service line ${first} of this claim (${sameWhat(line)}); combine the units on one line or remove the duplicate.`,
        fixes: [
          {
            title: written === undefined ? 'Remove this duplicate line' : `Remove this duplicate ${written} line`,
            edits: removeLineEdits(claim, line, editor),
          },
        ],
      });
    }
    return findings;
  },
};
