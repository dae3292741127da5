import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { codeKindOf } from '../../../server/src/service/reference/codeShapes';

/** The shapes as domain.md writes them, as patterns: what codeKindOf's character checks must agree with. */
const writtenShapes = [
  ['cpt1', /^\d{5}$/],
  ['cpt2', /^\d{4}F$/],
  ['cpt3', /^\d{4}T$/],
  ['hcpcs', /^[A-V]\d{4}$/],
] as const;

function kindByPattern(code: string): string | undefined {
  return writtenShapes.find(([, pattern]) => pattern.test(code))?.[0];
}

describe('code shapes', () => {
  it('names each kind by its shape', () => {
    assert.deepEqual(
      ['19283', '3008F', '0042T', 'G0101', 'V5008', 'W1234', '1928', '192833', 'g0101', '19283 ', 'A12B4'].map(
        codeKindOf,
      ),
      ['cpt1', 'cpt2', 'cpt3', 'hcpcs', 'hcpcs', undefined, undefined, undefined, undefined, undefined, undefined],
    );
  });

  it('agrees with the written shapes on any short text', () => {
    const character = fc.constantFrom(...'0123456789AFTVWZaf -'.split(''));
    fc.assert(
      fc.property(fc.array(character, { maxLength: 7 }), (characters) => {
        const code = characters.join('');
        assert.equal(codeKindOf(code), kindByPattern(code), JSON.stringify(code));
      }),
      { numRuns: 2000 },
    );
  });
});
