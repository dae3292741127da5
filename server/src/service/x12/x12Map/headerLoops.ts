/**
 * The 837P header (BHT, submitter 1000A, receiver 1000B) and the billing
 * provider's loops (2000A, 2010AA pay-to address 2010AB, pay-to plan 2010AC).
 * The transaction itself is the root "loop", opened by ST.
 */
import { type LoopSpec, many } from './mapTypes';

export const transactionLoop: LoopSpec = {
  id: 'ST',
  name: 'Transaction Set Header',
  opener: { segment: 'ST', maxUse: 1 },
  maxRepeat: many,
  members: [
    { segment: 'BHT', mandatory: true, maxUse: 1 },
    { loops: ['1000A', '1000B'], mandatory: ['1000A', '1000B'] },
    { loops: ['2000A'], mandatory: ['2000A'] },
  ],
};

export const headerLoops: readonly LoopSpec[] = [
  {
    id: '1000A',
    name: 'Submitter Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['41'] },
      required: [3, 8, 9],
      codes: { 8: ['46'] },
    },
    maxRepeat: 1,
    members: [{ segment: 'PER', mandatory: true, maxUse: 2 }],
  },
  {
    id: '1000B',
    name: 'Receiver Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['40'] },
      required: [3, 8, 9],
      codes: { 2: ['2'], 8: ['46'] },
    },
    maxRepeat: 1,
    members: [],
  },
  {
    id: '2000A',
    name: 'Billing Provider Hierarchical Level',
    opener: { segment: 'HL', maxUse: 1, identifier: { element: 3, codes: ['20'] } },
    maxRepeat: many,
    members: [
      { segment: 'PRV', maxUse: 1, codes: { 1: ['BI'] } },
      { segment: 'CUR', maxUse: 1, codes: { 1: ['85'] } },
      { loops: ['2010AA', '2010AB', '2010AC'], mandatory: ['2010AA'] },
      { loops: ['2000B'], mandatory: ['2000B'] },
    ],
  },
  {
    id: '2010AA',
    name: 'Billing Provider Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['85'] },
      required: [3],
      codes: { 8: ['XX'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', mandatory: true, maxUse: 1 },
      { segment: 'N4', mandatory: true, maxUse: 1 },
      { segment: 'REF', mandatory: true, maxUse: 3, codes: { 1: ['EI', 'SY', '0B', '1G'] } },
      { segment: 'PER', maxUse: 2 },
    ],
  },
  {
    id: '2010AB',
    name: 'Pay-to Address Name',
    opener: { segment: 'NM1', maxUse: 1, identifier: { element: 1, codes: ['87'] } },
    maxRepeat: 1,
    members: [
      { segment: 'N3', mandatory: true, maxUse: 1 },
      { segment: 'N4', mandatory: true, maxUse: 1 },
    ],
  },
  {
    id: '2010AC',
    name: 'Pay-to Plan Name',
    opener: {
      segment: 'NM1',
      maxUse: 1,
      identifier: { element: 1, codes: ['PE'] },
      required: [3, 8, 9],
      codes: { 2: ['2'], 8: ['PI', 'XV'] },
    },
    maxRepeat: 1,
    members: [
      { segment: 'N3', mandatory: true, maxUse: 1 },
      { segment: 'N4', mandatory: true, maxUse: 1 },
      { segment: 'REF', mandatory: true, maxUse: 2, codes: { 1: ['2U', 'FY', 'NF', 'EI'] } },
    ],
  },
];
