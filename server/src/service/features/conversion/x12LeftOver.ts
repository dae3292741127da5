/**
 * The note on what an 837 holds that a `.claim` file has no place for: the
 * segments nothing was taken from, counted, and the parties of the NM1
 * segments by name (submitter, payer, ...), never their contents.
 */

/** Segments the conversion reads, or that only frame what it reads (envelopes, HL, LX). */
export const carriedSegmentIds: ReadonlySet<string> = new Set([
  'ISA',
  'GS',
  'ST',
  'BHT',
  'HL',
  'CLM',
  'HI',
  'LX',
  'SV1',
  'SE',
  'GE',
  'IEA',
]);

const parties: Readonly<Record<string, string>> = {
  '41': 'submitter',
  '40': 'receiver',
  '85': 'billing provider',
  '87': 'pay-to provider',
  PR: 'payer',
  IL: 'subscriber',
  QC: 'patient',
  '82': 'rendering provider',
  DN: 'referring provider',
  DK: 'ordering provider',
  DQ: 'supervising provider',
  '77': 'service facility',
};

export function describeLeftOver(leftOver: ReadonlyMap<string, number>): string | undefined {
  if (leftOver.size === 0) {
    return undefined;
  }
  const counted = (id: string, count: number) => (count === 1 ? id : `${id} ×${count}`);
  const names = [...leftOver]
    .filter(([id]) => id.startsWith('NM1*'))
    .map(([id, count]) => {
      const party = parties[id.slice(4)];
      return `${counted(id, count)}${party ? ` (${party})` : ''}`;
    });
  const others = [...leftOver]
    .filter(([id]) => !id.startsWith('NM1*'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, count]) => counted(id, count));
  const parts = [
    names.length > 0 ? `names and ids: ${names.join(', ')}` : '',
    others.length > 0 ? `segments: ${others.join(', ')}` : '',
  ].filter((part) => part !== '');
  return `Not carried over (a .claim file has no place for them): ${parts.join('; ')}.`;
}
