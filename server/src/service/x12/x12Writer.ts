/**
 * Writing claims as an X12 837P (005010X222A1) interchange with valid
 * ISA/GS/ST envelopes: counts and control numbers are right, and what a claim
 * does not hold (submitter, payer, provider) gets clearly marked placeholders.
 * Used to convert `.claim` files, and by tests and the benchmark to build files.
 */
import { sumOf, x12Amount } from '../text/decimalAmount';
import type { X12Separators } from './x12Types';

export interface LineToWrite {
  code: string;
  modifiers?: readonly string[];
  /** A number, or a decimal string kept as a file wrote it (`text/decimalAmount.ts`). */
  charge: number | string;
  units?: number;
  /** 1-based pointers into the claim's diagnoses. */
  pointers?: readonly number[];
  /** YYYY-MM-DD */
  dos?: string;
  /** SV105, the line's place of service when it differs from the claim's. */
  placeOfService?: string;
  /** NTE*ADD line notes (loop 2400). */
  notes?: readonly string[];
}

/** A person's name as NM1 writes it: NM103 (last name) and NM104 (first name). */
export interface PersonName {
  last: string;
  first?: string;
}

export interface ClaimToWrite {
  id: string;
  /** ICD-10-CM codes, with or without their decimal point (it is removed). */
  diagnoses: readonly string[];
  dos?: string;
  lines: readonly LineToWrite[];
  /** CLM02; the sum of the line charges when absent. */
  totalCharge?: number;
  /** NM1*IL, the subscriber who is the patient (SBR02 18); a marked placeholder when absent. */
  patient?: PersonName;
  /** NM1*82, the rendering provider (loop 2310B), when it is not the billing provider. */
  renderingProvider?: PersonName;
  /** CLM05-1, the place of service; 11 (office) when absent. */
  placeOfService?: string;
  /** NTE*ADD claim notes (loop 2300). */
  notes?: readonly string[];
}

export interface X12WriteOptions {
  separators?: Partial<X12Separators>;
  /** One segment per line (the default) or the whole interchange on one line. */
  oneLine?: boolean;
  /** ISA13/GS06 control number. */
  controlNumber?: number;
  /** YYYY-MM-DD, for the envelope dates; defaults to the first claim's date. */
  date?: string;
  /** HHMM, for the envelope times; 1200 when absent. */
  time?: string;
}

/** The placeholder NPI of the billing and rendering providers: a well-formed NPI (check digit right) that names no one. */
export const placeholderNpi = '1234567893';

const defaultSeparators: X12Separators = { element: '*', component: ':', repetition: '^', segment: '~' };

/** An amount as 837 writes it: whole dollars bare, else two decimals; a decimal string keeps any finer digits. */
export function amount(value: number | string): string {
  if (typeof value === 'string') {
    return x12Amount(value);
  }
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A line's charge as a decimal string: as written when it is one, else the number to the cent. */
function chargeDecimal(charge: number | string): string {
  return typeof charge === 'string' ? charge : charge.toFixed(2);
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function pad(text: string, width: number): string {
  return text.padEnd(width, ' ').slice(0, width);
}

/** X12 leaves out empty elements at the end of a segment (their separators too). */
function withoutTrailingEmpties(elements: readonly string[]): string[] {
  let end = elements.length;
  while (end > 1 && elements[end - 1] === '') {
    end--;
  }
  return elements.slice(0, end);
}

function nameElements(name: PersonName | undefined, placeholder: string): string[] {
  return name ? [name.last, name.first ?? ''] : [placeholder, ''];
}

export function writeX12(claims: readonly ClaimToWrite[], options: X12WriteOptions = {}): string {
  const sep = { ...defaultSeparators, ...options.separators };
  const control = options.controlNumber ?? 1;
  const date = compactDate(options.date ?? claims[0]?.dos ?? '2026-01-01');
  const time = options.time ?? '1200';
  const segments: string[][] = [];
  const add = (...elements: string[]) => segments.push(withoutTrailingEmpties(elements));

  add('ST', '837', '0001', '005010X222A1');
  add('BHT', '0019', '00', String(control).padStart(4, '0'), date, time, 'CH');
  add('NM1', '41', '2', 'SUBMITTER PLACEHOLDER', '', '', '', '', '46', 'SUBMITTERID');
  add('PER', 'IC', 'CONTACT PLACEHOLDER', 'TE', '5555550100');
  add('NM1', '40', '2', 'RECEIVER PLACEHOLDER', '', '', '', '', '46', 'RECEIVERID');
  add('HL', '1', '', '20', '1');
  add('NM1', '85', '2', 'BILLING PROVIDER PLACEHOLDER', '', '', '', '', 'XX', placeholderNpi);
  add('N3', 'ADDRESS PLACEHOLDER');
  add('N4', 'CITY', 'ST', '000000000');
  add('REF', 'EI', '000000000');
  claims.forEach((claim, index) => {
    add('HL', String(index + 2), '1', '22', '0');
    add('SBR', 'P', '18', '', '', '', '', '', '', 'CI');
    add('NM1', 'IL', '1', ...nameElements(claim.patient, 'PATIENT PLACEHOLDER'), '', '', '', 'MI', 'MEMBERID');
    add('NM1', 'PR', '2', 'PAYER PLACEHOLDER', '', '', '', '', 'PI', 'PAYERID');
    // Summed exactly as decimals: a float sum can land a hair off a whole amount, or lose digits of a large one.
    const total = claim.totalCharge ?? sumOf(claim.lines.map((line) => chargeDecimal(line.charge)));
    add(
      'CLM',
      claim.id,
      amount(total),
      '',
      '',
      [claim.placeOfService ?? '11', 'B', '1'].join(sep.component),
      'Y',
      'A',
      'Y',
      'Y',
    );
    claim.notes?.forEach((note) => add('NTE', 'ADD', note));
    if (claim.diagnoses.length > 0) {
      add(
        'HI',
        ...claim.diagnoses.map((code, n) => [n === 0 ? 'ABK' : 'ABF', code.replace(/\./g, '')].join(sep.component)),
      );
    }
    if (claim.renderingProvider) {
      add('NM1', '82', '1', ...nameElements(claim.renderingProvider, ''), '', '', '', 'XX', placeholderNpi);
    }
    claim.lines.forEach((line, n) => {
      add('LX', String(n + 1));
      const procedure = ['HC', line.code, ...(line.modifiers ?? [])].join(sep.component);
      const pointers = (line.pointers ?? (claim.diagnoses.length > 0 ? [1] : [])).join(sep.component);
      add(
        'SV1',
        procedure,
        amount(line.charge),
        'UN',
        String(line.units ?? 1),
        line.placeOfService ?? '',
        '',
        pointers,
      );
      // 005010X222A1 puts the service date (DTP*472) in each line's loop 2400 and requires it there; 2300 has none.
      const dos = line.dos ?? claim.dos;
      if (dos) {
        add('DTP', '472', 'D8', compactDate(dos));
      }
      line.notes?.forEach((note) => add('NTE', 'ADD', note));
    });
  });
  add('SE', String(segments.length + 1), '0001');

  const isaControl = String(control).padStart(9, '0');
  const isa = [
    'ISA',
    '00',
    pad('', 10),
    '00',
    pad('', 10),
    'ZZ',
    pad('SUBMITTERID', 15),
    'ZZ',
    pad('RECEIVERID', 15),
    date.slice(2),
    time,
    sep.repetition ?? 'U',
    '00501',
    isaControl,
    '0',
    'P',
    sep.component,
  ];
  const all = [
    isa,
    ['GS', 'HC', 'SUBMITTERID', 'RECEIVERID', date, time, String(control), 'X', '005010X222A1'],
    ...segments,
    ['GE', '1', String(control)],
    ['IEA', '1', isaControl],
  ];
  const lineEnd = options.oneLine ? '' : '\n';
  return all.map((elements) => `${elements.join(sep.element)}${sep.segment}${lineEnd}`).join('');
}
