/**
 * A first-lesion code is reported once per modality per session; the other
 * lesions go on its add-on. `19283 x2` should be `19283 x1` + `19284 x1`, and
 * so should the same code keyed on two lines of one date: units are summed
 * over the claim's lines of one date of service, not read line by line.
 *
 * When the repeat is for the other breast (19083-RT and 19083-LT), CPT's
 * convention is the same (the second lesion is an additional lesion, billed
 * with the add-on, each line keeping its RT or LT), but some payers want the
 * first-lesion code once per breast, so the message says so and the fix is
 * offered, not preferred.
 */
import { type ServiceLine, unitsOf } from '../model/model';
import { dateOfService, firstLesionSessions, knownLines, moveExtraUnitsToAddOn, removeLineEdits } from './claimFacts';
import { codeIndexOf } from './claimLineIndex';
import { sideOf } from './laterality';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';
import { counted, nounFor } from '../text/wording';

/** The line's modifiers in a fixed order, to compare two lines. */
function modifiersOf(line: ServiceLine): string {
  return line.modifiers
    .map((m) => m.value)
    .sort()
    .join('-');
}

export const firstLesionUnitsRule: ClaimRule = {
  id: 'primary-units',
  defaultSeverity: 'warning',
  description:
    'A first-lesion code is reported with more than 1 unit, on one line or over several lines of one date; the extra lesions belong on its add-on code.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    const { numberOf } = codeIndexOf(claim);
    // The first line of each code, modifiers and date, made on the first repeat that asks: not a scan per repeat.
    let linesByWriting: Map<string, ServiceLine> | undefined;
    const writingOf = (line: ServiceLine, code = line.code.value) =>
      `${code}|${modifiersOf(line)}|${dateOfService(line, claim) ?? ''}`;
    const firstLineWritten = (code: string, like: ServiceLine): ServiceLine | undefined => {
      if (!linesByWriting) {
        linesByWriting = new Map();
        for (const other of claim.lines) {
          const key = writingOf(other);
          if (!linesByWriting.has(key)) {
            linesByWriting.set(key, other);
          }
        }
      }
      return linesByWriting.get(writingOf(like, code));
    };
    for (const [head, ...repeatLines] of firstLesionSessions(claim, knownLines(claim, reference))) {
      if (!head) {
        continue;
      }
      const { line: first, info } = head;
      const repeats = repeatLines.map(({ line }) => line);
      const addOn = reference.addOnFor(info);
      const units = unitsOf(first);
      if (units > 1) {
        const extra = units - 1;
        const advice = addOn
          ? `; report the ${extra} additional ${nounFor(extra, 'lesion')} with +${addOn.code} x${extra}`
          : '';
        const fixes: QuickFix[] = [];
        if (addOn) {
          fixes.push({
            title: `Move ${counted(extra, 'unit')} to +${addOn.code}`,
            edits: moveExtraUnitsToAddOn(claim, first, addOn, editor),
            preferred: true,
          });
        }
        findings.push({
          ruleId: this.id,
          range: first.units?.range ?? first.code.range,
          message: `${info.code} is the first-lesion code and takes 1 unit per session${advice}.`,
          fixes,
        });
      }
      // Each further line of the code on the date is one more first-lesion code: its lesions are additional ones.
      for (const repeat of repeats) {
        const otherSide =
          sideOf(repeat) !== undefined && sideOf(first) !== undefined && sideOf(repeat) !== sideOf(first);
        const lesions = counted(unitsOf(repeat), 'lesion');
        const message = otherSide
          ? `${info.code} is reported once per session, whatever the side: by CPT convention the lesion in the other breast is an additional lesion, so this line is +${addOn?.code ?? 'its add-on'} with its ${sideOf(repeat) ?? ''} kept. Some payers want the first-lesion code once per breast: check the payer's policy.`
          : `${info.code} is already billed on this date (service line ${numberOf(first)} of this claim) and is reported once per session: bill this line's ${lesions} with +${addOn?.code ?? 'its add-on'}.`;
        // An add-on line already billed for the same side and date takes the units, so no duplicate is made.
        const sameAddOn = addOn && firstLineWritten(addOn.code, repeat);
        findings.push({
          ruleId: this.id,
          range: repeat.code.range,
          message,
          fixes: addOn
            ? [
                {
                  title: sameAddOn
                    ? `Move ${counted(unitsOf(repeat), 'unit')} to the +${addOn.code} line`
                    : `Bill this line as +${addOn.code}`,
                  edits: sameAddOn
                    ? [
                        ...editor.setUnits(sameAddOn, unitsOf(sameAddOn) + unitsOf(repeat)),
                        ...removeLineEdits(claim, repeat, editor),
                      ]
                    : editor.replaceCode(repeat, addOn.code),
                  preferred: !otherSide,
                },
              ]
            : [],
        });
      }
    }
    return findings;
  },
};
