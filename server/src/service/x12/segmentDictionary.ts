/**
 * What the segments and elements of an X12 837P (005010X222A1) file are, for
 * hover, completion and the outline: each segment's name and role (the loop
 * it belongs to), its elements by position, the components of composite
 * elements, and the meaning of the qualifier values a coder meets. The
 * explanations are our own words; X12 element names are stated as such.
 *
 * Element n (1-based, as in SV104) is `elements[n - 1]`; component k of a
 * composite (as in SV101-2) is `components[k - 1]`.
 */
import { loopAt } from './loopLookup';
import { loopById } from './x12Map/x12Map';
import type { X12Segments, X12Separators } from './x12Types';
import type { DiagnosisCodeSet } from '../model/model';

/** Qualifier or code value → its meaning. */
export type X12CodeTable = Readonly<Record<string, string>>;

/** Values that hover and completion explain with the code reference rather than a table. */
export type X12ValueKind = 'procedure-code' | 'modifier' | 'diagnosis-code' | 'diagnosis-pointer';

export interface X12ComponentInfo {
  name: string;
  note?: string;
  /** True for positions the 837P does not use. */
  unused?: boolean;
  codes?: X12CodeTable;
  kind?: X12ValueKind;
}

export interface X12ElementInfo {
  name: string;
  note?: string;
  /** True for positions the 837P does not use. */
  unused?: boolean;
  codes?: X12CodeTable;
  kind?: X12ValueKind;
  /** Present for composite elements, whose parts are split by the component separator. */
  components?: readonly X12ComponentInfo[];
}

export interface X12SegmentInfo {
  id: string;
  name: string;
  /** Where the segment stands in the 837P, e.g. `Loop 2400 service line`. */
  loop: string;
  summary: string;
  elements: readonly X12ElementInfo[];
}

/** A loop of the 837P, e.g. `{ id: '2400', name: 'Service line' }`. */
export interface X12Loop {
  id: string;
  name: string;
}

// ---------------------------------------------------------------------------
// Code tables

const yesNo: X12CodeTable = { Y: 'Yes', N: 'No' };

export const entityIdentifierCodes: X12CodeTable = {
  '41': 'Submitter (Loop 1000A): who sends the file',
  '40': 'Receiver (Loop 1000B): who receives the file, e.g. the clearinghouse or payer',
  '85': 'Billing provider (Loop 2010AA)',
  '87': 'Pay-to provider address (Loop 2010AB), when payment goes elsewhere than the billing address',
  PE: 'Pay-to plan (Loop 2010AC)',
  IL: "Insured or subscriber (Loop 2010BA; Loop 2330A for another payer's subscriber)",
  QC: 'Patient (Loop 2010CA), when the patient is not the subscriber',
  PR: 'Payer (Loop 2010BB; Loop 2330B for another payer)',
  DN: 'Referring provider (Loop 2310A / 2420F)',
  P3: 'Primary care provider, sent as the referring provider (Loop 2310A / 2420F)',
  '82': 'Rendering provider (Loop 2310B / 2420A): who performed the service',
  '77': 'Service facility location (Loop 2310C / 2420C): where the service was done',
  DQ: 'Supervising provider (Loop 2310D / 2420D)',
  DK: 'Ordering provider (Loop 2420E)',
  QB: 'Purchased service provider (Loop 2420B)',
  PW: 'Ambulance pick-up location (Loop 2310E / 2420G)',
  '45': 'Ambulance drop-off location (Loop 2310F / 2420H)',
};

const entityTypeCodes: X12CodeTable = { '1': 'Person', '2': 'Non-person entity (an organization)' };

const idCodeQualifiers: X12CodeTable = {
  XX: 'National Provider Identifier (NPI)',
  '46': 'Electronic transmitter identification number (ETIN)',
  MI: 'Member identification number',
  PI: 'Payer identification',
  II: 'Standard unique health identifier',
  XV: 'Centers for Medicare and Medicaid Services plan identifier',
  '24': "Employer's identification number (EIN)",
  '34': 'Social security number',
  FI: "Federal taxpayer's identification number",
};

export const hierarchicalLevelCodes: X12CodeTable = {
  '20': 'Information source: the billing provider (Loop 2000A)',
  '22': 'Subscriber (Loop 2000B)',
  '23': 'Dependent: the patient, when not the subscriber (Loop 2000C)',
};

export const dateQualifiers: X12CodeTable = {
  '472': 'Service date: the date of service of the claim or line',
  '431': 'Onset of current illness or symptom',
  '454': 'Initial treatment date',
  '304': 'Latest visit or consultation',
  '453': 'Acute manifestation',
  '439': 'Accident date',
  '484': 'Last menstrual period',
  '455': 'Last X-ray date',
  '471': 'Prescription date',
  '314': 'Disability period',
  '360': 'Initial disability period start',
  '361': 'Initial disability period end',
  '297': 'Last worked',
  '296': 'Authorized return to work',
  '435': 'Admission date',
  '096': 'Discharge date',
  '090': 'Assumed care date',
  '091': 'Relinquished care date',
  '444': 'First contact (property and casualty)',
  '050': 'Repricer received date',
  '607': 'Certification revision or recertification date',
  '463': 'Begin therapy date',
  '461': 'Last certification date',
  '738': 'Most recent hemoglobin or hematocrit test',
  '739': 'Most recent serum creatinine test',
  '011': 'Shipped date',
  '573': "Date claim paid (another payer's adjudication date)",
};

export const dateFormatQualifiers: X12CodeTable = {
  D8: 'A date: CCYYMMDD',
  RD8: 'A range of dates: CCYYMMDD-CCYYMMDD',
};

export const diagnosisQualifiers: X12CodeTable = {
  ABK: 'Principal diagnosis, ICD-10-CM',
  ABF: 'Other diagnosis, ICD-10-CM',
  APR: "Patient's reason for visit, ICD-10-CM",
  ABJ: 'Admitting diagnosis, ICD-10-CM',
  ABN: 'External cause of injury, ICD-10-CM',
  BK: 'Principal diagnosis, ICD-9-CM (services before October 1, 2015)',
  BF: 'Other diagnosis, ICD-9-CM (services before October 1, 2015)',
  BR: "Patient's reason for visit, ICD-9-CM (services before October 1, 2015)",
  BJ: 'Admitting diagnosis, ICD-9-CM (services before October 1, 2015)',
  BN: 'External cause of injury, ICD-9-CM (services before October 1, 2015)',
  BP: 'Anesthesia related surgical procedure (HCPCS)',
  BO: 'Anesthesia related surgical procedure (HCPCS), other',
  BG: 'Condition code',
};

/**
 * HI qualifiers whose code is a diagnosis that SV107 may point to, with the
 * code set each names (X12 code list 1270). Any other HI qualifier (anesthesia
 * procedures BP and BO, condition codes BG, value codes, ...) is not a
 * diagnosis and is never read as one.
 */
export const diagnosisCodeSets: ReadonlyMap<string, DiagnosisCodeSet> = new Map([
  ['ABK', 'ICD-10-CM'],
  ['ABF', 'ICD-10-CM'],
  ['APR', 'ICD-10-CM'],
  ['ABJ', 'ICD-10-CM'],
  ['ABN', 'ICD-10-CM'],
  ['BK', 'ICD-9-CM'],
  ['BF', 'ICD-9-CM'],
  ['BR', 'ICD-9-CM'],
  ['BJ', 'ICD-9-CM'],
  ['BN', 'ICD-9-CM'],
]);

export const productServiceQualifiers: X12CodeTable = {
  HC: 'HCPCS codes: CPT (HCPCS Level I) and HCPCS Level II codes',
  ER: 'Jurisdiction-specific procedure and supply codes',
  IV: 'Home infusion EDI coalition (HIEC) product or service codes',
  WK: 'Advanced billing concepts (ABC) codes',
};

export const unitBasisCodes: X12CodeTable = {
  UN: 'Unit: SV104 counts units of service',
  MJ: 'Minutes: SV104 counts minutes (anesthesia time)',
};

export const referenceQualifiers: X12CodeTable = {
  EI: "Employer's identification number (the tax id, TIN, of an organization)",
  SY: 'Social security number (as a tax id)',
  TJ: "Federal taxpayer's identification number",
  G1: 'Prior authorization number',
  '9F': 'Referral number',
  F8: "Payer claim control number: the original claim's number, for a replacement or void",
  D9: 'Claim number assigned by a clearinghouse or value-added network',
  EA: 'Medical record number',
  '6R': 'Line item control number of the provider',
  G2: 'Provider commercial number (an id the payer assigned)',
  '0B': 'State license number',
  '1G': 'Provider UPIN number',
  LU: 'Location number',
  '2U': 'Payer identification number',
  X4: 'CLIA number (clinical laboratory improvement amendment)',
  EW: 'Mammography certification number',
  XZ: 'Pharmacy prescription number',
  VY: 'Link sequence number',
  Y4: 'Property casualty claim number',
  '4N': 'Special payment reference number',
  '9A': 'Repriced claim reference number',
  '9B': 'Repriced line item reference number',
  '9C': 'Adjusted repriced claim reference number',
  '9D': 'Adjusted repriced line item reference number',
  P4: 'Project code',
  F5: 'Medicare version code',
  IG: 'Insurance policy number',
  '1W': 'Member identification number',
  '23': 'Client number',
};

export const payerResponsibilityCodes: X12CodeTable = {
  P: 'Primary payer',
  S: 'Secondary payer',
  T: 'Tertiary payer',
  A: 'Payer responsibility four',
  B: 'Payer responsibility five',
  C: 'Payer responsibility six',
  D: 'Payer responsibility seven',
  E: 'Payer responsibility eight',
  F: 'Payer responsibility nine',
  G: 'Payer responsibility ten',
  H: 'Payer responsibility eleven',
  U: 'Unknown',
};

const claimFilingCodes: X12CodeTable = {
  '11': 'Other non-federal programs',
  '12': 'Preferred provider organization (PPO)',
  '13': 'Point of service (POS)',
  '14': 'Exclusive provider organization (EPO)',
  '15': 'Indemnity insurance',
  '16': 'Health maintenance organization (HMO) Medicare risk',
  '17': 'Dental maintenance organization',
  AM: 'Automobile medical',
  BL: 'Blue Cross / Blue Shield',
  CH: 'TRICARE',
  CI: 'Commercial insurance',
  DS: 'Disability',
  FI: 'Federal employees program',
  HM: 'Health maintenance organization (HMO)',
  LM: 'Liability medical',
  MA: 'Medicare Part A',
  MB: 'Medicare Part B',
  MC: 'Medicaid',
  OF: 'Other federal program',
  TV: 'Title V',
  VA: 'Veterans affairs plan',
  WC: "Workers' compensation health claim",
  ZZ: 'Mutually defined',
};

const relationshipCodes: X12CodeTable = {
  '18': 'Self: the patient is the subscriber',
  '01': 'Spouse',
  '19': 'Child',
  '20': 'Employee',
  '21': 'Unknown',
  '39': 'Organ donor',
  '40': 'Cadaver donor',
  '53': 'Life partner',
  G8: 'Other relationship',
};

export const communicationQualifiers: X12CodeTable = {
  TE: 'Telephone',
  EM: 'Electronic mail',
  FX: 'Fax',
  EX: 'Telephone extension',
};

export const transactionTypeCodes: X12CodeTable = {
  CH: 'Chargeable: claims asking for payment',
  RP: 'Reporting: encounters reported to a payer without asking for payment',
  '31': 'Subrogation demand',
};

export const functionalIdentifierCodes: X12CodeTable = {
  HC: 'Health care claim (837)',
};

const placeOfServiceCodes: X12CodeTable = {
  '02': "Telehealth, other than in the patient's home",
  '10': "Telehealth in the patient's home",
  '11': 'Office',
  '12': 'Home',
  '19': 'Off-campus outpatient hospital',
  '21': 'Inpatient hospital',
  '22': 'On-campus outpatient hospital',
  '23': 'Emergency room, hospital',
  '24': 'Ambulatory surgical center',
  '31': 'Skilled nursing facility',
  '32': 'Nursing facility',
  '49': 'Independent clinic',
  '81': 'Independent laboratory',
};

const interchangeIdQualifiers: X12CodeTable = {
  '01': 'DUNS number',
  '14': 'DUNS number with suffix',
  '20': 'Health industry number (HIN)',
  '27': 'Carrier identification number (as assigned by CMS)',
  '28': 'Fiscal intermediary identification number (as assigned by CMS)',
  '29': 'Medicare provider and supplier identification number (as assigned by CMS)',
  '30': 'U.S. federal tax identification number',
  '33': 'National association of insurance commissioners company code (NAIC)',
  ZZ: 'Mutually defined',
};

const modifierComponent = (n: number): X12ComponentInfo => ({
  name: `Procedure modifier ${n}`,
  note: `Modifier ${n} of up to 4 on the procedure code.`,
  kind: 'modifier',
});

/** C003, the composite medical procedure identifier of SV1, SV5 and SVD. */
const procedureComposite: readonly X12ComponentInfo[] = [
  {
    name: 'Product or service ID qualifier',
    note: 'What code set the procedure code is from.',
    codes: productServiceQualifiers,
  },
  { name: 'Procedure code', note: 'The CPT or HCPCS code billed, e.g. 19283.', kind: 'procedure-code' },
  modifierComponent(1),
  modifierComponent(2),
  modifierComponent(3),
  modifierComponent(4),
  { name: 'Description', note: 'Free-text description, required only for a not-otherwise-classified (unlisted) code.' },
  { name: 'Product or service ID (not used)', unused: true },
];

const diagnosisComposite: readonly X12ComponentInfo[] = [
  {
    name: 'Code list qualifier',
    note: 'What the code is: ABK principal diagnosis, ABF other diagnosis (ICD-10-CM); BK, BF the same in ICD-9-CM, for services before October 1, 2015.',
    codes: diagnosisQualifiers,
  },
  {
    name: 'Diagnosis code',
    note: 'The ICD-10-CM (or, under BK and BF, ICD-9-CM) code, written without its decimal point.',
    kind: 'diagnosis-code',
  },
];

function hiElement(n: number): X12ElementInfo {
  return {
    name: n === 1 ? 'Principal diagnosis' : `Diagnosis ${n}`,
    note:
      n === 1
        ? 'The first diagnosis: qualifier ABK and the ICD-10-CM code (BK and an ICD-9-CM code for services before October 1, 2015). SV107 points to it as 1.'
        : `Diagnosis ${n} of up to 12: qualifier ABF and the ICD-10-CM code (BF and an ICD-9-CM code for services before October 1, 2015). SV107 points to it as ${n}.`,
    components: diagnosisComposite,
  };
}

function notUsed(name = 'Not used'): X12ElementInfo {
  return { name, note: 'The 837P does not use this element.', unused: true };
}

// ---------------------------------------------------------------------------
// Segments

const segments: readonly X12SegmentInfo[] = [
  {
    id: 'ISA',
    name: 'Interchange control header',
    loop: 'Interchange envelope',
    summary:
      'Opens the interchange: who sends it to whom, when, its control number, and the separators the whole file uses. It has a fixed width: 106 characters with its terminator.',
    elements: [
      {
        name: 'Authorization information qualifier',
        codes: { '00': 'No authorization information present', '03': 'Additional data identification' },
      },
      { name: 'Authorization information', note: '10 characters, usually blank.' },
      { name: 'Security information qualifier', codes: { '00': 'No security information present', '01': 'Password' } },
      { name: 'Security information', note: '10 characters, usually blank.' },
      { name: 'Interchange sender ID qualifier', codes: interchangeIdQualifiers },
      { name: 'Interchange sender ID', note: '15 characters, padded with spaces.' },
      { name: 'Interchange receiver ID qualifier', codes: interchangeIdQualifiers },
      { name: 'Interchange receiver ID', note: '15 characters, padded with spaces.' },
      { name: 'Interchange date', note: 'YYMMDD.' },
      { name: 'Interchange time', note: 'HHMM.' },
      {
        name: 'Repetition separator',
        note: 'The character that separates repeats of an element (from version 00402 on; older files have U here).',
      },
      { name: 'Interchange control version number', codes: { '00501': 'Version 5010' } },
      { name: 'Interchange control number', note: '9 digits; IEA02 repeats it.' },
      {
        name: 'Acknowledgment requested',
        codes: {
          '0': 'No interchange acknowledgment (TA1) requested',
          '1': 'Interchange acknowledgment (TA1) requested',
        },
      },
      { name: 'Usage indicator', codes: { P: 'Production data', T: 'Test data' } },
      {
        name: 'Component element separator',
        note: 'The character that splits composite elements, such as SV101 (HC:19283:RT).',
      },
    ],
  },
  {
    id: 'GS',
    name: 'Functional group header',
    loop: 'Functional group envelope',
    summary: 'Opens a group of transactions of one kind (HC: claims).',
    elements: [
      { name: 'Functional identifier code', codes: functionalIdentifierCodes },
      { name: "Application sender's code" },
      { name: "Application receiver's code" },
      { name: 'Date', note: 'CCYYMMDD.' },
      { name: 'Time', note: 'HHMM, optionally with seconds.' },
      { name: 'Group control number', note: 'GE02 repeats it.' },
      { name: 'Responsible agency code', codes: { X: 'Accredited Standards Committee X12' } },
      {
        name: 'Version / release / industry identifier code',
        codes: { '005010X222A1': '837 professional claim, version 5010 with addenda' },
      },
    ],
  },
  {
    id: 'ST',
    name: 'Transaction set header',
    loop: 'Transaction header',
    summary: 'Opens one 837 transaction; SE closes it.',
    elements: [
      { name: 'Transaction set identifier code', codes: { '837': 'Health care claim' } },
      { name: 'Transaction set control number', note: 'SE02 repeats it.' },
      {
        name: 'Implementation convention reference',
        codes: { '005010X222A1': '837 professional claim (837P), version 5010 with addenda' },
      },
    ],
  },
  {
    id: 'BHT',
    name: 'Beginning of hierarchical transaction',
    loop: 'Transaction header',
    summary: 'Says how the transaction is organized, what it is for, and when it was made.',
    elements: [
      {
        name: 'Hierarchical structure code',
        codes: { '0019': 'Information source (billing provider), subscriber, dependent (patient)' },
      },
      { name: 'Transaction set purpose code', codes: { '00': 'Original', '18': 'Reissue' } },
      { name: 'Originator application transaction identifier', note: "The submitter's own batch number." },
      { name: 'Transaction set creation date', note: 'CCYYMMDD.' },
      { name: 'Transaction set creation time', note: 'HHMM.' },
      { name: 'Transaction type code', codes: transactionTypeCodes },
    ],
  },
  {
    id: 'NM1',
    name: 'Individual or organizational name',
    loop: 'Name loops 1000A-2420H: the party is named by NM101',
    summary:
      'Names a party of the claim (submitter, receiver, billing provider, subscriber, patient, payer, rendering or referring provider, facility) and gives its identifier.',
    elements: [
      { name: 'Entity identifier code', note: 'Which party this is.', codes: entityIdentifierCodes },
      { name: 'Entity type qualifier', codes: entityTypeCodes },
      { name: 'Last name or organization name' },
      { name: 'First name' },
      { name: 'Middle name or initial' },
      notUsed('Name prefix (not used)'),
      { name: 'Name suffix' },
      { name: 'Identification code qualifier', codes: idCodeQualifiers },
      { name: 'Identification code', note: 'The identifier NM108 names, e.g. the NPI.' },
    ],
  },
  {
    id: 'N3',
    name: 'Address information',
    loop: 'Name loops (after NM1)',
    summary: 'Street address of the party the NM1 before it names.',
    elements: [{ name: 'Address line 1' }, { name: 'Address line 2' }],
  },
  {
    id: 'N4',
    name: 'Geographic location',
    loop: 'Name loops (after N3)',
    summary: 'City, state and postal code of the party the NM1 before it names.',
    elements: [
      { name: 'City name' },
      { name: 'State or province code' },
      { name: 'Postal code', note: "ZIP code; the billing provider's needs all 9 digits." },
      { name: 'Country code', note: 'Only for addresses outside the United States.' },
      notUsed(),
      notUsed(),
      { name: 'Country subdivision code' },
    ],
  },
  {
    id: 'REF',
    name: 'Reference information',
    loop: 'Many loops: names, claim (2300), service line (2400)',
    summary:
      'An extra identifier, named by REF01: a tax id, prior authorization, referral number, original claim number, ...',
    elements: [
      { name: 'Reference identification qualifier', codes: referenceQualifiers },
      { name: 'Reference identification', note: 'The identifier REF01 names.' },
      notUsed('Description (not used)'),
      { name: 'Reference identifier', note: 'Used only in other-payer loops (2330x).' },
    ],
  },
  {
    id: 'PER',
    name: 'Administrative communications contact',
    loop: 'Loop 1000A submitter; 2010AA billing provider; 2010BA subscriber',
    summary: 'A contact person and how to reach them.',
    elements: [
      { name: 'Contact function code', codes: { IC: 'Information contact' } },
      { name: 'Name' },
      { name: 'Communication number qualifier', codes: communicationQualifiers },
      { name: 'Communication number' },
      { name: 'Communication number qualifier', codes: communicationQualifiers },
      { name: 'Communication number' },
      { name: 'Communication number qualifier', codes: communicationQualifiers },
      { name: 'Communication number' },
    ],
  },
  {
    id: 'HL',
    name: 'Hierarchical level',
    loop: 'Loops 2000A billing provider, 2000B subscriber, 2000C patient (by HL03)',
    summary:
      'Opens a level of the claim hierarchy: billing provider, then subscriber, then (when not the subscriber) patient. Claims (CLM) sit under the subscriber or patient level.',
    elements: [
      { name: 'Hierarchical ID number', note: "This level's number, 1, 2, ... in order." },
      {
        name: 'Hierarchical parent ID number',
        note: 'HL01 of the level this one sits under; empty for the billing provider.',
      },
      { name: 'Hierarchical level code', codes: hierarchicalLevelCodes },
      {
        name: 'Hierarchical child code',
        codes: { '0': 'No levels under this one', '1': 'Levels follow under this one' },
      },
    ],
  },
  {
    id: 'PRV',
    name: 'Provider information',
    loop: 'Loop 2000A billing provider; 2310B / 2420A rendering provider',
    summary: "The provider's specialty, as a health care provider taxonomy code.",
    elements: [
      { name: 'Provider code', codes: { BI: 'Billing', PE: 'Performing', RF: 'Referring' } },
      { name: 'Reference identification qualifier', codes: { PXC: 'Health care provider taxonomy code' } },
      { name: 'Provider taxonomy code' },
    ],
  },
  {
    id: 'CUR',
    name: 'Foreign currency information',
    loop: 'Loop 2000A billing provider',
    summary: 'The currency of the amounts, when it is not US dollars.',
    elements: [
      { name: 'Entity identifier code', codes: { '85': 'Billing provider' } },
      { name: 'Currency code', note: 'ISO 4217, e.g. CAD.' },
    ],
  },
  {
    id: 'SBR',
    name: 'Subscriber information',
    loop: 'Loop 2000B subscriber; Loop 2320 other subscriber (inside a claim)',
    summary:
      "The subscriber's coverage: which payer this is (primary, secondary, ...), the relationship to the patient, the group number and the kind of plan.",
    elements: [
      { name: 'Payer responsibility sequence number code', codes: payerResponsibilityCodes },
      {
        name: 'Individual relationship code',
        note: '18 when the patient is the subscriber; empty otherwise (PAT01 then says the relationship).',
        codes: relationshipCodes,
      },
      { name: 'Group or policy number' },
      { name: 'Group name' },
      { name: 'Insurance type code', note: 'Required when Medicare is secondary: why it is.' },
      notUsed(),
      notUsed(),
      notUsed(),
      { name: 'Claim filing indicator code', codes: claimFilingCodes },
    ],
  },
  {
    id: 'PAT',
    name: 'Patient information',
    loop: 'Loop 2000C patient; Loop 2000B subscriber (death date, weight, pregnancy)',
    summary: "The patient's relationship to the subscriber, and facts some payers need.",
    elements: [
      {
        name: 'Individual relationship code',
        note: "The patient's relationship to the insured.",
        codes: relationshipCodes,
      },
      notUsed(),
      notUsed(),
      notUsed(),
      { name: 'Date time period format qualifier', codes: dateFormatQualifiers },
      { name: 'Patient death date' },
      { name: 'Unit or basis for measurement code', codes: { '01': 'Actual pounds' } },
      { name: 'Patient weight' },
      { name: 'Pregnancy indicator', codes: { Y: 'Yes, the patient is pregnant' } },
    ],
  },
  {
    id: 'DMG',
    name: 'Demographic information',
    loop: 'Loop 2010BA subscriber; 2010CA patient',
    summary: 'Date of birth and sex of the person the NM1 before it names.',
    elements: [
      { name: 'Date time period format qualifier', codes: dateFormatQualifiers },
      { name: 'Date of birth', note: 'CCYYMMDD.' },
      { name: 'Gender code', codes: { F: 'Female', M: 'Male', U: 'Unknown' } },
    ],
  },
  {
    id: 'CLM',
    name: 'Claim information',
    loop: 'Loop 2300 claim',
    summary:
      'Opens a claim: its id, its total charge, where the services were done and what the patient and provider signed. Its HI lists the diagnoses; each LX/SV1 after it is a service line.',
    elements: [
      {
        name: 'Patient control number (claim id)',
        note: "The submitter's own id of the claim, echoed back in remittances.",
      },
      { name: 'Total claim charge amount', note: 'Must equal the sum of the line charges (SV102).' },
      notUsed(),
      notUsed(),
      {
        name: 'Health care service location information',
        note: 'Place of service, its qualifier, and whether the claim is original or replaces one.',
        components: [
          {
            name: 'Place of service code',
            note: 'Where the services were done (CMS place of service codes).',
            codes: placeOfServiceCodes,
          },
          {
            name: 'Facility code qualifier',
            codes: { B: 'Place of service codes for professional or dental services' },
          },
          {
            name: 'Claim frequency type code',
            codes: {
              '1': 'Original claim',
              '7': 'Replacement of a prior claim',
              '8': 'Void or cancel of a prior claim',
            },
          },
        ],
      },
      { name: 'Provider or supplier signature indicator', codes: yesNo },
      {
        name: 'Assignment or plan participation code',
        codes: { A: 'Assigned', B: 'Assignment accepted on clinical lab services only', C: 'Not assigned' },
      },
      {
        name: 'Benefits assignment certification indicator',
        note: 'Whether the patient assigned the benefits to the provider.',
        codes: { Y: 'Yes', N: 'No', W: 'Not applicable' },
      },
      {
        name: 'Release of information code',
        codes: {
          Y: 'Yes, a signed statement allows releasing medical data',
          I: 'Informed consent to release medical information, no signed statement',
        },
      },
      {
        name: 'Patient signature source code',
        codes: { P: 'Signed by someone other than the patient (parent, guardian)' },
      },
      {
        name: 'Related causes information',
        note: 'When the condition results from an accident or employment.',
        components: [
          { name: 'Related causes code', codes: { AA: 'Auto accident', EM: 'Employment', OA: 'Other accident' } },
          { name: 'Related causes code', codes: { AA: 'Auto accident', EM: 'Employment', OA: 'Other accident' } },
          notUsed(),
          { name: 'State or province code', note: 'Where an auto accident happened.' },
          { name: 'Country code' },
        ],
      },
      {
        name: 'Special program code',
        codes: {
          '02': "Physically handicapped children's program",
          '03': 'Special federal funding',
          '05': 'Disability',
          '09': 'Second opinion or surgery',
        },
      },
      notUsed(),
      notUsed(),
      notUsed(),
      notUsed(),
      notUsed(),
      notUsed(),
      notUsed(),
      { name: 'Delay reason code', note: 'Why the claim is sent late.' },
    ],
  },
  {
    id: 'DTP',
    name: 'Date or time or period',
    loop: 'Loop 2300 claim (claim dates); Loop 2400 service line (DTP*472 service date)',
    summary: "A date, named by DTP01. DTP*472 after an SV1 is the line's date of service.",
    elements: [
      { name: 'Date / time qualifier', note: 'Which date this is.', codes: dateQualifiers },
      { name: 'Date time period format qualifier', codes: dateFormatQualifiers },
      { name: 'Date time period', note: 'CCYYMMDD for D8, CCYYMMDD-CCYYMMDD for RD8.' },
    ],
  },
  {
    id: 'HI',
    name: 'Health care diagnosis code',
    loop: 'Loop 2300 claim',
    summary:
      "The claim's diagnoses: up to 12, each a qualifier and a code without its decimal point, ICD-10-CM (ABK, ABF), or ICD-9-CM (BK, BF) for services before October 1, 2015. Service lines point to them by position (SV107: 1 is HI01, 2 is HI02, ...).",
    elements: Array.from({ length: 12 }, (_, i) => hiElement(i + 1)),
  },
  {
    id: 'AMT',
    name: 'Monetary amount information',
    loop: 'Loop 2300 claim; 2320 other subscriber; 2400 service line',
    summary: 'An amount named by AMT01, such as what the patient already paid.',
    elements: [
      {
        name: 'Amount qualifier code',
        codes: {
          F5: 'Patient amount paid',
          D: 'Payer amount paid (by another payer)',
          EAF: 'Remaining patient liability',
          A8: 'Noncovered charges, actual',
          T: 'Sales tax',
          F4: 'Postage claimed',
          NE: 'Net billed',
          AAE: 'Approved amount',
        },
      },
      { name: 'Monetary amount' },
    ],
  },
  {
    id: 'PWK',
    name: 'Claim supplemental information (paperwork)',
    loop: 'Loop 2300 claim; Loop 2400 service line',
    summary: 'Says that an attachment (a report, an order) exists and how it is sent.',
    elements: [
      {
        name: 'Attachment report type code',
        codes: {
          OZ: 'Support data for the claim',
          '09': 'Progress report',
          '77': 'Support data for verification',
          B2: 'Prescription',
          B3: 'Physician order',
          CT: 'Certification',
          DG: 'Diagnostic report',
          OB: 'Operative note',
          RR: 'Radiology reports',
        },
      },
      {
        name: 'Attachment transmission code',
        codes: {
          AA: 'Available on request at the provider',
          BM: 'By mail',
          EL: 'Electronically only',
          EM: 'By e-mail',
          FT: 'By file transfer',
          FX: 'By fax',
        },
      },
      notUsed(),
      notUsed(),
      { name: 'Identification code qualifier', codes: { AC: 'Attachment control number' } },
      { name: 'Attachment control number' },
    ],
  },
  {
    id: 'CN1',
    name: 'Contract information',
    loop: 'Loop 2300 claim; Loop 2400 service line',
    summary: 'The terms of a contract between the provider and the payer that priced the claim.',
    elements: [
      {
        name: 'Contract type code',
        codes: {
          '01': 'Diagnosis related group (DRG)',
          '02': 'Per diem',
          '03': 'Variable per diem',
          '04': 'Flat',
          '05': 'Capitated',
          '06': 'Percent',
          '09': 'Other',
        },
      },
      { name: 'Contract amount' },
      { name: 'Contract percentage' },
      { name: 'Contract code' },
      { name: 'Terms discount percentage' },
      { name: 'Contract version identifier' },
    ],
  },
  {
    id: 'K3',
    name: 'File information',
    loop: 'Loop 2300 claim; Loop 2400 service line',
    summary: 'Free-form data a payer asked for that has no element of its own.',
    elements: [{ name: 'Fixed format information' }],
  },
  {
    id: 'NTE',
    name: 'Note / special instruction',
    loop: 'Loop 2300 claim note; Loop 2400 line note',
    summary: 'A free-text note on the claim or on a line.',
    elements: [
      {
        name: 'Note reference code',
        codes: {
          ADD: 'Additional information',
          CER: 'Certification narrative',
          DCP: 'Goals, rehabilitation potential or discharge plans',
          DGN: 'Diagnosis description',
          TPO: 'Third party organization notes',
        },
      },
      { name: 'Description', note: "The note's text, up to 80 characters." },
    ],
  },
  {
    id: 'CR1',
    name: 'Ambulance transport information',
    loop: 'Loop 2300 claim; Loop 2400 service line',
    summary: 'Patient weight, reason and distance of an ambulance transport.',
    elements: [
      { name: 'Unit or basis for measurement code', codes: { LB: 'Pound' } },
      { name: 'Patient weight' },
      notUsed(),
      {
        name: 'Ambulance transport reason code',
        codes: {
          A: 'Patient transported to the nearest facility for care',
          B: 'To the preferred physician',
          C: 'To be near family',
          D: 'For the care of a specialist or specialized equipment',
          E: 'To a rehabilitation facility',
        },
      },
      { name: 'Unit or basis for measurement code', codes: { DH: 'Miles' } },
      { name: 'Transport distance' },
      notUsed(),
      notUsed(),
      { name: 'Round trip purpose description' },
      { name: 'Stretcher purpose description' },
    ],
  },
  {
    id: 'CRC',
    name: 'Conditions indicator',
    loop: 'Loop 2300 claim; Loop 2400 service line',
    summary: 'Certification conditions: ambulance, vision, homebound, EPSDT referral.',
    elements: [
      {
        name: 'Code category',
        codes: {
          '07': 'Ambulance certification',
          E1: 'Spectacle lenses',
          E2: 'Contact lenses',
          E3: 'Spectacle frames',
          '75': 'Functional limitations (homebound)',
          ZZ: 'EPSDT referral',
        },
      },
      { name: 'Certification condition indicator', codes: yesNo },
      { name: 'Condition code' },
      { name: 'Condition code' },
      { name: 'Condition code' },
      { name: 'Condition code' },
      { name: 'Condition code' },
    ],
  },
  {
    id: 'HCP',
    name: 'Claim pricing / repricing information',
    loop: 'Loop 2300 claim; Loop 2400 service line',
    summary: 'What a repricing organization did to the claim or line before the payer.',
    elements: [
      { name: 'Pricing methodology' },
      { name: 'Repriced allowed amount' },
      { name: 'Repriced saving amount' },
      { name: 'Repricing organization identifier' },
      { name: 'Repricing per diem or flat rate amount' },
      { name: 'Repriced approved ambulatory patient group code' },
      { name: 'Repriced approved ambulatory patient group amount' },
      notUsed(),
      { name: 'Product or service ID qualifier', codes: productServiceQualifiers },
      { name: 'Repriced approved procedure code' },
      { name: 'Unit or basis for measurement code', codes: unitBasisCodes },
      { name: 'Repriced approved service unit count' },
      { name: 'Reject reason code' },
      { name: 'Policy compliance code' },
      { name: 'Exception code' },
    ],
  },
  {
    id: 'LX',
    name: 'Service line number',
    loop: 'Loop 2400 service line',
    summary: 'Opens a service line; the SV1 after it says what was done.',
    elements: [{ name: 'Assigned number', note: "The line's number in the claim: 1, 2, ... up to 50." }],
  },
  {
    id: 'SV1',
    name: 'Professional service',
    loop: 'Loop 2400 service line',
    summary:
      "The service billed on the line: the procedure code and its modifiers, the charge, the units and the pointers to the claim's diagnoses.",
    elements: [
      {
        name: 'Composite medical procedure identifier',
        note: 'Qualifier (HC), procedure code and up to 4 modifiers, split by the component separator.',
        components: procedureComposite,
      },
      { name: 'Line item charge amount', note: "The charge of this line; the claim's CLM02 is the sum of these." },
      {
        name: 'Unit or basis for measurement code',
        note: 'What SV104 counts; SV103 and SV104 come together.',
        codes: unitBasisCodes,
      },
      {
        name: 'Units',
        note: 'Service unit count: how many units the line bills. For lesion-counted codes, units count lesions: the first-lesion code takes 1, its add-on 1 per additional lesion.',
      },
      {
        name: 'Place of service code',
        note: "Only when it differs from the claim's CLM05-1.",
        codes: placeOfServiceCodes,
      },
      notUsed(),
      {
        name: 'Composite diagnosis code pointer',
        note: "Up to 4 pointers to the claim's HI diagnoses, by position (1 is HI01).",
        components: [
          { name: 'Diagnosis code pointer 1', note: 'The primary diagnosis of this line.', kind: 'diagnosis-pointer' },
          { name: 'Diagnosis code pointer 2', kind: 'diagnosis-pointer' },
          { name: 'Diagnosis code pointer 3', kind: 'diagnosis-pointer' },
          { name: 'Diagnosis code pointer 4', kind: 'diagnosis-pointer' },
        ],
      },
      notUsed(),
      { name: 'Emergency indicator', codes: { Y: 'Yes, an emergency' } },
      notUsed(),
      {
        name: 'EPSDT indicator',
        codes: { Y: 'Yes, an early and periodic screening, diagnosis and treatment service' },
      },
      { name: 'Family planning indicator', codes: { Y: 'Yes, a family planning service' } },
      notUsed(),
      notUsed(),
      { name: 'Co-pay status code', codes: { '0': 'Co-pay exempt' } },
    ],
  },
  {
    id: 'SV5',
    name: 'Durable medical equipment service',
    loop: 'Loop 2400 service line',
    summary: 'Rental and purchase prices and the length of medical necessity of durable medical equipment.',
    elements: [
      { name: 'Composite medical procedure identifier', components: procedureComposite },
      { name: 'Unit or basis for measurement code', codes: { DA: 'Days' } },
      { name: 'Length of medical necessity' },
      { name: 'DME rental price' },
      { name: 'DME purchase price' },
      { name: 'Rental unit price indicator', codes: { '1': 'Weekly', '4': 'Monthly', '6': 'Daily' } },
    ],
  },
  {
    id: 'QTY',
    name: 'Quantity information',
    loop: 'Loop 2400 service line',
    summary:
      'A quantity for the line, such as the number of patients transported or obstetric anesthesia additional units.',
    elements: [
      { name: 'Quantity qualifier', codes: { PT: 'Patients', FL: 'Units (obstetric anesthesia additional units)' } },
      { name: 'Quantity' },
    ],
  },
  {
    id: 'MEA',
    name: 'Measurements',
    loop: 'Loop 2400 service line',
    summary: 'A test result or measurement tied to the line.',
    elements: [
      {
        name: 'Measurement reference identification code',
        codes: { TR: 'Test results', OG: 'Original starting dosage' },
      },
      {
        name: 'Measurement qualifier',
        codes: { HT: 'Height', R1: 'Hemoglobin', R2: 'Hematocrit', R3: 'Epoetin starting dosage', R4: 'Creatinine' },
      },
      { name: 'Measurement value' },
    ],
  },
  {
    id: 'LIN',
    name: 'Drug identification',
    loop: 'Loop 2410 drug identification',
    summary: 'The national drug code of a drug billed on the line.',
    elements: [
      notUsed(),
      {
        name: 'Product or service ID qualifier',
        codes: {
          N4: 'National drug code in 5-4-2 format',
          EN: 'EAN/UCC-13',
          EO: 'EAN/UCC-8',
          HI: 'HIBC supplier labeling standard',
          ON: 'Customer order number',
          UK: 'GTIN 14-digit',
          UP: 'UCC-12',
        },
      },
      { name: 'National drug code' },
    ],
  },
  {
    id: 'CTP',
    name: 'Drug quantity',
    loop: 'Loop 2410 drug identification',
    summary: 'How much of the drug was given.',
    elements: [
      notUsed(),
      notUsed(),
      notUsed(),
      { name: 'National drug unit count' },
      {
        name: 'Composite unit of measure',
        components: [
          {
            name: 'Unit or basis for measurement code',
            codes: { F2: 'International unit', GR: 'Gram', ME: 'Milligram', ML: 'Milliliter', UN: 'Unit' },
          },
        ],
      },
    ],
  },
  {
    id: 'SVD',
    name: 'Line adjudication information',
    loop: 'Loop 2430 line adjudication',
    summary: 'What another payer paid on this line, for a claim sent on to the next payer.',
    elements: [
      { name: 'Other payer primary identifier', note: "Matches NM109 of the other payer's Loop 2330B." },
      { name: 'Service line paid amount' },
      { name: 'Composite medical procedure identifier', components: procedureComposite },
      notUsed(),
      { name: 'Paid service unit count' },
      { name: 'Bundled or unbundled line number' },
    ],
  },
  {
    id: 'CAS',
    name: 'Claim or line adjustment',
    loop: 'Loop 2320 other subscriber; Loop 2430 line adjudication',
    summary: 'Why another payer paid less than was billed: a group code and up to 6 reasons with amounts.',
    elements: [
      {
        name: 'Claim adjustment group code',
        codes: {
          CO: 'Contractual obligations',
          CR: 'Corrections and reversals',
          OA: 'Other adjustments',
          PI: 'Payer initiated reductions',
          PR: 'Patient responsibility',
        },
      },
      ...[1, 2, 3, 4, 5, 6].flatMap((n): X12ElementInfo[] => [
        { name: `Adjustment reason code ${n}`, note: 'A claim adjustment reason code (CARC).' },
        { name: `Adjustment amount ${n}` },
        { name: `Adjustment quantity ${n}` },
      ]),
    ],
  },
  {
    id: 'SE',
    name: 'Transaction set trailer',
    loop: 'Transaction trailer',
    summary: 'Closes the transaction opened by ST, with its segment count.',
    elements: [
      { name: 'Number of included segments', note: 'How many segments the transaction has, ST and SE included.' },
      { name: 'Transaction set control number', note: 'Must equal ST02.' },
    ],
  },
  {
    id: 'GE',
    name: 'Functional group trailer',
    loop: 'Functional group envelope',
    summary: 'Closes the functional group opened by GS.',
    elements: [
      { name: 'Number of transaction sets included', note: 'How many ST/SE transactions the group holds.' },
      { name: 'Group control number', note: 'Must equal GS06.' },
    ],
  },
  {
    id: 'IEA',
    name: 'Interchange control trailer',
    loop: 'Interchange envelope',
    summary: 'Closes the interchange opened by ISA.',
    elements: [
      { name: 'Number of included functional groups', note: 'How many GS/GE groups the interchange holds.' },
      { name: 'Interchange control number', note: 'Must equal ISA13.' },
    ],
  },
];

const byId = new Map(segments.map((segment) => [segment.id, segment]));

/** Every segment the dictionary knows, in the order they usually appear. */
export const x12Segments: readonly X12SegmentInfo[] = segments;

export function segmentInfo(id: string): X12SegmentInfo | undefined {
  return byId.get(id);
}

/** Element `n` (1-based) of a segment. */
export function elementInfo(segmentId: string, n: number): X12ElementInfo | undefined {
  return byId.get(segmentId)?.elements[n - 1];
}

/** The X12 name of an element or component position: `SV104`, `SV101-2`, `ISA13`. */
export function elementReference(segmentId: string, n: number, component?: number): string {
  return `${segmentId}${String(n).padStart(2, '0')}${component === undefined ? '' : `-${component}`}`;
}

// ---------------------------------------------------------------------------
// Loops by context

/** A loop named as our 837P map names it (the guide's names: "Billing Provider Name"). */
function loopOf(id: string): X12Loop {
  return { id, name: id === 'header' ? 'Transaction header' : (loopById(id)?.spec.name ?? id) };
}

/**
 * The loop the segment at `index` stands in, as the structure walk over our
 * map finds it (`loopLookup.ts`, `loopAt`, walking from the nearest HL
 * or ST before it); undefined for envelope segments and where the structure
 * cannot be told.
 */
export function x12LoopAt(segments: X12Segments, separators: X12Separators, index: number): X12Loop | undefined {
  const loop = loopAt(segments, separators, index);
  return loop && loopOf(loop.spec.id === 'ST' ? 'header' : loop.spec.id);
}

/** `Loop 2400 · Service line`, or `Transaction header`. */
export function loopLabel(loop: X12Loop): string {
  return loop.id === 'header' ? loop.name : `Loop ${loop.id} · ${loop.name}`;
}
