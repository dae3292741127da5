/**
 * A deleted code is not payable: report it as an error saying what became of
 * its work (domain.md, "Deleted codes and what became of them"): the codes
 * that replaced it, or the codes that now include it, in which case the line
 * goes. The bundled data says which, per situation; where the answer depends
 * on what else was billed (old guidance of a biopsy or of a wire), the
 * claim's other lines for the same date and side settle it, and when they
 * cannot, the message gives each case and no fix is preferred.
 *
 * A HCPCS Level II code that the loaded CMS HCPCS file marks terminated is a
 * deleted code too, from the day after its termination date.
 *
 * A fix never bills a code the claim already has for that date and side: it
 * would bill one service twice (two biopsies for one, or a duplicate line).
 */
import type { ClaimEditor } from '../model/claimEditor';
import type { TextEdit } from 'vscode-languageserver-types';
import { type Claim, type ServiceLine, unitsOf } from '../model/model';
import type { CodeReference } from '../reference/codeReference';
import type { DeletedCode, Successor } from '../reference/codeTypes';
import { editionFor } from '../reference/official/officialData';
import { codeRanges } from '../text/wording';
import { codeWithModality, dateOfService, moveExtraUnitsToAddOn, removeLineEdits } from './claimFacts';
import { sideOf } from './laterality';
import type { ClaimRule, Finding, QuickFix, RuleContext } from './ruleTypes';

/** A code a fix may put in the deleted code's place. */
interface Offer {
  code: string;
  label: string;
  /** Set when the code is the add-on offered because its first-lesion code is already billed. */
  anotherLesionThan?: string;
}

/** Report other codes instead (`billed`: replacements the claim already has, so not offered). */
interface ReplaceAdvice {
  action: 'replace';
  when?: string;
  offers: Offer[];
  billed: string[];
}

/** Take the line off: its work is included in `includedIn` (`shownBy`: the code on the claim that settled it). */
interface RemoveAdvice {
  action: 'remove';
  when?: string;
  includedIn: string[];
  shownBy?: string;
  /** The line is the claim's only service line. */
  onlyLine: boolean;
}

/** Take the line off if `of`, already on the claim, reports the same service (for a lesion code: the same lesion). */
interface RemoveDuplicateAdvice {
  action: 'remove-duplicate';
  of: string;
  lesion: boolean;
}

/** One way the deleted line may be corrected, as the message words it and the fixes make it. */
type Advice = ReplaceAdvice | RemoveAdvice | RemoveDuplicateAdvice;

/** The codes of the claim's other lines for the same service: the same date (or none to compare) and no other side. */
/** Whether a code is billed on another line of the claim for the same date and side (either may be unknown). */
interface CodesBeside {
  has(code: string): boolean;
}

// Keys no date or side is written as.
const unknown = '?';
const any = '*';

/**
 * The claim's lines counted by code, date and side, each also under "any" date and side, so "is this
 * code billed beside this line?" is a few look-ups rather than a pass over the claim for each deleted line.
 */
function linesByCodeDateSide(claim: Claim): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of claim.lines) {
    const code = line.code.value;
    const date = dateOfService(line, claim) ?? unknown;
    const side = sideOf(line) ?? unknown;
    for (const key of [
      `${code}|${date}|${side}`,
      `${code}|${date}|${any}`,
      `${code}|${any}|${side}`,
      `${code}|${any}|${any}`,
    ]) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function codesBilledBeside(claim: Claim, line: ServiceLine, counts: ReadonlyMap<string, number>): CodesBeside {
  const date = dateOfService(line, claim);
  const side = sideOf(line);
  // A line matches a date when either has none, and a side likewise: the keys of the lines that match this one.
  const dates = date === undefined ? [any] : [date, unknown];
  const sides = side === undefined ? [any] : [side, unknown];
  return {
    has(code) {
      let lines = 0;
      for (const d of dates) {
        for (const s of sides) {
          lines += counts.get(`${code}|${d}|${s}`) ?? 0;
        }
      }
      // The line itself matches its own date and side, and is not beside itself.
      return lines - (code === line.code.value ? 1 : 0) > 0;
    },
  };
}

function applicable(deleted: DeletedCode, billed: CodesBeside): { successors: Successor[]; shownBy?: string } {
  for (const successor of deleted.successors) {
    const shownBy = successor.shownBy?.find((code) => billed.has(code));
    if (shownBy !== undefined) {
      return { successors: [{ ...successor, when: undefined }], shownBy };
    }
  }
  return {
    successors: deleted.successors.filter((s) => s.when !== undefined || s.shownBy === undefined),
  };
}

/** A successor as advice, with replacements the claim already bills taken out (and their add-on offered instead). */
function adviceFor(
  successor: Successor,
  shownBy: string | undefined,
  billed: CodesBeside,
  reference: CodeReference,
  onlyLine: boolean,
): Advice[] {
  if (successor.action === 'remove') {
    return [{ action: 'remove', when: successor.when, includedIn: successor.codes, shownBy, onlyLine }];
  }
  const offers: Offer[] = [];
  const already: string[] = [];
  const duplicates: Advice[] = [];
  const label = (code: string) => {
    const info = reference.code(code);
    return info ? codeWithModality(info) : code;
  };
  for (const code of successor.codes) {
    if (!billed.has(code)) {
      offers.push({ code, label: label(code) });
      continue;
    }
    already.push(code);
    const info = reference.code(code);
    if (info?.lesion?.role === 'additional') {
      continue; // Another lesion goes in that line's units (said in the message); the same one is not billed twice.
    }
    const addOn = info?.lesion?.role === 'first' ? reference.addOnFor(info) : undefined;
    if (addOn && !billed.has(addOn.code)) {
      offers.push({ code: addOn.code, label: label(addOn.code), anotherLesionThan: code });
    }
    duplicates.push({ action: 'remove-duplicate', of: code, lesion: info?.lesion !== undefined });
  }
  return [{ action: 'replace', when: successor.when, offers, billed: already }, ...duplicates];
}

function offerText(offer: Offer): string {
  return offer.anotherLesionThan ? `+${offer.label} for another lesion` : offer.label;
}

function sentence(advice: Advice, reference: CodeReference): string {
  const when = advice.action !== 'remove-duplicate' && advice.when ? `when ${advice.when}, ` : '';
  switch (advice.action) {
    case 'remove':
      return advice.shownBy
        ? `with ${advice.shownBy} on this claim for that date, its work is included in ${codeRanges(advice.includedIn)}: remove the line`
        : `${when}its work is now included in ${codeRanges(advice.includedIn)}: remove the line${
            advice.onlyLine
              ? ` (it is this claim's only service line: bill the ${codeRanges(advice.includedIn)} service it belongs to here, or drop the claim)`
              : ''
          }`;
    case 'remove-duplicate':
      return advice.lesion
        ? `if it is the lesion ${advice.of} on this claim already reports, remove the line`
        : `if ${advice.of} on this claim already reports it, remove the line`;
    case 'replace': {
      const parts: string[] = [];
      if (advice.offers.length > 0) {
        parts.push(`${when}report ${advice.offers.map(offerText).join(', ')} instead`);
      }
      for (const code of advice.billed) {
        if (reference.code(code)?.lesion?.role === 'additional') {
          parts.push(`if it is another lesion for +${code} on this claim, count it in that line's units instead`);
        }
      }
      return parts.join('; ');
    }
  }
}

/**
 * The edits that put `offer` in the line's place. The deleted code's units carry over, except onto a
 * first-lesion code, which takes 1 unit: the further lesions go on its add-on (`primary-units` would
 * report the replaced line otherwise). The returned text says the units when they were split.
 */
function replacement(
  claim: Claim,
  line: ServiceLine,
  offer: Offer,
  editor: ClaimEditor,
  reference: CodeReference,
): { edits: TextEdit[]; billing: string } {
  const edits = editor.replaceCode(line, offer.code);
  const info = reference.code(offer.code);
  const addOn = info?.lesion?.role === 'first' ? reference.addOnFor(info) : undefined;
  const extra = unitsOf(line) - 1;
  if (!addOn || extra < 1) {
    return { edits, billing: offer.label };
  }
  return {
    edits: [...edits, ...moveExtraUnitsToAddOn(claim, line, addOn, editor)],
    billing: `${offer.label} x1 + ${addOn.code} x${extra}`,
  };
}

function fixesFor(
  advice: Advice,
  claim: Claim,
  line: ServiceLine,
  { editor, reference }: RuleContext,
  cannotTell: boolean,
): QuickFix[] {
  const code = line.code.value;
  const condition = cannotTell && advice.action !== 'remove-duplicate' && advice.when ? `, if ${advice.when}` : '';
  switch (advice.action) {
    case 'replace':
      return advice.offers.map((offer) => {
        const { edits, billing } = replacement(claim, line, offer, editor, reference);
        return {
          title: `Replace ${code} with ${billing}${offer.anotherLesionThan ? ` for another lesion than ${offer.anotherLesionThan}'s` : ''}${condition}`,
          edits,
        };
      });
    case 'remove':
      // Taking a claim's only line leaves a claim with nothing to bill, which no payer accepts: the coder decides.
      if (advice.onlyLine) {
        return [];
      }
      return [
        {
          title: `Remove the ${code} line${condition || `: its work is in ${codeRanges(advice.includedIn)}`}`,
          edits: removeLineEdits(claim, line, editor),
        },
      ];
    case 'remove-duplicate':
      return [
        {
          title: `Remove the ${code} line, if ${advice.of} on this claim reports ${advice.lesion ? 'its lesion' : 'it'}`,
          edits: removeLineEdits(claim, line, editor),
        },
      ];
  }
}

/**
 * A HCPCS Level II code the CMS file (the edition for the date of service) marks terminated before that date:
 * deleted from the day after its termination date, the last day it may be billed. The file gives no successor,
 * so the message names none and no fix is offered.
 */
function terminatedHcpcsMessage(line: ServiceLine, claim: Claim, reference: CodeReference): string | undefined {
  const date = dateOfService(line, claim);
  const code = line.code.value;
  const set = date === undefined ? undefined : editionFor(reference.official.hcpcs, date);
  const terminated = set?.code(code)?.terminated;
  if (!set || date === undefined || terminated === undefined || date <= terminated) {
    return undefined;
  }
  return `${code} was terminated on ${terminated} (${set.label}): it cannot be billed for a date of service after that; check the HCPCS file or the payer for the code that replaced it.`;
}

export const deletedCodeRule: ClaimRule = {
  id: 'deleted-code',
  defaultSeverity: 'error',
  description:
    'A code that has been deleted from CPT, or a HCPCS code terminated before the date of service; the message says what replaced it, or which code now includes its work (remove the line).',
  check(claim, context) {
    const { reference } = context;
    const findings: Finding[] = [];
    let counts: Map<string, number> | undefined;
    for (const line of claim.lines) {
      const deleted = reference.code(line.code.value)?.deleted;
      if (!deleted) {
        const terminated =
          line.otherCodeList === undefined ? terminatedHcpcsMessage(line, claim, reference) : undefined;
        if (terminated) {
          findings.push({ ruleId: this.id, range: line.code.range, message: terminated });
        }
        continue;
      }
      counts ??= linesByCodeDateSide(claim);
      const billed = codesBilledBeside(claim, line, counts);
      const { successors, shownBy } = applicable(deleted, billed);
      const advice = successors.flatMap((successor) =>
        adviceFor(successor, shownBy, billed, reference, claim.lines.length === 1),
      );
      const cannotTell = successors.length > 1;
      const sentences = advice.map((a) => sentence(a, reference)).filter((text) => text.length > 0);
      const fixes = advice.flatMap((a) => fixesFor(a, claim, line, context, cannotTell));
      if (fixes.length === 1 && !cannotTell && fixes[0]) {
        fixes[0].preferred = true;
      }
      findings.push({
        ruleId: this.id,
        range: line.code.range,
        message: `${line.code.value} was deleted in ${deleted.year}${sentences.length > 0 ? `; ${sentences.join('; ')}` : ''}.`,
        fixes,
      });
    }
    return findings;
  },
};
