/**
 * `.claim` to X12 837P (005010X222A1): each claim becomes a subscriber loop
 * (HL*22, the patient as subscriber) with its CLM, HI and one LX/SV1/DTP*472
 * per service line, inside valid ISA/GS/ST envelopes written by `writeX12`.
 * What a `.claim` file does not hold (submitter, receiver, billing provider,
 * payer, member id) is a placeholder the notes list; patient data is never
 * invented: the `patient:` header goes into NM1*IL as written, and a missing
 * charge, pointer or date is left for the user to fill in, with a note.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { sumOf } from '../../text/decimalAmount';
import { writtenCharge } from './writtenCharge';
import type { Claim, ClaimDocumentModel, ClaimsRead, ServiceLine } from '../../model/model';
import { amount, type ClaimToWrite, type LineToWrite, placeholderNpi, writeX12 } from '../../x12/x12Writer';
import { ClaimsByNote } from './claimLists';
import type { ConversionResult, ConvertTo837Options } from './conversionTypes';
import { nameFromHeader } from './personNames';
import { chooseSeparators } from './separatorChoice';
import { counted } from '../../text/wording';

/** HI holds at most 12 diagnoses. */
const maxDiagnoses = 12;
/** What `.claim` lesion counts become: an NTE*ADD note, since the 837P has no lesion field. */
export const lesionNotePrefix = 'LESIONS ';

const envelopePlaceholderNote =
  'Placeholders to replace before sending: the submitter and receiver (ISA06/ISA08, GS02/GS03, NM1*41 and NM1*40: SUBMITTERID, RECEIVERID, CONTACT PLACEHOLDER), ' +
  `the billing provider (NM1*85 BILLING PROVIDER PLACEHOLDER, NPI ${placeholderNpi}, N3, N4, REF*EI 000000000), the payer (NM1*PR PAYER PLACEHOLDER, PAYERID) and each subscriber's member id (NM1*IL MEMBERID).`;

class ClaimConverter {
  readonly kinds = new ClaimsByNote();
  private unnamed = 0;
  private lesionCounts = 0;

  constructor(private readonly document: TextDocument) {}

  /** The claim as the writer takes it, or undefined for a claim the 837P cannot hold (no service line). */
  convert(claim: Claim): ClaimToWrite | undefined {
    let id = claim.id?.value;
    if (id === undefined) {
      this.unnamed++;
      id = `CLAIM-ID-PLACEHOLDER-${this.unnamed}`;
      this.kinds.add('no-id', id);
    }
    if (claim.lines.length === 0) {
      this.kinds.add('no-lines', id);
      return undefined;
    }
    const written: ClaimToWrite = {
      id,
      diagnoses: claim.diagnoses.slice(0, maxDiagnoses).map((d) => d.code),
      lines: claim.lines.map((line) => this.line(line, claim, id)),
    };
    if (claim.diagnoses.length > maxDiagnoses) {
      this.kinds.add('too-many-dx', id);
    }
    if (claim.diagnoses.length === 0) {
      this.kinds.add('no-dx', id);
    }
    const headers = new Map(claim.headers.map((header) => [header.key.value, header.value.value]));
    const patient = nameFromHeader(headers.get('patient') ?? '');
    if (patient) {
      written.patient = patient;
    } else {
      this.kinds.add('no-patient', id);
    }
    const provider = nameFromHeader(headers.get('provider') ?? '');
    if (provider) {
      written.renderingProvider = provider;
      this.kinds.add('provider-npi', id);
    }
    if (claim.pos) {
      written.placeOfService = claim.pos.value;
    } else {
      this.kinds.add('no-pos', id);
    }
    if (claim.lesions) {
      written.notes = [`${lesionNotePrefix}${claim.lesions.value}`];
      this.lesionCounts++;
    }
    return written;
  }

  private line(line: ServiceLine, claim: Claim, id: string): LineToWrite {
    const written: LineToWrite = {
      code: line.code.value,
      modifiers: line.modifiers.map((modifier) => modifier.value),
      charge: line.charge ? writtenCharge(this.document, line.charge) : 0,
      units: line.units?.value ?? 1,
      pointers: line.dxPointers.filter((pointer) => pointer.index >= 0).map((pointer) => pointer.index + 1),
    };
    if (!line.charge) {
      this.kinds.add('no-charge', id);
    }
    if (line.dxPointers.some((pointer) => pointer.index < 0)) {
      this.kinds.add('bad-pointer', id);
    }
    if (line.dxPointers.length === 0 && claim.diagnoses.length > 0) {
      this.kinds.add('no-pointer', id);
    }
    // The 837P dates each service line (loop 2400 DTP*472); it has no claim-level date of service.
    const dos = line.dos?.value ?? claim.dos?.value;
    if (dos) {
      written.dos = dos;
    } else {
      this.kinds.add('no-dos', id);
    }
    if (line.pos) {
      written.placeOfService = line.pos.value;
    }
    if (line.lesions) {
      written.notes = [`${lesionNotePrefix}${line.lesions.value}`];
      this.lesionCounts++;
    }
    return written;
  }

  notes(): string[] {
    const notes = [
      this.kinds.note('no-patient', 'No patient: header in {claims}: NM1*IL reads PATIENT PLACEHOLDER.'),
      this.kinds.note('no-id', 'A claim before the first claim line has no id: CLM01 is {claims}.'),
      this.kinds.note('no-lines', 'Left out, having no service lines (an 837P claim needs at least one): {claims}.'),
      this.kinds.note('no-pos', 'No pos: header in {claims}: CLM05-1, the place of service, is 11 (office).'),
      this.kinds.note(
        'provider-npi',
        `The rendering provider's NPI (NM1*82) is the placeholder ${placeholderNpi} in {claims}.`,
      ),
      this.kinds.note(
        'no-charge',
        'Service lines without a charge in {claims}: their SV102, required, is 0, which converts back as $0.00.',
      ),
      this.kinds.note(
        'no-pointer',
        'Service lines without dx= in {claims}: their SV107 diagnosis pointer, required, is empty.',
      ),
      this.kinds.note('bad-pointer', 'Unreadable dx= pointers in {claims} are left out of SV107.'),
      this.kinds.note('no-dx', 'No dx: header in {claims}: the HI segment, required, is missing.'),
      this.kinds.note(
        'too-many-dx',
        `More than ${maxDiagnoses} diagnoses in {claims}: HI holds the first ${maxDiagnoses}.`,
      ),
      this.kinds.note(
        'no-dos',
        'No date of service in {claims}: their service lines have no DTP*472, which is required.',
      ),
    ];
    if (this.lesionCounts > 0) {
      notes.push(
        `Lesion counts (${this.lesionCounts}) are written as NTE*ADD notes 'LESIONS n': the 837P has no lesion field.`,
      );
    }
    return notes.filter((note): note is string => note !== undefined);
  }
}

/** How many lines of the text hold a comment (`#` at the start or after white space). */
function commentLines(text: string): number {
  return text.split(/\r\n|\r|\n/).filter((line) => /(^|\s)#/.test(line)).length;
}

// The C0 and C1 control characters, Unicode's category Cc.
const controlCharacters = /\p{Cc}/gu;

/**
 * The claim with no control character in any value (an 837 element cannot hold one: X12's character sets
 * exclude them); `removed.count` counts those taken out.
 */
function withoutControlCharacters(claim: ClaimToWrite, removed: { count: number }): ClaimToWrite {
  const clean = (value: string) => {
    const cleaned = value.replace(controlCharacters, '');
    removed.count += value.length - cleaned.length;
    return cleaned;
  };
  const name = (person: ClaimToWrite['patient']) =>
    person && { last: clean(person.last), ...(person.first !== undefined ? { first: clean(person.first) } : {}) };
  const cleaned: ClaimToWrite = {
    ...claim,
    id: clean(claim.id),
    diagnoses: claim.diagnoses.map(clean),
    lines: claim.lines.map((line) => ({
      ...line,
      code: clean(line.code),
      modifiers: (line.modifiers ?? []).map(clean),
    })),
  };
  const patient = name(claim.patient);
  const provider = name(claim.renderingProvider);
  if (patient) {
    cleaned.patient = patient;
  }
  if (provider) {
    cleaned.renderingProvider = provider;
  }
  return cleaned;
}

/** Every value written into an element, so the separators can be chosen to cut none of them. */
function valuesOf(claims: readonly ClaimToWrite[]): string[] {
  return claims.flatMap((claim) => [
    claim.id,
    ...claim.diagnoses,
    claim.patient?.last ?? '',
    claim.patient?.first ?? '',
    claim.renderingProvider?.last ?? '',
    claim.renderingProvider?.first ?? '',
    claim.placeOfService ?? '',
    ...claim.lines.flatMap((line) => [line.code, ...(line.modifiers ?? []), line.placeOfService ?? '']),
  ]);
}

export function claimTo837(
  document: TextDocument,
  model: ClaimDocumentModel,
  options: ConvertTo837Options,
): ConversionResult {
  if (model.format !== 'claim') {
    return { text: '', language: 'x12', notes: [], refused: 'This file is already an X12 837P.' };
  }
  const converter = new ClaimConverter(document);
  const removed = { count: 0 };
  const claims: ClaimToWrite[] = [];
  const visit = (claim: Claim) => {
    const written = converter.convert(claim);
    if (written) {
      claims.push(withoutControlCharacters(written, removed));
    }
  };
  let read: ClaimsRead;
  if (model.readClaims) {
    // Visited without keeping them on the model, which the server keeps as long as the document is open.
    read = model.readClaims(visit);
  } else {
    model.claims.forEach(visit);
    read = { problems: model.problems, ...(model.suppressions ? { suppressions: model.suppressions } : {}) };
  }
  const separators = chooseSeparators(valuesOf(claims));
  const text = writeX12(claims, {
    separators,
    date: options.date,
    ...(options.time ? { time: options.time } : {}),
    ...(options.controlNumber !== undefined ? { controlNumber: options.controlNumber } : {}),
  });
  const notes = [envelopePlaceholderNote, ...converter.notes()];
  if (claims.length === 0) {
    notes.unshift('The file has no claim with service lines: the 837P holds no claim.');
  }
  const problems = read.problems.length;
  if (problems > 0) {
    notes.push(`The .claim file has ${counted(problems, 'problem')}: what could not be read is not converted.`);
  }
  const comments = commentLines(document.getText());
  if (comments > 0) {
    notes.push(`Comments (${counted(comments, 'line')}) are not carried over: the 837P has no place for them.`);
  }
  if (removed.count > 0) {
    notes.push(`Control characters (${removed.count}) are taken out of the values: an 837 element cannot hold them.`);
  }
  const suppressions = read.suppressions?.length ?? 0;
  if (suppressions > 0) {
    notes.push(`Suppression comments (${suppressions}) do not carry over: what they silence is reported in the 837.`);
  }
  const unchosen = (['element', 'component', 'repetition', 'segment'] as const).filter(
    (role) => separators[role] === undefined,
  );
  if (unchosen.length > 0) {
    notes.push(
      `The claims' text uses every character the ${unchosen.join(' and ')} separator could be: some values are cut where it stands.`,
    );
  }
  const total = sumOf(
    claims.flatMap((claim) =>
      claim.lines.map((line) => (typeof line.charge === 'string' ? line.charge : line.charge.toFixed(2))),
    ),
  );
  notes.unshift(
    `Converted ${counted(claims.length, 'claim')} (${claims.reduce((n, c) => n + c.lines.length, 0)} service lines, ${amount(total)} in charges) to X12 837P.`,
  );
  return { text, language: 'x12', notes };
}
