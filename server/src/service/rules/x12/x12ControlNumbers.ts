/**
 * `x12-control-numbers`, 837P integrity of the envelopes: each trailer repeats
 * its header's control number (ST02/SE02, GS06/GE02, ISA13/IEA02) and counts
 * what it closes (GE01 transactions, IEA01 groups), and every envelope opened
 * is closed. SE01's count of segments is `x12-segment-count`'s. Each
 * interchange of a file is checked on its own. A transaction that is not an
 * 837P claim is `x12-not-837p`'s: GE01 counts it, but its ST/SE pair is not
 * checked, and a group or interchange of nothing but such transactions is
 * not checked at all (`onlyRefused`).
 */
import { x12Transactions } from '../../x12/x12Transactions';
import type { X12Segment, X12Span } from '../../x12/x12Types';
import type { DocumentRule, Finding } from '../ruleTypes';
import { childCountMessage, controlNumberMessage } from './envelopeMessages';

interface OpenEnvelope {
  header: X12Segment;
  children: number;
  /** Transactions inside it (directly, or in its groups) that are checked, and that are refused. */
  checked: number;
  refused: number;
}

/**
 * An envelope that holds only transactions the product does not check (an
 * 837I batch, a 4010 file) is not checked either: `x12-not-837p` is the one
 * finding such a file gets, so its trailers' counts and numbers are not told.
 */
export function onlyRefused(envelope: { checked: number; refused: number }): boolean {
  return envelope.refused > 0 && envelope.checked === 0;
}

const pairs: ReadonlyArray<{
  header: string;
  trailer: string;
  headerElement: number;
  trailerElement: number;
  countElement?: number;
  counts?: string;
}> = [
  { header: 'ST', trailer: 'SE', headerElement: 2, trailerElement: 2 },
  { header: 'GS', trailer: 'GE', headerElement: 6, trailerElement: 2, countElement: 1, counts: 'ST' },
  { header: 'ISA', trailer: 'IEA', headerElement: 13, trailerElement: 2, countElement: 1, counts: 'GS' },
];

/** The only segments this rule reads: envelope headers, trailers and what they count. */
const envelopeIds = [...new Set(pairs.flatMap((pair) => [pair.header, pair.trailer, pair.counts ?? pair.header]))];

export const controlNumberRule: DocumentRule = {
  id: 'x12-control-numbers',
  format: 'x12-837p',
  defaultSeverity: 'error',
  description:
    'An envelope trailer (SE, GE, IEA) does not repeat its header control number or miscounts what it closes.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const findings: Finding[] = [];
    const open = new Map<string, OpenEnvelope>();
    const finding = (span: X12Span, message: string, replacement: string) =>
      findings.push({
        ruleId: this.id,
        range: x12.lines.range(span.start, Math.max(span.end, span.start + 1)),
        message,
        fixes: [
          {
            title: `Set it to ${replacement}`,
            edits: [{ range: x12.lines.range(span.start, span.end), newText: replacement }],
            preferred: true,
          },
        ],
      });
    const segments = x12.interchange.segments;
    const transactions = x12Transactions(segments);
    // Passed over: the envelope segments of a refused transaction, up to its end.
    let refusedUntil = -1;
    for (const ordinal of segments.ordinalsOf(envelopeIds)) {
      if (ordinal < refusedUntil) {
        continue;
      }
      const id = segments.idAt(ordinal);
      const refusedEnd = id === 'ST' ? transactions.refusedEndAt(ordinal) : -1;
      if (refusedEnd !== -1) {
        const group = open.get('GS');
        if (group) {
          group.children++;
          group.refused++;
        }
        // Its SE, if it has one, is passed over with it.
        refusedUntil = refusedEnd;
        continue;
      }
      const segment = segments.at(ordinal) as X12Segment;
      if (segment.id === 'ST') {
        const group = open.get('GS');
        if (group) {
          group.checked++;
        }
      }
      for (const pair of pairs) {
        if (segment.id === pair.counts) {
          const parent = open.get(pair.header);
          if (parent) {
            parent.children++;
          }
        }
        if (segment.id === pair.header) {
          open.set(pair.header, { header: segment, children: 0, checked: 0, refused: 0 });
        } else if (segment.id === pair.trailer) {
          const envelope = open.get(pair.header);
          open.delete(pair.header);
          const interchange = segment.id === 'GE' ? open.get('ISA') : undefined;
          if (envelope && interchange) {
            interchange.checked += envelope.checked;
            interchange.refused += envelope.refused;
          }
          if (envelope && onlyRefused(envelope)) {
            continue;
          }
          const expected = envelope?.header.elements[pair.headerElement - 1]?.text.trim();
          const written = segment.elements[pair.trailerElement - 1];
          if (envelope && expected !== undefined && written && written.text.trim() !== expected) {
            finding(
              written,
              controlNumberMessage(
                `${pair.trailer}0${pair.trailerElement}`,
                `${pair.header}${String(pair.headerElement).padStart(2, '0')}`,
                expected,
              ),
              expected,
            );
          }
          const countSpan = pair.countElement ? segment.elements[pair.countElement - 1] : undefined;
          if (envelope && countSpan && countSpan.text !== String(envelope.children)) {
            finding(
              countSpan,
              childCountMessage(pair.trailer, envelope.children, pair.counts ?? ''),
              String(envelope.children),
            );
          }
        }
      }
    }
    const [openGroup, openInterchange] = [open.get('GS'), open.get('ISA')];
    if (openGroup && openInterchange) {
      openInterchange.checked += openGroup.checked;
      openInterchange.refused += openGroup.refused;
    }
    for (const envelope of open.values()) {
      const { header } = envelope;
      if (onlyRefused(envelope)) {
        continue;
      }
      const trailer = pairs.find((pair) => pair.header === header.id)?.trailer ?? '';
      findings.push({
        ruleId: this.id,
        range: x12.lines.range(header.start, header.start + header.id.length),
        message: `This ${header.id} envelope is never closed by ${trailer}.`,
      });
    }
    return findings;
  },
};
