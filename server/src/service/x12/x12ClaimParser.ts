/**
 * X12 837P to the claim model: a claim is a CLM loop (2300) with its HI
 * diagnoses, a service line is an SV1 (loop 2400) with its DTP*472 date and
 * the NDC of its drug identification (LIN, loop 2410). Each claim's patient
 * is the one named in the HL loops before its CLM: the patient (2010CA,
 * NM1*QC) when there is a 2000C loop, else the subscriber (2010BA, NM1*IL,
 * with the member id) and the DMG birth date after either. The
 * same rules as for `.claim` files then read it; ranges are on the exact
 * element or component, also in one-line files.
 */
import { codeKindOf, modifierPattern } from '../reference/codeShapes';
import { decimalValue } from './elementValues';
import { diagnosisShapeText, hasDiagnosisShape, icd10RequiredFrom } from '../reference/diagnosisCodeSets';
import { OnDemandClaims } from '../model/onDemandClaims';
import type {
  Claim,
  ClaimDocumentModel,
  ClaimsRead,
  DiagnosisPointer,
  Field,
  ParseProblem,
  Patient,
  ServiceLine,
  X12Structure,
} from '../model/model';
import { allClaimSpans, type ClaimSpan, endsClaim, maxSegmentScan } from './claimSpans';
import { diagnosisCodeSets } from './segmentDictionary';
import { CappedProblems, type ProblemSink, reportProblem } from '../model/problemLimits';
import { LineIndex } from './lineIndex';
import { OffsetDiagnosis, OffsetField, OffsetPointer, X12ServiceLine } from './offsetRanges';
import { ElementCursor } from './elementCursor';
import { allDigits } from './elementValues';
import { lexInterchange } from './x12Lexer';
import { x12Transactions } from './x12Transactions';
import type { X12Segment, X12Segments, X12Separators, X12Span } from './x12Types';
import { keepShapeOf } from '../model/keptShapes';

const maxPointers = 4;
/** The segments that name a patient, read only outside a claim (inside one, NM1*IL is loop 2330A's other subscriber). */
const patientSegmentIds = new Set(['NM1', 'DMG']);

/** The patient an NM1 names: the subscriber (IL, with NM109 when NM108 is MI) or the patient (QC); else undefined. */
function patientOf(segment: X12Segment): Patient | undefined {
  const [entity, , last, first, middle, , , idQualifier, id] = segment.elements;
  if ((entity?.text !== 'IL' && entity?.text !== 'QC') || !last || last.text === '') {
    return undefined;
  }
  const given = [first?.text ?? '', middle?.text ?? ''].filter((part) => part !== '').join(' ');
  const patient: Patient = { name: given === '' ? last.text : `${last.text}, ${given}` };
  if (entity.text === 'IL' && idQualifier?.text === 'MI' && id && id.text !== '') {
    patient.memberId = id.text;
  }
  return patient;
}

/** DMG*D8*CCYYMMDD as an ISO date; undefined when the segment says no date that way. */
function birthDateOf(segment: X12Segment): string | undefined {
  const [format, value] = segment.elements;
  const match = format?.text === 'D8' ? /^(\d{4})(\d{2})(\d{2})$/.exec(value?.text ?? '') : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/** The text at [from, to) starts with `count` digits (CCYYMMDD), checked in place: every line has a date. */
/** SV101's four modifier places (SV101-3 to SV101-6) are written and SV101-7 has a modifier's shape: a fifth modifier. */
function fifthModifier(parts: ElementCursor): boolean {
  for (let n = 3; n <= 6; n++) {
    if (parts.isEmpty(n)) {
      return false;
    }
  }
  return parts.has(7) && modifierPattern.test(parts.textOf(7).toUpperCase());
}

function startsWithDigits(text: string, from: number, to: number, count: number): boolean {
  return to - from >= count && allDigits(text, from, from + count);
}

/** What the reader does with a segment, by its id (`actionOf`); the last three end the open claim (`endsClaim`). */
const enum Action {
  Pass,
  Transaction,
  Diagnoses,
  LineNumber,
  ServiceLine,
  Date,
  Drug,
  PatientName,
  BirthDate,
  EndsClaim,
  Level,
  Claim,
}

function actionOf(id: string | undefined): Action {
  switch (id) {
    case 'CLM':
      return Action.Claim;
    case 'ST':
      return Action.Transaction;
    case 'HI':
      return Action.Diagnoses;
    case 'LX':
      return Action.LineNumber;
    case 'SV1':
      return Action.ServiceLine;
    case 'DTP':
      return Action.Date;
    case 'LIN':
      return Action.Drug;
    case 'NM1':
      return Action.PatientName;
    case 'DMG':
      return Action.BirthDate;
    case 'HL':
      return Action.Level;
    default:
      return endsClaim(id) ? Action.EndsClaim : Action.Pass;
  }
}

/** A reader's cursors: over a segment's elements, and over one element's components. */
interface ReaderCursors {
  elements: ElementCursor;
  parts: ElementCursor;
}

function readerCursors(text: string, separators: X12Separators): ReaderCursors {
  return {
    elements: new ElementCursor(text, separators.element.charCodeAt(0)),
    parts: new ElementCursor(text, separators.component.charCodeAt(0)),
  };
}

class X12ClaimReader {
  private claim: Claim | undefined;
  private line: ServiceLine | undefined;
  /** The open claim's well-shaped ICD-9-CM codes and their qualifiers: whether they are allowed depends on dates read later. */
  private icd9: Array<{ diagnosis: OffsetDiagnosis; qualifier: string }> = [];
  /** Where the open claim's last segment ends; its range is set when it closes. */
  private claimEnd = 0;
  /** The patient of the HL loop being read: set by its NM1*IL or NM1*QC, cleared by the next HL. */
  private patient: Patient | undefined;
  /**
   * Whether the HL loop's birth date is read. Once the loop's patient is named, its other NM1s (the payer's) are not
   * made into objects, nor a DMG once this is set: making them would cost the reader a tenth of its time.
   */
  private patientDone = false;
  private readonly lines: LineIndex;
  private readonly problems: ProblemSink;
  /** The segment being read: problems are limited per segment (`problemLimits.ts`). */
  private ordinal = 0;
  /** The elements of the segment being read. */
  private readonly elements: ElementCursor;
  /** The components of one of its elements. */
  private readonly parts: ElementCursor;

  constructor(
    lines: LineIndex,
    text: string,
    separators: X12Separators,
    problems: ProblemSink,
    private readonly visit: (claim: Claim) => void,
    cursors: ReaderCursors = readerCursors(text, separators),
  ) {
    this.lines = lines;
    this.problems = problems;
    this.elements = cursors.elements;
    this.parts = cursors.parts;
  }

  private field<T>(value: T, span: X12Span): Field<T> {
    return new OffsetField(value, span.start, span.end, this.lines);
  }

  /** A field of element (or part) `n` of the cursor, which must be there. */
  private fieldAt<T>(value: T, cursor: ElementCursor, n: number): Field<T> {
    return new OffsetField(value, cursor.startOf(n), cursor.endOf(n), this.lines);
  }

  /** Reports at element (or part) `n` of the cursor, which must be there. */
  private reportAt(ruleId: string, message: string, cursor: ElementCursor, n: number, replacement?: string): void {
    this.report(ruleId, message, { start: cursor.startOf(n), end: cursor.endOf(n) }, replacement);
  }

  private report(ruleId: string, message: string, span: { start: number; end: number }, replacement?: string): void {
    const range = this.lines.range(span.start, Math.max(span.end, span.start + 1));
    reportProblem(this.problems, this.ordinal, range, () =>
      replacement === undefined ? { ruleId, message } : { ruleId, message, replacement },
    );
  }

  /**
   * Reads segments [first, end); only the segments the model takes anything
   * from are made into objects. A claim ends where `claimSpans.ts` says (the
   * next CLM, HL or SE), which is where the spans other readers read alone end.
   * Transactions that are not 837P claims are passed over (`x12Transactions.ts`).
   */
  read(segments: X12Segments, first = 0, end = segments.length): void {
    const transactions = x12Transactions(segments);
    // What to do with each id, by the segments' own id numbers: decided once per distinct id, not per segment.
    const actions: Action[] = [];
    for (let ordinal = first; ordinal < end; ordinal++) {
      const idIndex = segments.idIndexAt(ordinal);
      let action = actions[idIndex];
      if (action === undefined) {
        action = actionOf(segments.idAt(ordinal));
        actions[idIndex] = action;
      }
      if (ordinal === first || action === Action.Transaction) {
        const refusedEnd = transactions.refusedEndAt(ordinal);
        if (refusedEnd !== -1) {
          this.closeClaim();
          ordinal = refusedEnd - 1;
          continue;
        }
      }
      if (action >= Action.EndsClaim) {
        this.closeClaim();
        if (action === Action.Level) {
          this.patient = undefined;
          this.patientDone = false;
        }
      } else if (
        !this.claim &&
        !this.patientDone &&
        (action === Action.PatientName ? !this.patient : action === Action.BirthDate && this.patient)
      ) {
        this.readPatient(segments.at(ordinal) as X12Segment);
      }
      this.ordinal = ordinal;
      const segmentStart = segments.startAt(ordinal);
      const segmentEnd = segments.endAt(ordinal);
      switch (action) {
        case Action.Claim:
          this.startClaim(segmentStart, segmentEnd);
          break;
        case Action.Diagnoses:
          this.readDiagnoses(segmentStart, segmentEnd);
          break;
        case Action.LineNumber:
          this.line = undefined;
          break;
        case Action.ServiceLine:
          this.readServiceLine(segmentStart, segmentEnd);
          break;
        case Action.Date:
          this.readDate(segmentStart, segmentEnd);
          break;
        case Action.Drug:
          this.readDrug(segmentStart, segmentEnd);
          break;
        default:
          break;
      }
      this.claimEnd = segmentEnd;
    }
    this.closeClaim();
  }

  /** NM1*IL or NM1*QC names the HL loop's patient (QC, in 2000C, comes after IL); DMG gives the one named its birth date. */
  readPatient(segment: X12Segment): void {
    if (segment.id === 'NM1') {
      this.patient = patientOf(segment) ?? this.patient;
    } else if (this.patient) {
      // The DMG of the loop follows its NM1 (2010BA, 2010CA): after it, nothing more of the patient is in the loop.
      const birthDate = birthDateOf(segment);
      if (birthDate !== undefined) {
        this.patient = { ...this.patient, birthDate };
      }
      this.patientDone = true;
    }
  }

  /** The patient named so far. */
  get patientRead(): Patient | undefined {
    return this.patient;
  }

  private closeClaim(): void {
    if (this.claim) {
      this.checkIcd9Dates(this.claim);
      this.claim.range = { start: this.claim.range.start, end: this.lines.positionAt(this.claimEnd) };
      this.visit(this.claim);
    }
    this.claim = undefined;
    this.line = undefined;
    if (this.icd9.length > 0) {
      this.icd9 = [];
    }
  }

  /**
   * 005010X222A1 allows ICD-9-CM (BK, BF, ...) only for services before the
   * ICD-10 compliance date: its codes are flagged when the claim or one of its
   * lines has a date of service on or after it, and left alone when every date
   * is earlier or none is written (the date decides, and it is unknown).
   */
  private checkIcd9Dates(claim: Claim): void {
    if (this.icd9.length === 0) {
      return;
    }
    const dates = [claim.dos?.value, ...claim.lines.map((line) => line.dos?.value)];
    const late = dates.find((date) => date !== undefined && date >= icd10RequiredFrom);
    if (late === undefined) {
      return;
    }
    for (const { diagnosis, qualifier } of this.icd9) {
      this.problems.push({
        ruleId: 'x12-diagnosis-code',
        message: `${diagnosis.code} is an ICD-9-CM code (HI qualifier ${qualifier}), but this claim has a service on ${late}: from ${icd10RequiredFrom} on, diagnoses are coded in ICD-10-CM (qualifiers ABK, ABF).`,
        range: diagnosis.range,
      });
    }
  }

  private startClaim(start: number, end: number): void {
    const claim: Claim = { range: this.lines.range(start, end), headers: [], diagnoses: [], lines: [] };
    const elements = this.elements.readSegment(start, end, 'CLM'.length);
    if (!elements.isEmpty(1)) {
      claim.id = this.fieldAt(elements.textOf(1), elements, 1);
    }
    if (this.patient) {
      claim.patient = this.patient;
    }
    if (!elements.isEmpty(2)) {
      // Read as X12 reads a decimal (no exponent or hex, which Number() would take): an amount that is not
      // one is left out of the model and reported by the structure walk (x12-element), which reads every element.
      const value = decimalValue(elements.textOf(2));
      if (value !== undefined) {
        claim.totalCharge = this.fieldAt(value, elements, 2);
      }
    }
    this.claim = claim;
  }

  private readDiagnoses(start: number, end: number): void {
    if (!this.claim) {
      return;
    }
    const elements = this.elements.readSegment(start, end, 'HI'.length);
    const parts = this.parts;
    for (let n = 1; n <= elements.count; n++) {
      if (elements.isEmpty(n)) {
        continue;
      }
      parts.readParts(elements.startOf(n), elements.endOf(n));
      const qualifier = parts.textOf(1);
      const codeSet = diagnosisCodeSets.get(qualifier);
      if (codeSet === undefined) {
        // Condition codes (BG), anesthesia procedures (BP, BO) and value codes share the HI segment; they are
        // not diagnoses, SV107 does not point at them, and their codes have other shapes.
        continue;
      }
      if (parts.isEmpty(2)) {
        this.reportAt(
          'x12-diagnosis-code',
          `This ${qualifier} diagnosis has no code after its qualifier.`,
          elements,
          n,
        );
        continue;
      }
      const code = parts.textOf(2);
      const upper = code.toUpperCase();
      const diagnosis = new OffsetDiagnosis(upper, codeSet, parts.startOf(2), parts.endOf(2), this.lines);
      if (!hasDiagnosisShape(upper, codeSet)) {
        this.reportAt(
          'x12-diagnosis-code',
          `This is not an ${codeSet} code (qualifier ${qualifier}): ${diagnosisShapeText(codeSet)}.`,
          parts,
          2,
        );
      } else if (codeSet === 'ICD-9-CM') {
        this.icd9.push({ diagnosis, qualifier });
      }
      this.claim.diagnoses.push(diagnosis);
    }
  }

  private readServiceLine(start: number, end: number): void {
    if (!this.claim) {
      return;
    }
    const idEnd = start + 'SV1'.length;
    const elements = this.elements.readSegment(start, end, 'SV1'.length);
    // SV101's components: qualifier, code, modifiers 1-4, description. Copied out before the cursor reads SV107.
    const parts = elements.has(1) ? this.parts.readParts(elements.startOf(1), elements.endOf(1)) : undefined;
    const codeSpan = parts?.spanOf(2) ?? { start, end: idEnd, text: '' };
    const upper = codeSpan.text.toUpperCase();
    const procedureEnd = elements.has(1) ? elements.endOf(1) : idEnd;
    const line = new X12ServiceLine(this.field(upper, codeSpan), codeSpan.text, start, end, procedureEnd, this.lines);
    const qualifier = parts?.textOf(1);
    // Only HC names a HCPCS (CPT or Level II) code; ER, IV and WK codes are the payer's or the industry's own.
    const hcpcs = qualifier === 'HC' || qualifier === undefined;
    if (!hcpcs) {
      line.otherCodeList = qualifier;
    }
    if (hcpcs && codeKindOf(upper) === undefined) {
      this.report(
        'code-shape',
        'SV101-2 is not a procedure code: 5 digits (CPT), 4 digits and F or T, or a letter A-V and 4 digits (HCPCS).',
        codeSpan,
      );
    } else if (hcpcs && upper !== codeSpan.text) {
      this.report(
        'lowercase-code',
        `Code '${codeSpan.text}' is written in lower case; write '${upper}'.`,
        codeSpan,
        upper,
      );
    }
    for (let n = 3; parts && n <= Math.min(6, parts.count); n++) {
      if (parts.isEmpty(n)) {
        continue;
      }
      const modifier = parts.textOf(n).toUpperCase();
      if (!modifierPattern.test(modifier)) {
        this.reportAt(
          'bad-modifier',
          'This is not a modifier: a modifier is two letters or digits, e.g. RT, LT, 59.',
          parts,
          n,
        );
      } else {
        line.modifiers.push(this.fieldAt(modifier, parts, n));
      }
    }
    if (parts && parts.count >= 7 && fifthModifier(parts)) {
      // SV101-7 is the description, but after four modifiers a modifier there is a fifth one, which no
      // reader takes as a modifier: said here, since a description of two letters is not otherwise wrong.
      this.reportAt(
        'bad-modifier',
        `A line carries at most 4 modifiers (SV101-3 to SV101-6); '${parts.textOf(7).toUpperCase()}' in SV101-7, the description, is one too many.`,
        parts,
        7,
      );
    } else if (parts?.has(7) && parts.textOf(7).trim() !== '') {
      line.description = this.fieldAt(parts.textOf(7), parts, 7);
    }
    if (!elements.isEmpty(2)) {
      const value = decimalValue(elements.textOf(2));
      if (value !== undefined) {
        line.charge = this.fieldAt(value, elements, 2);
      }
    }
    if (!elements.isEmpty(3)) {
      line.unitBasis = this.fieldAt(elements.textOf(3), elements, 3);
    }
    if (!elements.isEmpty(4)) {
      // SV104 that is not an X12 decimal ('0x10', '1e308') is x12-element's to report, in the words of its type.
      const value = decimalValue(elements.textOf(4));
      if (value !== undefined && value > 0) {
        line.units = this.fieldAt(value, elements, 4);
      } else {
        // Written, though not usable: x12-units-pair must not call SV104 empty.
        line.unusableUnits = this.lines.range(elements.startOf(4), elements.endOf(4));
        if (value !== undefined) {
          this.reportAt(
            'bad-units',
            `SV104, the units, is ${elements.textOf(4)}: a line bills more than 0 units.`,
            elements,
            4,
          );
        }
      }
    }
    if (!elements.isEmpty(7)) {
      line.dxPointers = this.readPointers(elements.startOf(7), elements.endOf(7));
    }
    this.claim.lines.push(line);
    this.line = line;
  }

  /** SV107's pointers, the components of the element at [from, to). */
  private readPointers(from: number, to: number): DiagnosisPointer[] {
    const pointers: DiagnosisPointer[] = [];
    const parts = this.parts.readParts(from, to);
    for (let n = 1; n <= parts.count; n++) {
      if (parts.isEmpty(n)) {
        continue;
      }
      if (n > maxPointers) {
        this.reportAt(
          'dx-pointer',
          `SV107 takes at most ${maxPointers} diagnosis pointers; this one is one too many.`,
          parts,
          n,
        );
        continue;
      }
      const text = parts.textOf(n);
      const index = /^[1-9]\d?$/.test(text) ? Number(text) - 1 : -1;
      if (index === -1) {
        this.reportAt('dx-pointer', 'This is not a diagnosis pointer: SV107 points with numbers 1 to 12.', parts, n);
      }
      pointers.push(new OffsetPointer(text, index, parts.startOf(n), this.lines));
    }
    return pointers;
  }

  /** LIN*...*N4*<NDC> (loop 2410) names the drug a line bills, which tells two lines of one unclassified code apart. */
  private readDrug(start: number, end: number): void {
    const elements = this.elements.readSegment(start, end, 'LIN'.length);
    if (this.line && elements.is(2, 'N4') && !elements.isEmpty(3)) {
      this.line.ndc = this.fieldAt(elements.textOf(3), elements, 3);
    }
  }

  /** DTP*472 is the date of service: of the line after an SV1, else of the claim. */
  private readDate(start: number, end: number): void {
    if (!this.claim) {
      return;
    }
    const elements = this.elements.readSegment(start, end, 'DTP'.length);
    if (!elements.is(1, '472') || !elements.has(3)) {
      return;
    }
    const from = elements.startOf(3);
    if (
      !startsWithDigits(elements.text, from, elements.endOf(3), 8) ||
      !(elements.is(2, 'D8') || elements.is(2, 'RD8'))
    ) {
      // The structure walk reports the date (x12-element): it reads DTP03 by DTP02 in every loop.
      return;
    }
    const text = elements.text;
    const iso = `${text.slice(from, from + 4)}-${text.slice(from + 4, from + 6)}-${text.slice(from + 6, from + 8)}`;
    const date = this.fieldAt(iso, elements, 3);
    if (this.line) {
      this.line.dos = date;
    } else {
      this.claim.dos = date;
    }
  }
}

/**
 * The model of an X12 file: segments are read at once, claims from them when
 * asked for (see `OnDemandClaims`).
 */
export class X12DocumentModel extends OnDemandClaims implements ClaimDocumentModel {
  readonly format = 'x12-837p';

  constructor(
    readonly x12: X12Structure,
    private readonly lexProblems: readonly ParseProblem[],
  ) {
    super();
  }

  protected readEachClaim(visit: (claim: Claim) => void): ClaimsRead {
    const problems = new CappedProblems('segment');
    // Each problem of the lexer is one run of unreadable text (or the envelope): a unit of its own.
    this.lexProblems.forEach((problem, i) => problems.push(problem, -1 - i));
    const { segments, separators } = this.x12.interchange;
    new X12ClaimReader(this.x12.lines, segments.text, separators, problems, visit).read(segments);
    return { problems: problems.problems };
  }

  /** Problems found reading the segments themselves (before any claim is read). */
  get segmentProblems(): readonly ParseProblem[] {
    return this.lexProblems;
  }

  /** Where each claim's segments are (see `claimSpans.ts`), in order. */
  claimSpans(): ClaimSpan[] {
    return allClaimSpans(this.x12.interchange.segments);
  }

  /** Reads the claim whose segments are the span (one of `claimSpans.ts`); its problems go to `problems`. */
  readClaimAt(span: ClaimSpan, problems: ProblemSink, visit: (claim: Claim) => void): void {
    // The patient is named before the span, so it is looked for only when asked for: most readers never ask.
    const withPatient = (claim: Claim) => {
      Object.defineProperty(claim, 'patient', {
        get: () => this.patientBefore(span.first),
        enumerable: true,
        configurable: true,
      });
      visit(claim);
    };
    const { segments, separators } = this.x12.interchange;
    // An editor reads claims one span at a time, twenty thousand in a large file: the reads share their cursors.
    // A read started while one runs (a rule reading another claim of this model) makes its own.
    const cursors = this.spanCursors ?? readerCursors(segments.text, separators);
    this.spanCursors = undefined;
    try {
      new X12ClaimReader(this.x12.lines, segments.text, separators, problems, withPatient, cursors).read(
        segments,
        span.first,
        span.end,
      );
    } finally {
      this.spanCursors = cursors;
    }
  }

  /** The cursors the next span read takes (see `readClaimAt`); undefined while a read has them. */
  private spanCursors: ReaderCursors | undefined;

  /** The patient of each CLM asked for, by ordinal (null: none named): a claim read after the one before it in its HL loop finds it here. */
  private readonly patients = new Map<number, Patient | null>();

  /**
   * The patient of the claim whose CLM is at `first`, for a claim read alone: the NM1 of its HL loop, read from the
   * HL up to the loop's first CLM. The walk back stops at the HL or at a CLM asked for before (claims are mostly read
   * in order, so each walk is about one claim long), and at most `maxSegmentScan` segments back.
   */
  patientBefore(first: number): Patient | undefined {
    const known = this.patients.get(first);
    if (known !== undefined) {
      return known ?? undefined;
    }
    const segments = this.x12.interchange.segments;
    let ordinal = first - 1;
    let patient: Patient | null | undefined;
    for (const lowest = Math.max(0, first - maxSegmentScan); ordinal >= lowest; ordinal--) {
      const id = segments.idAt(ordinal);
      if (id === 'HL' || id === 'ST' || id === 'SE') {
        break;
      }
      if (id === 'CLM' && this.patients.has(ordinal)) {
        patient = this.patients.get(ordinal);
        break;
      }
    }
    if (patient === undefined) {
      const { separators } = this.x12.interchange;
      const reader = new X12ClaimReader(this.x12.lines, segments.text, separators, [], () => undefined);
      for (let next = Math.max(0, ordinal); next < first && segments.idAt(next) !== 'CLM'; next++) {
        const id = segments.idAt(next);
        if (id !== undefined && patientSegmentIds.has(id)) {
          reader.readPatient(segments.at(next) as X12Segment);
        }
      }
      patient = reader.patientRead ?? null;
    }
    this.patients.set(first, patient);
    return patient ?? undefined;
  }
}

export function parseX12Text(text: string): ClaimDocumentModel {
  const lines = new LineIndex(text);
  const lexed = new CappedProblems('segment');
  // Each problem of the lexer is one run of unreadable text (or the envelope): a unit of its own.
  let runs = 0;
  const interchange = lexInterchange(text, lines, { push: (problem) => lexed.push(problem, -1 - runs++) });
  if (!interchange) {
    return { format: 'x12-837p', claims: [], problems: lexed.problems };
  }
  return new X12DocumentModel({ interchange, lines }, lexed.problems);
}

/** True for text that is an X12 interchange: it starts with ISA. */
export function looksLikeX12(text: string): boolean {
  return /^\s*ISA/.test(text.slice(0, 64));
}

// One reader a read (a check reads claims in parts); see keptShapes.ts for why one is kept.
keepShapeOf(
  new X12ClaimReader(
    new LineIndex(''),
    '',
    { element: '*', component: ':', repetition: '^', segment: '~' },
    new CappedProblems('segment'),
    () => undefined,
  ),
);
