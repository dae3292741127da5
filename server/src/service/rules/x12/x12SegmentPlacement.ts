/**
 * 837P structure: each segment must stand where the 005010X222A1 layout
 * allows it (envelopes, header, HL loops, the claim loop 2300, the service
 * line loop 2400). A misplaced or unknown segment is reported, never fatal:
 * reading goes on from where the segment stands. Transactions that are not
 * 837P claims are `x12-not-837p`'s, and passed over; an ISA after an IEA
 * opens the next interchange of the file.
 */
import { x12Transactions } from '../../x12/x12Transactions';
import type { DocumentRule, Finding } from '../ruleTypes';

type Place = 'start' | 'interchange' | 'group' | 'header' | 'hl' | 'claim' | 'line' | 'end';

const names: Record<Place, string> = {
  start: 'before the interchange',
  interchange: 'in the interchange, outside a functional group (GS...GE)',
  group: 'in a functional group, outside a transaction (ST...SE)',
  header: 'in the transaction header (BHT, submitter and receiver loops)',
  hl: 'in a billing provider, subscriber or patient loop (HL)',
  claim: 'in a claim loop (2300, after CLM)',
  line: 'in a service line loop (2400, after LX)',
  end: 'after the interchange trailer IEA',
};

const nameSegments = ['NM1', 'N2', 'N3', 'N4', 'REF', 'PER', 'PRV'];
const allowed: Record<Place, ReadonlySet<string>> = {
  start: new Set(['ISA']),
  interchange: new Set(['GS', 'IEA']),
  group: new Set(['ST', 'GE']),
  header: new Set(['BHT', 'HL', ...nameSegments]),
  hl: new Set(['HL', 'CUR', 'SBR', 'PAT', 'DMG', 'CLM', 'SE', ...nameSegments]),
  claim: new Set([
    'DTP',
    'PWK',
    'CN1',
    'AMT',
    'K3',
    'NTE',
    'CR1',
    'CR2',
    'CRC',
    'HI',
    'HCP',
    'SBR',
    'CAS',
    'OI',
    'MOA',
    'MIA',
    'DMG',
    'LX',
    'HL',
    'CLM',
    'SE',
    ...nameSegments,
  ]),
  line: new Set([
    'SV1',
    'SV5',
    'PWK',
    'CR1',
    'CR3',
    'CRC',
    'DTP',
    'QTY',
    'MEA',
    'CN1',
    'AMT',
    'K3',
    'NTE',
    'PS1',
    'HCP',
    'LIN',
    'CTP',
    'SVD',
    'CAS',
    'LQ',
    'FRM',
    'LX',
    'CLM',
    'HL',
    'SE',
    ...nameSegments,
  ]),
  end: new Set(['ISA']),
};

/** Segments that open a new place. */
const opens: Readonly<Record<string, Place>> = {
  ISA: 'interchange',
  GS: 'group',
  ST: 'header',
  HL: 'hl',
  CLM: 'claim',
  LX: 'line',
  SE: 'group',
  GE: 'interchange',
  IEA: 'end',
};

const known = new Set(Object.values(allowed).flatMap((set) => [...set]));

export const segmentPlacementRule: DocumentRule = {
  id: 'x12-segment-placement',
  defaultSeverity: 'warning',
  description: 'A segment stands where the 837P layout does not allow it, or is not an 837P segment.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const findings: Finding[] = [];
    let place: Place = 'start';
    const segments = x12.interchange.segments;
    const transactions = x12Transactions(segments);
    for (let ordinal = 0; ordinal < segments.length; ordinal++) {
      const id = segments.idAt(ordinal) ?? '';
      const refusedEnd = id === 'ST' ? transactions.refusedEndAt(ordinal) : -1;
      if (refusedEnd !== -1 && allowed[place].has(id)) {
        ordinal = refusedEnd - 1;
        place = 'group';
        continue;
      }
      const range = () => x12.lines.range(segments.startAt(ordinal), segments.startAt(ordinal) + id.length);
      if (!known.has(id)) {
        findings.push({
          ruleId: this.id,
          range: range(),
          message: 'This is not a segment of the 837P professional claim; it is skipped.',
        });
        continue;
      }
      if (!allowed[place].has(id)) {
        const where = Object.entries(allowed)
          .filter(([, set]) => set.has(id))
          .map(([p]) => names[p as Place]);
        findings.push({
          ruleId: this.id,
          range: range(),
          message: `${id} is not allowed ${names[place]}; the 837P allows it ${where.join(', or ')}.`,
        });
      }
      place = opens[id] ?? place;
    }
    return findings;
  },
};
