/**
 * The claim's loops: claim information 2300, its providers and places
 * (2310A-F), other subscribers for coordination of benefits (2320) and their
 * names (2330A-G).
 */
import type { LoopSpec } from './mapTypes';
import { location, providerReferences } from './loopParts';

/** Dates a claim may carry in 2300 (DTP01): onset, accident, admission, ... never the service date 472 (that is 2400's). */
const claimDates = ['431', '454', '304', '453', '439', '484', '455', '471', '314', '360', '361'];
const moreClaimDates = ['297', '296', '435', '096', '090', '091', '444', '050'];
const claimReferences = ['4N', 'F5', 'EW', '9F', 'G1', 'F8', 'X4', '9A', '9C', 'LX', 'D9', 'EA', 'P4', '1J'];

function otherPayerProvider(
  id: string,
  name: string,
  entities: readonly string[],
  references: readonly string[],
  maxRepeat = 1,
): LoopSpec {
  return {
    id,
    name,
    opener: { segment: 'NM1', maxUse: 1, identifier: { element: 1, codes: entities } },
    maxRepeat,
    members: [{ segment: 'REF', mandatory: true, maxUse: 3, codes: { 1: references } }],
  };
}

export const claimLoops: readonly LoopSpec[] = [
  {
    id: '2300',
    name: 'Claim Information',
    opener: { segment: 'CLM', maxUse: 1 },
    maxRepeat: 100,
    members: [
      { segment: 'DTP', maxUse: 20, codes: { 1: [...claimDates, ...moreClaimDates], 2: ['D8', 'RD8'] } },
      { segment: 'PWK', maxUse: 10, codes: { 2: ['AA', 'BM', 'EL', 'EM', 'FT', 'FX'] } },
      { segment: 'CN1', maxUse: 1 },
      { segment: 'AMT', maxUse: 1, codes: { 1: ['F5'] } },
      { segment: 'REF', maxUse: 14, codes: { 1: claimReferences } },
      { segment: 'K3', maxUse: 10 },
      { segment: 'NTE', maxUse: 1, codes: { 1: ['ADD', 'CER', 'DCP', 'DGN', 'TPO'] } },
      { segment: 'CR1', maxUse: 1 },
      { segment: 'CR2', maxUse: 1 },
      { segment: 'CRC', maxUse: 8, codes: { 1: ['07', 'E1', 'E2', 'E3', '75', 'ZZ'] } },
      { segment: 'HI', mandatory: true, maxUse: 4 },
      { segment: 'HCP', maxUse: 1 },
      { loops: ['2310A', '2310B', '2310C', '2310D', '2310E', '2310F'] },
      { loops: ['2320'] },
      { loops: ['2400'], mandatory: ['2400'] },
    ],
  },
  {
    id: '2310A',
    name: 'Referring Provider Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['DN', 'P3'] },
      required: [3],
      codes: { 2: ['1'] },
    },
    maxRepeat: 2,
    members: [{ segment: 'REF', maxUse: 3, codes: { 1: ['0B', '1G', 'G2'] } }],
  },
  {
    id: '2310B',
    name: 'Rendering Provider Name',
    opener: { segment: 'NM1', maxUse: 1, identifier: { element: 1, codes: ['82'] }, required: [3] },
    maxRepeat: 1,
    members: [
      { segment: 'PRV', maxUse: 1, codes: { 1: ['PE'] } },
      { segment: 'REF', maxUse: 4, codes: { 1: providerReferences } },
    ],
  },
  {
    id: '2310C',
    name: 'Service Facility Location Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['77'] },
      required: [3],
      codes: { 2: ['2'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', mandatory: true, maxUse: 1 },
      { segment: 'N4', mandatory: true, maxUse: 1 },
      { segment: 'REF', maxUse: 3, codes: { 1: ['0B', 'G2', 'LU'] } },
      { segment: 'PER', maxUse: 1 },
    ],
  },
  {
    id: '2310D',
    name: 'Supervising Provider Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['DQ'] },
      required: [3],
      codes: { 2: ['1'] },
    },
    maxRepeat: 1,
    members: [{ segment: 'REF', maxUse: 4, codes: { 1: providerReferences } }],
  },
  location('2310E', 'Ambulance Pick-up Location', 'PW'),
  location('2310F', 'Ambulance Drop-off Location', '45'),
  {
    id: '2320',
    name: 'Other Subscriber Information',
    opener: {
      segment: 'SBR',
      maxUse: 1,
      required: [2],
      codes: { 2: ['01', '18', '19', '20', '21', '39', '40', '53', 'G8'] },
    },
    maxRepeat: 10,
    members: [
      { segment: 'CAS', maxUse: 5 },
      { segment: 'AMT', maxUse: 3, codes: { 1: ['D', 'A8', 'EAF'] } },
      { segment: 'OI', mandatory: true, maxUse: 1 },
      { segment: 'MOA', maxUse: 1 },
      {
        loops: ['2330A', '2330B', '2330C', '2330D', '2330E', '2330F', '2330G'],
        mandatory: ['2330A', '2330B'],
      },
    ],
  },
  {
    id: '2330A',
    name: 'Other Subscriber Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['IL'] },
      required: [3, 8, 9],
      codes: { 8: ['II', 'MI'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', maxUse: 1 },
      { segment: 'N4', maxUse: 1 },
      { segment: 'REF', maxUse: 1, codes: { 1: ['SY'] } },
    ],
  },
  {
    id: '2330B',
    name: 'Other Payer Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['PR'] },
      required: [3, 8, 9],
      codes: { 2: ['2'], 8: ['PI', 'XV'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', maxUse: 1 },
      { segment: 'N4', maxUse: 1 },
      { segment: 'DTP', maxUse: 1, codes: { 1: ['573'], 2: ['D8'] } },
      { segment: 'REF', maxUse: 6, codes: { 1: ['2U', 'EI', 'FY', 'NF', 'G1', '9F', 'T4', 'F8'] } },
    ],
  },
  otherPayerProvider('2330C', 'Other Payer Referring Provider', ['DN', 'P3'], ['0B', '1G', 'G2'], 2),
  otherPayerProvider('2330D', 'Other Payer Rendering Provider', ['82'], providerReferences),
  otherPayerProvider('2330E', 'Other Payer Service Facility Location', ['77'], ['0B', 'G2', 'LU']),
  otherPayerProvider('2330F', 'Other Payer Supervising Provider', ['DQ'], providerReferences),
  otherPayerProvider('2330G', 'Other Payer Billing Provider', ['85'], ['G2', 'LU']),
];
