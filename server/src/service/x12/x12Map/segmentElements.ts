/**
 * What each element of the 837P's segments may hold: data type, length and
 * whether the guide always requires it, with a short name in our words.
 * Loops add what they alone require or allow (`SegmentEntry`). Envelope
 * segments (ISA, GS, ST, SE, GE, IEA) are checked by the envelope rules and
 * are not here. Elements the guide does not use are left out: nothing is
 * checked in them.
 */
import type { ElementSpec, ElementType } from './mapTypes';

function element(name: string, type: ElementType, min: number, max: number, required = false): ElementSpec {
  return required ? { name, type, min, max, required } : { name, type, min, max };
}

const required = true;

/** A monetary amount: R, 1-18 digits, dollars and at most 2 decimal places (cents), as the 837P guide writes them. */
function amount(name: string, isRequired = false): ElementSpec {
  return { ...element(name, 'R', 1, 18, isRequired), maxDecimals: 2 };
}

function composite(name: string, isRequired: boolean, components: readonly (ElementSpec | undefined)[]): ElementSpec {
  return { name, type: 'AN', min: 1, max: 80, required: isRequired, components };
}

/** SV101 and SVD03: a procedure code with its qualifier, modifiers and description. */
const procedure = (name: string) =>
  composite(name, required, [
    { ...element('product/service id qualifier', 'ID', 2, 2, required), codes: ['ER', 'HC', 'IV', 'WK'] },
    element('procedure code', 'AN', 1, 48, required),
    element('modifier 1', 'AN', 2, 2),
    element('modifier 2', 'AN', 2, 2),
    element('modifier 3', 'AN', 2, 2),
    element('modifier 4', 'AN', 2, 2),
    element('description', 'AN', 1, 80),
  ]);

/**
 * An HI composite. The guide requires the code after its qualifier, but a missing one is
 * `x12-diagnosis-code`'s to report, in the words of the code set the qualifier names: required here
 * too, it would be told twice.
 */
const diagnosis = (isRequired: boolean) =>
  composite('health care code', isRequired, [
    element('code list qualifier', 'ID', 1, 3, required),
    element('industry code', 'AN', 1, 30),
  ]);

/** Elements by segment id; index 0 is element 01. */
export const segmentElements: Readonly<Record<string, readonly (ElementSpec | undefined)[]>> = {
  BHT: [
    { ...element('hierarchical structure code', 'ID', 4, 4, required), codes: ['0019'] },
    { ...element('transaction set purpose code', 'ID', 2, 2, required), codes: ['00', '18'] },
    element('originator application transaction id', 'AN', 1, 50, required),
    element('transaction set creation date', 'DT', 8, 8, required),
    element('transaction set creation time', 'TM', 4, 8, required),
    // 31 (subrogation demand) came with the A1 addenda for Medicaid subrogation; some maps list only CH and RP.
    { ...element('claim or encounter identifier', 'ID', 2, 2, required), codes: ['CH', 'RP', '31'] },
  ],
  NM1: [
    element('entity identifier code', 'ID', 2, 3, required),
    { ...element('entity type qualifier', 'ID', 1, 1, required), codes: ['1', '2'] },
    element('last or organization name', 'AN', 1, 60),
    element('first name', 'AN', 1, 35),
    element('middle name', 'AN', 1, 25),
    undefined,
    element('name suffix', 'AN', 1, 10),
    element('identification code qualifier', 'ID', 1, 2),
    element('identification code', 'AN', 2, 80),
  ],
  PER: [
    { ...element('contact function code', 'ID', 2, 2, required), codes: ['IC'] },
    element('contact name', 'AN', 1, 60),
    element('communication number qualifier', 'ID', 2, 2, required),
    element('communication number', 'AN', 1, 256, required),
    element('communication number qualifier', 'ID', 2, 2),
    element('communication number', 'AN', 1, 256),
    element('communication number qualifier', 'ID', 2, 2),
    element('communication number', 'AN', 1, 256),
  ],
  HL: [
    element('hierarchical id number', 'AN', 1, 12, required),
    element('hierarchical parent id number', 'AN', 1, 12),
    element('hierarchical level code', 'ID', 1, 2, required),
    { ...element('hierarchical child code', 'ID', 1, 1, required), codes: ['0', '1'] },
  ],
  PRV: [
    element('provider code', 'ID', 1, 3, required),
    { ...element('reference identification qualifier', 'ID', 2, 3, required), codes: ['PXC'] },
    element('provider taxonomy code', 'AN', 1, 50, required),
  ],
  CUR: [element('entity identifier code', 'ID', 2, 3, required), element('currency code', 'ID', 3, 3, required)],
  N3: [element('address line', 'AN', 1, 55, required), element('address line 2', 'AN', 1, 55)],
  N4: [
    element('city name', 'AN', 2, 30, required),
    element('state or province code', 'ID', 2, 2),
    element('postal code', 'ID', 3, 15),
    element('country code', 'ID', 2, 3),
    undefined,
    undefined,
    element('country subdivision code', 'ID', 1, 3),
  ],
  REF: [
    element('reference identification qualifier', 'ID', 2, 3, required),
    element('reference identification', 'AN', 1, 50, required),
  ],
  SBR: [
    {
      ...element('payer responsibility sequence number code', 'ID', 1, 1, required),
      codes: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'P', 'S', 'T', 'U'],
    },
    element('individual relationship code', 'ID', 2, 2),
    element('group or policy number', 'AN', 1, 50),
    element('group name', 'AN', 1, 60),
    element('insurance type code', 'ID', 1, 3),
    undefined,
    undefined,
    undefined,
    element('claim filing indicator code', 'ID', 1, 2),
  ],
  PAT: [
    element('individual relationship code', 'ID', 2, 2),
    undefined,
    undefined,
    undefined,
    { ...element('date time period format qualifier', 'ID', 2, 3), codes: ['D8'] },
    element('date of death', 'AN', 1, 35),
    { ...element('unit of measure', 'ID', 2, 2), codes: ['01'] },
    element('patient weight', 'R', 1, 10),
    { ...element('pregnancy indicator', 'ID', 1, 1), codes: ['Y'] },
  ],
  DMG: [
    { ...element('date time period format qualifier', 'ID', 2, 3, required), codes: ['D8'] },
    element('birth date', 'AN', 1, 35, required),
    { ...element('gender code', 'ID', 1, 1, required), codes: ['F', 'M', 'U'] },
  ],
  CLM: [
    element('claim submitter identifier', 'AN', 1, 38, required),
    amount('total claim charge amount', required),
    undefined,
    undefined,
    composite('facility code / place of service', required, [
      element('place of service code', 'AN', 1, 2, required),
      { ...element('facility code qualifier', 'ID', 1, 2, required), codes: ['B'] },
      element('claim frequency type code', 'ID', 1, 1, required),
    ]),
    { ...element('provider signature indicator', 'ID', 1, 1, required), codes: ['N', 'Y'] },
    { ...element('assignment or plan participation code', 'ID', 1, 1, required), codes: ['A', 'B', 'C'] },
    { ...element('benefits assignment certification indicator', 'ID', 1, 1, required), codes: ['N', 'W', 'Y'] },
    { ...element('release of information code', 'ID', 1, 1, required), codes: ['I', 'Y'] },
    { ...element('patient signature source code', 'ID', 1, 1), codes: ['P'] },
    composite('related causes', false, [
      { ...element('related causes code', 'ID', 2, 3, required), codes: ['AA', 'EM', 'OA'] },
      { ...element('related causes code', 'ID', 2, 3), codes: ['AA', 'EM', 'OA'] },
      undefined,
      element('state or province code', 'ID', 2, 2),
      element('country code', 'ID', 2, 3),
    ]),
    { ...element('special program indicator', 'ID', 2, 3), codes: ['02', '03', '05', '09'] },
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    element('delay reason code', 'ID', 1, 2),
  ],
  DTP: [
    element('date/time qualifier', 'ID', 3, 3, required),
    element('date time period format qualifier', 'ID', 2, 3, required),
    element('date time period', 'AN', 1, 35, required),
  ],
  PWK: [
    element('report type code', 'ID', 2, 2, required),
    element('report transmission code', 'ID', 1, 2, required),
    undefined,
    undefined,
    element('identification code qualifier', 'ID', 1, 2),
    element('identification code', 'AN', 2, 80),
  ],
  CN1: [
    { ...element('contract type code', 'ID', 2, 2, required), codes: ['01', '02', '03', '04', '05', '06', '09'] },
    amount('contract amount'),
    element('contract percentage', 'R', 1, 6),
    element('contract code', 'AN', 1, 50),
    element('terms discount percentage', 'R', 1, 6),
    element('contract version identifier', 'AN', 1, 30),
  ],
  AMT: [element('amount qualifier code', 'ID', 1, 3, required), amount('monetary amount', required)],
  K3: [element('fixed format information', 'AN', 1, 80, required)],
  NTE: [element('note reference code', 'ID', 3, 3, required), element('description', 'AN', 1, 80, required)],
  CR1: [
    element('unit or basis for measurement code', 'ID', 2, 2),
    element('patient weight', 'R', 1, 10),
    undefined,
    element('ambulance transport reason code', 'ID', 1, 1, required),
    element('unit or basis for measurement code', 'ID', 2, 2, required),
    element('transport distance', 'R', 1, 15, required),
    undefined,
    undefined,
    element('round trip purpose description', 'AN', 1, 80),
    element('stretcher purpose description', 'AN', 1, 80),
  ],
  CR2: [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    element('patient condition code', 'ID', 1, 1, required),
    undefined,
    element('patient condition description', 'AN', 1, 80),
    element('patient condition description', 'AN', 1, 80),
  ],
  CRC: [
    element('code category', 'ID', 2, 2, required),
    { ...element('certification condition indicator', 'ID', 1, 1, required), codes: ['N', 'Y'] },
    element('condition code', 'ID', 2, 3, required),
    element('condition code', 'ID', 2, 3),
    element('condition code', 'ID', 2, 3),
    element('condition code', 'ID', 2, 3),
    element('condition code', 'ID', 2, 3),
  ],
  HI: [diagnosis(required), ...Array.from({ length: 11 }, () => diagnosis(false))],
  HCP: [
    element('pricing methodology', 'ID', 2, 2, required),
    amount('repriced allowed amount', required),
    amount('repriced saving amount'),
    element('repricing organization identifier', 'AN', 1, 50),
    element('repricing per diem or flat rate amount', 'R', 1, 9),
    element('repriced approved ambulatory patient group code', 'AN', 1, 50),
    amount('repriced approved ambulatory patient group amount'),
  ],
  CAS: [
    { ...element('claim adjustment group code', 'ID', 1, 2, required), codes: ['CO', 'CR', 'OA', 'PI', 'PR'] },
    element('adjustment reason code', 'ID', 1, 5, required),
    amount('adjustment amount', required),
    element('adjustment quantity', 'R', 1, 15),
  ],
  OI: [
    undefined,
    undefined,
    { ...element('benefits assignment certification indicator', 'ID', 1, 1, required), codes: ['N', 'W', 'Y'] },
    { ...element('patient signature source code', 'ID', 1, 1), codes: ['P'] },
    undefined,
    { ...element('release of information code', 'ID', 1, 1, required), codes: ['I', 'Y'] },
  ],
  MOA: [element('reimbursement rate', 'R', 1, 10), amount('claim hcpcs payable amount')],
  LX: [element('assigned number', 'N0', 1, 6, required)],
  SV1: [
    procedure('composite medical procedure identifier'),
    amount('line item charge amount', required),
    // SV103 and SV104 are required, but x12-units-pair already reports either without the other.
    { ...element('unit or basis for measurement code', 'ID', 2, 2), codes: ['MJ', 'UN'] },
    element('service unit count', 'R', 1, 15),
    element('place of service code', 'AN', 1, 2),
    undefined,
    {
      ...composite('composite diagnosis code pointer', required, [
        element('diagnosis code pointer', 'N0', 1, 2, required),
        element('diagnosis code pointer', 'N0', 1, 2),
        element('diagnosis code pointer', 'N0', 1, 2),
        element('diagnosis code pointer', 'N0', 1, 2),
      ]),
      overflowRule: 'dx-pointer',
    },
    undefined,
    { ...element('emergency indicator', 'ID', 1, 1), codes: ['Y'] },
    undefined,
    { ...element('epsdt indicator', 'ID', 1, 1), codes: ['Y'] },
    { ...element('family planning indicator', 'ID', 1, 1), codes: ['Y'] },
    undefined,
    undefined,
    { ...element('copay status code', 'ID', 1, 1), codes: ['0'] },
  ],
  SV5: [
    composite('composite medical procedure identifier', required, [
      { ...element('product/service id qualifier', 'ID', 2, 2, required), codes: ['HC'] },
      element('procedure code', 'AN', 1, 48, required),
    ]),
    { ...element('unit or basis for measurement code', 'ID', 2, 2, required), codes: ['DA'] },
    element('length of medical necessity', 'R', 1, 15, required),
    amount('dme rental price', required),
    amount('dme purchase price', required),
    { ...element('rental unit price indicator', 'ID', 1, 1, required), codes: ['1', '4', '6'] },
  ],
  CR3: [
    { ...element('certification type code', 'ID', 1, 1, required), codes: ['I', 'R', 'S'] },
    { ...element('unit or basis for measurement code', 'ID', 2, 2, required), codes: ['MO'] },
    element('durable medical equipment duration', 'R', 1, 15, required),
  ],
  QTY: [element('quantity qualifier', 'ID', 2, 2, required), element('quantity', 'R', 1, 15, required)],
  MEA: [
    { ...element('measurement reference id code', 'ID', 2, 2, required), codes: ['OG', 'TR'] },
    { ...element('measurement qualifier', 'ID', 1, 3, required), codes: ['HT', 'R1', 'R2', 'R3', 'R4'] },
    element('measurement value', 'R', 1, 20, required),
  ],
  PS1: [
    element('purchased service provider identifier', 'AN', 1, 50, required),
    amount('purchased service charge amount', required),
  ],
  LIN: [
    undefined,
    {
      ...element('product/service id qualifier', 'ID', 2, 2, required),
      codes: ['EN', 'EO', 'HI', 'N4', 'ON', 'UK', 'UP'],
    },
    element('national drug code', 'AN', 1, 48, required),
  ],
  CTP: [
    undefined,
    undefined,
    undefined,
    element('national drug unit count', 'R', 1, 15, required),
    composite('composite unit of measure', required, [
      { ...element('unit or basis for measurement code', 'ID', 2, 2, required), codes: ['F2', 'GR', 'ME', 'ML', 'UN'] },
    ]),
  ],
  SVD: [
    element('other payer primary identifier', 'AN', 2, 80, required),
    amount('service line paid amount', required),
    procedure('composite medical procedure identifier'),
    undefined,
    element('paid service unit count', 'R', 1, 15, required),
    element('bundled or unbundled line number', 'N0', 1, 6),
  ],
  LQ: [
    { ...element('code list qualifier code', 'ID', 1, 3, required), codes: ['AS', 'UT'] },
    element('form identifier', 'AN', 1, 30, required),
  ],
  FRM: [
    element('question number/letter', 'AN', 1, 20, required),
    { ...element('question response', 'ID', 1, 1), codes: ['N', 'W', 'Y'] },
    element('question response', 'AN', 1, 50),
    element('question response', 'DT', 8, 8),
    element('question response', 'R', 1, 6),
  ],
};
