/**
 * The problem cap (`cptClaims.maxNumberOfProblems`) keeps file-level findings
 * (envelope counts and control numbers, document rules) first, then errors,
 * warnings and information, each in document order, and shows what it keeps
 * in document order: a wrong SE01 at the end of a long file is not dropped
 * behind a thousand warnings.
 */
import * as assert from 'node:assert/strict';
import { readSettings } from '../../../server/src/service/settings';
import { keptUnderCap, problemPriority } from '../../../server/src/service/validation/problemCap';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import { messageOf, validate, validateX12 } from '../../support/documents/claimDocuments';

/** An 837 of `count` claims, each a lone 19284 (an addon-without-primary error), then a wrong SE01 at the end. */
function manyErrorsThenWrongSe01(count: number): string {
  const claims = Array.from({ length: count }, (_, n) => ({
    id: `C${n}`,
    diagnoses: ['C50411'],
    dos: '2026-03-14',
    lines: [{ code: '19284', modifiers: ['RT'], charge: 400 }],
  }));
  return writeX12(claims).replace(/SE\*(\d+)\*0001~/, 'SE*3*0001~');
}

describe('problem cap', () => {
  it('orders priorities: file-level first, then errors, warnings, information, hints', () => {
    assert.ok(problemPriority('x12-segment-count', 'warning') < problemPriority('addon-without-primary', 'error'));
    assert.ok(problemPriority('x12-envelope', 'hint') < problemPriority('code-shape', 'error'));
    assert.ok(problemPriority('x12-unreadable', 'error') < problemPriority('x12-segment-placement', 'warning'));
    assert.ok(problemPriority('duplicate-line', 'error') < problemPriority('duplicate-line', 'warning'));
    assert.ok(problemPriority('duplicate-line', 'warning') < problemPriority('duplicate-line', 'information'));
    assert.ok(problemPriority('duplicate-line', 'information') < problemPriority('duplicate-line', 'hint'));
  });

  it('keeps the best priorities, the first of the last one in order, and returns them in document order', () => {
    const items = ['i1', 'w1', 'e1', 'f1', 'w2', 'e2', 'i2', 'f2'];
    const priority = (item: string) => ({ f: 0, e: 4, w: 5, i: 6 })[item.charAt(0) as 'f' | 'e' | 'w' | 'i'];
    assert.deepEqual(keptUnderCap(items, 3, priority), ['e1', 'f1', 'f2']);
    assert.deepEqual(keptUnderCap(items, 5, priority), ['w1', 'e1', 'f1', 'e2', 'f2']);
    assert.deepEqual(keptUnderCap(items, 8, priority), items);
    assert.deepEqual(keptUnderCap(items, 0, priority), []);
  });

  it('keeps a wrong SE01 at the end of an 837 whose errors alone pass the limit', () => {
    const text = manyErrorsThenWrongSe01(6);
    const all = validateX12(text);
    assert.equal(all.filter((d) => d.code === 'addon-without-primary').length, 6);
    const capped = validateX12(text, readSettings({ maxNumberOfProblems: 3 }));
    assert.deepEqual(
      capped.map((d) => d.code),
      ['addon-without-primary', 'addon-without-primary', 'x12-segment-count', 'too-many-problems'],
    );
    // The kept claim findings are the first two, in document order.
    const firstTwo = all.filter((d) => d.code === 'addon-without-primary').slice(0, 2);
    assert.deepEqual(
      capped.slice(0, 2).map((d) => d.range),
      firstTwo.map((d) => d.range),
    );
    assert.equal(
      messageOf(capped[3]),
      'Showing 3 of 7 problems: file-level findings first, then errors, warnings and information (setting cptClaims.maxNumberOfProblems).',
    );
  });

  it('keeps errors before warnings before information, shown in document order', () => {
    // Line 1: a warning (primary-units); line 2: information (laterality-missing); line 3: an error (code-shape).
    const text = 'claim A\n  19283-RT x2\n  19285\n  1928\n';
    const all = validate(text).map((d) => d.code);
    assert.deepEqual(all, ['primary-units', 'laterality-missing', 'code-shape']);
    const capped = (limit: number) =>
      validate(text, readSettings({ maxNumberOfProblems: limit }))
        .map((d) => d.code)
        .filter((code) => code !== 'too-many-problems');
    assert.deepEqual(capped(1), ['code-shape']);
    assert.deepEqual(capped(2), ['primary-units', 'code-shape']);
    assert.deepEqual(capped(3), all);
  });

  it('keeps everything, with no notice, within the limit', () => {
    const text = manyErrorsThenWrongSe01(2);
    assert.deepEqual(
      validateX12(text, readSettings({ maxNumberOfProblems: 3 })).map((d) => d.code),
      ['addon-without-primary', 'addon-without-primary', 'x12-segment-count'],
    );
  });
});
