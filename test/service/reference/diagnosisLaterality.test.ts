/**
 * The laterality table (`reference/diagnosisLaterality.ts`): the breast side
 * ICD-10-CM encodes in a fixed character of each listed category, and no side
 * for unspecified, bilateral or unlisted codes.
 */
import * as assert from 'node:assert/strict';
import { breastLaterality, diagnosisSideIn } from '../../../server/src/service/reference/diagnosisLaterality';

const sideOf = (code: string) => diagnosisSideIn(breastLaterality, code);

describe('diagnosis laterality table', () => {
  it('reads the side of each breast category from its own character', () => {
    const cases: Array<[string, string | undefined]> = [
      ['C50.411', 'RT'],
      ['C50.422', 'LT'],
      ['C50.919', undefined],
      ['D05.11', 'RT'],
      ['D05.92', 'LT'],
      ['D05.10', undefined],
      ['D24.1', 'RT'],
      ['D24.2', 'LT'],
      ['D24.9', undefined],
      ['D48.61', 'RT'],
      ['D48.62', 'LT'],
      ['D48.60', undefined],
      ['N60.11', 'RT'],
      ['N60.02', 'LT'],
      ['N60.19', undefined],
      ['N63.10', 'RT'],
      ['N63.25', 'LT'],
      ['N63.31', 'RT'],
      ['N63.42', 'LT'],
      ['N63.0', undefined],
      ['Z90.11', 'RT'],
      ['Z90.12', 'LT'],
      ['Z90.13', undefined],
    ];
    assert.deepEqual(
      cases.map(([code]) => [code, sideOf(code)]),
      cases,
    );
  });

  it('reads codes without the decimal point and in lower case alike', () => {
    assert.equal(sideOf('d0511'), 'RT');
    assert.equal(sideOf('N6332'), 'LT');
  });

  it('names no side for categories that carry none (C79.81, R92) or that it does not list', () => {
    for (const code of ['C79.81', 'R92.8', 'Z12.31', 'D48.5', 'N64.4', 'C50', 'D24']) {
      assert.equal(sideOf(code), undefined, code);
    }
  });

  it('reads each entry from a character inside the codes of its category', () => {
    for (const entry of breastLaterality) {
      assert.ok(entry.position >= entry.prefix.length - 1, entry.prefix);
      assert.ok(Object.keys(entry.sides).length > 0, entry.prefix);
    }
  });
});
