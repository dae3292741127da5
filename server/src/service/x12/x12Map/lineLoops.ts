/**
 * The service line's loops: 2400 (LX, SV1 and what belongs to one line), the
 * drug 2410, the line's providers and places (2420A-H), other payers'
 * adjudication (2430) and forms (2440).
 */
import { type LoopSpec, many } from './mapTypes';
import { location, providerReferences } from './loopParts';

const lineDates = ['472', '471', '607', '463', '461', '304', '738', '739', '011', '455', '454'];
const lineReferences = ['9B', '9D', 'G1', '6R', 'EW', 'X4', 'F4', 'BT', '9F'];

function lineProvider(
  id: string,
  name: string,
  entities: readonly string[],
  references: readonly string[],
  maxRepeat = 1,
): LoopSpec {
  // NM103 (the name) is required of every line provider but the purchased service provider (2420B).
  const required = id === '2420B' ? [] : [3];
  return {
    id,
    name,
    opener: { segment: 'NM1', maxUse: 1, identifier: { element: 1, codes: entities }, required },
    maxRepeat,
    members: [{ segment: 'REF', maxUse: 20, codes: { 1: references } }],
  };
}

export const lineLoops: readonly LoopSpec[] = [
  {
    id: '2400',
    name: 'Service Line Number',
    opener: { segment: 'LX', maxUse: 1 },
    maxRepeat: 50,
    members: [
      { segment: 'SV1', mandatory: true, maxUse: 1 },
      { segment: 'SV5', maxUse: 1 },
      { segment: 'PWK', maxUse: 11 },
      { segment: 'CR1', maxUse: 1 },
      { segment: 'CR3', maxUse: 1 },
      { segment: 'CRC', maxUse: 5, codes: { 1: ['07', '70', '09'] } },
      { segment: 'DTP', mandatory: true, maxUse: 11, codes: { 1: lineDates, 2: ['D8', 'RD8'] } },
      { segment: 'QTY', maxUse: 2, codes: { 1: ['PT', 'FL'] } },
      { segment: 'MEA', maxUse: 5 },
      { segment: 'CN1', maxUse: 1 },
      { segment: 'REF', maxUse: 17, codes: { 1: lineReferences } },
      { segment: 'AMT', maxUse: 2, codes: { 1: ['T', 'F4'] } },
      { segment: 'K3', maxUse: 10 },
      { segment: 'NTE', maxUse: 2, codes: { 1: ['ADD', 'DCP', 'TPO'] } },
      { segment: 'PS1', maxUse: 1 },
      { segment: 'HCP', maxUse: 1 },
      { loops: ['2410'] },
      { loops: ['2420A', '2420B', '2420C', '2420D', '2420E', '2420F', '2420G', '2420H'] },
      { loops: ['2430'] },
      { loops: ['2440'] },
    ],
  },
  {
    id: '2410',
    name: 'Drug Identification',
    opener: { segment: 'LIN', maxUse: 1 },
    maxRepeat: 1,
    members: [
      { segment: 'CTP', mandatory: true, maxUse: 1 },
      { segment: 'REF', maxUse: 1, codes: { 1: ['VY', 'XZ'] } },
    ],
  },
  {
    id: '2420A',
    name: 'Rendering Provider Name',
    opener: { segment: 'NM1', maxUse: 1, identifier: { element: 1, codes: ['82'] }, required: [3] },
    maxRepeat: 1,
    members: [
      { segment: 'PRV', maxUse: 1, codes: { 1: ['PE'] } },
      { segment: 'REF', maxUse: 20, codes: { 1: providerReferences } },
    ],
  },
  lineProvider('2420B', 'Purchased Service Provider Name', ['QB'], ['0B', '1G', 'G2']),
  {
    id: '2420C',
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
      { segment: 'REF', maxUse: 3, codes: { 1: ['G2', 'LU'] } },
    ],
  },
  lineProvider('2420D', 'Supervising Provider Name', ['DQ'], providerReferences),
  {
    id: '2420E',
    name: 'Ordering Provider Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['DK'] },
      required: [3],
      codes: { 2: ['1'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', maxUse: 1 },
      { segment: 'N4', maxUse: 1 },
      { segment: 'REF', maxUse: 20, codes: { 1: ['0B', '1G', 'G2'] } },
      { segment: 'PER', maxUse: 1 },
    ],
  },
  lineProvider('2420F', 'Referring Provider Name', ['DN', 'P3'], ['0B', '1G', 'G2'], 2),
  location('2420G', 'Ambulance Pick-up Location', 'PW'),
  location('2420H', 'Ambulance Drop-off Location', '45'),
  {
    id: '2430',
    name: 'Line Adjudication Information',
    opener: { segment: 'SVD', maxUse: 1 },
    maxRepeat: 15,
    members: [
      { segment: 'CAS', maxUse: 5 },
      { segment: 'DTP', mandatory: true, maxUse: 1, codes: { 1: ['573'], 2: ['D8'] } },
      { segment: 'AMT', maxUse: 1, codes: { 1: ['EAF'] } },
    ],
  },
  {
    id: '2440',
    name: 'Form Identification Code',
    opener: { segment: 'LQ', maxUse: 1 },
    maxRepeat: many,
    members: [{ segment: 'FRM', mandatory: true, maxUse: 99 }],
  },
];
