/**
 * Charges keep the digits their file wrote through conversion, both ways:
 * amounts travel as decimal strings and totals are added exactly, never as
 * floating-point numbers (a number keeps about 15 digits, and 0.1 + 0.2 is
 * not 0.3). Random amounts of up to 16 digits survive .claim → 837 → .claim
 * as written.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalOf, sumOf, withCents, x12Amount } from '../../../../server/src/service/text/decimalAmount';
import { sv1Segments, toClaim, toX12 } from '../../../support/checks/conversionChecks';
import { x12Text } from '../../../support/documents/ruleDocExamples';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 100);

function claimWithCharges(charges: readonly string[]): string {
  const lines = charges.map((charge, i) => `  ${i % 2 === 0 ? '19283' : '19284'}-RT x1 $${charge} dx=A`).join('\n');
  return `claim CLM-1\n  dos: 2026-03-14\n  dx: C50.411\n\n${lines}\n`;
}

/** The `$` amounts of a `.claim` text, in order. */
function chargesIn(text: string): string[] {
  return [...text.matchAll(/\$(\S+)/g)].map((match) => match[1] ?? '');
}

describe('charges through conversion', () => {
  it('keeps 1234567.89, 0.10 + 0.20 and 99,999,999,999,999.99 as written, with exact totals', () => {
    const x12 = toX12(claimWithCharges(['1234567.89', '0.10', '0.20', '99,999,999,999,999.99'])).text;
    assert.deepEqual(
      sv1Segments(x12).map((sv1) => sv1[1]),
      ['1234567.89', '0.10', '0.20', '99999999999999.99'],
    );
    assert.match(x12, /CLM\*CLM-1\*100000001234568\.18\*/);
    const back = toClaim(x12).text;
    assert.deepEqual(chargesIn(back), ['1234567.89', '0.10', '0.20', '99999999999999.99']);
  });

  it('writes an SV102 finer than cents as it is, not rounded, and notes it', () => {
    const x12 = x12Text('CLM*A*1.005***11:B:1*Y*A*Y*Y~\nHI*ABK:C50411~\nLX*1~\nSV1*HC:19283:RT*1.005*UN*1***1~');
    const result = toClaim(x12);
    assert.deepEqual(chargesIn(result.text), ['1.005']);
    assert.ok(result.notes.some((note) => /finer than cents/.test(note)));
  });

  it('round-trips random amounts of up to 16 digits exactly', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 99_999_999_999_999n }), fc.integer({ min: 0, max: 99 }))
      .map(([dollars, cents]) => `${dollars}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 6 }), (charges) => {
        const x12 = toX12(claimWithCharges(charges)).text;
        assert.deepEqual(chargesIn(toClaim(x12).text), charges);
        const total = /CLM\*CLM-1\*([^*]+)\*/.exec(x12)?.[1];
        assert.equal(total, x12Amount(sumOf(charges)));
      }),
      { seed, numRuns },
    );
  });

  it('adds decimals exactly and writes them as each format does', () => {
    assert.equal(sumOf(['0.1', '0.2']), '0.30');
    assert.equal(sumOf(['-5', '2.005']), '-2.995');
    assert.equal(decimalOf('$1,234.5'), '1234.5');
    assert.equal(decimalOf('.5'), '0.5');
    assert.equal(decimalOf('$'), undefined);
    assert.equal(withCents('350'), '350.00');
    assert.equal(x12Amount('350.00'), '350');
    assert.equal(x12Amount('350.5'), '350.50');
  });
});
