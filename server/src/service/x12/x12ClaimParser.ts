/**
 * X12 837P to the claim model: a claim is a CLM loop (2300) with its HI
 * diagnoses, a service line is an SV1 (loop 2400) with its DTP*472 date and
 * the NDC of its drug identification (LIN, loop 2410). The
 * same rules as for `.claim` files then read it; ranges are on the exact
 * element or component, also in one-line files.
 */
import { codeKindOf, modifierPattern } from '../reference/codeShapes';
import { diagnosisShapeText, hasDiagnosisShape, icd10RequiredFrom } from '../reference/diagnosisCodeSets';
import { OnDemandClaims } from '../model/onDemandClaims';
import type {
  Claim,
  ClaimDocumentModel,
  ClaimsRead,
  DiagnosisPointer,
  Field,
  ParseProblem,
  ServiceLine,
  X12Structure,
} from '../model/model';
import { allClaimSpans, type ClaimSpan, endsClaim } from './claimSpans';
import { diagnosisCodeSets } from './segmentDictionary';
import { CappedProblems, type ProblemSink, reportProblem } from '../model/problemLimits';
import { LineIndex } from './lineIndex';
import { OffsetDiagnosis, OffsetField, OffsetPointer, X12ServiceLine } from './offsetRanges';
import { components, lexInterchange } from './x12Lexer';
import { x12Transactions } from './x12Transactions';
import type { X12Segment, X12Segments, X12Separators, X12Span } from './x12Types';

const maxPointers = 4;
/** The segments the reader takes anything from (besides the ids of those that end a claim). */
const readSegmentIds = new Set(['CLM', 'HI', 'LX', 'SV1', 'DTP', 'LIN']);

class X12ClaimReader {
  private claim: Claim | undefined;
  private line: ServiceLine | undefined;
  /** The open claim's well-shaped ICD-9-CM codes and their qualifiers: whether they are allowed depends on dates read later. */
  private icd9: Array<{ diagnosis: OffsetDiagnosis; qualifier: string }> = [];
  /** Where the open claim's last segment ends; its range is set when it closes. */
  private claimEnd = 0;
  private readonly lines: LineIndex;
  private readonly separators: X12Separators;
  private readonly problems: ProblemSink;
  /** The segment being read: problems are limited per segment (`problemLimits.ts`). */
  private ordinal = 0;

  constructor(
    lines: LineIndex,
    separators: X12Separators,
    problems: ProblemSink,
    private readonly visit: (claim: Claim) => void,
  ) {
    this.lines = lines;
    this.separators = separators;
    this.problems = problems;
  }

  private field<T>(value: T, span: X12Span): Field<T> {
    return new OffsetField(value, span.start, span.end, this.lines);
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
    for (let ordinal = first; ordinal < end; ordinal++) {
      const id = segments.idAt(ordinal);
      if (ordinal === first || id === 'ST') {
        const refusedEnd = transactions.refusedEndAt(ordinal);
        if (refusedEnd !== -1) {
          this.closeClaim();
          ordinal = refusedEnd - 1;
          continue;
        }
      }
      if (endsClaim(id)) {
        this.closeClaim();
      }
      this.ordinal = ordinal;
      const segment = id !== undefined && readSegmentIds.has(id) ? (segments.at(ordinal) as X12Segment) : undefined;
      switch (segment?.id) {
        case 'CLM':
          this.startClaim(segment);
          break;
        case 'HI':
          this.readDiagnoses(segment);
          break;
        case 'LX':
          this.line = undefined;
          break;
        case 'SV1':
          this.readServiceLine(segment);
          break;
        case 'DTP':
          this.readDate(segment);
          break;
        case 'LIN':
          this.readDrug(segment);
          break;
        default:
          break;
      }
      this.claimEnd = segments.endAt(ordinal);
    }
    this.closeClaim();
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

  private startClaim(segment: X12Segment): void {
    const claim: Claim = { range: this.lines.range(segment.start, segment.end), headers: [], diagnoses: [], lines: [] };
    const [id, total] = segment.elements;
    if (id && id.text !== '') {
      claim.id = this.field(id.text, id);
    }
    if (total && total.text !== '') {
      const value = Number(total.text);
      if (Number.isFinite(value)) {
        claim.totalCharge = this.field(value, total);
      }
      // An amount that is not one is reported by the structure walk (x12-element), which reads every element.
    }
    this.claim = claim;
  }

  private readDiagnoses(segment: X12Segment): void {
    if (!this.claim) {
      return;
    }
    for (const element of segment.elements) {
      if (element.text === '') {
        continue;
      }
      const [qualifier, code] = components(element, this.separators.component);
      const codeSet = diagnosisCodeSets.get(qualifier?.text ?? '');
      if (codeSet === undefined) {
        // Condition codes (BG), anesthesia procedures (BP, BO) and value codes share the HI segment; they are
        // not diagnoses, SV107 does not point at them, and their codes have other shapes.
        continue;
      }
      if (!code || code.text === '') {
        this.report(
          'x12-diagnosis-code',
          `This ${qualifier?.text ?? ''} diagnosis has no code after its qualifier.`,
          element,
        );
        continue;
      }
      const upper = code.text.toUpperCase();
      const diagnosis = new OffsetDiagnosis(upper, codeSet, code.start, code.end, this.lines);
      if (!hasDiagnosisShape(upper, codeSet)) {
        this.report(
          'x12-diagnosis-code',
          `This is not an ${codeSet} code (qualifier ${qualifier?.text ?? ''}): ${diagnosisShapeText(codeSet)}.`,
          code,
        );
      } else if (codeSet === 'ICD-9-CM') {
        this.icd9.push({ diagnosis, qualifier: qualifier?.text ?? '' });
      }
      this.claim.diagnoses.push(diagnosis);
    }
  }

  private readServiceLine(segment: X12Segment): void {
    if (!this.claim) {
      return;
    }
    const [procedure, charge, unitBasis, units, , , pointers] = segment.elements;
    const parts = procedure ? components(procedure, this.separators.component) : [];
    const codeSpan = parts[1] ?? { start: segment.start, end: segment.start + segment.id.length, text: '' };
    const upper = codeSpan.text.toUpperCase();
    const procedureEnd = procedure ? procedure.end : segment.start + segment.id.length;
    const line = new X12ServiceLine(
      this.field(upper, codeSpan),
      codeSpan.text,
      segment.start,
      segment.end,
      procedureEnd,
      this.lines,
    );
    // Only HC names a HCPCS (CPT or Level II) code; ER, IV and WK codes are the payer's or the industry's own.
    const hcpcs = parts[0]?.text === 'HC' || parts[0] === undefined;
    if (!hcpcs) {
      line.otherCodeList = parts[0]?.text ?? '';
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
    for (const modifier of parts.slice(2, 6)) {
      if (modifier.text === '') {
        continue;
      }
      if (!modifierPattern.test(modifier.text.toUpperCase())) {
        this.report(
          'bad-modifier',
          'This is not a modifier: a modifier is two letters or digits, e.g. RT, LT, 59.',
          modifier,
        );
      } else {
        line.modifiers.push(this.field(modifier.text.toUpperCase(), modifier));
      }
    }
    const description = parts[6];
    if (description && description.text.trim() !== '') {
      line.description = this.field(description.text, description);
    }
    if (charge && charge.text !== '') {
      const value = Number(charge.text);
      if (Number.isFinite(value)) {
        line.charge = this.field(value, charge);
      }
    }
    if (unitBasis && unitBasis.text !== '') {
      line.unitBasis = this.field(unitBasis.text, unitBasis);
    }
    if (units && units.text !== '') {
      const value = Number(units.text);
      if (Number.isFinite(value) && value > 0) {
        line.units = this.field(value, units);
      } else {
        this.report('bad-units', 'SV104, the units, is not a number greater than 0.', units);
      }
    }
    if (pointers && pointers.text !== '') {
      line.dxPointers = this.readPointers(pointers);
    }
    this.claim.lines.push(line);
    this.line = line;
  }

  private readPointers(element: X12Span): DiagnosisPointer[] {
    const pointers: DiagnosisPointer[] = [];
    components(element, this.separators.component).forEach((part, n) => {
      if (part.text === '') {
        return;
      }
      if (n >= maxPointers) {
        this.report(
          'dx-pointer',
          `SV107 takes at most ${maxPointers} diagnosis pointers; this one is one too many.`,
          part,
        );
        return;
      }
      const index = /^[1-9]\d?$/.test(part.text) ? Number(part.text) - 1 : -1;
      if (index === -1) {
        this.report('dx-pointer', 'This is not a diagnosis pointer: SV107 points with numbers 1 to 12.', part);
      }
      pointers.push(new OffsetPointer(part.text, index, part.start, this.lines));
    });
    return pointers;
  }

  /** LIN*...*N4*<NDC> (loop 2410) names the drug a line bills, which tells two lines of one unclassified code apart. */
  private readDrug(segment: X12Segment): void {
    const [, qualifier, ndc] = segment.elements;
    if (this.line && qualifier?.text === 'N4' && ndc && ndc.text !== '') {
      this.line.ndc = this.field(ndc.text, ndc);
    }
  }

  /** DTP*472 is the date of service: of the line after an SV1, else of the claim. */
  private readDate(segment: X12Segment): void {
    const [qualifier, format, value] = segment.elements;
    if (!this.claim || qualifier?.text !== '472' || !value) {
      return;
    }
    const match = /^(\d{4})(\d{2})(\d{2})/.exec(value.text);
    if (!match || (format?.text !== 'D8' && format?.text !== 'RD8')) {
      // The structure walk reports the date (x12-element): it reads DTP03 by DTP02 in every loop.
      return;
    }
    const date = this.field(`${match[1]}-${match[2]}-${match[3]}`, value);
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
    new X12ClaimReader(this.x12.lines, this.x12.interchange.separators, problems, visit).read(
      this.x12.interchange.segments,
    );
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
    new X12ClaimReader(this.x12.lines, this.x12.interchange.separators, problems, visit).read(
      this.x12.interchange.segments,
      span.first,
      span.end,
    );
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
