/**
 * The add-on rules written the straightforward way: for each add-on line,
 * scan the whole claim for its primaries. Quadratic, so the product does not
 * run it; the property test compares the product's indexed rules with it on
 * random claims. Wording is the rules' own, kept in step by that test.
 */
import type { Claim, ServiceLine } from '../../../server/src/service/model/model';
import type { CodeReference } from '../../../server/src/service/reference/codeReference';
import type { CodeInfo } from '../../../server/src/service/reference/codeTypes';
import { editionFor } from '../../../server/src/service/reference/official/officialData';
import { codeRanges } from '../../../server/src/service/text/wording';

export interface ReferenceFinding {
  line: number;
  message: string;
  severity?: string;
}

const dateOf = (line: ServiceLine, claim: Claim) => line.dos?.value ?? claim.dos?.value;
const compatible = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a === b;
const known = (claim: Claim, reference: CodeReference) =>
  claim.lines.flatMap((line) => {
    const info = line.otherCodeList === undefined ? reference.code(line.code.value) : undefined;
    return info ? [{ line, info }] : [];
  });

function primariesOf(claim: Claim, line: ServiceLine, addOn: CodeInfo, reference: CodeReference) {
  const primaries = addOn.addOnTo ?? [];
  const sameDate: ServiceLine[] = [];
  const otherDate: ServiceLine[] = [];
  const otherModality: CodeInfo[] = [];
  for (const { line: other, info } of known(claim, reference)) {
    if (primaries.includes(info.code)) {
      (compatible(dateOf(line, claim), dateOf(other, claim)) ? sameDate : otherDate).push(other);
    } else if (
      addOn.lesion &&
      info.lesion?.procedure === addOn.lesion.procedure &&
      info.lesion.role === 'first' &&
      info.modality !== addOn.modality &&
      !otherModality.includes(info)
    ) {
      otherModality.push(info);
    }
  }
  const wrongModality = sameDate.length === 0 && otherDate.length === 0 && otherModality.length > 0;
  return { sameDate, otherDate, otherModality, wrongModality };
}

const withModality = (info: CodeInfo) => (info.modality ? `${info.code} (${info.modality})` : info.code);

export function referenceWrongModality(claim: Claim, reference: CodeReference): ReferenceFinding[] {
  const findings: ReferenceFinding[] = [];
  for (const [i, line] of claim.lines.entries()) {
    const info = reference.code(line.code.value);
    if (!info?.lesion || info.lesion.role !== 'additional' || info.deleted) {
      continue;
    }
    const found = primariesOf(claim, line, info, reference);
    if (!found.wrongModality) {
      continue;
    }
    const suggestions = [...new Set(found.otherModality.flatMap((present) => reference.addOnFor(present)?.code ?? []))];
    const advice =
      suggestions.length > 0
        ? ` For an additional lesion under that guidance report +${suggestions.join(' or +')}.`
        : '';
    findings.push({
      line: i,
      message: `+${withModality(info)} goes with ${(info.addOnTo ?? []).join(', ')}, which this claim lacks; the claim has ${found.otherModality.map(withModality).join(', ')}.${advice}`,
    });
  }
  return findings;
}

function isAddOn(line: ServiceLine, claim: Claim, reference: CodeReference): boolean {
  const date = dateOf(line, claim);
  const edits = editionFor(reference.official.addOns, date);
  const edit = edits?.edit(line.code.value, date ?? edits.applies.from ?? '9999-12-31');
  return edit !== undefined || reference.code(line.code.value)?.addOnTo !== undefined;
}

function listOf(primaries: readonly string[]): string {
  const sorted = [...primaries].sort();
  const more = sorted.length - 12;
  const named = codeRanges(sorted.slice(0, 12));
  return more > 0 ? `${named} and ${more} more` : named;
}

function cmsReference(
  claim: Claim,
  line: ServiceLine,
  reference: CodeReference,
): ReferenceFinding | 'none' | 'bundled' {
  const date = dateOf(line, claim);
  const edits = editionFor(reference.official.addOns, date);
  const edit = edits?.edit(line.code.value, date ?? edits.applies.from ?? '9999-12-31');
  if (!edits || !edit) {
    return 'bundled';
  }
  const code = line.code.value;
  const i = claim.lines.indexOf(line);
  const source = `CMS add-on edit type ${edit.type}, ${edits.label}`;
  if (edit.type === 2) {
    return {
      line: i,
      severity: 'information',
      message: `+${code} is an add-on code with no primary list (${source}): the payer decides which primary codes it goes with; check its policy.`,
    };
  }
  const primaryLines = claim.lines.filter((other) => other !== line && edit.primaries.includes(other.code.value));
  if (primaryLines.some((other) => compatible(date, dateOf(other, claim)))) {
    return 'none';
  }
  const bundled = reference.code(code);
  if (bundled?.addOnTo && primariesOf(claim, line, bundled, reference).wrongModality) {
    return 'none';
  }
  const needed = edit.primaries.length === 1 ? edit.primaries[0] : `one of ${listOf(edit.primaries)}`;
  const [otherDate] = primaryLines;
  if (otherDate) {
    return {
      line: i,
      message: `+${code} is an add-on code and needs ${needed} on the same date of service (${source}); ${otherDate.code.value} on this claim is on another date.`,
    };
  }
  const another =
    edit.type === 3 &&
    claim.lines.some(
      (other) => other !== line && compatible(date, dateOf(other, claim)) && !isAddOn(other, claim, reference),
    );
  return another
    ? {
        line: i,
        severity: 'warning',
        message: `+${code} is an add-on code whose listed primaries (${needed}) are not on this date of service (${source}): a contractor may accept another primary; check its policy.`,
      }
    : {
        line: i,
        message: `+${code} is an add-on code: report it with ${needed} on the same claim and date of service (${source}).`,
      };
}

export function referenceWithoutPrimary(claim: Claim, reference: CodeReference): ReferenceFinding[] {
  const findings: ReferenceFinding[] = [];
  for (const [i, line] of claim.lines.entries()) {
    if (line.otherCodeList !== undefined) {
      continue;
    }
    const cms = cmsReference(claim, line, reference);
    if (cms !== 'bundled') {
      if (cms !== 'none') {
        findings.push(cms);
      }
      continue;
    }
    const info = reference.code(line.code.value);
    if (!info?.addOnTo || info.deleted) {
      continue;
    }
    const found = primariesOf(claim, line, info, reference);
    if (found.sameDate.length > 0 || found.wrongModality) {
      continue;
    }
    const needed = info.addOnTo.length === 1 ? info.addOnTo[0] : `one of ${codeRanges(info.addOnTo)}`;
    const primaryInfo = info.addOnTo.length === 1 ? reference.code(info.addOnTo[0] ?? '') : undefined;
    const neededText = primaryInfo?.lesion
      ? `${primaryInfo.code}, the ${primaryInfo.modality ?? primaryInfo.lesion.procedure} first-lesion code,`
      : needed;
    const [otherDate] = found.otherDate;
    findings.push({
      line: i,
      message: otherDate
        ? `+${info.code} is an add-on code and needs ${needed} on the same date of service; ${otherDate.code.value} on this claim is on another date.`
        : `+${info.code} is an add-on code: report it with ${neededText} on the same claim.`,
    });
  }
  return findings;
}
