/**
 * Who a claim is for, in both formats: the `.claim` `patient:` header, and an
 * 837's subscriber (2010BA, NM1*IL with its member id) or patient (2010CA,
 * NM1*QC) with the DMG birth date; and the key that matches one person across
 * the two. The names are invented.
 */
import * as assert from 'node:assert/strict';
import { normalisedName, patientKeyOf, samePatient } from '../../../server/src/service/model/patientKey';
import type { Claim } from '../../../server/src/service/model/model';
import { parseClaimText } from '../../../server/src/service/claimText/claimTextParser';
import { parseX12Text, X12DocumentModel } from '../../../server/src/service/x12/x12ClaimParser';
import { writeX12 } from '../../../server/src/service';
import { x12Claim } from '../../support/checks/ruleFindings';

const visit = [{ code: '99213', modifiers: [], charge: 90 }];
/** Two subscribers' claims, DOE, JANE (two claims) and ROE, RICHARD. */
const twoSubscribers = writeX12(
  [
    { ...x12Claim('CLM-1', visit), patient: { last: 'DOE', first: 'JANE' } },
    { ...x12Claim('CLM-2', visit), patient: { last: 'ROE', first: 'RICHARD' } },
  ],
  { oneLine: true },
);

function claimsRead(model: X12DocumentModel): Claim[] {
  const claims: Claim[] = [];
  for (const span of model.claimSpans()) {
    model.readClaimAt(span, [], (claim) => claims.push(claim));
  }
  return claims;
}

describe('patients', () => {
  it('reads the patient: header of a .claim claim, the later value winning', () => {
    const model = parseClaimText(
      'claim A\n  patient: DOE, JANE\n  99213\nclaim B\n  patient: X\n  patient: ROE, RICHARD\n  99213\nclaim C\n  99213\n',
    );
    assert.deepEqual(
      model.claims.map((claim) => claim.patient),
      [{ name: 'DOE, JANE' }, { name: 'ROE, RICHARD' }, undefined],
    );
  });

  it('reads the subscriber of an 837 claim (NM1*IL, member id, DMG birth date), whole and claim by claim', () => {
    const text = twoSubscribers.replace('MEMBERID~NM1*PR', 'MEMBERID~DMG*D8*19800102*F~NM1*PR');
    const model = parseX12Text(text);
    const expected = [
      { name: 'DOE, JANE', memberId: 'MEMBERID', birthDate: '1980-01-02' },
      { name: 'ROE, RICHARD', memberId: 'MEMBERID' },
    ];
    assert.deepEqual(
      model.claims.map((claim) => claim.patient),
      expected,
    );
    assert.ok(model instanceof X12DocumentModel);
    assert.deepEqual(
      claimsRead(parseX12Text(text) as X12DocumentModel).map((claim) => claim.patient),
      expected,
    );
  });

  it('takes the 2000C patient (NM1*QC) over the subscriber, and never an NM1*IL inside a claim (2330A)', () => {
    const text = twoSubscribers
      .replace('PAYERID~CLM*CLM-1', 'PAYERID~HL*9*2*23*0~PAT*19~NM1*QC*1*DOE*JOHNNY*Q~DMG*D8*20150505*M~CLM*CLM-1')
      .replace(/(CLM\*CLM-1[^~]*~)/, '$1NM1*IL*1*OTHER*SUBSCRIBER****MI*OTHERID~');
    const expected = [
      { name: 'DOE, JOHNNY Q', birthDate: '2015-05-05' },
      { name: 'ROE, RICHARD', memberId: 'MEMBERID' },
    ];
    assert.deepEqual(
      parseX12Text(text).claims.map((claim) => claim.patient),
      expected,
    );
    assert.deepEqual(
      claimsRead(parseX12Text(text) as X12DocumentModel).map((claim) => claim.patient),
      expected,
    );
  });

  it('gives the later claims of one subscriber the same patient, also read alone out of order', () => {
    const text = writeX12([{ ...x12Claim('CLM-1', visit), patient: { last: 'DOE', first: 'JANE' } }]).replace(
      /(CLM\*CLM-1[\s\S]*?)(SE\*)/,
      (_all, claim: string, end: string) => `${claim}${claim.replace('CLM-1', 'CLM-2')}${end}`,
    );
    const model = parseX12Text(text) as X12DocumentModel;
    const spans = model.claimSpans();
    assert.equal(spans.length, 2);
    const names: Array<string | undefined> = [];
    for (const span of [...spans].reverse()) {
      model.readClaimAt(span, [], (claim) => names.push(claim.patient?.name));
    }
    assert.deepEqual(names, ['DOE, JANE', 'DOE, JANE']);
  });

  it('keys a name as LAST,FIRST: case, accents, punctuation, spacing and middle names do not matter', () => {
    assert.equal(normalisedName('Doe ,  Jane A.'), 'DOE,JANE');
    assert.equal(normalisedName('DOE, JANE'), 'DOE,JANE');
    assert.equal(normalisedName("O'Brien, Zoë"), 'OBRIEN,ZOE');
    assert.equal(normalisedName('Jane Doe'), 'JANE DOE,');
    assert.equal(normalisedName(' , '), '');
    assert.notEqual(normalisedName('DOE, JANE'), normalisedName('DOE, JOHN'));
  });

  it('matches a person across formats by name, and tells two apart by member id or birth date when both have one', () => {
    const claimText = patientKeyOf({ name: 'Doe, Jane' });
    const subscriber = patientKeyOf({ name: 'DOE, JANE A', memberId: 'M-1', birthDate: '1980-01-02' });
    const other = patientKeyOf({ name: 'DOE, JANE', memberId: 'M-2', birthDate: '1980-01-02' });
    const born = patientKeyOf({ name: 'DOE, JANE', birthDate: '1990-01-01' });
    assert.ok(claimText && subscriber && other && born);
    assert.ok(samePatient(claimText, subscriber));
    assert.ok(samePatient(claimText, other));
    assert.ok(!samePatient(subscriber, other));
    assert.ok(!samePatient(subscriber, born));
    assert.equal(patientKeyOf({ name: '--' }), undefined);
    assert.ok(!JSON.stringify(subscriber).includes('DOE'), 'only hashes are kept');
  });
});
