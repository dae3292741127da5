/**
 * `ncci-ptp`: a column-2 code of an NCCI PTP edit billed with its column-1
 * code on the same date of service. Invented codes: 99901 (column 1) with
 * 99902 (indicator 1, from 2026-01-01, deleted after 2026-06-30), 99903
 * (indicator 0) and 99904 (indicator 9).
 */
import * as assert from 'node:assert/strict';
import { getLanguageService, type PtpEdits, writeX12 } from '../../../server/src/service';
import { maxCodesPerDate } from '../../../server/src/service/rules/ncciPtp';
import { x12Claim } from '../../support/checks/ruleFindings';
import { messageOf, ruleIds } from '../../support/documents/claimDocuments';
import { findingsOf, fixesOf, officialData, serviceWith, validateWith } from '../../support/inMemoryOfficialData';

const service = serviceWith({
  ptp: [
    {
      column1: '99901',
      column2: '99902',
      indicator: 1,
      effective: '2026-01-01',
      deleted: '2026-06-30',
      rationale: 'Mutually exclusive procedures',
    },
    { column1: '99901', column2: '99903', indicator: 0, effective: '2020-04-01', rationale: 'Standards of practice' },
    { column1: '99901', column2: '99904', indicator: 9, effective: '2020-04-01', rationale: 'Deleted edit' },
  ],
});
const claim = (lines: string, date = '2026-03-14') => `claim A\n  dos: ${date}\n${lines}`;
const findings = (text: string) => findingsOf(service, text, 'ncci-ptp');

const actions = (text: string) => fixesOf(service, text, 'ncci-ptp');

describe('ncci-ptp', () => {
  it('reports an indicator-0 column-2 code on the column-2 line, quoting the rationale and effective date', () => {
    const [diagnostic, ...rest] = findings(claim('  99901\n  99903\n'));
    assert.equal(rest.length, 0);
    assert.equal(diagnostic?.severity, 1);
    assert.equal(diagnostic?.range.start.line, 3);
    assert.equal(
      messageOf(diagnostic),
      '99903 is bundled into 99901 on the same date of service (NCCI PTP edit, PTP test, effective 2020-04-01: "Standards of practice"); no modifier bypasses this edit: remove the 99903 line.',
    );
  });

  it('checks both orders: the column-2 code written first', () => {
    const [diagnostic] = findings(claim('  99903\n  99901\n'));
    assert.equal(diagnostic?.range.start.line, 2);
  });

  it('is not bypassed by any modifier under indicator 0', () => {
    assert.equal(findings(claim('  99901\n  99903-59\n')).length, 1);
    assert.equal(findings(claim('  99901-RT\n  99903-LT-XU\n')).length, 1);
  });

  it('reports indicator 1 without an NCCI-associated modifier, and says what may bypass it', () => {
    const [diagnostic] = findings(claim('  99901\n  99902\n'));
    assert.match(
      messageOf(diagnostic),
      /^99902 is bundled into 99901 .*effective 2026-01-01: "Mutually exclusive procedures"\)\. Only if the record shows a distinct service .* XU or 59 on 99902 bypass it\.$/,
    );
  });

  it('lets an NCCI-associated modifier on either line bypass indicator 1', () => {
    for (const modifier of ['59', 'XU', 'XS', 'XE', 'XP', '24', '25', '27', '57', '58', '78', '79', '91']) {
      assert.deepEqual(findings(claim(`  99901\n  99902-${modifier}\n`)), [], `${modifier} on column 2`);
      assert.deepEqual(findings(claim(`  99901-${modifier}\n  99902\n`)), [], `${modifier} on column 1`);
    }
  });

  it('lets different anatomic modifiers bypass indicator 1, but not the same site on both lines', () => {
    assert.deepEqual(findings(claim('  99901-RT\n  99902-LT\n')), []);
    assert.deepEqual(findings(claim('  99901-F1\n  99902-F2\n')), []);
    assert.deepEqual(findings(claim('  99901\n  99902-E4\n')), []);
    assert.equal(findings(claim('  99901-RT\n  99902-RT\n')).length, 1);
    assert.equal(findings(claim('  99901-LT\n  99902-LT-76\n')).length, 1, '76 is not NCCI-associated');
  });

  it('says nothing for indicator 9', () => {
    assert.deepEqual(findings(claim('  99901\n  99904\n')), []);
  });

  it('applies only on the same date of service', () => {
    assert.deepEqual(findings(claim('  99901\n  99903 dos=2026-03-15\n')), []);
    assert.equal(findings(claim('  99901 dos=2026-03-15\n  99903 dos=2026-03-15\n')).length, 1);
  });

  it('applies the edit from its effective date through its deletion date', () => {
    assert.deepEqual(findings(claim('  99901\n  99902\n', '2025-12-31')), []);
    assert.equal(findings(claim('  99901\n  99902\n', '2026-01-01')).length, 1);
    assert.equal(findings(claim('  99901\n  99902\n', '2026-06-30')).length, 1);
    assert.deepEqual(findings(claim('  99901\n  99902\n', '2026-07-01')), []);
  });

  it('offers to remove the column-2 line (preferred under indicator 0), or for indicator 1 to add XU or 59', () => {
    const zero = actions(claim('  99901\n  99903\n'));
    assert.deepEqual(
      zero.map((a) => [a.title, a.preferred]),
      [['Remove the 99903 line (bundled into 99901)', true]],
    );
    assert.equal(zero[0]?.fixed, claim('  99901\n'));
    const one = actions(claim('  99901\n  99902\n'));
    assert.deepEqual(
      one.map((a) => a.title),
      [
        'Remove the 99902 line (bundled into 99901)',
        'Add XU to 99902, only if the record supports a distinct service',
        'Add 59 to 99902, only if the record supports a distinct service',
      ],
    );
    for (const action of one) {
      assert.deepEqual(findings(action.fixed), [], action.title);
    }
  });

  it('checks 837 claims, by each line date', () => {
    const text = writeX12([
      x12Claim('CLM-1', [
        { code: '99901', modifiers: [], charge: 10 },
        { code: '99903', modifiers: ['59'], charge: 10 },
      ]),
    ]);
    assert.equal(findings(text).length, 1);
  });

  it('leaves a breast biopsy with its localization to biopsy-with-localization, which advises by side', () => {
    const breast = serviceWith({ ptp: [{ column1: '19083', column2: '19283', indicator: 1 }] });
    const ids = validateWith(breast, claim('  19083-RT x1\n  19283-RT x1\n')).map((d) => d.code);
    assert.ok(ids.includes('biopsy-with-localization'));
    assert.ok(!ids.includes('ncci-ptp'));
  });

  it('stays quiet without the PTP file', () => {
    assert.ok(!ruleIds(claim('  99901\n  99903\n')).includes('ncci-ptp'));
  });

  it('checks every line of a long claim of few codes on one date', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `  ${i % 2 === 0 ? '99901' : '99903'}\n`).join('');
    assert.equal(findings(claim(lines)).length, 150);
  });

  it('pairs at most the first 100 distinct codes of a date, so a pathological claim is not quadratic', () => {
    const data = officialData({ ptp: [{ column1: '99901', column2: '99903', indicator: 0 }] });
    const [table] = data.ptp;
    assert.ok(table);
    let lookups = 0;
    const counting: PtpEdits = {
      ...table,
      edit: (a, b, date) => {
        lookups += 1;
        return table.edit(a, b, date);
      },
    };
    const counted = getLanguageService({ officialData: { ...data, ptp: [counting] } });
    const codes = Array.from({ length: 1000 }, (_, i) => `  ${String(10000 + i)}\n`).join('');
    assert.deepEqual(findingsOf(counted, claim(`  99901\n  99903\n${codes}`), 'ncci-ptp').length, 1);
    assert.ok(lookups <= maxCodesPerDate * (maxCodesPerDate - 1), `${lookups} look-ups`);
    lookups = 0;
    assert.deepEqual(findingsOf(counted, claim(`${codes}  99901\n  99903\n`), 'ncci-ptp'), [], 'past the cap');
  });
});
