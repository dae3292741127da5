/**
 * `laterality-mismatch`: A line's RT or LT modifier contradicts the breast
 * side of the diagnosis it points to. Cases that fire (with their range and
 * message) and cases that must not.
 */
import * as assert from 'node:assert/strict';
import { diagnosisSide, sideOfDiagnosis } from '../../../server/src/service/rules/laterality';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import { formatDiagnostic, messageOf, ruleIds, textAt, validateX12 } from '../../support/documents/claimDocuments';
import { only } from '../../support/checks/ruleFindings';

describe('laterality-mismatch', () => {
  it('reads the side of C50 from its sixth character and of N63 from its fourth', () => {
    assert.equal(diagnosisSide('C50.411'), 'RT');
    assert.equal(diagnosisSide('C50412'), 'LT');
    assert.equal(diagnosisSide('C50.421'), 'RT');
    assert.equal(diagnosisSide('C50.919'), undefined);
    assert.equal(diagnosisSide('N63.10'), 'RT');
    assert.equal(diagnosisSide('N6320'), 'LT');
    assert.equal(diagnosisSide('N63.0'), undefined);
    assert.equal(diagnosisSide('R92.8'), undefined);
  });

  it('reads a side from ICD-10-CM diagnoses only, never from an ICD-9-CM code', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } };
    assert.equal(sideOfDiagnosis({ code: 'C50411', codeSet: 'ICD-10-CM', range }), 'RT');
    assert.equal(sideOfDiagnosis({ code: 'C50411', codeSet: 'ICD-9-CM', range }), undefined);
  });

  it('stays quiet on an 837 whose pointed diagnosis is ICD-9-CM (BK), dated before 2015-10-01', () => {
    const text = writeX12([
      {
        id: 'C9',
        diagnoses: ['C50412'],
        dos: '2014-06-02',
        lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }],
      },
    ]).replace('HI*ABK:C50412', 'HI*BK:1749');
    assert.deepEqual(validateX12(text).map(formatDiagnostic), []);
  });

  it('warns for every breast category that encodes the side, not only C50 and N63', () => {
    for (const [dx, line] of [
      ['D05.11', '19081-LT'],
      ['N60.12', '19083-RT'],
      ['D48.61', '19283-LT'],
      ['D24.2', '19285-RT'],
      ['Z90.11', '19281-LT'],
    ] as const) {
      const text = `claim A\n dx: ${dx}\n ${line} dx=A\n`;
      assert.deepEqual(ruleIds(text), ['laterality-mismatch'], text);
    }
  });

  it('stays quiet on the matching side, and on diagnoses that name none (C79.81, unspecified, bilateral)', () => {
    for (const [dx, line] of [
      ['D05.11', '19081-RT'],
      ['N60.12', '19083-LT'],
      ['C79.81', '19283-LT'],
      ['D48.60', '19283-LT'],
      ['Z90.13', '19281-LT'],
    ] as const) {
      const text = `claim A\n dx: ${dx}\n ${line} dx=A\n`;
      assert.deepEqual(ruleIds(text), [], text);
    }
  });

  it('warns on LT pointing at a right-breast diagnosis, on the modifier', () => {
    const text = 'claim A\n dx: C50.411\n 19283-LT dx=A\n';
    const diagnostic = only(text, 'laterality-mismatch');
    assert.equal(diagnostic.severity, 2);
    assert.equal(textAt(text, diagnostic), 'LT');
    assert.equal(
      messageOf(diagnostic),
      'LT (left) contradicts the pointed diagnosis C50.411, which is the right breast.',
    );
  });

  it('reads 837 diagnoses without the decimal point', () => {
    const text = writeX12([
      {
        id: 'CLM-1',
        diagnoses: ['C50412'],
        dos: '2026-03-14',
        lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }],
      },
    ]);
    const diagnostics = validateX12(text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['laterality-mismatch'],
      diagnostics.map(formatDiagnostic).join('\n'),
    );
    assert.match(messageOf(diagnostics[0]), /C50412, which is the left breast/);
  });

  it('accepts a matching side, a diagnosis with no side, and a line with no side', () => {
    assert.deepEqual(ruleIds('claim A\n dx: C50.412, N63.20\n 19283-LT dx=A,B\n'), []);
    assert.deepEqual(ruleIds('claim A\n dx: R92.8\n 19283-LT dx=A\n'), []);
    assert.deepEqual(ruleIds('claim A\n dx: C50.411\n 19303 dx=A\n'), []);
    assert.deepEqual(ruleIds('claim A\n dx: C50.411, C50.412\n 19283-LT dx=A,B\n'), []);
  });
});
