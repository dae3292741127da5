/**
 * What a transaction is (`x12/transactionIdentity.ts`), and the transactions
 * of a file with the refused ones passed over (`x12/x12Transactions.ts`):
 * their CLM loops are no claims for the reader, the claim spans, hover's and
 * the lenses' lookups.
 */
import * as assert from 'node:assert/strict';
import {
  identifyTransaction,
  RefusalRuns,
  type TransactionHeaders,
} from '../../../server/src/service/x12/transactionIdentity';
import { allClaimSpans, claimSpanAround, claimSpansBetween } from '../../../server/src/service/x12/claimSpans';
import { X12DocumentModel, parseX12Text } from '../../../server/src/service/x12/x12ClaimParser';
import { x12Transactions } from '../../../server/src/service/x12/x12Transactions';
import { cleanTwoLines } from '../../support/checks/ruleFindings';

const headers = (partial: Partial<TransactionHeaders>): TransactionHeaders => ({
  isa12: '00501',
  gs08: '005010X222A1',
  st01: '837',
  st03: '005010X222A1',
  ...partial,
});

function modelOf(text: string): X12DocumentModel {
  const model = parseX12Text(text);
  assert.ok(model instanceof X12DocumentModel);
  return model;
}

describe('what an X12 transaction is', () => {
  it('checks 837P of 005010X222A1, X222A2 and X222, and an 837 that names no guide in a 5010 envelope', () => {
    for (const guide of ['005010X222A1', '005010X222A2', '005010X222']) {
      assert.equal(identifyTransaction(headers({ gs08: guide, st03: guide })).checked, true, guide);
    }
    assert.equal(identifyTransaction(headers({ gs08: '', st03: '' })).checked, true);
    assert.equal(identifyTransaction(headers({ gs08: '', st03: '', isa12: '00401' })).checked, false);
  });

  it('refuses the other 837 guides and transaction sets, naming each by the element that tells', () => {
    const cases: Array<[Partial<TransactionHeaders>, string, string]> = [
      [{ st03: '005010X223A3', gs08: '005010X223A3' }, 'an 837I institutional claim', 'ST03'],
      [{ st03: '005010X224A2', gs08: '005010X224A2' }, 'an 837D dental claim', 'ST03'],
      [{ st03: '', gs08: '004010X098A1', isa12: '00401' }, 'a 4010 837P professional claim', 'GS08'],
      [{ st03: '', gs08: '004010X097A1' }, 'a 4010 837D dental claim', 'GS08'],
      [{ st03: '005010X291' }, 'an 837 professional predetermination of benefits', 'ST03'],
      [{ st03: '005010X298' }, 'an 837 professional post-adjudicated claims data report (PACDR)', 'ST03'],
      [{ st03: '005010X999' }, 'an 837 under another implementation guide', 'ST03'],
      [{ st01: '835', st03: '005010X221A1' }, 'an 835 claim payment (remittance advice)', 'ST01'],
      [{ st01: '271' }, 'a 271 eligibility response', 'ST01'],
      [{ st01: 'XYZ' }, 'a transaction whose ST01 is not 837', 'ST01'],
    ];
    for (const [partial, name, decidedBy] of cases) {
      const identity = identifyTransaction(headers(partial));
      assert.deepEqual([identity.checked, identity.name, identity.decidedBy], [false, name, decidedBy]);
    }
  });

  it('starts a run of refused transactions at each change of kind, never at a checked one', () => {
    const runs = new RefusalRuns();
    const kinds = ['005010X222A1', '005010X223A2', '005010X223A2', '005010X224A2', '005010X222A1', '005010X223A2'];
    assert.deepEqual(
      kinds.map((guide) => runs.startsRun(identifyTransaction(headers({ st03: guide, gs08: guide })))),
      [false, true, false, true, false, true],
    );
  });

  it('passes over the CLM loops of a refused transaction: no claims, no spans, no claim around a segment', () => {
    const institutional = cleanTwoLines.replace(/005010X222A1/g, '005010X223A2');
    const model = modelOf(institutional);
    const segments = model.x12.interchange.segments;
    assert.deepEqual(model.claims, []);
    assert.deepEqual(allClaimSpans(segments), []);
    const clm = [...segments].find((segment) => segment.id === 'CLM');
    assert.ok(clm);
    assert.equal(claimSpanAround(segments, clm.ordinal + 1), undefined);
    assert.deepEqual(claimSpansBetween(segments, 0, institutional.length), []);
    const transactions = x12Transactions(segments);
    assert.equal(transactions.refused.length, 1);
    assert.equal(transactions.isRefused(clm.ordinal), true);
    assert.equal(transactions.isRefused(0), false, 'the ISA is outside any transaction');
    // The same file as 837P has its claim everywhere.
    const professional = modelOf(cleanTwoLines);
    assert.equal(professional.claims.length, 1);
    assert.equal(allClaimSpans(professional.x12.interchange.segments).length, 1);
  });
});
