/**
 * The envelope findings' messages, shared by the rule and claim-lint's stream
 * so both say the same. They never quote what the trailer holds: a malformed
 * file can put any text there, patient data included. A header's control
 * number is quoted only when it is digits, as the guide requires.
 */
import { counted } from '../../text/wording';

export function segmentCountMessage(count: number): string {
  return `SE01 should be ${count}: this transaction has ${counted(count, 'segment')} from ST to SE.`;
}

export function controlNumberMessage(trailerElement: string, headerElement: string, expected: string): string {
  const quoted = /^\d{1,9}$/.test(expected) ? ` (${expected})` : '';
  return `${trailerElement} does not repeat the control number${quoted} that ${headerElement} opened this envelope with.`;
}

export function childCountMessage(trailer: string, children: number, counts: string): string {
  return `${trailer}01 should be ${children}: this envelope holds ${counted(children, `${counts} segment`)}.`;
}

export function repeatedInterchangeMessage(controlNumber: string): string {
  const quoted = /^\d{1,9}$/.test(controlNumber) ? ` ${controlNumber}` : '';
  return `ISA13, the interchange control number${quoted}, repeats an earlier interchange's in this file: a receiver takes a repeated number for a duplicate of an interchange it already has and may reject it. Give each interchange its own number (later repeats of this one are not told again).`;
}
