/**
 * The official reference data (`reference/official/officialData.ts`) as small
 * in-memory tables, for tests of what the service does with them: a builder
 * `officialData({ ptp: [...], diagnoses: [...] })` makes one edition of each
 * kind given (open-ended unless `applies` says otherwise), and the `...Editions`
 * fields give several editions of a kind, for date-of-service tests. Codes are
 * HCPCS Level II or invented numbers (99901...), and every description is
 * written by us: never a CPT descriptor.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionList, Diagnostic } from 'vscode-languageserver-types';
import {
  type AddOnEdit,
  type AddOnEdits,
  type ClaimLanguageService,
  type ClaimSettings,
  type DateSpan,
  type DescriptorSource,
  type DiagnosisCodeSet,
  type DiagnosisEntry,
  type FeeSchedule,
  type FeeScheduleEntry,
  getLanguageService,
  type HcpcsCodeSet,
  type HcpcsEntry,
  type MueLimit,
  type MueTable,
  type OfficialData,
  type PtpEdit,
  type PtpEdits,
} from '../../server/src/service';

/** A description holds every word as the prefix of one of its words (case-insensitive), as the interface says. */
function matchesWords(description: string, words: string): boolean {
  const have = description.toLowerCase().split(/[^a-z0-9]+/);
  return words
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .every((word) => have.some((candidate) => candidate.startsWith(word)));
}

interface EditionSpec<T> {
  label?: string;
  applies?: DateSpan;
  entries: readonly T[];
}

function edition(kind: string, spec: EditionSpec<unknown>): { label: string; applies: DateSpan; source: string } {
  return { label: spec.label ?? `${kind} test`, applies: spec.applies ?? {}, source: `${kind}-test.txt` };
}

export function diagnosisCodeSet(spec: EditionSpec<DiagnosisEntry>): DiagnosisCodeSet {
  const sorted = [...spec.entries].sort((a, b) => a.code.localeCompare(b.code));
  const byCode = new Map(sorted.map((entry) => [entry.code, entry]));
  return {
    ...edition('ICD-10-CM', spec),
    kind: 'icd10cm',
    lookup: (code) => byCode.get(code.replace('.', '')),
    billableUnder: (header, limit) =>
      sorted
        .filter((entry) => entry.billable && entry.code.startsWith(header) && entry.code !== header)
        .slice(0, limit),
    search: (words, limit) => sorted.filter((entry) => matchesWords(entry.long, words)).slice(0, limit),
    billableCount: sorted.filter((entry) => entry.billable).length,
  };
}

export function hcpcsCodeSet(spec: EditionSpec<HcpcsEntry> & { modifiers?: readonly HcpcsEntry[] }): HcpcsCodeSet {
  const byCode = new Map(spec.entries.map((entry) => [entry.code, entry]));
  const byModifier = new Map((spec.modifiers ?? []).map((entry) => [entry.code, entry]));
  return {
    ...edition('HCPCS', spec),
    kind: 'hcpcs',
    code: (code) => byCode.get(code),
    modifier: (modifier) => byModifier.get(modifier),
    search: (words, limit) => spec.entries.filter((entry) => matchesWords(entry.long, words)).slice(0, limit),
    codeCount: byCode.size,
  };
}

/** A PTP edit; `rationale` and `effective` default to an invented rationale and 2020-01-01. */
export type PtpRow = Pick<PtpEdit, 'column1' | 'column2' | 'indicator'> & Partial<PtpEdit>;

export function ptpEdits(spec: EditionSpec<PtpRow>): PtpEdits {
  const rows: PtpEdit[] = spec.entries.map((row) => ({ effective: '2020-01-01', rationale: 'Test rationale', ...row }));
  return {
    ...edition('PTP', spec),
    kind: 'ptp',
    edit: (column1, column2, date) =>
      rows.find(
        (row) =>
          row.column1 === column1 &&
          row.column2 === column2 &&
          row.effective <= date &&
          (row.deleted === undefined || date <= row.deleted),
      ),
    size: rows.length,
  };
}

/** An add-on edit row: the add-on, its type, and its primaries with the dates each pairing is in force. */
export interface AddOnRow {
  addOn: string;
  type: AddOnEdit['type'];
  primaries?: ReadonlyArray<string | { code: string; effective?: string; deleted?: string }>;
  notes?: string[];
}

export function addOnEdits(spec: EditionSpec<AddOnRow>): AddOnEdits {
  const byAddOn = new Map(spec.entries.map((row) => [row.addOn, row]));
  return {
    ...edition('Add-on', spec),
    kind: 'add-on',
    edit: (addOn, date) => {
      const row = byAddOn.get(addOn);
      if (!row) {
        return undefined;
      }
      const primaries = (row.primaries ?? [])
        .map((primary) => (typeof primary === 'string' ? { code: primary } : primary))
        .filter((p) => (p.effective ?? '') <= date && (p.deleted === undefined || date <= p.deleted))
        .map((p) => p.code);
      if (row.type !== 2 && primaries.length === 0) {
        return undefined;
      }
      return { addOn, type: row.type, primaries, notes: row.notes ?? [] };
    },
    size: byAddOn.size,
  };
}

/** A fee-schedule row; indicators default to 0 and global days to `XXX`. */
export type FeeRow = Pick<FeeScheduleEntry, 'code'> & Partial<FeeScheduleEntry>;

export function feeSchedule(spec: EditionSpec<FeeRow>): FeeSchedule {
  const rows = new Map(
    spec.entries.map((row): [string, FeeScheduleEntry] => {
      const entry: FeeScheduleEntry = {
        modifier: '',
        status: 'A',
        pcTc: 0,
        globalDays: 'XXX',
        multipleProcedure: 0,
        bilateral: 0,
        assistant: 0,
        coSurgeon: 0,
        teamSurgery: 0,
        ...row,
      };
      return [`${entry.code}|${entry.modifier}`, entry];
    }),
  );
  return {
    ...edition('PFS', spec),
    kind: 'pfs',
    entry: (code, modifier = '') => rows.get(`${code}|${modifier}`),
    size: rows.size,
  };
}

export function mueTable(spec: EditionSpec<MueLimit>): MueTable {
  const rows = new Map(spec.entries.map((row) => [row.code, row]));
  return { ...edition('MUE', spec), kind: 'mue', limit: (code) => rows.get(code), size: rows.size };
}

export interface OfficialDataSpec {
  diagnoses?: readonly DiagnosisEntry[];
  diagnosisEditions?: ReadonlyArray<EditionSpec<DiagnosisEntry>>;
  hcpcs?: readonly HcpcsEntry[];
  /** The modifiers of every HCPCS edition. */
  hcpcsModifiers?: readonly HcpcsEntry[];
  hcpcsEditions?: ReadonlyArray<EditionSpec<HcpcsEntry>>;
  ptp?: readonly PtpRow[];
  ptpEditions?: ReadonlyArray<EditionSpec<PtpRow>>;
  addOns?: readonly AddOnRow[];
  fees?: readonly FeeRow[];
  mue?: readonly MueLimit[];
  mueEditions?: ReadonlyArray<EditionSpec<MueLimit>>;
}

export function officialData(spec: OfficialDataSpec): OfficialData {
  const one = <T>(entries: readonly T[] | undefined): Array<EditionSpec<T>> => (entries ? [{ entries }] : []);
  return {
    diagnoses: [...(spec.diagnosisEditions ?? []), ...one(spec.diagnoses)].map(diagnosisCodeSet),
    hcpcs: [
      ...(spec.hcpcsEditions ?? []).map((e) => hcpcsCodeSet({ ...e, modifiers: spec.hcpcsModifiers })),
      ...one(spec.hcpcs).map((e) => hcpcsCodeSet({ ...e, modifiers: spec.hcpcsModifiers })),
    ],
    ptp: [...(spec.ptpEditions ?? []), ...one(spec.ptp)].map(ptpEdits),
    addOns: one(spec.addOns).map(addOnEdits),
    mue: [...(spec.mueEditions ?? []), ...one(spec.mue)].map(mueTable),
    feeSchedules: one(spec.fees).map(feeSchedule),
    files: [],
  };
}

/** A language service with the data loaded (and licensed descriptor files, when given). */
export function serviceWith(spec: OfficialDataSpec, descriptorSources?: readonly DescriptorSource[]) {
  return getLanguageService({ officialData: officialData(spec), descriptorSources });
}

let documentCount = 0;

/** A `.claim` document, or an 837 when the text starts with ISA. */
export function documentOf(text: string): TextDocument {
  documentCount += 1;
  const x12 = text.startsWith('ISA');
  return TextDocument.create(
    `file:///official/doc${documentCount}.${x12 ? '837' : 'claim'}`,
    x12 ? 'x12' : 'claim',
    1,
    text,
  );
}

export function validateWith(service: ClaimLanguageService, text: string, settings?: ClaimSettings): Diagnostic[] {
  const document = documentOf(text);
  return service.doValidation(document, service.parse(document), settings);
}

/** Diagnostics of one rule only. */
export function findingsOf(service: ClaimLanguageService, text: string, ruleId: string): Diagnostic[] {
  return validateWith(service, text).filter((d) => d.code === ruleId);
}

/** The quick fixes offered for one rule's diagnostics in the whole text: each one's title, the text it makes, and whether it is preferred. */
export function fixesOf(
  service: ClaimLanguageService,
  text: string,
  ruleId: string,
): Array<{ title: string; fixed: string; preferred: boolean }> {
  const document = documentOf(text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  return service
    .getCodeActions(document, model, whole, { diagnostics })
    .filter((action) => action.diagnostics?.some((d) => d.code === ruleId))
    .map((action) => ({
      title: action.title,
      fixed: TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []),
      preferred: action.isPreferred === true,
    }));
}

/** Completion at the `|` of the text (the `|` removed), as a `.claim` document or an 837. */
export function completeAt(service: ClaimLanguageService, textWithCursor: string): CompletionList {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const document = documentOf(text);
  return service.doComplete(document, service.parse(document), document.positionAt(offset));
}
