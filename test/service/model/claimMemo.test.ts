import * as assert from 'node:assert/strict';
import { LastClaimMemo } from '../../../server/src/service/model/claimMemo';
import type { Claim } from '../../../server/src/service/model/model';

const claim = (): Claim => ({
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  headers: [],
  diagnoses: [],
  lines: [],
});

describe('last-claim memo', () => {
  it('builds once per claim and key while a check runs, and lets the claim go when the check ends', async () => {
    const memo = new LastClaimMemo<number, string>();
    let builds = 0;
    const first = claim();
    const second = claim();
    assert.equal(
      memo.get(first, 'a', () => ++builds),
      1,
    );
    assert.equal(
      memo.get(first, 'a', () => ++builds),
      1,
    );
    assert.equal(
      memo.get(first, 'b', () => ++builds),
      2,
      'another key is another value',
    );
    assert.equal(
      memo.get(second, 'b', () => ++builds),
      3,
      'another claim is another value',
    );
    // The synchronous check is over once a microtask runs: nothing of the claim is kept.
    await Promise.resolve();
    assert.equal(
      memo.get(second, 'b', () => ++builds),
      4,
    );
  });
});
