/**
 * `x12-diagnosis-code`: each HI code is read by its qualifier. ICD-10-CM
 * (ABK, ABF, APR, ABJ, ABN) is checked against the ICD-10-CM shape, ICD-9-CM
 * (BK, BF, BR, BJ, BN) against the ICD-9-CM shape, and an ICD-9-CM code is
 * flagged only when the claim has a date of service on or after 2015-10-01.
 * Other HI qualifiers (anesthesia, condition codes) are not diagnoses.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { formatDiagnostic, messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { applyX12Fix, ids, x12TextOf } from '../../../support/checks/ruleFindings';

/** A one-line claim (19283-RT pointing to diagnosis 1) with HI as given, its claim and line dates as given. */
function claimWithHi(hi: string, dates: { claim?: string; line?: string } = { claim: '2014-06-02' }): string {
  const text = writeX12(
    [
      {
        id: 'CLM-1',
        diagnoses: ['C50411'],
        ...(dates.claim ? { dos: dates.claim } : {}),
        lines: [{ code: '19283', modifiers: ['RT'], charge: 350, ...(dates.line ? { dos: dates.line } : {}) }],
      },
    ],
    { date: '2026-03-14' },
  );
  assert.match(text, /HI\*ABK:C50411~/);
  return text.replace('HI*ABK:C50411~', `HI*${hi}~`);
}

const listed = (text: string) => validateX12(text).map(formatDiagnostic);

describe('x12-diagnosis-code', () => {
  describe('ICD-9-CM under BK, BF, BR, BJ, BN', () => {
    it('stays quiet for ICD-9-CM codes of every shape on a claim dated before 2015-10-01', () => {
      assert.deepEqual(listed(claimWithHi('BK:1749*BF:V7612*BF:E8889*BF:401*BR:7865*BJ:2859*BN:E8809')), []);
    });

    it('stays quiet when no date of service is written: the date decides, and it is unknown', () => {
      // The 837P requires a line date (x12-required says so); this rule has nothing to add without one.
      const findings = validateX12(claimWithHi('BK:1749*BF:V7612', {}));
      assert.deepEqual(
        ids(findings).filter((id) => id === 'x12-diagnosis-code'),
        [],
      );
    });

    it('flags each ICD-9-CM code on a claim dated on 2015-10-01, naming the date and ICD-10-CM', () => {
      const text = claimWithHi('BK:1749*BF:V7612', { claim: '2015-10-01' });
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-diagnosis-code', 'x12-diagnosis-code']);
      assert.deepEqual(
        diagnostics.map((d) => x12TextOf(text, d)),
        ['1749', 'V7612'],
      );
      assert.equal(
        messageOf(diagnostics[0]),
        '1749 is an ICD-9-CM code (HI qualifier BK), but this claim has a service on 2015-10-01: from 2015-10-01 on, diagnoses are coded in ICD-10-CM (qualifiers ABK, ABF).',
      );
    });

    it('flags ICD-9-CM codes when only a service line (DTP*472 after SV1) is dated after 2015-10-01', () => {
      const text = claimWithHi('BK:1749', { line: '2026-03-14' });
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-diagnosis-code']);
      assert.match(messageOf(diagnostics[0]), /service on 2026-03-14/);
    });

    it('stays quiet the day before the compliance date', () => {
      assert.deepEqual(listed(claimWithHi('BK:1749', { claim: '2015-09-30', line: '2015-09-30' })), []);
    });

    it('reports a code that has no ICD-9-CM shape, with the ICD-9-CM shapes', () => {
      const text = claimWithHi('BK:C50411');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-diagnosis-code']);
      assert.equal(x12TextOf(text, diagnostics[0]), 'C50411');
      assert.match(messageOf(diagnostics[0]), /^This is not an ICD-9-CM code \(qualifier BK\): 3 digits/);
    });

    it('reports an ICD-9-CM decimal point as x12-icd-decimal, in ICD-9-CM words, and the fix removes it', () => {
      const text = claimWithHi('BK:174.9');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-icd-decimal']);
      assert.match(messageOf(diagnostics[0]), /^ICD-9-CM codes in an 837 are written without the decimal point/);
      assert.deepEqual(listed(applyX12Fix(text, 'x12-icd-decimal')), []);
    });
  });

  describe('ICD-10-CM under ABK, ABF, APR, ABJ, ABN', () => {
    it('stays quiet for ICD-10-CM codes under every ICD-10-CM qualifier, whatever the date', () => {
      assert.deepEqual(listed(claimWithHi('ABK:C50411*ABF:R928*APR:R92*ABJ:N6320*ABN:W010XXA')), []);
    });

    it('reports an ICD-9-CM code written under an ICD-10-CM qualifier', () => {
      const text = claimWithHi('ABK:1749');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-diagnosis-code']);
      assert.match(messageOf(diagnostics[0]), /^This is not an ICD-10-CM code \(qualifier ABK\): a letter, a digit/);
    });

    it('reports a qualifier with no code', () => {
      const diagnostics = validateX12(claimWithHi('ABK:C50411*ABF:'));
      assert.deepEqual(ids(diagnostics), ['x12-diagnosis-code']);
      assert.equal(messageOf(diagnostics[0]), 'This ABF diagnosis has no code after its qualifier.');
    });
  });

  describe('HI codes that are not diagnoses', () => {
    it('checks neither anesthesia procedures (BP, BO) nor condition codes (BG), and pointers do not count them', () => {
      const text = claimWithHi('BP:00400*BO:00402*BG:01*ABK:C50411', { claim: '2026-03-14' });
      assert.deepEqual(listed(text), []);
    });

    it('points SV107 1 at the first diagnosis even after a non-diagnosis HI composite', () => {
      const text = claimWithHi('BG:01*ABK:C50411*ABF:R928', { claim: '2026-03-14' }).replace(
        /(SV1\*HC:19283:RT\*350\*UN\*1\*\*\*)1~/,
        '$13~',
      );
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['dx-pointer']);
      assert.match(messageOf(diagnostics[0]), /HI lists 2 diagnoses \(C50411, R928\)/);
    });
  });
});
