/**
 * Each format's findings speak its own words: an 837 is told of SV107
 * pointers and the HI diagnosis list, a `.claim` file of `dx=` and its
 * `dx:` list. The explicit cases check both wordings of the rules that read
 * diagnoses; generated documents of each format check that no message of any
 * rule borrows the other format's words.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import { messageOf, validate, validateX12 } from '../../support/documents/claimDocuments';
import { claimDocumentArb, x12DocumentArb } from '../../support/documents/fixableDocuments';
import { claimTexts, x12Texts } from '../../support/documents/fuzzTexts';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 100);

/** `.claim` words: its pointer and list syntax, its header keys and the word header itself. */
const claimWords = /\bdx=|\bdx list|\bdx:|\blesions[:=]|\bdos[:=]|\bpos[:=]|\bheader (?:key|value)|\bclaim header/;
/** X12 words: segment and element names (not a claim id such as CLM-2026-0001), loops and the 837 itself. */
const x12Words = /\b(?:SV1\d*|SV107|HI\d*|CLM\d*|LX|DTP|LIN|NM1|ISA|IEA|GS|GE|ST|SE)\b(?!-)|\bloop\b|\bsegment|\b837/;

function messagesOf(diagnostics: ReturnType<typeof validate>, rule?: string): string[] {
  return diagnostics.filter((d) => rule === undefined || d.code === rule).map(messageOf);
}

describe('each format in its own words', () => {
  describe('dx-pointer', () => {
    it('in a .claim file: dx= and the dx list', () => {
      assert.deepEqual(messagesOf(validate('claim A\n  dx: C50.411\n  19283-RT dx=B\n'), 'dx-pointer'), [
        "dx=B points to diagnosis 2, but the claim's dx list has 1 (C50.411).",
      ]);
      assert.deepEqual(messagesOf(validate('claim A\n  19283-RT dx=A\n'), 'dx-pointer'), [
        'dx=A points to diagnosis 1, but the claim has no dx: list.',
      ]);
    });

    it('in an 837: the SV107 pointer and the HI diagnoses', () => {
      const text = writeX12([
        { id: 'C', diagnoses: ['C50411'], lines: [{ code: '19283', modifiers: ['RT'], charge: 1, pointers: [2] }] },
      ]);
      assert.deepEqual(messagesOf(validateX12(text), 'dx-pointer'), [
        "SV107 pointer 2 points to diagnosis 2, but the claim's HI lists 1 diagnosis (C50411).",
      ]);
      const noHi = writeX12([
        { id: 'C', diagnoses: [], lines: [{ code: '19283', modifiers: ['RT'], charge: 1, pointers: [1] }] },
      ]);
      assert.deepEqual(messagesOf(validateX12(noHi), 'dx-pointer'), [
        'SV107 pointer 1 points to diagnosis 1, but the claim has no HI diagnosis.',
      ]);
    });

    it('quotes only codes of a diagnosis shape: malformed text may be anything', () => {
      assert.deepEqual(messagesOf(validate('claim A\n  dx: C50.411 JANE\n  19283-RT dx=C\n'), 'dx-pointer'), [
        "dx=C points to diagnosis 3, but the claim's dx list has 2 (C50.411, ?).",
      ]);
    });
  });

  describe('missing-dx-pointer', () => {
    it('in a .claim file: the dx list', () => {
      assert.deepEqual(messagesOf(validate('claim A\n  dx: C50.411\n  19283-RT\n'), 'missing-dx-pointer'), [
        "19283 has no diagnosis pointer; point it at the claim's dx list (C50.411).",
      ]);
    });

    it('in an 837: SV107 and the HI diagnoses, ICD-9-CM codes listed too', () => {
      const text = writeX12([
        { id: 'C', diagnoses: ['C50411'], dos: '2014-06-02', lines: [{ code: '19283', modifiers: ['RT'], charge: 1 }] },
      ])
        .replace('HI*ABK:C50411', 'HI*BK:1749')
        .replace(/(SV1\*HC:19283:RT\*1\*UN\*1)\*\*\*1~/, '$1~');
      assert.deepEqual(messagesOf(validateX12(text), 'missing-dx-pointer'), [
        "19283 has no diagnosis pointer in SV107; point it at the claim's HI diagnoses (1749).",
      ]);
    });
  });

  it('no finding on a generated 837 uses a .claim word', () => {
    fc.assert(
      fc.property(fc.oneof(x12DocumentArb, x12Texts), (text) => {
        for (const message of messagesOf(validateX12(text))) {
          assert.doesNotMatch(message, claimWords);
        }
      }),
      { seed, numRuns },
    );
  });

  it('no finding on a generated .claim file uses an X12 word', () => {
    fc.assert(
      fc.property(fc.oneof(claimDocumentArb, claimTexts), (text) => {
        // Text that starts with ISA is read as the 837 it is, whatever the file is called.
        fc.pre(!/^\s*ISA/.test(text.slice(0, 64)));
        for (const message of messagesOf(validate(text))) {
          assert.doesNotMatch(message, x12Words);
        }
      }),
      { seed, numRuns },
    );
  });

  it('the word lists catch what they are for', () => {
    assert.match("dx=B points to diagnosis 2, but the claim's dx list has 1", claimWords);
    assert.match('SV107 pointer 2 points outside HI', x12Words);
    assert.doesNotMatch('SV107 pointer 2 points to diagnosis 2', claimWords);
    assert.doesNotMatch("dx=B points to diagnosis 2, but the claim's dx list has 1", x12Words);
  });
});
