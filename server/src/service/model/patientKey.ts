/**
 * Telling that two claims, perhaps in different files and formats, are for
 * the same person. A `.claim` file names its patient in free text
 * (`patient: DOE, JANE`), an 837 in NM1 elements (last, first, middle) with a
 * member id and a birth date; the key is what both can give alike:
 *
 * - the name, upper-cased, accents and punctuation dropped, spaces collapsed,
 *   as `LAST,FIRST` where `FIRST` is the first word after the comma (middle
 *   names and initials are written one way on one claim and not at all on
 *   the next, so they are left out); a name without a comma is all last name,
 *   as the `.claim`-to-837 conversion writes it into NM103;
 * - the member id (upper-cased, spaces and hyphens dropped) and the birth
 *   date, compared only when both claims have them: two subscribers of one
 *   name with different member ids are different people.
 *
 * A patient's identity is protected health information: only a hash of each
 * part is kept (`PatientKey`), so an index of claims by patient holds no name.
 */
import type { Patient } from './model';

/** Hashes of the parts of a patient's identity (`patientKeyOf`). */
export interface PatientKey {
  name: string;
  memberId?: string;
  birthDate?: string;
}

function cleaned(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9\s]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The name as the key compares it: `LAST,FIRST`; empty when nothing is left of it. */
export function normalisedName(name: string): string {
  const comma = name.indexOf(',');
  const last = cleaned(comma === -1 ? name : name.slice(0, comma));
  const first = comma === -1 ? '' : (cleaned(name.slice(comma + 1)).split(' ')[0] ?? '');
  return last === '' && first === '' ? '' : `${last},${first}`;
}

/**
 * A 53-bit string hash (cyrb53, public domain): the service may not use Node's crypto, and the hash only has to
 * tell a workspace's patients apart, not resist an attacker who has the claim files anyway.
 */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The hashed key of a patient; undefined when the name has nothing to compare. */
export function patientKeyOf(patient: Patient): PatientKey | undefined {
  const name = normalisedName(patient.name);
  if (name === '') {
    return undefined;
  }
  const key: PatientKey = { name: textHash(name) };
  const memberId = patient.memberId?.toUpperCase().replace(/[\s-]/g, '');
  if (memberId) {
    key.memberId = textHash(memberId);
  }
  if (patient.birthDate) {
    key.birthDate = textHash(patient.birthDate);
  }
  return key;
}

/** Same name, and the same member id and birth date where both keys have one. */
export function samePatient(a: PatientKey, b: PatientKey): boolean {
  const agree = (x: string | undefined, y: string | undefined) => x === undefined || y === undefined || x === y;
  return a.name === b.name && agree(a.memberId, b.memberId) && agree(a.birthDate, b.birthDate);
}
