/**
 * Every claim rule does work linear in the size of its claim: on claims
 * built to make rules relate each line to the others (an add-on to its
 * primaries, a repeat to the line it repeats, a localization to its biopsy,
 * the pairs of a PTP edit), the number of times the rules read a service
 * line's fields grows with the claim's length, not with its square. Reads
 * are counted, never timed; the times are in `npm run bench`. A rule that
 * rescans the claim for every line reads a claim 4 times as long about 16
 * times as often, and fails here.
 */
import * as assert from 'node:assert/strict';
import { parseClaimText } from '../../../server/src/service/claimText/claimTextParser';
import { noEditsEditor } from '../../../server/src/service/model/claimEditor';
import type { Claim } from '../../../server/src/service/model/model';
import { bundledCodes } from '../../../server/src/service/reference/bundledCodes';
import { CodeReference } from '../../../server/src/service/reference/codeReference';
import { bundledModifiers } from '../../../server/src/service/reference/modifiers';
import { claimRules } from '../../../server/src/service/rules/ruleCatalog';
import type { RuleContext } from '../../../server/src/service/rules/ruleTypes';
import { officialData } from '../../support/inMemoryOfficialData';

/** Each shape: the service lines of line number i (dates cycle so lines fall on several dates of service). */
const shapes: Record<string, (i: number) => string> = {
  'lone add-ons': () => '19284-RT x1',
  'add-ons of another modality': (i) => (i % 2 === 0 ? '19281-RT x1' : '19284-RT x1'),
  'first-lesion repeats': (i) => `19283-${i % 3 === 0 ? 'LT' : 'RT'} x2 dos=2026-03-${10 + (i % 5)}`,
  'first-lesion codes, each on its own date': (i) => `19283-RT x2 dos=${2000 + Math.floor(i / 300)}-01-01`,
  'deleted codes': (i) => (i % 2 === 0 ? '19290-RT x2' : '19291-LT x1'),
  'biopsies with localization': (i) => (i % 2 === 0 ? '19081-RT x1' : `19281-${i % 4 === 1 ? 'RT' : 'LT'} x1`),
  'PTP pairs': (i) => (i % 2 === 0 ? `99901-RT x1` : `99903-${i % 4 === 1 ? 'RT' : 'LT'} x1`),
  'CMS add-ons of type 3 among procedures': (i) => (i % 2 === 0 ? 'G0279 x1' : 'J3490 x1'),
  'duplicates and bilateral sides': (i) => `99905-${i % 2 === 0 ? 'RT' : 'LT'} x1`,
  'lines dated, the claim not': (i) => `19083-RT x1 dos=2026-04-${String(1 + (i % 28)).padStart(2, '0')} dx=A,B`,
};

const reference = new CodeReference(
  { codes: bundledCodes, modifiers: bundledModifiers },
  [],
  officialData({
    ptp: [{ column1: '99901', column2: '99903', indicator: 1 }],
    addOns: [{ addOn: 'G0279', type: 3, primaries: ['77065'] }],
    fees: [{ code: '99905', bilateral: 1 }],
    mue: [{ code: '99905', value: 1, indicator: 2, rationale: '' }],
  }),
);

/** The claim of `count` lines of the shape, each line a spy counting reads of its fields. */
function claimOf(shape: (i: number) => string, count: number, reads: { count: number }): Claim {
  const body = Array.from({ length: count }, (_, i) => `  ${shape(i)}\n`).join('');
  const dated = body.includes('dos=') ? '' : '  dos: 2026-03-14\n';
  const [claim] = parseClaimText(`claim L\n${dated}  dx: C50.411, C50.412\n${body}`).claims;
  assert.ok(claim);
  const spied = claim.lines.map(
    (line) =>
      new Proxy(line, {
        get(target, key, receiver): unknown {
          reads.count += 1;
          return Reflect.get(target, key, receiver) as unknown;
        },
      }),
  );
  return { ...claim, lines: spied };
}

function readsOfRules(shape: (i: number) => string, count: number): number {
  const reads = { count: 0 };
  const claim = claimOf(shape, count, reads);
  const context: RuleContext = { reference, editor: noEditsEditor, format: 'claim' };
  let findings = 0;
  for (const rule of claimRules) {
    findings += rule.check(claim, context).length;
  }
  assert.ok(findings > 0, 'the shape makes the rules speak');
  return reads.count;
}

describe('claim rules linear in the size of their claim', () => {
  for (const [name, shape] of Object.entries(shapes)) {
    it(`reads the lines of ${name} a bounded number of times each`, () => {
      const small = readsOfRules(shape, 150);
      const large = readsOfRules(shape, 600);
      // Four times the lines: four times the reads and a little more, never sixteen.
      assert.ok(large <= 5 * small, `${small} reads for 150 lines, ${large} for 600`);
    });
  }
});
