/**
 * `invalid-diagnosis`: a diagnosis is not in the loaded ICD-10-CM code set
 * for the date of service, or is a header code that is not billable. Both
 * formats; the edition by date; silent without a code set.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service';
import { messageOf, ruleIds } from '../../support/documents/claimDocuments';
import { x12Claim } from '../../support/checks/ruleFindings';
import { findingsOf, fixesOf, serviceWith } from '../../support/inMemoryOfficialData';
import { twoIcd10Years } from '../../support/officialFixtures';

const service = serviceWith(twoIcd10Years);
const claim = (dx: string, date = '2026-03-14') => `claim A\n  dos: ${date}\n  dx: ${dx}\n  G0279 dx=A\n`;

const headerFixes = (text: string) =>
  fixesOf(service, text, 'invalid-diagnosis').map(({ title, fixed }) => ({ title, fixed }));

describe('invalid-diagnosis', () => {
  it('reports a code the edition for the date does not hold, on the code, as an error', () => {
    const [diagnostic, ...rest] = findingsOf(service, claim('C50.411, C50.499'), 'invalid-diagnosis');
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, 1);
    assert.deepEqual(diagnostic?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 22 } });
    assert.equal(
      messageOf(diagnostic),
      'C50.499 is not an ICD-10-CM code in ICD-10-CM FY2026 (the edition for 2026-03-14); check for a typo.',
    );
  });

  it('reads the edition of the date of service: a code new in FY2026 is unknown for a 2025 date, known from 2025-10-01', () => {
    assert.match(
      messageOf(findingsOf(service, claim('X99.01', '2025-09-30'), 'invalid-diagnosis')[0]),
      /X99\.01 is not an ICD-10-CM code in ICD-10-CM FY2025 \(the edition for 2025-09-30\)/,
    );
    assert.deepEqual(findingsOf(service, claim('X99.01', '2025-10-01'), 'invalid-diagnosis'), []);
  });

  it('says which characters a header code lacks and offers its billable children as fixes that clear it', () => {
    const text = claim('C50.41');
    const [diagnostic] = findingsOf(service, text, 'invalid-diagnosis');
    assert.equal(
      messageOf(diagnostic),
      'C50.41 is a header code, not billable (ICD-10-CM FY2026): it needs 1 more character, such as C50.411, C50.412, C50.419.',
    );
    const fixes = headerFixes(text);
    assert.deepEqual(
      fixes.map((f) => f.title),
      [
        'Replace C50.41 with C50.411 (Malig neo upr-outr quad r fem)',
        'Replace C50.41 with C50.412 (Malig neo upr-outr quad l fem)',
        'Replace C50.41 with C50.419 (Malignant neoplasm of upper-ou)',
      ],
    );
    assert.equal(fixes[0]?.fixed, claim('C50.411'));
    assert.deepEqual(findingsOf(service, fixes[0]?.fixed ?? '', 'invalid-diagnosis'), []);
  });

  it('counts a range of missing characters under a shorter header', () => {
    assert.match(
      messageOf(findingsOf(service, claim('C50'), 'invalid-diagnosis')[0]),
      /C50 is a header code, not billable \(ICD-10-CM FY2026\): it needs 3 more characters/,
    );
  });

  it('checks HI codes of an 837, and its fix writes the code without the point', () => {
    const text = writeX12([x12Claim('CLM-1', [{ code: 'G0279', modifiers: [], charge: 50 }], ['C5041', 'Z9999'])]);
    const found = findingsOf(service, text, 'invalid-diagnosis').map(messageOf);
    assert.equal(found.length, 2);
    assert.match(found[0] ?? '', /^C50\.41 is a header code/);
    assert.match(found[1] ?? '', /^Z99\.99 is not an ICD-10-CM code/);
    const [first] = headerFixes(text);
    assert.ok(first?.fixed.includes('HI*ABK:C50411*ABF:Z9999'), 'the fix replaces the code in place');
  });

  it('stays quiet on billable codes, malformed codes (the shape checks report them), and without a code set', () => {
    assert.deepEqual(findingsOf(service, claim('C50.411, R92.8'), 'invalid-diagnosis'), []);
    assert.ok(!ruleIds(claim('C50.499')).includes('invalid-diagnosis'));
    assert.deepEqual(findingsOf(service, claim('C5'), 'invalid-diagnosis'), []);
  });
});
