/**
 * `x12-envelope`: the ISA is fixed-width, 106 characters with its terminator,
 * each of its 16 elements its set width (ISA06, the sender id, 15 characters
 * padded with spaces; ISA13, the control number, 9 digits). A receiver that
 * reads the ISA by position rejects a short one. This module checks each
 * interchange's ISA in the file; the lexer (`x12/x12Lexer.ts`) raises the
 * same rule when there is no readable ISA at all (the file is then not read).
 */
import type { Range } from 'vscode-languageserver-types';
import { counted } from '../../text/wording';
import type { X12Span } from '../../x12/x12Types';
import { interchangeHeaders } from '../../x12/x12Transactions';
import type { DocumentRule, Finding, QuickFix } from '../ruleTypes';

const isaElements: ReadonlyArray<{ width: number; name: string; pad?: 'spaces' | 'zeros' }> = [
  { width: 2, name: 'the authorization qualifier' },
  { width: 10, name: 'the authorization information', pad: 'spaces' },
  { width: 2, name: 'the security qualifier' },
  { width: 10, name: 'the security information', pad: 'spaces' },
  { width: 2, name: 'the sender id qualifier' },
  { width: 15, name: 'the sender id', pad: 'spaces' },
  { width: 2, name: 'the receiver id qualifier' },
  { width: 15, name: 'the receiver id', pad: 'spaces' },
  { width: 6, name: 'the date (YYMMDD)' },
  { width: 4, name: 'the time (HHMM)' },
  { width: 1, name: 'the repetition separator' },
  { width: 5, name: 'the version (00501)' },
  { width: 9, name: 'the control number', pad: 'zeros' },
  { width: 1, name: 'the acknowledgment request' },
  { width: 1, name: 'the usage indicator (P or T)' },
  { width: 1, name: 'the component separator' },
];

function padFix(span: X12Span, range: Range, width: number, pad: 'spaces' | 'zeros'): QuickFix {
  const newText = pad === 'spaces' ? span.text.padEnd(width, ' ') : span.text.padStart(width, '0');
  return {
    title: pad === 'spaces' ? `Pad it with spaces to ${width} characters` : `Pad it with zeros to ${width} digits`,
    edits: [{ range, newText }],
    preferred: true,
  };
}

export const envelopeRule: DocumentRule = {
  id: 'x12-envelope',
  format: 'x12-837p',
  defaultSeverity: 'error',
  description:
    'An X12 file does not start with a readable ISA segment (its separators cannot be read, or it is UTF-16 text), or an ISA is not 106 characters.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const segments = x12.interchange.segments;
    const findings: Finding[] = [];
    for (const ordinal of segments.ordinalsOf(interchangeHeaders)) {
      const isa = segments.at(ordinal);
      if (!isa) {
        continue;
      }
      const elements = isa.elements;
      const wrong = isaElements.findIndex((element, n) => (elements[n]?.text.length ?? 0) !== element.width);
      const length = isa.end - isa.start + x12.interchange.separators.segment.length;
      const span = wrong === -1 ? undefined : elements[wrong];
      if (wrong === -1 && elements.length === isaElements.length) {
        continue;
      }
      const expected = isaElements[wrong];
      if (!span || !expected) {
        findings.push({
          ruleId: this.id,
          range: x12.lines.range(isa.start, isa.start + isa.id.length),
          message: `This ISA has ${elements.length} elements; an ISA has 16, in 106 characters with its terminator.`,
        });
        continue;
      }
      const name = `ISA${String(wrong + 1).padStart(2, '0')}`;
      const range = x12.lines.range(span.start, Math.max(span.end, span.start + 1));
      const finding: Finding = {
        ruleId: this.id,
        range,
        message: `The ISA is fixed-width, 106 characters with its terminator, and this one is ${length}: ${name}, ${expected.name}, is ${counted(span.text.length, 'character')} where it takes ${expected.width}.`,
      };
      if (expected.pad && span.text.length < expected.width && (expected.pad === 'spaces' || /^\d+$/.test(span.text))) {
        finding.fixes = [padFix(span, x12.lines.range(span.start, span.end), expected.width, expected.pad)];
      }
      findings.push(finding);
    }
    return findings;
  },
};
