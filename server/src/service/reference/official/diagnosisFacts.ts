/**
 * What the loaded ICD-10-CM code sets say about a claim's diagnoses: the
 * edition for the claim's date of service, a code's description and whether
 * it is billable, and the side its long description names. Hover, completion
 * and the diagnosis rules read diagnoses through here, so they agree.
 */
import { LastClaimMemo } from '../../model/claimMemo';
import type { Claim } from '../../model/model';
import type { CodeReference } from '../codeReference';
import { withDiagnosisPoint } from '../diagnosisCodeSets';
import { type DiagnosisCodeSet, type DiagnosisEntry, editionFor } from './officialData';

/**
 * The date a claim's diagnoses are coded for: the claim's date of service,
 * else the earliest of its lines' dates (one fiscal year's edition codes the
 * whole claim; a claim spanning October 1 is rare and its first date decides).
 */
export function diagnosisDateOf(claim: Claim | undefined): string | undefined {
  if (!claim) {
    return undefined;
  }
  if (claim.dos) {
    return claim.dos.value;
  }
  // The laterality rules ask for each diagnosis of each line: the earliest date is found once per claim, not
  // once per line, or a long claim without a claim date costs its length squared. Kept while the lines are.
  return earliestDates.get(claim, claim.lines.length, () => {
    let earliest: string | undefined;
    for (const line of claim.lines) {
      const date = line.dos?.value;
      if (date !== undefined && (earliest === undefined || date < earliest)) {
        earliest = date;
      }
    }
    return earliest;
  });
}

const earliestDates = new LastClaimMemo<string | undefined, number>();

/** The ICD-10-CM edition for a date (the latest without one), or undefined when none is loaded. */
export function diagnosisEdition(reference: CodeReference, date: string | undefined): DiagnosisCodeSet | undefined {
  return editionFor(reference.official.diagnoses, date);
}

/** `C50411` → `C50.411`, as text (and a `.claim` file) writes it. */
export function dotted(code: string): string {
  return withDiagnosisPoint(code, 'ICD-10-CM');
}

/** How many billable children a header code's message and fixes offer. */
export const childrenToOffer = 5;

/**
 * What a header code lacks, in words: "1 more character" when every billable
 * child is one longer, "1 to 4 more characters" otherwise.
 */
export function missingCharacters(header: string, children: readonly DiagnosisEntry[]): string {
  const lengths = children.map((child) => child.code.length - header.length);
  const fewest = Math.min(...lengths);
  const most = Math.max(...lengths);
  const count = fewest === most ? `${fewest}` : `${fewest} to ${most}`;
  return `${count} more character${most === 1 ? '' : 's'}`;
}

/** The markdown hover shows for an ICD-10-CM code with an edition loaded: description, edition, billable or not. */
export function diagnosisDescriptionMarkdown(code: string, set: DiagnosisCodeSet): string {
  const compact = code.toUpperCase().replace('.', '');
  const entry = set.lookup(compact);
  if (!entry) {
    return `Not a code of ${set.label}.`;
  }
  const description = `${entry.long} *(${set.label})*`;
  if (entry.billable) {
    return description;
  }
  const children = set.billableUnder(compact, childrenToOffer);
  const list = children.map((child) => `\`${dotted(child.code)}\``).join(', ');
  return `${description}\n\n**A header code, not billable**${
    children.length > 0 ? `: it needs ${missingCharacters(compact, children)}, e.g. ${list}.` : '.'
  }`;
}

/**
 * Words that follow "right" or "left" when they name a part of an organ, not
 * a side of the body: "left ventricular failure", "right bundle-branch
 * block", "left main coronary artery". A side modifier says nothing of those.
 */
const anatomicalNotSide = /\b(?:right|left)[\s-]+(?:ventric|atri|heart|bundle|main|coronary|sided heart|colon)/i;

/**
 * The side a code's official long description names: RT for "right", LT
 * for "left"; none for "bilateral", for both words, or for neither. Undefined
 * when the edition does not hold the code (the bundled table answers then).
 */
export function describedSide(set: DiagnosisCodeSet, code: string): { side: 'RT' | 'LT' | undefined } | undefined {
  const entry = set.lookup(code.toUpperCase().replace('.', ''));
  if (!entry) {
    return undefined;
  }
  const text = entry.long.toLowerCase();
  if (anatomicalNotSide.test(text) || /\bbilateral\b/.test(text)) {
    return { side: undefined };
  }
  const right = /\bright\b/.test(text);
  const left = /\bleft\b/.test(text);
  return { side: right === left ? undefined : right ? 'RT' : 'LT' };
}
