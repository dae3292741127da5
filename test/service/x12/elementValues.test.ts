/**
 * X12 decimal numbers (type R) as the element check and the claim reader
 * both read them (`x12/elementValues.ts`): an optional leading minus,
 * digits and at most one decimal point; never an exponent, hex, a plus sign
 * or a thousands separator, which JavaScript's Number() would take. A
 * property test compares the reader with the grammar written as a regular
 * expression, on strings made of the characters that matter.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalValue, valueProblem } from '../../../server/src/service/x12/elementValues';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150) * 20;

/** The X12 R grammar, written independently of the reader. */
const x12Decimal = /^-?(\d+\.?\d*|\.\d+)$/;

const numberish = fc.string({
  unit: fc.constantFrom('0', '1', '9', '.', '-', '+', 'e', 'E', 'x', 'X', 'a', 'F', ',', ' ', 'I', 'n'),
  maxLength: 8,
});

describe('X12 decimal numbers (type R)', () => {
  it('reads exactly the strings of the grammar, each as the number it writes', () => {
    fc.assert(
      fc.property(numberish, (text) => {
        const value = decimalValue(text);
        if (x12Decimal.test(text)) {
          assert.equal(value, Number(text), text);
          assert.equal(valueProblem('R', 1, 18, text, 0, text.length), undefined, text);
        } else {
          assert.equal(value, undefined, text);
          assert.match(valueProblem('R', 1, 18, text, 0, text.length) ?? '', /not a decimal number/, text);
        }
      }),
      { seed, numRuns },
    );
  });

  it('refuses the notations Number() takes: exponent, hex, plus sign, Infinity, spaces', () => {
    for (const text of ['1e3', '1e308', '0x10', '0x190', '+5', 'Infinity', ' 5', '5 ', '', '-', '.', '1.2.3']) {
      assert.equal(decimalValue(text), undefined, text);
    }
    assert.deepEqual(['350', '350.00', '-12.5', '.5', '5.', '0'].map(decimalValue), [350, 350, -12.5, 0.5, 5, 0]);
  });

  it('counts digits, not the sign or point, against the length, and decimal places against an amount', () => {
    assert.equal(valueProblem('R', 1, 18, '-123456789012345678.9', 0, 21), 'is 19 digits long; it may have at most 18');
    assert.equal(valueProblem('R', 1, 18, '-12345678901234567.8', 0, 20), undefined);
    assert.equal(
      valueProblem('R', 1, 18, '10.125', 0, 6, 2),
      'has 3 decimal places; an amount has at most 2 (dollars and cents)',
    );
    assert.equal(valueProblem('R', 1, 18, '10.12', 0, 5, 2), undefined);
    assert.equal(valueProblem('R', 1, 15, '10.125', 0, 6), undefined, 'a unit count may have more places');
  });
});
