/**
 * What an X12 transaction is, from the elements that say so: ST01 (the
 * transaction set: 837, 835, 270, ...), ST03 and GS08 (the implementation
 * guide: 005010X222A1, 005010X223A2, 004010X098A1, ...) and ISA12 (the
 * envelope's version, read only when neither names a guide). Only an 837P
 * professional claim under the 005010 guide gets the claim rules; anything
 * else is named, once, and not checked (`x12-not-837p`). The choices and
 * their reasons are in docs/x12-structure.md ("What files are checked").
 *
 * The lexer's model (`x12Transactions.ts`) and the CLI's stream both read a
 * transaction's identity here, and both report a refusal through
 * `RefusalRuns`, so a file checked whole and streamed says the same.
 */

/** The header elements that identify a transaction, as written ('' when absent). */
export interface TransactionHeaders {
  isa12: string;
  gs08: string;
  st01: string;
  st03: string;
}

export interface TransactionIdentity {
  /** True when the transaction gets the 837P rules. */
  checked: boolean;
  /** What it is, in a billing engineer's words, with an article: "an 837I institutional claim". */
  name: string;
  /** The implementation guide it names (ST03, else GS08), when that has the shape of one. */
  guide: string | undefined;
  /** The element that tells what it is: where a refusal is reported. */
  decidedBy: 'ST01' | 'ST03' | 'GS08';
}

/** The guide this product checks, and its errata the structure agrees with. */
export const checkedGuide = '005010X222A1';
/** 005010X222 (before the 2010 errata, A1) and 005010X222A2 (a later errata) read as X222A1 does. */
const professional5010 = /^005010X222(A1|A2)?$/;

/** Transaction sets other than the 837, by ST01. */
const otherTransactions: Readonly<Record<string, string>> = {
  '270': 'a 270 eligibility inquiry',
  '271': 'a 271 eligibility response',
  '275': 'a 275 patient information (attachment)',
  '276': 'a 276 claim status request',
  '277': 'a 277 claim status response',
  '278': 'a 278 services review (prior authorization)',
  '820': 'an 820 premium payment',
  '824': 'an 824 application advice',
  '834': 'an 834 benefit enrollment',
  '835': 'an 835 claim payment (remittance advice)',
  '997': 'a 997 functional acknowledgment',
  '999': 'a 999 implementation acknowledgment',
};

/** 837 guides other than the professional claim, by the part after the version (X223, X224, ...). */
const other837Guides: ReadonlyArray<{ pattern: RegExp; name: string }> = [
  { pattern: /^005010X223/, name: 'an 837I institutional claim' },
  { pattern: /^005010X224/, name: 'an 837D dental claim' },
  { pattern: /^005010X291/, name: 'an 837 professional predetermination of benefits' },
  { pattern: /^005010X298/, name: 'an 837 professional post-adjudicated claims data report (PACDR)' },
  { pattern: /^005010X299/, name: 'an 837 institutional post-adjudicated claims data report (PACDR)' },
  { pattern: /^005010X300/, name: 'an 837 dental post-adjudicated claims data report (PACDR)' },
  { pattern: /^004010X098/, name: 'a 4010 837P professional claim' },
  { pattern: /^004010X096/, name: 'a 4010 837I institutional claim' },
  { pattern: /^004010X097/, name: 'a 4010 837D dental claim' },
  { pattern: /^00[2-4]/, name: 'an 837 of an X12 version before 5010' },
];

/** A value worth quoting in a message: the short code shapes these elements hold, never free text. */
export function quotable(value: string): boolean {
  return /^[0-9A-Z]{1,12}$/.test(value);
}

export function identifyTransaction(headers: TransactionHeaders): TransactionIdentity {
  const st01 = headers.st01.trim();
  const st03 = headers.st03.trim();
  const gs08 = headers.gs08.trim();
  const version = st03 || gs08;
  const guide = quotable(version) ? version : undefined;
  const decidedBy = st03 ? 'ST03' : 'GS08';
  // An ST without ST01 is a broken 837 more likely than anything else: it is checked, and the structure rules tell.
  if (st01 !== '837' && st01 !== '') {
    const name =
      otherTransactions[st01] ??
      (/^\d{3}$/.test(st01) ? `an X12 ${st01} transaction` : 'a transaction whose ST01 is not 837');
    return { checked: false, name, guide, decidedBy: 'ST01' };
  }
  if (professional5010.test(version)) {
    return { checked: true, name: 'an 837P professional claim', guide, decidedBy };
  }
  const other = other837Guides.find(({ pattern }) => pattern.test(version));
  if (other) {
    return { checked: false, name: other.name, guide, decidedBy };
  }
  if (version === '') {
    // No guide named (GS08 and ST03 are required, and x12-envelope-ids says so): the envelope's version decides.
    const is5010 = headers.isa12.trim() === '00501' || headers.isa12.trim() === '';
    return is5010
      ? { checked: true, name: 'an 837P professional claim', guide, decidedBy }
      : { checked: false, name: 'an 837 of an X12 version before 5010', guide, decidedBy };
  }
  return { checked: false, name: 'an 837 under another implementation guide', guide, decidedBy };
}

/** The one message of a refusal: what the transaction is, and that it is not checked. */
export function refusalMessage(identity: TransactionIdentity): string {
  const named = identity.guide && identity.decidedBy !== 'ST01' ? ` (${identity.decidedBy} ${identity.guide})` : '';
  return `This is ${identity.name}${named}. Only 837P professional claims of the ${checkedGuide} guide are checked, so this transaction is not, nor any like it right after it.`;
}

/**
 * Which refused transactions get the finding: the first of each run of
 * consecutive refused transactions of one kind. A file of 500 institutional
 * transactions is told once; a file mixing 837P and 837I transactions is
 * told at each 837I run. Fed every transaction in order, checked or not.
 */
export class RefusalRuns {
  private previous: string | undefined;

  /** True when this transaction starts a new run of refused ones, so the refusal is reported on it. */
  startsRun(identity: TransactionIdentity): boolean {
    const key = identity.checked ? undefined : `${identity.name}|${identity.guide ?? ''}`;
    const starts = key !== undefined && key !== this.previous;
    this.previous = key;
    return starts;
  }
}
