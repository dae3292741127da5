/**
 * The official reference data a user loads from their own downloads (issue
 * 17): ICD-10-CM and HCPCS Level II code sets, NCCI procedure-to-procedure
 * (PTP) and add-on code edits, the practitioner MUE table and the Physician
 * Fee Schedule's PPRRVU indicators. The service only sees these interfaces:
 * the importers (`server/src/referenceData/`, outside the service, since they
 * read zips and files) build tables that implement them, and rules ask the
 * edition that applies to a claim's date of service. Nothing here is bundled:
 * with no folder loaded, `OfficialData` is empty and the rules that need it
 * are silent.
 *
 * Dates are ISO `YYYY-MM-DD` strings (they compare as text); codes are
 * upper case, diagnosis codes without their dot.
 */

/** Dates of service an edition or an edit applies to, both ends inclusive; an absent end is open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

/** What every loaded table says about itself. */
export interface Edition {
  /** As the status bar shows it: "ICD-10-CM FY2026", "PTP 2026 Q3". */
  readonly label: string;
  /** The dates of service it is the edition for. */
  readonly applies: DateSpan;
  /** The file (or zip member) it came from, for `--data-info` and messages. */
  readonly source: string;
}

export interface DiagnosisEntry {
  /** Without the dot: `C50411`. */
  code: string;
  /** False for a header (category or subcategory) code, which a claim may not carry. */
  billable: boolean;
  short: string;
  long: string;
}

/** One fiscal year's ICD-10-CM order file (October 1 to September 30). */
export interface DiagnosisCodeSet extends Edition {
  readonly kind: 'icd10cm';
  lookup(code: string): DiagnosisEntry | undefined;
  /** The billable codes under a header code, in code order, at most `limit`. */
  billableUnder(header: string, limit: number): DiagnosisEntry[];
  /**
   * Codes whose descriptions hold every word (case-insensitive prefixes), billable and shorter first, at most
   * `limit`; a query that is the beginning of a code (`C50.4`) lists the codes it begins first, in code order.
   */
  search(words: string, limit: number): DiagnosisEntry[];
  readonly billableCount: number;
}

export interface HcpcsEntry {
  code: string;
  long: string;
  short: string;
  /** The first date the code may be billed, when the file gives one. */
  added?: string;
  /** The last date the code may be billed (the file's termination date), when it is terminated. */
  terminated?: string;
}

/** One release of the CMS HCPCS Level II alpha-numeric file: codes and modifiers. */
export interface HcpcsCodeSet extends Edition {
  readonly kind: 'hcpcs';
  code(code: string): HcpcsEntry | undefined;
  modifier(modifier: string): HcpcsEntry | undefined;
  /** As `DiagnosisCodeSet.search`: codes in force before terminated ones; a code beginning (`G02`) lists its codes first. */
  search(words: string, limit: number): HcpcsEntry[];
  readonly codeCount: number;
}

/** 0: no modifier bypasses the edit; 1: an NCCI-associated modifier may; 9: not applicable (deleted edit). */
export type PtpModifierIndicator = 0 | 1 | 9;

export interface PtpEdit {
  column1: string;
  column2: string;
  effective: string;
  /** The last date the edit applies, when deleted. */
  deleted?: string;
  indicator: PtpModifierIndicator;
  rationale: string;
}

/** One quarter's practitioner PTP edits (its four files together). Each edit carries its own dates. */
export interface PtpEdits extends Edition {
  readonly kind: 'ptp';
  /** The edit of this pair in force on the date, or undefined. Constant time. */
  edit(column1: string, column2: string, dateOfService: string): PtpEdit | undefined;
  readonly size: number;
}

/** 1: only the listed primaries; 2: the contractor decides (no list); 3: the listed ones, and others a contractor accepts. */
export type AddOnEditType = 1 | 2 | 3;

export interface AddOnEdit {
  addOn: string;
  type: AddOnEditType;
  /** The primaries whose pairing is in force on the date asked for (empty for type 2). */
  primaries: readonly string[];
  /** The file's special instruction notes, when any. */
  notes: readonly string[];
}

/** One quarter's NCCI add-on code edits. */
export interface AddOnEdits extends Edition {
  readonly kind: 'add-on';
  /** The add-on's edit in force on the date, or undefined when the code is not an add-on then. */
  edit(addOn: string, dateOfService: string): AddOnEdit | undefined;
  readonly size: number;
}

/** 1: per line; 2: per day, absolute (policy); 3: per day, clinical (appealable). */
export type MueAdjudicationIndicator = 1 | 2 | 3;

export interface MueLimit {
  code: string;
  value: number;
  indicator: MueAdjudicationIndicator;
  rationale: string;
}

/** One quarter's practitioner MUE table. */
export interface MueTable extends Edition {
  readonly kind: 'mue';
  limit(code: string): MueLimit | undefined;
  readonly size: number;
}

/** `000`, `010`, `090`: postoperative days; the others: not a global-surgery code in that sense. */
export type GlobalDays = '000' | '010' | '090' | 'MMM' | 'XXX' | 'YYY' | 'ZZZ';

/** The PPRRVU indicators of one code (and modifier: blank, 26, TC or 53). Numbers are the file's digits. */
export interface FeeScheduleEntry {
  code: string;
  modifier: string;
  status: string;
  pcTc: number;
  globalDays: GlobalDays | undefined;
  multipleProcedure: number;
  /** 0: no 150%; 1: 150% for 50, RT+LT or 2 units; 2: already bilateral; 3: each side at 100%; 9: not applicable. */
  bilateral: number;
  assistant: number;
  coSurgeon: number;
  teamSurgery: number;
}

/** One release of the Physician Fee Schedule PPRRVU file. */
export interface FeeSchedule extends Edition {
  readonly kind: 'pfs';
  /** The row of the code with that modifier (blank: the global row). */
  entry(code: string, modifier?: string): FeeScheduleEntry | undefined;
  readonly size: number;
}

export type OfficialTable = DiagnosisCodeSet | HcpcsCodeSet | PtpEdits | AddOnEdits | MueTable | FeeSchedule;
export type OfficialKind = OfficialTable['kind'];

/** What became of one file of the data folder, for the status bar and `claim-lint --data-info`. */
export interface LoadedFileReport {
  file: string;
  /** What the file was recognised as, when it was. */
  kind?: OfficialKind | 'cpt-descriptors';
  /** The edition's label, when it loaded. */
  edition?: string;
  rows?: number;
  /** Why it was not used, or what of it was not understood, as a sentence. */
  problem?: string;
}

/** Every table loaded from the data folder, each kind's editions in date order. */
export interface OfficialData {
  readonly diagnoses: readonly DiagnosisCodeSet[];
  readonly hcpcs: readonly HcpcsCodeSet[];
  readonly ptp: readonly PtpEdits[];
  readonly addOns: readonly AddOnEdits[];
  readonly mue: readonly MueTable[];
  readonly feeSchedules: readonly FeeSchedule[];
  readonly files: readonly LoadedFileReport[];
}

export const noOfficialData: OfficialData = {
  diagnoses: [],
  hcpcs: [],
  ptp: [],
  addOns: [],
  mue: [],
  feeSchedules: [],
  files: [],
};

/**
 * The edition for a date of service: the latest whose span holds it (an
 * importer may leave an edition's end open, so an older edition's span can
 * hold a date a newer one starts before: the newer one is the edition then);
 * else the latest that starts before it (a user who has not downloaded this
 * quarter's file yet still gets last quarter's); else the earliest. Without
 * a date, the latest. `editions` are in date order.
 */
export function editionFor<T extends Edition>(
  editions: readonly T[],
  dateOfService: string | undefined,
): T | undefined {
  if (editions.length === 0) {
    return undefined;
  }
  if (dateOfService === undefined) {
    return editions.at(-1);
  }
  const holding = editions
    .filter(
      (edition) =>
        (edition.applies.from === undefined || edition.applies.from <= dateOfService) &&
        (edition.applies.to === undefined || dateOfService <= edition.applies.to),
    )
    .at(-1);
  if (holding) {
    return holding;
  }
  const started = editions.filter((edition) => (edition.applies.from ?? '') <= dateOfService);
  return started.at(-1) ?? editions[0];
}
