/**
 * X12 837P to `.claim`: each CLM loop becomes a claim with its id (CLM01),
 * patient (NM1*QC, else NM1*IL), place of service (CLM05-1), rendering
 * provider (NM1*82), diagnoses (HI, the decimal point restored), lesion count
 * (an NTE*ADD 'LESIONS n' note, as `claimTo837` writes it) and one service
 * line per SV1: code, modifiers, units, charge, pointers, SV105 and its
 * DTP*472 date. The service lines come from the claim model the rules read,
 * so both agree on what an SV1 says. What a `.claim` file cannot hold is
 * listed in the notes, by segment and claim id.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { decimalPlaces } from '../../text/decimalAmount';
import { writtenCharge } from './writtenCharge';
import { codeKindOf, modifierPattern } from '../../reference/codeShapes';
import { withDiagnosisPoint } from '../../reference/diagnosisCodeSets';
import type { Claim, ClaimDocumentModel, Diagnosis } from '../../model/model';
import { x12Transactions } from '../../x12/x12Transactions';
import { X12DocumentModel } from '../../x12/x12ClaimParser';
import { diagnosisCodeSets } from '../../x12/segmentDictionary';
import { components } from '../../x12/x12Lexer';
import type { X12Segment } from '../../x12/x12Types';
import { ClaimsByNote } from './claimLists';
import { type ClaimText, type ClaimTextLine, writeClaimText } from './claimTextWriter';
import { lesionNotePrefix } from './claimTo837';
import type { ConversionResult } from './conversionTypes';
import { headerFromName } from './personNames';
import { carriedSegmentIds, describeLeftOver } from './x12LeftOver';
import { counted } from '../../text/wording';

/** What the segments around one CLM hold that the claim model does not. */
interface ClaimExtras {
  patient?: string;
  provider?: string;
  pos?: string;
  lesions?: number;
  /** Per SV1 of the claim, in order. */
  lines: Array<{ pos?: string; lesions?: number }>;
}

/** The CLM elements the converter writes back the same whatever the source said (CLM05-2 on, CLM06-CLM09). */
const usualClmTail = ['B', '1', 'Y', 'A', 'Y', 'Y'];

class ExtrasReader {
  readonly kinds = new ClaimsByNote();
  /** Ids of segments (NM1 by entity code) nothing is taken from, with their counts. */
  readonly leftOver = new Map<string, number>();
  private patientFromSubscriber: string | undefined;
  private patient: string | undefined;
  private current: ClaimExtras | undefined;
  private currentId = '';
  private inLine = false;
  /** Whether a name carried over came with an id (member id, NPI) that is not. */
  idsLeft = false;

  constructor(private readonly component: string) {}

  private leave(id: string): void {
    this.leftOver.set(id, (this.leftOver.get(id) ?? 0) + 1);
  }

  /** Reads one segment; returns the extras of a claim its CLM starts. */
  read(segment: X12Segment): ClaimExtras | undefined {
    const element = (n: number) => segment.elements[n - 1]?.text ?? '';
    switch (segment.id) {
      case 'HL':
        // A patient loop (HL03 23) sits under its subscriber's, whose NM1*IL still holds; any other HL starts afresh.
        this.patient = undefined;
        if (element(3) !== '23') {
          this.patientFromSubscriber = undefined;
        }
        this.current = undefined;
        return undefined;
      case 'ST':
      case 'SE':
        this.patient = undefined;
        this.patientFromSubscriber = undefined;
        this.current = undefined;
        return undefined;
      case 'CLM':
        return this.startClaim(segment);
      case 'LX':
        this.inLine = true;
        return undefined;
      case 'SV1':
        this.current?.lines.push(element(5) !== '' ? { pos: element(5) } : {});
        // SV106 and SV108 on (emergency, EPSDT, family planning, ...); SV105 and SV107 are carried.
        if (this.current && segment.elements.some((part, n) => (n === 5 || n >= 7) && part.text !== '')) {
          this.kinds.add('sv1-other', this.currentId);
        }
        if (this.current && element(3) !== '' && element(3) !== 'UN') {
          this.kinds.add('unit-basis', this.currentId);
        }
        if (this.current && this.hasExtraModifiers(segment)) {
          this.kinds.add('extra-modifiers', this.currentId);
        }
        return undefined;
      case 'NM1':
        this.readName(segment);
        return undefined;
      case 'NTE':
        this.readNote(element(1), element(2));
        return undefined;
      case 'HI':
        if (
          this.current &&
          segment.elements.some(
            (part) => part.text !== '' && !diagnosisCodeSets.has(components(part, this.component)[0]?.text ?? ''),
          )
        ) {
          this.kinds.add('hi-other', this.currentId);
        }
        return undefined;
      case 'DTP':
        if (element(1) !== '472') {
          this.leave('DTP');
        }
        return undefined;
      default:
        if (!carriedSegmentIds.has(segment.id)) {
          this.leave(segment.id);
        }
        return undefined;
    }
  }

  /**
   * SV101 holds more than the 4 modifiers a line carries: a fifth in SV101-7 (the description's place) or
   * components past it. The claim model keeps the first 4 (the reader reports the rest), and so does the
   * `.claim` file, which takes at most 4: the note says what was left out.
   */
  private hasExtraModifiers(segment: X12Segment): boolean {
    const sv101 = segment.elements[0];
    const parts = sv101 ? components(sv101, this.component).map((part) => part.text) : [];
    const modifiers = parts.slice(2, 6).filter((part) => part !== '').length;
    return (
      parts.slice(7).some((part) => part !== '') ||
      (modifiers === 4 && modifierPattern.test((parts[6] ?? '').toUpperCase()))
    );
  }

  private startClaim(segment: X12Segment): ClaimExtras {
    const element = (n: number) => segment.elements[n - 1];
    this.currentId = element(1)?.text ?? '';
    this.inLine = false;
    const clm05 = element(5);
    const facility = clm05 ? components(clm05, this.component) : [];
    const extras: ClaimExtras = { lines: [] };
    const patient = this.patient ?? this.patientFromSubscriber;
    if (patient !== undefined) {
      extras.patient = patient;
    }
    const pos = facility[0]?.text ?? '';
    if (pos !== '') {
      extras.pos = pos;
    }
    const tail = [facility[1]?.text ?? '', facility[2]?.text ?? '', ...[6, 7, 8, 9].map((n) => element(n)?.text ?? '')];
    const beyond = segment.elements.slice(9).some((part) => part.text !== '');
    if (beyond || tail.some((value, n) => value !== usualClmTail[n]) || element(3)?.text || element(4)?.text) {
      this.kinds.add('clm-other', this.currentId);
    }
    this.current = extras;
    return extras;
  }

  private readName(segment: X12Segment): void {
    const part = (n: number) => segment.elements[n - 1]?.text.trim() ?? '';
    const entity = part(1);
    const name = headerFromName(part(3), part(4), part(5));
    // Our own placeholders are not names: a converted file converted back keeps no PATIENT PLACEHOLDER.
    const isName = name !== '' && !/PLACEHOLDER/.test(name);
    const carried =
      isName && (entity === 'IL' || entity === 'QC' || (entity === '82' && this.current !== undefined && !this.inLine));
    if (!carried) {
      if (entity === '82' && this.current && this.inLine) {
        this.kinds.add('line-provider', this.currentId);
      }
      this.leave(`NM1*${entity}`);
      return;
    }
    if (part(9) !== '') {
      this.idsLeft = true;
    }
    if (entity === 'IL') {
      this.patientFromSubscriber = name;
    } else if (entity === 'QC') {
      this.patient = name;
    } else if (this.current) {
      this.current.provider = name;
    }
  }

  private readNote(qualifier: string, text: string): void {
    const match = new RegExp(`^${lesionNotePrefix}(\\d{1,4})$`).exec(text);
    const lesions = match ? Number(match[1]) : 0;
    if (!this.current || qualifier !== 'ADD' || lesions < 1) {
      this.leave('NTE');
      return;
    }
    const line = this.inLine ? this.current.lines[this.current.lines.length - 1] : undefined;
    if (line) {
      line.lesions = lesions;
    } else {
      this.current.lesions = lesions;
    }
  }
}

/**
 * A value of a `.claim` header runs to the end of its line, except a `#` after white space, which starts a
 * comment; an element may hold a line break or another control character where the segment terminator is not one.
 */
function headerSafe(text: string): string {
  return text
    .replace(/\p{Cc}/gu, ' ')
    .replace(/(\s)#+/g, '$1')
    .trim();
}

/** A `.claim` field value is one token. */
function tokenSafe(text: string): string {
  return text.replace(/[\s\p{Cc}]/gu, '');
}

/** A diagnosis as a `dx:` token: what a code cannot hold is dropped, and a code left empty still keeps its place for the pointers. */
function diagnosisToken(diagnosis: Diagnosis): string {
  return withDiagnosisPoint(diagnosis.code.replace(/[^A-Z0-9.]/g, ''), diagnosis.codeSet) || 'UNREADABLE';
}

/** The date most of the claim's lines share (the first met, on a tie), when every line has one. */
function sharedDate(dates: ReadonlyArray<string | undefined>): string | undefined {
  if (dates.length === 0 || dates.some((date) => date === undefined)) {
    return undefined;
  }
  const counts = new Map<string, number>();
  dates.forEach((date) => counts.set(date as string, (counts.get(date as string) ?? 0) + 1));
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

class ClaimBuilder {
  readonly kinds = new ClaimsByNote();
  private unnamed = 0;

  constructor(private readonly document: TextDocument) {}

  build(claim: Claim, extras: ClaimExtras | undefined): ClaimText {
    const id = this.idOf(claim.id?.value ?? '');
    const dates = claim.lines.map((line) => line.dos?.value);
    // 837P dates each line; the claim's dos: is the claim-level DTP*472 some files carry, else the date the lines share.
    const dos = claim.dos?.value ?? sharedDate(dates);
    const text: ClaimText = {
      id,
      diagnoses: claim.diagnoses.map(diagnosisToken),
      lines: [],
    };
    if (claim.diagnoses.some((diagnosis) => diagnosis.codeSet === 'ICD-9-CM')) {
      this.kinds.add('icd9', id);
    }
    if (claim.diagnoses.some((diagnosis) => /[^A-Z0-9.]/.test(diagnosis.code))) {
      this.kinds.add('dx-text', id);
    }
    if (dos) {
      text.dos = dos;
    }
    if (extras?.patient) {
      text.patient = headerSafe(extras.patient);
    }
    if (extras?.provider) {
      text.provider = headerSafe(extras.provider);
    }
    if (extras?.pos !== undefined) {
      text.pos = headerSafe(extras.pos);
    }
    if (extras?.lesions !== undefined) {
      text.lesions = extras.lesions;
    }
    const lines: ClaimTextLine[] = claim.lines.map((line, n) => {
      const extra = extras?.lines[n];
      const converted: ClaimTextLine = {
        code: line.code.value,
        modifiers: line.modifiers.map((modifier) => modifier.value),
        units: line.units?.value ?? 1,
        pointers: line.dxPointers.filter((pointer) => pointer.index >= 0).map((pointer) => pointer.index),
      };
      // SV102 is the line's charge, required: 0 is a charge of $0.00 (a no-charge visit such as 99024), so it is
      // written as one. claimTo837 writes 0 for a .claim line without a charge, and says so in its notes.
      if (line.charge) {
        converted.charge = writtenCharge(this.document, line.charge);
      }
      if (line.dos && line.dos.value !== dos) {
        converted.dos = line.dos.value;
      }
      if (extra?.pos !== undefined && tokenSafe(extra.pos) !== '') {
        converted.pos = tokenSafe(extra.pos);
      }
      if (extra?.lesions !== undefined) {
        converted.lesions = extra.lesions;
      }
      this.checkLine(
        converted,
        line.dxPointers.some((pointer) => pointer.index < 0),
        id,
      );
      return converted;
    });
    return { ...text, lines };
  }

  private checkLine(line: ClaimTextLine, badPointers: boolean, id: string): void {
    if (badPointers) {
      this.kinds.add('bad-pointer', id);
    }
    if (!Number.isInteger(line.units) || line.units > 9999) {
      this.kinds.add('units', id);
    }
    const charge = line.charge === undefined ? undefined : String(line.charge);
    if (charge !== undefined && (charge.startsWith('-') || decimalPlaces(charge) > 2)) {
      this.kinds.add('charge', id);
    }
    if (line.pos !== undefined && !/^\d{2}$/.test(line.pos)) {
      this.kinds.add('pos', id);
    }
    if (!/^[A-Z0-9]+$/.test(line.code) || codeKindOf(line.code) === undefined) {
      this.kinds.add('code', id);
      if (!/^[A-Z0-9]+$/.test(line.code)) {
        line.unreadable = 'An SV1 whose procedure code is not one could not be converted: see the 837.';
      }
    }
  }

  /** CLM01 as a claim id: one token, not starting a comment. */
  private idOf(clm01: string): string {
    if (clm01 === '') {
      this.unnamed++;
      const id = `CLM01-MISSING-${this.unnamed}`;
      this.kinds.add('no-id', id);
      return id;
    }
    const token = clm01.trim().replace(/\s+/g, '-').replace(/^#/, 'No.');
    if (token !== clm01) {
      this.kinds.add('id-changed', token);
    }
    return token;
  }
}

function totalNote(claims: readonly Claim[]): string | undefined {
  const kinds = new ClaimsByNote();
  for (const claim of claims) {
    const total = claim.totalCharge?.value;
    const sum = claim.lines.reduce((cents, line) => cents + Math.round((line.charge?.value ?? 0) * 100), 0) / 100;
    if (total !== undefined && Math.abs(total - sum) >= 0.005) {
      kinds.add('total', claim.id?.value ?? '(no CLM01)');
    }
  }
  return kinds.note(
    'total',
    "CLM02 differs from the sum of the lines' charges in {claims}: a .claim file keeps no total, so converted back CLM02 is the sum.",
  );
}

export function x12ToClaim(document: TextDocument, model: ClaimDocumentModel): ConversionResult {
  if (!(model instanceof X12DocumentModel)) {
    const refused =
      model.format === 'claim'
        ? 'This file is already a .claim file.'
        : 'This is not an X12 interchange that can be read: it needs an ISA segment first.';
    return { text: '', language: 'claim', notes: [], refused };
  }
  const { segments, separators } = model.x12.interchange;
  // Only 837P claims are read (x12-not-837p): a file of other transactions has nothing to convert, and saying
  // "0 claims converted" would hide why.
  const { all, refused } = x12Transactions(segments);
  const [firstRefused] = refused;
  if (firstRefused && refused.length === all.length) {
    const named = firstRefused.identity.guide ? ` (${firstRefused.identity.guide})` : '';
    return {
      text: '',
      language: 'claim',
      notes: [],
      refused: `This is ${firstRefused.identity.name}${named}, not an 837P professional claim: only 837P claims convert to a .claim file.`,
    };
  }
  const reader = new ExtrasReader(separators.component);
  const extrasAt = new Map<number, ClaimExtras>();
  for (const segment of segments) {
    const extras = reader.read(segment);
    if (extras) {
      extrasAt.set(segment.ordinal, extras);
    }
  }
  const builder = new ClaimBuilder(document);
  const claims: Claim[] = [];
  const texts: ClaimText[] = [];
  // Read claim by claim, not through `model.claims`, which would keep every claim on the model the server holds.
  const problems = [...model.segmentProblems];
  for (const span of model.claimSpans()) {
    model.readClaimAt(span, problems, (claim) => {
      claims.push(claim);
      texts.push(builder.build(claim, extrasAt.get(span.first)));
    });
  }
  const lineCount = claims.reduce((n, claim) => n + claim.lines.length, 0);
  const kinds = builder.kinds;
  const extraKinds = reader.kinds;
  const notes = [
    `Converted ${counted(claims.length, 'claim')} (${counted(lineCount, 'service line')}) from X12 837P.`,
    totalNote(claims),
    refused.length > 0
      ? `Left out: ${counted(refused.length, 'transaction')} that ${refused.length === 1 ? 'is not an 837P claim' : 'are not 837P claims'} (${[...new Set(refused.map((t) => t.identity.name))].join(', ')}).`
      : undefined,
    kinds.note('no-id', 'A CLM has no CLM01: its claim is named {claims}.'),
    kinds.note('id-changed', 'CLM01 with spaces or a leading # is written as one token: {claims}.'),
    kinds.note('dx-text', 'Characters a diagnosis code cannot hold are dropped from HI codes in {claims}.'),
    kinds.note(
      'icd9',
      'ICD-9-CM codes (HI qualifiers BK, BF, ...) in {claims} are carried over with their decimal point, but a .claim dx list is read as ICD-10-CM: recode them in ICD-10-CM or keep those claims in X12.',
    ),
    kinds.note('bad-pointer', 'Unreadable SV107 pointers in {claims} are left out.'),
    kinds.note(
      'units',
      'SV104 units that are not a whole number of at most 9999 in {claims} are written as they are; the .claim file reports them.',
    ),
    kinds.note(
      'charge',
      'SV102 charges a .claim file cannot hold (negative, or finer than cents) in {claims} are written as they are; the .claim file reports them.',
    ),
    kinds.note(
      'pos',
      'SV105 values that are not two digits in {claims} are written as they are; the .claim file reports them.',
    ),
    kinds.note(
      'code',
      'SV1 procedure codes of no known shape in {claims}: lines with other characters than letters and digits are left as comments.',
    ),
    extraKinds.note(
      'unit-basis',
      'SV103 unit bases other than UN (units), such as MJ (minutes), in {claims}: a .claim file counts units only.',
    ),
    extraKinds.note(
      'extra-modifiers',
      'SV101 in {claims} carries more than 4 modifiers: a line takes at most 4 (SV101-3 to SV101-6), so only those are carried over; the rest is left out.',
    ),
    extraKinds.note(
      'sv1-other',
      'SV1 elements other than the procedure, charge, units, place of service and pointers in {claims} are not carried over.',
    ),
    extraKinds.note(
      'clm-other',
      'CLM elements other than the id, total and place of service (frequency code, signature, assignment, release) differ from the usual in {claims}: converted back, they are B, 1, Y, A, Y, Y.',
    ),
    extraKinds.note(
      'hi-other',
      'HI codes that are not diagnoses (condition codes, anesthesia) in {claims} are not carried over.',
    ),
    extraKinds.note(
      'line-provider',
      'Rendering providers of single service lines (loop 2420A) in {claims} are not carried over.',
    ),
    reader.idsLeft
      ? 'Patients and rendering providers are carried by name only: their member ids and NPIs (NM108/NM109) are not carried over.'
      : undefined,
    describeLeftOver(reader.leftOver),
  ].filter((note): note is string => note !== undefined);
  if (problems.length > 0) {
    notes.push(
      `The 837 has ${counted(problems.length, 'problem')} when read: what could not be read is not converted.`,
    );
  }
  const text = writeClaimText(texts, ['Converted from an X12 837P file.', ...notes.slice(1)]);
  return { text, language: 'claim', notes };
}
