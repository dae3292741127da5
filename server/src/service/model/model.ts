/**
 * The claim model both file formats parse into (`.claim` and X12 837P):
 * claims, their headers and service lines, each field with the range it was
 * written at. Rules, hover and completion read this model, never the raw text.
 * For an 837 it also holds the interchange as read (`X12Structure`), by the
 * types of `x12/x12Types.ts`, which depend on nothing, so the model does not
 * depend on the lexer that reads it.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../x12/lineIndex';
import type { X12Interchange } from '../x12/x12Types';

export interface X12Structure {
  interchange: X12Interchange;
  lines: LineIndex;
}

/** A value read from the document, with the range of the text it came from. */
export interface Field<T> {
  value: T;
  range: Range;
}

/** The code set of a diagnosis: a `.claim` dx list is ICD-10-CM; an 837 says which by each HI code's qualifier. */
export type DiagnosisCodeSet = 'ICD-10-CM' | 'ICD-9-CM';

/** One code of a claim's diagnosis list. */
export interface Diagnosis {
  code: string;
  codeSet: DiagnosisCodeSet;
  range: Range;
}

/** A service line's pointer into its claim's diagnosis list. */
export interface DiagnosisPointer {
  /** As written: `A` or `1`. */
  text: string;
  /** Zero-based index into the claim's diagnoses, or -1 when the pointer is malformed. */
  index: number;
  range: Range;
}

export interface ServiceLine {
  /** The procedure code, upper-cased. */
  code: Field<string>;
  /** The code as written (to tell lower case apart). */
  codeText: string;
  modifiers: Field<string>[];
  /** The units token as written (`x2`, `x 2`); absent means 1 unit. */
  units?: Field<number>;
  /**
   * X12: where SV104 is written but holds no usable unit count (not a decimal number, or not above 0; the
   * parser or x12-element reports it). The line is billed as 1 unit, but SV104 is not empty.
   */
  unusableUnits?: Range;
  charge?: Field<number>;
  /** X12 SV103, the unit basis (`UN`, `MJ`); `.claim` lines have none. */
  unitBasis?: Field<string>;
  /**
   * X12 SV101-7, the description an unclassified code (J3490, 19499) needs: free text, so never quoted in a
   * message; `.claim` lines have none.
   */
  description?: Field<string>;
  /** X12 LIN03 of loop 2410 under LIN02 `N4`: the National Drug Code of a drug line; `.claim` lines have none. */
  ndc?: Field<string>;
  /**
   * X12 SV101-1 when it is not HC: the code is then the payer's or an industry list's own (ER, IV, WK),
   * not a CPT or HCPCS code, so the code rules do not read it. `.claim` codes are always HCPCS.
   */
  otherCodeList?: string;
  dxPointers: DiagnosisPointer[];
  /** Range of the `dx=` field as a whole, for hover and completion. */
  dxField?: Range;
  dos?: Field<string>;
  lesions?: Field<number>;
  pos?: Field<string>;
  /** The written part of the line, from the code to the last field. */
  range: Range;
  /** Where the code and its modifiers end: new units or modifiers go here. */
  afterModifiers: Range['end'];
}

export interface HeaderEntry {
  /** Lower-cased key. */
  key: Field<string>;
  value: Field<string>;
}

/**
 * Who a claim is for, as written: protected health information, so it is never logged, quoted in a message or
 * kept in an index except as a hash (`patientKey.ts`).
 */
export interface Patient {
  /** `.claim`: the `patient:` header as written; X12: `LAST, FIRST MIDDLE` from NM103-NM105. */
  name: string;
  /** X12 NM109 of the subscriber (loop 2010BA) when the subscriber is the patient; `.claim` files have none. */
  memberId?: string;
  /** X12 DMG02 (loop 2010BA or 2010CA) as YYYY-MM-DD; `.claim` files have none. */
  birthDate?: string;
}

export interface Claim {
  /** The `claim ID` token; absent for the unnamed claim before the first `claim` line. */
  id?: Field<string>;
  /** From the claim line (or the first content) to the last line of the claim. */
  range: Range;
  headers: HeaderEntry[];
  diagnoses: Diagnosis[];
  lesions?: Field<number>;
  dos?: Field<string>;
  pos?: Field<string>;
  /** X12 CLM02, the claim's total charge; `.claim` files have none. */
  totalCharge?: Field<number>;
  /** `.claim`: the `patient:` header; X12: the patient of the HL loops before the CLM (2010CA, else 2010BA). */
  patient?: Patient;
  lines: ServiceLine[];
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A problem found while parsing: the text does not have the shape the format requires. */
export interface ParseProblem {
  ruleId: string;
  message: string;
  range: Range;
  /** A replacement for the text at `range` that fixes the problem, when one is certain. */
  replacement?: string;
}

export type ClaimFileFormat = 'claim' | 'x12-837p';

/**
 * A `# claim-lint-disable-next-line RULE-ID` or `# claim-lint-disable RULE-ID`
 * comment: the rule ids it silences and the lines it covers (inclusive).
 */
export interface Suppression {
  ruleIds: Field<string>[];
  firstLine: number;
  lastLine: number;
}

export interface ClaimDocumentModel {
  format: ClaimFileFormat;
  /** For X12 files: the interchange as read, for envelope rules, hover and edits. */
  x12?: X12Structure;
  /** Claims in document order; their ranges do not overlap. */
  claims: Claim[];
  problems: ParseProblem[];
  /** Suppression comments, in document order (`.claim` files only). */
  suppressions?: Suppression[];
  /**
   * For models that read their claims on demand: visits each claim in order
   * without keeping it, and returns what reading found (the same as
   * `problems` and `suppressions`).
   */
  readClaims?(visit: (claim: Claim) => void): ClaimsRead;
  /**
   * The id of the claim a position is in (null outside claims), for models
   * that read claims on demand: answered from what validation read, without
   * reading the claims again.
   */
  claimIdAt?(position: Position): string | null;
}

export interface ClaimsRead {
  problems: ParseProblem[];
  suppressions?: Suppression[];
}

/** Units a line bills: written units, or 1 when none are written. */
export function unitsOf(line: ServiceLine): number {
  return line.units?.value ?? 1;
}
