/**
 * Types of the reference data the language service reads: codes, their
 * relations and our own plain-language summaries. CPT descriptors are the
 * AMA's copyrighted text and never appear here; a licensed user loads their
 * own descriptor file through a `DescriptorSource` (see codeReference.ts).
 */

/** How a code is classified, derived from its shape (see codeShapes.ts). */
export type CodeKind = 'cpt1' | 'cpt2' | 'cpt3' | 'hcpcs';

/** Imaging guidance a code is defined for. */
export type Modality = 'mammographic' | 'stereotactic' | 'ultrasound' | 'mri';

/**
 * Procedures whose codes count lesions. Units of every modality of one
 * procedure add up to the documented lesion count (claim-format.md).
 */
export type LesionProcedure = 'localization' | 'biopsy' | 'excision';

/** A code's place in a lesion-counted family. */
interface LesionCounting {
  procedure: LesionProcedure;
  /** `first`: reported once per modality per session; `additional`: one unit per extra lesion. */
  role: 'first' | 'additional';
}

/**
 * What became of a deleted code's work, in one situation. `replace`: report
 * one of `codes` instead. `remove`: the work is now included in `codes` (the
 * line goes, since a replacement would bill that code twice).
 */
export interface Successor {
  action: 'replace' | 'remove';
  codes: string[];
  /**
   * The situation, in our words, as the message says it when the claim cannot
   * tell ("it guided a biopsy"). Absent on a successor that always applies, or
   * that applies only when `shownBy` shows it.
   */
  when?: string;
  /**
   * Codes that settle the situation: one of them on the claim for the same
   * date of service and side makes this the successor. Live or deleted codes,
   * in the bundled data or not.
   */
  shownBy?: string[];
}

/** A code no longer valid, with what became of its work. */
export interface DeletedCode {
  /** Year the code was deleted from CPT. */
  year: number;
  /**
   * What to report instead, in order: the first successor the claim shows
   * wins; when none is shown, every successor with a `when` (or with neither
   * `when` nor `shownBy`) is an option.
   */
  successors: Successor[];
  /** Our own words on what replaced it. */
  note: string;
  /** Where the successors come from and how sure they are (the detail is in docs/domain.md). */
  source: string;
  /** True where the source list is marked unverified in domain.md. */
  unverified?: boolean;
}

export interface CodeInfo {
  /** The code as written on a claim, e.g. `19283`. */
  code: string;
  /** Our own plain-language summary; never the official descriptor. */
  summary: string;
  /** Family name shown in hover, e.g. `Breast localization device placement`. */
  family: string;
  /** Imaging modality, for image-guided codes. */
  modality?: Modality;
  /** Present for codes whose units count lesions. */
  lesion?: LesionCounting;
  /** For an add-on code: the primary codes it may be reported with. */
  addOnTo?: string[];
  /** Where `addOnTo` comes from and how sure it is (the detail is in docs/domain.md); required with `addOnTo`. */
  addOnSource?: string;
  /** Present for deleted codes. */
  deleted?: DeletedCode;
  /** Coder-relevant notes in our own words (bundling, modifiers, units). */
  notes?: string[];
  /** Extra words completion matches on, besides the summary and family. */
  keywords?: string[];
}

export interface ModifierInfo {
  modifier: string;
  /** Our own short summary of when the modifier is used. */
  summary: string;
  /** Laterality modifiers say which side; distinct-service ones unbundle. */
  category: 'laterality' | 'distinct-service' | 'professional-technical' | 'repeat' | 'procedure' | 'payment' | 'other';
}
