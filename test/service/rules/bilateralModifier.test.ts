/**
 * `bilateral-modifier`: modifier 50 on a lesion-counted add-on code is an
 * error; on any other known code whether 50 or RT/LT lines are right
 * depends on the payer (the fee schedule's bilateral indicator, for
 * Medicare), said as information with no fix. Cases that fire (with their
 * range, severity and message), cases that must not, and the quick fixes.
 */
import * as assert from 'node:assert/strict';
import { messageOf, ruleIds, textAt, validate } from '../../support/documents/claimDocuments';
import { applyFix, fixTitles, only } from '../../support/checks/ruleFindings';
import { findingsOf, fixesOf, serviceWith } from '../../support/inMemoryOfficialData';

describe('bilateral-modifier', () => {
  it('gives an error for 50 on an add-on code, on the modifier', () => {
    const text = 'claim A\n 19283-RT\n 19284-50\n';
    const diagnostic = only(text, 'bilateral-modifier');
    assert.equal(diagnostic.severity, 1);
    assert.equal(textAt(text, diagnostic), '50');
    assert.equal(
      messageOf(diagnostic),
      'Modifier 50 does not go on an add-on code: report 19284 on a line for each side with RT or LT (one unit for each further lesion).',
    );
  });

  it('says of an add-on code that is not lesion-counted that 50 depends on the payer (SGO reports +38900-50)', () => {
    const diagnostic = validate('claim A\n 38525-RT\n 38900-50\n').find((d) => d.code === 'bilateral-modifier');
    assert.equal(diagnostic?.severity, 3);
    assert.match(messageOf(diagnostic), /^Whether 38900 takes modifier 50 \(one line\) or a line for each side/);
    assert.deepEqual(fixTitles('claim A\n 38525-RT\n 38900-50\n', 'bilateral-modifier'), []);
  });

  it('offers RT and LT on an add-on code, neither preferred', () => {
    const text = 'claim A\n 19283-RT\n 19284-50\n';
    assert.deepEqual(fixTitles(text, 'bilateral-modifier'), [
      ['Replace 50 with RT', false],
      ['Replace 50 with LT', false],
    ]);
    const fixed = applyFix(text, 'bilateral-modifier', 'Replace 50 with RT');
    assert.equal(fixed, 'claim A\n 19283-RT\n 19284-RT\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('found: replaces a 50 written twice as a whole, so the error goes (joined and separate modifiers)', () => {
    // The property test's counterexample: replacing only the first 50 left the line reported.
    assert.equal(
      applyFix('claim A\n 19281-RT\n 19282-50-59-50 x1\n', 'bilateral-modifier', 'Replace 50 with RT'),
      'claim A\n 19281-RT\n 19282-RT-59 x1\n',
    );
    const fixed = applyFix('claim A\n 19283-LT\n 19284 50  50 x1\n', 'bilateral-modifier', 'Replace 50 with LT');
    assert.equal(fixed, 'claim A\n 19283-LT\n 19284 LT x1\n');
    assert.deepEqual(ruleIds(fixed), []);
  });

  it('says as information, with no fix, that 50 on a first-lesion code depends on the payer', () => {
    const text = 'claim A\n 19283-50\n';
    const diagnostic = only(text, 'bilateral-modifier');
    assert.equal(diagnostic.severity, 3);
    assert.equal(textAt(text, diagnostic), '50');
    assert.match(
      messageOf(diagnostic),
      /^Whether 19283 takes modifier 50 \(one line\) or a line for each side with RT and LT depends on the payer: for Medicare, on the fee schedule's bilateral surgery indicator for 19283\./,
    );
    assert.deepEqual(fixTitles(text, 'bilateral-modifier'), []);
  });

  it('says the same of 50 on a known code that is not lesion-counted', () => {
    const diagnostic = only('claim A\n 19303-50\n', 'bilateral-modifier');
    assert.equal(diagnostic.severity, 3);
    assert.match(messageOf(diagnostic), /^Whether 19303 takes modifier 50/);
  });

  it('stays quiet on RT and LT lines, on codes the data does not know, and on deleted codes (deleted-code reports them)', () => {
    assert.deepEqual(ruleIds('claim A\n 19283-RT\n 19284-LT\n'), []);
    assert.ok(!ruleIds('claim A\n 99999-50\n').includes('bilateral-modifier'));
    assert.ok(!ruleIds('claim A\n 19290-50\n').includes('bilateral-modifier'));
  });
});

describe('bilateral-modifier with the fee schedule loaded', () => {
  // Invented codes, one per bilateral surgery indicator: 99931 (1), 99932 (2), 99933 (3), 99930 (0), 99939 (9).
  const service = serviceWith({
    fees: [
      { code: '99931', bilateral: 1 },
      { code: '99932', bilateral: 2 },
      { code: '99933', bilateral: 3 },
      { code: '99930', bilateral: 0 },
      { code: '99939', bilateral: 9 },
      { code: '19283', bilateral: 2 },
    ],
  });
  const claim = (lines: string) => `claim A\n  dos: 2026-03-14\n${lines}`;
  const findings = (text: string) => findingsOf(service, text, 'bilateral-modifier');

  const fixes = (text: string) =>
    fixesOf(service, text, 'bilateral-modifier').map(({ title, fixed }) => ({ title, fixed }));

  it('indicator 1: accepts 50 on one line with 1 unit', () => {
    assert.deepEqual(findings(claim('  99931-50 x1\n')), []);
  });

  it('indicator 1: reports 50 with more than 1 unit, and sets 1 unit', () => {
    const text = claim('  99931-50 x2\n');
    const [diagnostic] = findings(text);
    assert.equal(
      messageOf(diagnostic),
      '99931 with 50 is billed on one line with 1 unit for both sides (bilateral surgery indicator 1, PFS test).',
    );
    const [fix] = fixes(text);
    assert.equal(fix?.title, 'Set 1 unit');
    assert.deepEqual(findings(fix?.fixed ?? ''), []);
  });

  it('indicator 1: RT and LT lines of one code and date become one line with 50', () => {
    const text = claim('  99931-RT x1 $100.00\n  99931-LT x1 $100.00\n');
    const [diagnostic, ...rest] = findings(text);
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, 2);
    assert.equal(diagnostic?.range.start.line, 3);
    assert.match(
      messageOf(diagnostic),
      /^99931 on both sides is billed on one line with modifier 50 and 1 unit, not RT and LT lines/,
    );
    const [fix] = fixes(text);
    assert.equal(fix?.title, 'Bill 99931-50 x1 on one line');
    assert.equal(fix?.fixed, claim('  99931-50 x1 $100.00\n'));
    assert.deepEqual(findings(fix?.fixed ?? ''), []);
  });

  it('leaves RT and LT lines alone on other dates, other indicators, or without the fee schedule', () => {
    assert.deepEqual(findings(claim('  99931-RT\n  99931-LT dos=2026-03-15\n')), []);
    assert.deepEqual(findings(claim('  99933-RT\n  99933-LT\n')), []);
    assert.deepEqual(findingsOf(serviceWith({}), claim('  99931-RT\n  99931-LT\n'), 'bilateral-modifier'), []);
  });

  it('indicator 2: 50 on a code that is already bilateral is an error; the fix removes it', () => {
    const text = claim('  99932-50\n');
    const [diagnostic] = findings(text);
    assert.equal(diagnostic?.severity, 1);
    assert.equal(
      messageOf(diagnostic),
      '99932 is already bilateral (bilateral surgery indicator 2, PFS test): report it without modifier 50.',
    );
    assert.equal(fixes(text)[0]?.fixed, claim('  99932\n'));
  });

  it('indicator 3: 50 becomes RT and LT lines', () => {
    const text = claim('  99933-50 x1 dx=A\n');
    const [diagnostic] = findings(text);
    assert.equal(diagnostic?.severity, 2);
    assert.match(messageOf(diagnostic), /paid in full for each side .*bill a line for each side with RT and LT/);
    const [fix] = fixes(text);
    assert.equal(fix?.title, 'Replace 50 with RT and add a 99933-LT line');
    assert.deepEqual(findings(fix?.fixed ?? ''), []);
    assert.match(fix?.fixed ?? '', /99933-RT x1 dx=A\n\s+99933-LT\s+x1\s+dx=A\n/);
  });

  it('indicators 0 and 9: 50 is reported, with a fix that removes it', () => {
    assert.match(
      messageOf(findings(claim('  99930-50\n'))[0]),
      /^99930 has no bilateral payment \(bilateral surgery indicator 0/,
    );
    assert.match(
      messageOf(findings(claim('  99939-50\n'))[0]),
      /^Bilateral billing does not apply to 99939 \(bilateral surgery indicator 9/,
    );
    assert.equal(fixes(claim('  99939-50\n'))[0]?.fixed, claim('  99939\n'));
  });

  it('lets the indicator replace the payer-dependent note on a bundled code, and keeps the lesion add-on error', () => {
    assert.match(messageOf(findings(claim('  19283-50\n'))[0]), /already bilateral/);
    assert.match(messageOf(findings(claim('  19283-RT\n  19284-50\n'))[0]), /does not go on an add-on code/);
  });
});
