import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isSpaceCode, tokenize } from '../../../server/src/service/claimText/lineTokens';

/** What the tokenizer replaced: every run of non-white-space, as the pattern finds it. */
function tokenizeByPattern(content: string, offset: number) {
  return [...content.matchAll(/\S+/g)].map((match) => ({ text: match[0], start: offset + (match.index ?? 0) }));
}

describe('line tokens', () => {
  it('treats as white space exactly the characters \\s matches, over every UTF-16 code unit', () => {
    for (let code = 0; code <= 0xffff; code++) {
      assert.equal(isSpaceCode(code), /\s/.test(String.fromCharCode(code)), `U+${code.toString(16)}`);
    }
  });

  it('splits any line where /\\S+/ does, with the same columns', () => {
    const spaces = [' ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\u000b', '\u000c', '\r'];
    const piece = fc.oneof(
      fc.constantFrom(...spaces),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('19283-RT', 'x1', '$350.00', 'dx=A'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(40), (pieces, offset) => {
        const content = pieces.join('');
        assert.deepEqual(tokenize(content, offset), tokenizeByPattern(content, offset));
      }),
      { seed: 20261206, numRuns: 2000 },
    );
  });
});
