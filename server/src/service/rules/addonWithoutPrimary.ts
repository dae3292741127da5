/**
 * An add-on code is paid only with one of its primaries for the same patient,
 * provider and date of service (CMS add-on edits, type 1): 19284 without 19283.
 */
import { pointersOf } from './claimFacts';
import { codeRanges } from '../text/wording';
import { findAddOnPrimaries, isWrongModality } from './addOnPrimaries';
import type { ClaimRule, Finding, QuickFix } from './ruleTypes';

/** Add-ons with more possible primaries than this get no insert fix: the coder must choose. */
const maxPrimariesToOffer = 3;

export const addOnWithoutPrimaryRule: ClaimRule = {
  id: 'addon-without-primary',
  defaultSeverity: 'error',
  description: 'An add-on code is on a claim without its primary code for the same date of service.',
  check(claim, { reference, editor }) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      const info = reference.code(line.code.value);
      if (!info?.addOnTo || info.deleted) {
        continue;
      }
      const primaries = findAddOnPrimaries(claim, line, info, reference);
      if (primaries.sameDate.length > 0 || isWrongModality(primaries)) {
        continue;
      }
      const needed = info.addOnTo.length === 1 ? info.addOnTo[0] : `one of ${codeRanges(info.addOnTo)}`;
      const primaryInfo = info.addOnTo.length === 1 ? reference.code(info.addOnTo[0] ?? '') : undefined;
      const neededText = primaryInfo?.lesion
        ? `${primaryInfo.code}, the ${primaryInfo.modality ?? primaryInfo.lesion.procedure} first-lesion code,`
        : needed;
      const otherDate = primaries.otherDate[0];
      const message = otherDate
        ? `+${info.code} is an add-on code and needs ${needed} on the same date of service; ${otherDate.info.code} on this claim is on another date.`
        : `+${info.code} is an add-on code: report it with ${neededText} on the same claim.`;
      const fixes: QuickFix[] = [];
      if (!otherDate && info.addOnTo.length <= maxPrimariesToOffer) {
        for (const primary of info.addOnTo) {
          const newLine = {
            code: primary,
            modifiers: line.modifiers.map((m) => m.value),
            units: 1,
            dxPointers: pointersOf(line),
            dos: line.dos?.value,
          };
          fixes.push({
            title: `Insert ${[primary, ...newLine.modifiers].join('-')} x1 above +${info.code}`,
            edits: editor.insertLine(line, 'before', newLine),
            preferred: fixes.length === 0,
          });
        }
      }
      findings.push({ ruleId: this.id, range: line.code.range, message, fixes });
    }
    return findings;
  },
};
