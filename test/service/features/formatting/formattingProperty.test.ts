/**
 * Formatting on the fuzz inputs (`support/fuzzTexts.ts`) and on generated
 * claim files in varied layouts (`support/fixableDocuments.ts`; fast-check, a fixed
 * number of cases from a printed seed, FUZZ_SEED and FUZZ_RUNS replay): read
 * as `.claim` and as X12 in each layout, whole and over a random range, it
 * never throws, its edits lie inside the document, in order and not
 * overlapping, replace only spaces, tabs and line ends with the same (so
 * every other character stays, in order), and formatting the result again
 * changes nothing; the diagnostics stay the same, their ranges moved.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { FormattingOptions } from 'vscode-languageserver-types';
import type { FormatRequest, X12Layout } from '../../../../server/src/service';
import { claimDocumentArb, x12DocumentArb } from '../../../support/documents/fixableDocuments';
import { anyTexts } from '../../../support/documents/fuzzTexts';
import {
  assertDiagnosticsKept,
  assertWellFormedEdits,
  documentOf,
  formatted,
  type Language,
  layoutFree,
} from '../../../support/checks/formattingChecks';

const seed = Number(process.env.FUZZ_SEED ?? 20261127);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

const optionsArb: fc.Arbitrary<FormattingOptions> = fc.record({
  tabSize: fc.constantFrom(2, 4, 0, -1, 1e9),
  insertSpaces: fc.boolean(),
  trimTrailingWhitespace: fc.boolean(),
  insertFinalNewline: fc.boolean(),
  trimFinalNewlines: fc.boolean(),
});
const layoutArb = fc.constantFrom<X12Layout>('keep', 'segmentPerLine', 'oneLine');
/** A range as two fractions of the text, or none (the whole document). */
const rangeArb = fc.option(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
  { nil: undefined },
);

let formattedCount = 0;
let editsChecked = 0;

function check(
  text: string,
  language: Language,
  options: FormattingOptions,
  layout: X12Layout,
  fractions: [number, number] | undefined,
): void {
  const document = documentOf(text, language);
  const request: Partial<FormatRequest> = { options, x12Layout: layout };
  if (fractions) {
    const [a, b] = [Math.floor(fractions[0] * text.length), Math.floor(fractions[1] * text.length)].sort(
      (x, y) => x - y,
    );
    request.range = { start: document.positionAt(a ?? 0), end: document.positionAt(b ?? 0) };
  }
  const result = formatted(text, language, request);
  formattedCount++;
  editsChecked += result.edits.length;
  assertWellFormedEdits(result.document, result.edits);
  assert.equal(
    layoutFree(result.text),
    layoutFree(text),
    'every character but spaces, tabs and line ends is kept, in order',
  );
  if (!fractions) {
    assert.deepEqual(
      formatted(result.text, language, { options, x12Layout: layout }).edits,
      [],
      'formatting is idempotent',
    );
    assertDiagnosticsKept(result, 'the formatted text');
  }
}

describe(`formatting any text (seed ${seed}, ${numRuns} cases a format; replay with FUZZ_SEED)`, function () {
  this.timeout(120_000);

  after(() => console.log(`      ${formattedCount} formattings, ${editsChecked} edits checked`));

  it('read as .claim: never throws, edits only layout white space, inside the document, idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyTexts, claimDocumentArb), optionsArb, rangeArb, (text, options, range) =>
        check(text, 'claim', options, 'keep', range),
      ),
      { seed, numRuns },
    );
  });

  it('read as X12, in each layout: the same', () => {
    fc.assert(
      fc.property(fc.oneof(anyTexts, x12DocumentArb), optionsArb, layoutArb, rangeArb, (text, options, layout, range) =>
        check(text, 'x12', options, layout, range),
      ),
      { seed: seed + 1, numRuns },
    );
  });
});
