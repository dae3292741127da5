/**
 * `x12-envelope-ids`: the envelope of an 837P names what it holds the way the
 * 005010X222A1 guide requires. GS01 is HC (health care claim) in a group of
 * 837P claims; ST03 names the guide (005010X222A1) and repeats GS08; a group
 * of 005010X222, the version before its 2010 errata, is read as 837P but
 * warned about once, on GS08, since HIPAA adopted the A1 errata and receivers turn the
 * older one away. Only checked transactions are read (`x12-not-837p` names
 * the others).
 */
import { checkedGuide, quotable } from '../../x12/transactionIdentity';
import { x12Transactions } from '../../x12/x12Transactions';
import type { X12Span } from '../../x12/x12Types';
import type { DocumentRule, Finding } from '../ruleTypes';

const quoted = (value: string) => (quotable(value) ? ` (${value})` : '');

export const envelopeIdsRule: DocumentRule = {
  id: 'x12-envelope-ids',
  format: 'x12-837p',
  defaultSeverity: 'error',
  description: 'GS01 is not HC in a group of 837P claims, or ST03 is missing or differs from GS08.',
  check(model) {
    const x12 = model.x12;
    if (!x12) {
      return [];
    }
    const segments = x12.interchange.segments;
    const findings: Finding[] = [];
    const report = (span: X12Span, message: string, severity?: Finding['severity']) => {
      const finding: Finding = {
        ruleId: this.id,
        range: x12.lines.range(span.start, Math.max(span.end, span.start + 1)),
        message,
      };
      if (severity) {
        finding.severity = severity;
      }
      findings.push(finding);
    };
    let lastGroup = -1;
    for (const transaction of x12Transactions(segments).all) {
      const firstOfGroup = transaction.group !== lastGroup;
      lastGroup = transaction.group;
      if (!transaction.identity.checked) {
        continue;
      }
      const gs = transaction.group === -1 ? undefined : segments.at(transaction.group);
      const gs01 = gs?.elements[0];
      // The group's first transaction decides, so a group is told once (and a streamed piece holding it says the same).
      if (firstOfGroup && gs01 && gs01.text.trim() !== 'HC') {
        report(
          gs01,
          `GS01 is not HC${quoted(gs01.text.trim())}: a functional group of 837P claims is HC (health care claim); a receiver rejects the group.`,
        );
      }
      const st = segments.at(transaction.first);
      if (!st) {
        continue;
      }
      const st03 = st.elements[2];
      const gs08 = gs?.elements[7]?.text.trim() ?? '';
      if (!st03 || st03.text.trim() === '') {
        report(
          st03 ?? { start: st.start, end: st.start + st.id.length, text: st.id },
          `ST03 is missing: an 837P names its implementation guide (${checkedGuide}) in ST03, as in GS08.`,
        );
      }
      const version = st03?.text.trim() ?? '';
      const gs08Written = gs?.elements[7]?.text ?? '';
      if (st03 && gs && version !== '' && version !== gs08) {
        report(
          st03,
          `ST03${quoted(version)} differs from GS08${quoted(gs08)}: both name the implementation guide of the transaction and must be the same.`,
        );
      } else if (st03 && gs && version !== '' && (gs08Written !== gs08 || st03.text !== version)) {
        // The same guide with spaces around it: the product reads it, but a receiver compares the values as written.
        report(
          st03,
          `GS08 '${gs08Written}' and ST03 '${st03.text}' name the same guide, but with spaces around it: a receiver compares them as written, so write ${version} in both, with no spaces.`,
        );
      }
      const gs08Span = gs?.elements[7];
      if (firstOfGroup && gs08Span && gs08 === '005010X222') {
        report(
          gs08Span,
          `005010X222 is the 837P guide before its 2010 errata; HIPAA requires ${checkedGuide}, and receivers reject the older one. The group is checked as ${checkedGuide}: write ${checkedGuide} in GS08 and in each ST03.`,
          'warning',
        );
      }
    }
    return findings;
  },
};
