/**
 * The subscriber's loops (2000B, subscriber name 2010BA, payer name 2010BB)
 * and the patient's when the patient is not the subscriber (2000C, 2010CA).
 */
import { type LoopSpec, many } from './mapTypes';

export const subscriberLoops: readonly LoopSpec[] = [
  {
    id: '2000B',
    name: 'Subscriber Hierarchical Level',
    opener: { segment: 'HL', maxUse: 1, identifier: { element: 3, codes: ['22'] }, required: [2] },
    maxRepeat: many,
    members: [
      { segment: 'SBR', mandatory: true, maxUse: 1 },
      { segment: 'PAT', maxUse: 1 },
      { loops: ['2010BA', '2010BB'], mandatory: ['2010BA', '2010BB'] },
      { loops: ['2300'] },
      { loops: ['2000C'] },
    ],
  },
  {
    id: '2010BA',
    name: 'Subscriber Name',
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
      { segment: 'DMG', maxUse: 1 },
      { segment: 'REF', maxUse: 2, codes: { 1: ['SY', 'Y4'] } },
      { segment: 'PER', maxUse: 1 },
    ],
  },
  {
    id: '2010BB',
    name: 'Payer Name',
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
      { segment: 'REF', maxUse: 5, codes: { 1: ['2U', 'EI', 'FY', 'NF', 'G2', 'LU'] } },
    ],
  },
  {
    id: '2000C',
    name: 'Patient Hierarchical Level',
    opener: { segment: 'HL', maxUse: 1, identifier: { element: 3, codes: ['23'] }, required: [2] },
    maxRepeat: many,
    members: [
      { segment: 'PAT', mandatory: true, maxUse: 1, required: [1] },
      { loops: ['2010CA'], mandatory: ['2010CA'] },
      { loops: ['2300'], mandatory: ['2300'] },
    ],
  },
  {
    id: '2010CA',
    name: 'Patient Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['QC'] },
      required: [3],
      codes: { 2: ['1'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', mandatory: true, maxUse: 1 },
      { segment: 'N4', mandatory: true, maxUse: 1 },
      { segment: 'DMG', mandatory: true, maxUse: 1 },
      { segment: 'REF', maxUse: 2, codes: { 1: ['Y4', '1W', 'SY'] } },
      { segment: 'PER', maxUse: 1 },
    ],
  },
];
