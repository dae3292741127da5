/**
 * The position and range comparisons every feature shares
 * (`service/position/locate.ts`), so no feature keeps its own copy.
 */
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import {
  comparePositions,
  rangeContains,
  rangeEncloses,
  rangesEqual,
  rangesOverlap,
} from '../../../server/src/service/position/locate';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number): Range => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

describe('position and range comparisons', () => {
  it('orders positions by line, then character', () => {
    assert.ok(comparePositions({ line: 1, character: 9 }, { line: 2, character: 0 }) < 0);
    assert.ok(comparePositions({ line: 2, character: 3 }, { line: 2, character: 1 }) > 0);
    assert.equal(comparePositions({ line: 4, character: 2 }, { line: 4, character: 2 }), 0);
  });

  it('takes a range as containing its end (a cursor just after a word is on it)', () => {
    assert.ok(rangeContains(range(1, 2, 1, 6), { line: 1, character: 6 }));
    assert.ok(!rangeContains(range(1, 2, 1, 6), { line: 1, character: 7 }));
    assert.ok(!rangeContains(range(1, 2, 1, 6), { line: 0, character: 4 }));
  });

  it('tells equal ranges from ranges that differ at one end', () => {
    assert.ok(rangesEqual(range(1, 2, 3, 4), range(1, 2, 3, 4)));
    assert.ok(!rangesEqual(range(1, 2, 3, 4), range(1, 2, 3, 5)));
    assert.ok(!rangesEqual(range(1, 2, 3, 4), range(0, 2, 3, 4)));
  });

  it('encloses a range wholly inside, its ends included, and nothing that sticks out', () => {
    assert.ok(rangeEncloses(range(1, 0, 5, 0), range(1, 0, 5, 0)));
    assert.ok(rangeEncloses(range(1, 0, 5, 0), range(2, 3, 4, 1)));
    assert.ok(!rangeEncloses(range(1, 0, 5, 0), range(0, 9, 2, 0)));
    assert.ok(!rangeEncloses(range(1, 0, 5, 0), range(4, 0, 5, 1)));
  });

  it('overlaps ranges that share a position, touching ends included', () => {
    assert.ok(rangesOverlap(range(1, 0, 2, 0), range(2, 0, 3, 0)));
    assert.ok(!rangesOverlap(range(1, 0, 2, 0), range(2, 1, 3, 0)));
  });
});
