/**
 * The two diagnosis code sets a claim can carry (domain.md, "Code shapes"):
 * ICD-10-CM, and ICD-9-CM, which HIPAA allowed for services before the
 * ICD-10 compliance date. An 837 says which one each HI code is by its
 * qualifier (`x12/segmentDictionary.ts`); a `.claim` dx list is ICD-10-CM.
 */
import type { DiagnosisCodeSet } from '../model/model';
import { icd10Pattern } from './codeShapes';

/**
 * The HIPAA ICD-10 compliance date (45 CFR 162.1002, as moved by the final
 * rule of 2014): services on or after it are coded in ICD-10-CM, earlier
 * services in ICD-9-CM. YYYY-MM-DD, so dates of service compare as text.
 */
export const icd10RequiredFrom = '2015-10-01';

/**
 * ICD-9-CM diagnosis codes: 3 digits and up to 2 more; V and 2 digits and up
 * to 2 more; E and 3 digits and up to 1 more. The point (after the third digit,
 * after E and 3 digits) is allowed here so that `x12-icd-decimal` reports it
 * with its fix rather than calling the code malformed.
 */
export const icd9Pattern = /^(?:\d{3}(?:\.?\d{1,2})?|V\d{2}(?:\.?\d{1,2})?|E\d{3}(?:\.?\d)?)$/;

/** Whether an upper-case code has the shape of its code set. */
export function hasDiagnosisShape(code: string, codeSet: DiagnosisCodeSet): boolean {
  return (codeSet === 'ICD-9-CM' ? icd9Pattern : icd10Pattern).test(code);
}

/** What a code of the set looks like, for messages. */
export function diagnosisShapeText(codeSet: DiagnosisCodeSet): string {
  return codeSet === 'ICD-9-CM'
    ? '3 digits and up to 2 more (e.g. 1749), V and 2 digits and up to 2 more (V7612), or E and 3 digits and up to 1 more (E8889)'
    : 'a letter, a digit, a letter or digit, then up to 4 more (e.g. C50411)';
}

/** A well-shaped code without its point as text writes it: the point after the third character, or after E and 3 digits. */
export function withDiagnosisPoint(code: string, codeSet: DiagnosisCodeSet): string {
  if (code.includes('.') || !hasDiagnosisShape(code, codeSet)) {
    return code;
  }
  const head = codeSet === 'ICD-9-CM' && code.startsWith('E') ? 4 : 3;
  return code.length > head ? `${code.slice(0, head)}.${code.slice(head)}` : code;
}
