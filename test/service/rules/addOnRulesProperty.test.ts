/**
 * Property: on random claims, the two add-on rules (which read the claim's
 * index, `rules/claimLineIndex.ts`, so a long claim costs its length and not
 * its length squared) report exactly what a straightforward rescan of the
 * claim for every add-on line reports (`test/service/rules/addOnReference.ts`):
 * the same lines, messages and severities, with the bundled facts alone and
 * with CMS add-on edits of types 1, 2 and 3 loaded. Replay with
 * FUZZ_SEED=<seed>, FUZZ_RUNS=<n> for more.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseClaimText } from '../../../server/src/service/claimText/claimTextParser';
import { noEditsEditor } from '../../../server/src/service/model/claimEditor';
import { CodeReference } from '../../../server/src/service/reference/codeReference';
import { bundledCodes } from '../../../server/src/service/reference/bundledCodes';
import { bundledModifiers } from '../../../server/src/service/reference/modifiers';
import { addOnWithoutPrimaryRule } from '../../../server/src/service/rules/addonWithoutPrimary';
import { addOnWrongModalityRule } from '../../../server/src/service/rules/addonWrongModality';
import type { ClaimRule, RuleContext } from '../../../server/src/service/rules/ruleTypes';
import { officialData } from '../../support/inMemoryOfficialData';
import { type ReferenceFinding, referenceWithoutPrimary, referenceWrongModality } from './addOnReference';
import type { Claim } from '../../../server/src/service/model/model';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);
const numRuns = Number(process.env.FUZZ_RUNS ?? 200);

/** Add-ons and primaries of several modalities and families, codes of no family, and one unknown code. */
const codes = [
  ...['19281', '19282', '19283', '19284', '19285', '19286', '19287', '19288'],
  ...['19081', '19082', '19083', '19084', '19085', '19086', '19125', '19126'],
  ...['77067', '77063', '77065', '77066', 'G0279', '99215', '99417', '38900', '38525', 'J3490', 'Q9999'],
];
const dates = ['2026-03-14', '2026-03-15', '2026-04-01'];

const lineArb = fc.record({
  code: fc.constantFrom(...codes),
  side: fc.constantFrom('', '-RT', '-LT'),
  date: fc.option(fc.constantFrom(...dates), { nil: undefined }),
});
interface ClaimSpec {
  dos: string | undefined;
  lines: Array<{ code: string; side: string; date: string | undefined }>;
}

const claimArb: fc.Arbitrary<ClaimSpec> = fc.record({
  dos: fc.option(fc.constantFrom(...dates), { nil: undefined }),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 14 }),
});

function claimOf(spec: ClaimSpec): Claim {
  const header = spec.dos ? `  dos: ${spec.dos}\n` : '';
  const lines = spec.lines.map((l) => `  ${l.code}${l.side} x1${l.date ? ` dos=${l.date}` : ''}\n`).join('');
  const [claim] = parseClaimText(`claim P\n${header}${lines}`).claims;
  assert.ok(claim);
  return claim;
}

const bundledOnly = new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers });
const withCmsEdits = new CodeReference(
  { codes: bundledCodes, modifiers: bundledModifiers },
  [],
  officialData({
    addOns: [
      { addOn: '19284', type: 1, primaries: ['19283'] },
      { addOn: 'G0279', type: 3, primaries: ['77065'] },
      { addOn: '99417', type: 2 },
      // An add-on that lists itself: a line is never its own primary.
      { addOn: '38900', type: 1, primaries: ['38525', '38900'] },
      { addOn: '19126', type: 3, primaries: [{ code: '19125', effective: '2026-03-15' }] },
    ],
  }),
);

function findingsOf(rule: ClaimRule, claim: Claim, reference: CodeReference): ReferenceFinding[] {
  const context: RuleContext = { reference, editor: noEditsEditor, format: 'claim' };
  return rule.check(claim, context).map((finding) => ({
    line: claim.lines.findIndex((line) => line.code.range === finding.range),
    message: finding.message,
    ...(finding.severity ? { severity: finding.severity } : {}),
  }));
}

describe('add-on rules against a straightforward rescan', () => {
  for (const [name, reference] of [
    ['bundled facts', bundledOnly],
    ['CMS add-on edits', withCmsEdits],
  ] as const) {
    it(`report the same findings as the rescan, with ${name}`, () => {
      let fired = 0;
      fc.assert(
        fc.property(claimArb, (spec) => {
          const claim = claimOf(spec);
          const withoutPrimary = findingsOf(addOnWithoutPrimaryRule, claim, reference);
          const wrongModality = findingsOf(addOnWrongModalityRule, claim, reference);
          assert.deepEqual(withoutPrimary, referenceWithoutPrimary(claim, reference));
          assert.deepEqual(wrongModality, referenceWrongModality(claim, reference));
          fired += withoutPrimary.length + wrongModality.length;
        }),
        { seed, numRuns },
      );
      // The generator must reach findings, or the property holds over nothing.
      assert.ok(fired > numRuns, `${fired} findings over ${numRuns} claims`);
    });
  }

  it('names each other-modality code once, however many lines bill it', () => {
    const claim = claimOf({
      dos: '2026-03-14',
      lines: [
        { code: '19281', side: '-RT', date: undefined },
        { code: '19281', side: '-RT', date: undefined },
        { code: '19284', side: '-RT', date: undefined },
      ],
    });
    const [finding] = findingsOf(addOnWrongModalityRule, claim, bundledOnly);
    assert.match(finding?.message ?? '', /the claim has 19281 \(mammographic\)\./);
  });
});
