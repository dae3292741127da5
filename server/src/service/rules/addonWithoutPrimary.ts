/**
 * An add-on code is paid only with one of its primaries for the same patient,
 * provider and date of service (CMS add-on edits, type 1): 19284 without 19283.
 *
 * With the CMS add-on code edit file loaded, every add-on code of the file is
 * checked by its edit in force on the line's date of service: types 1 and 3
 * need one of the listed primaries on the same date (type 3 lets a contractor
 * accept others, so with another procedure on that date it is a warning);
 * type 2 has no list, and the finding says the payer decides. A code the file
 * does not list, or any code without the file, is checked by the bundled
 * facts (the breast families, +38900, +77063, +99417).
 */
import { LastClaimMemo } from '../model/claimMemo';
import type { Claim, ServiceLine } from '../model/model';
import { editionFor, type AddOnEdit, type AddOnEdits } from '../reference/official/officialData';
import { codeRanges } from '../text/wording';
import { dateOfService, pointersOf } from './claimFacts';
import { findAddOnPrimaries, isWrongModality } from './addOnPrimaries';
import { type ClaimLineIndex, indexOfClaim, linesOnCompatibleDate } from './claimLineIndex';
import type { ClaimRule, Finding, QuickFix, RuleContext } from './ruleTypes';

/** Add-ons with more possible primaries than this get no insert fix: the coder must choose. */
const maxPrimariesToOffer = 3;

function insertPrimaryFixes(
  line: ServiceLine,
  primaries: readonly string[],
  editor: RuleContext['editor'],
): QuickFix[] {
  if (primaries.length > maxPrimariesToOffer) {
    return [];
  }
  return primaries.map((primary, i) => {
    const newLine = {
      code: primary,
      modifiers: line.modifiers.map((m) => m.value),
      units: 1,
      dxPointers: pointersOf(line),
      dos: line.dos?.value,
    };
    return {
      title: `Insert ${[primary, ...newLine.modifiers].join('-')} x1 above +${line.code.value}`,
      edits: editor.insertLine(line, 'before', newLine),
      preferred: i === 0,
    };
  });
}

/** A CMS add-on may list hundreds of primaries: a message names the first few, in ranges, and counts the rest. */
const maxPrimariesNamed = 12;

function primaryList(primaries: readonly string[]): string {
  const sorted = [...primaries].sort();
  const named = codeRanges(sorted.slice(0, maxPrimariesNamed));
  const more = sorted.length - maxPrimariesNamed;
  return more > 0 ? `${named} and ${more} more` : named;
}

/** The CMS edit of the line's code in force on its date (without a date, on the first day of the edition). */
function cmsEditOf(
  line: ServiceLine,
  claim: Claim,
  context: RuleContext,
): { edit: AddOnEdit; edits: AddOnEdits } | undefined {
  const date = dateOfService(line, claim);
  const edits = editionFor(context.reference.official.addOns, date);
  const edit = edits?.edit(line.code.value, date ?? edits.applies.from ?? '9999-12-31');
  return edits && edit ? { edit, edits } : undefined;
}

function numberOf(index: ClaimLineIndex, line: ServiceLine): number {
  return index.numberOf(line);
}

interface ProcedureCounts {
  context: RuleContext;
  all: number;
  undated: number;
  byDate: Map<string, number>;
}

/** Per claim, how many lines on each date (and with none) are not add-ons; counted on the first type 3 edit that asks. */
const proceduresByDate = new LastClaimMemo<ProcedureCounts, RuleContext>();

function isAddOnLine(line: ServiceLine, claim: Claim, context: RuleContext): boolean {
  return (
    cmsEditOf(line, claim, context) !== undefined || context.reference.code(line.code.value)?.addOnTo !== undefined
  );
}

/** The lines other than `line` on a date compatible with its own that are not add-ons. */
function proceduresOnCompatibleDate(claim: Claim, line: ServiceLine, context: RuleContext): number {
  const counts = proceduresByDate.get(claim, context, () => {
    const counted: ProcedureCounts = { context, all: 0, undated: 0, byDate: new Map() };
    for (const other of claim.lines) {
      const otherDate = dateOfService(other, claim);
      if (isAddOnLine(other, claim, context)) {
        continue;
      }
      counted.all += 1;
      if (otherDate === undefined) {
        counted.undated += 1;
      } else {
        counted.byDate.set(otherDate, (counted.byDate.get(otherDate) ?? 0) + 1);
      }
    }
    return counted;
  });
  const date = dateOfService(line, claim);
  const compatible = date === undefined ? counts.all : counts.undated + (counts.byDate.get(date) ?? 0);
  return compatible - (isAddOnLine(line, claim, context) ? 0 : 1);
}

function cmsFinding(
  line: ServiceLine,
  claim: Claim,
  { edit, edits }: { edit: AddOnEdit; edits: AddOnEdits },
  context: RuleContext,
): Omit<Finding, 'ruleId'> | undefined {
  const code = line.code.value;
  const source = `CMS add-on edit type ${edit.type}, ${edits.label}`;
  if (edit.type === 2) {
    return {
      range: line.code.range,
      severity: 'information',
      message: `+${code} is an add-on code with no primary list (${source}): the payer decides which primary codes it goes with; check its policy.`,
    };
  }
  const date = dateOfService(line, claim);
  const index = indexOfClaim(claim, context.reference);
  const self = line.code.value;
  // The listed codes to look up: the claim's distinct codes when fewer than the edit's list (which may hold hundreds).
  const listed = new Set(edit.primaries);
  const candidates = listed.size <= index.byCode.size ? listed : [...index.byCode.keys()].filter((c) => listed.has(c));
  let primaryLine: ServiceLine | undefined;
  for (const primary of candidates) {
    const lines = index.byCode.get(primary);
    // The line itself is no primary of its own, though its code may be listed.
    if (linesOnCompatibleDate(lines, date) - (primary === self ? 1 : 0) > 0) {
      return undefined;
    }
    const first = lines?.lines.find((other) => other !== line);
    if (first && (!primaryLine || numberOf(index, first) < numberOf(index, primaryLine))) {
      primaryLine = first;
    }
  }
  const bundled = context.reference.code(code);
  if (bundled?.addOnTo && isWrongModality(findAddOnPrimaries(claim, line, bundled, context.reference))) {
    return undefined; // addon-wrong-modality speaks about this line.
  }
  const needed = edit.primaries.length === 1 ? edit.primaries[0] : `one of ${primaryList(edit.primaries)}`;
  if (primaryLine) {
    return {
      range: line.code.range,
      message: `+${code} is an add-on code and needs ${needed} on the same date of service (${source}); ${primaryLine.code.value} on this claim is on another date.`,
    };
  }
  // Type 3: a contractor may accept a primary the file does not list; another procedure that day may be one.
  const anotherProcedure = edit.type === 3 && proceduresOnCompatibleDate(claim, line, context) > 0;
  return {
    range: line.code.range,
    message: anotherProcedure
      ? `+${code} is an add-on code whose listed primaries (${needed}) are not on this date of service (${source}): a contractor may accept another primary; check its policy.`
      : `+${code} is an add-on code: report it with ${needed} on the same claim and date of service (${source}).`,
    ...(anotherProcedure ? { severity: 'warning' as const } : {}),
    fixes: insertPrimaryFixes(line, edit.primaries, context.editor),
  };
}

function bundledFinding(line: ServiceLine, claim: Claim, context: RuleContext): Omit<Finding, 'ruleId'> | undefined {
  const { reference, editor } = context;
  const info = reference.code(line.code.value);
  if (!info?.addOnTo || info.deleted) {
    return undefined;
  }
  const primaries = findAddOnPrimaries(claim, line, info, reference);
  if (primaries.sameDate || isWrongModality(primaries)) {
    return undefined;
  }
  const needed = info.addOnTo.length === 1 ? info.addOnTo[0] : `one of ${codeRanges(info.addOnTo)}`;
  const primaryInfo = info.addOnTo.length === 1 ? reference.code(info.addOnTo[0] ?? '') : undefined;
  const neededText = primaryInfo?.lesion
    ? `${primaryInfo.code}, the ${primaryInfo.modality ?? primaryInfo.lesion.procedure} first-lesion code,`
    : needed;
  const otherDate = primaries.otherDate;
  const message = otherDate
    ? `+${info.code} is an add-on code and needs ${needed} on the same date of service; ${otherDate.code.value} on this claim is on another date.`
    : `+${info.code} is an add-on code: report it with ${neededText} on the same claim.`;
  return {
    range: line.code.range,
    message,
    fixes: otherDate ? [] : insertPrimaryFixes(line, info.addOnTo, editor),
  };
}

export const addOnWithoutPrimaryRule: ClaimRule = {
  id: 'addon-without-primary',
  defaultSeverity: 'error',
  description: 'An add-on code is on a claim without its primary code for the same date of service.',
  check(claim, context) {
    const findings: Finding[] = [];
    for (const line of claim.lines) {
      if (line.otherCodeList !== undefined) {
        continue;
      }
      const cms = cmsEditOf(line, claim, context);
      const finding = cms ? cmsFinding(line, claim, cms, context) : bundledFinding(line, claim, context);
      if (finding) {
        findings.push({ ruleId: this.id, ...finding });
      }
    }
    return findings;
  },
};
