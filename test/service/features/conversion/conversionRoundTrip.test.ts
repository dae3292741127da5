/**
 * Round trips of the conversion commands on every fixture file and on
 * generated claims: `.claim -> 837 -> .claim` gives back the same claims,
 * headers and service lines (code, modifiers, units, charge, pointers,
 * dates, place of service, lesions), `837 -> .claim -> 837` the same SV1
 * segments and claim-level fields, and every 837 written passes our own
 * 837 integrity rules.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import {
  type ClaimSummary,
  claimLevelFields,
  conversionFixtures,
  conversionService,
  parsed,
  summaries,
  sv1Segments,
  toClaim,
  toX12,
} from '../../../support/checks/conversionChecks';
import { claimDocumentArb } from '../../../support/documents/fixableDocuments';
import { conversionClaimArb } from '../../../support/documents/conversionClaims';

const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

/** Why an 837 fixture's SV1 comes back different: what the claim model reads of a malformed SV1 is what is carried over. */
const sv1Changes: Readonly<Record<string, string>> = {
  'test/editor/fixtures/workspace/x12/units-pair.837': 'SV104 is empty: the line has 1 unit, written back with SV104 1',
  'test/editor/fixtures/workspace/x12/five-pointers.837':
    'a fifth SV107 pointer is past the 4 allowed and not carried over',
};

function validate(text: string, language: 'claim' | 'x12'): Diagnostic[] {
  const { document, model } = parsed(text, language);
  return conversionService.doValidation(document, model);
}

/**
 * The 837 we write passes the integrity rules and reads without a problem; its other findings are the
 * .claim's (without its suppression comments, which an 837 cannot carry).
 */
function assertValid837(x12: string, source: string): void {
  // A .claim may lack what the 837P requires (a diagnosis, a date of service): x12-required says so on the 837.
  // That a complete claim converts without it is checked in conversion.test.ts.
  const codes = validate(x12, 'x12')
    .map((diagnostic) => String(diagnostic.code))
    .filter((code) => code !== 'x12-required');
  assert.deepEqual(
    codes.filter((code) => code.startsWith('x12-')),
    [],
    x12,
  );
  const unsuppressed = source.replace(/claim-lint-disable/g, 'suppression-not-carried');
  const sourceCodes = new Set(validate(unsuppressed, 'claim').map((diagnostic) => String(diagnostic.code)));
  assert.deepEqual(
    codes.filter((code) => !sourceCodes.has(code)),
    [],
    `findings the .claim file does not have:\n${x12}`,
  );
}

/**
 * What a `.claim -> 837 -> .claim` trip must give back: claims without lines are left out, an unnamed claim is
 * named, CLM05-1 is 11 where no pos: was given, and a line without a charge comes back charged $0.00 (SV102 is
 * required, so an 837 cannot say "no charge"); a `$0` line keeps its `$0`.
 */
function expectedBack(source: ClaimSummary[]): ClaimSummary[] {
  let unnamed = 0;
  return source
    .filter((claim) => claim.lines.length > 0)
    .map((claim) => ({
      ...claim,
      id: claim.id ?? `CLAIM-ID-PLACEHOLDER-${++unnamed}`,
      pos: claim.pos ?? '11',
      lines: claim.lines.map((line) => ({ ...line, charge: line.charge ?? 0 })),
    }));
}

function claimRoundTrip(text: string): { x12: string; back: string } {
  const x12 = toX12(text);
  assert.equal(x12.refused, undefined);
  assertValid837(x12.text, text);
  const back = toClaim(x12.text);
  assert.equal(back.refused, undefined);
  assert.deepEqual(summaries(back.text, 'claim'), expectedBack(summaries(text, 'claim')));
  // Converting the result again writes the same 837: the trip is stable.
  assert.equal(toX12(back.text).text, x12.text);
  return { x12: x12.text, back: back.text };
}

describe('conversion round trips', () => {
  const fixtures = conversionFixtures();

  it('finds the fixture files of both formats', () => {
    assert.ok(fixtures.filter((f) => f.language === 'claim').length >= 8, fixtures.map((f) => f.name).join(', '));
    assert.ok(fixtures.filter((f) => f.language === 'x12').length >= 16, fixtures.map((f) => f.name).join(', '));
  });

  for (const fixture of fixtures.filter((f) => f.language === 'claim')) {
    it(`${fixture.name}: .claim -> 837 -> .claim gives back the same claims and service lines`, () => {
      claimRoundTrip(fixture.text);
    });
  }

  for (const fixture of fixtures.filter((f) => f.language === 'x12')) {
    // A fixture of another guide than the 837P's (an 837I) has no claims to convert, and says so.
    if (!fixture.text.includes('005010X222')) {
      it(`${fixture.name}: is not an 837P, so its conversion is refused with the reason`, () => {
        assert.match(toClaim(fixture.text).refused ?? '', /not an 837P professional claim/);
      });
      continue;
    }
    it(`${fixture.name}: 837 -> .claim -> 837 gives back the same SV1 segments and claim-level fields`, () => {
      const claim = toClaim(fixture.text);
      assert.equal(claim.refused, undefined);
      const again = toX12(claim.text);
      assertValid837(again.text, claim.text);
      const change = sv1Changes[fixture.name.split('\\').join('/')];
      if (change === undefined) {
        assert.deepEqual(sv1Segments(again.text), sv1Segments(fixture.text));
      } else {
        assert.notDeepEqual(
          sv1Segments(again.text),
          sv1Segments(fixture.text),
          `${fixture.name} is listed as changing: ${change}`,
        );
      }
      // The service lines as the rules read them are the same in every case, malformed ones included.
      assert.deepEqual(
        summaries(again.text, 'x12').map((c) => c.lines),
        summaries(fixture.text, 'x12').map((c) => c.lines),
      );
      const before = claimLevelFields(fixture.text);
      const after = claimLevelFields(again.text);
      assert.deepEqual(
        after.map((c) => [c.id, c.diagnoses]),
        before.map((c) => [c.id, c.diagnoses]),
      );
      // CLM02 comes back as the sum of the lines: equal to the source where the source's was right.
      const wrongTotals = validate(fixture.text, 'x12').filter((d) => d.code === 'x12-claim-total').length;
      assert.equal(after.filter((c, n) => c.total !== before[n]?.total).length, wrongTotals);
    });
  }

  describe(`generated claims (seed ${seed}, ${numRuns} cases each; replay with FUZZ_SEED, FUZZ_RUNS)`, () => {
    it('.claim -> 837 -> .claim of claims with every header and line field', () => {
      fc.assert(
        fc.property(conversionClaimArb, (text) => void claimRoundTrip(text)),
        { seed, numRuns },
      );
    });

    it(".claim -> 837 -> .claim of the quick-fix suite's documents (comments, suppressions, CR line ends, an unnamed first claim)", () => {
      fc.assert(
        fc.property(claimDocumentArb, (text) => void claimRoundTrip(text)),
        { seed: seed + 1, numRuns },
      );
    });

    it('837 -> .claim -> 837 of generated claims gives the same SV1 segments', () => {
      fc.assert(
        fc.property(conversionClaimArb, (text) => {
          const x12 = toX12(text).text;
          const again = toX12(toClaim(x12).text).text;
          assert.deepEqual(sv1Segments(again), sv1Segments(x12));
          assert.equal(again, x12);
        }),
        { seed: seed + 2, numRuns },
      );
    });
  });
});
