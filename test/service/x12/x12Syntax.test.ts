/**
 * How X12 text reads character by character (`x12/x12Syntax.ts`), which the
 * lexer and the CLI's stream share: the ISA and its separators, segment ids,
 * layout and junk.
 */
import * as assert from 'node:assert/strict';
import {
  isaStartIn,
  isJunk,
  isLayoutSpace,
  readSeparators,
  segmentEnd,
  segmentIdAt,
} from '../../../server/src/service/x12/x12Syntax';

const isa =
  'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~';

describe('X12 syntax', () => {
  it('the ISA is the first text, after any white space', () => {
    assert.equal(isaStartIn(isa), 0);
    assert.equal(isaStartIn(`\n \t${isa}`), 3);
    assert.equal(isaStartIn(`GS*HC~${isa}`), -1);
    assert.equal(isaStartIn('   '), -1);
  });

  it('the separators are read from the ISA: element, ISA16, the terminator after it, and ISA11', () => {
    assert.deepEqual(readSeparators(isa, 0), { element: '*', component: ':', repetition: '^', segment: '~' });
    const pipes = isa.replace(/\*/g, '|').replace('|^|', '|U|').replace('|:~', '|>\n');
    assert.deepEqual(readSeparators(pipes, 0), { element: '|', component: '>', repetition: undefined, segment: '\n' });
  });

  it('separators that cannot be read say why', () => {
    const unreadable = (text: string) => {
      const read = readSeparators(text, 0);
      return 'unreadable' in read ? read.unreadable : 'read';
    };
    assert.match(unreadable('ISA 00'), /must be followed by its element separator/);
    assert.match(unreadable('ISA*00*01'), /truncated: it needs 16 elements/);
    assert.match(unreadable(isa.slice(0, -2)), /ends before its component separator/);
    assert.match(unreadable(isa.replace('*:~', '*A~')), /ISA16, the component separator, is 'A'/);
    assert.match(unreadable(isa.replace('*:~', '*::')), /the segment terminator, is ':'/);
  });

  it('a segment id is a capital, then one or two capitals or digits, then the element separator or the end', () => {
    const ids = new Map<number, string>();
    const star = '*'.charCodeAt(0);
    const idOf = (text: string) => segmentIdAt(text, 0, text.length, star, ids);
    assert.equal(idOf('SV1*HC:19283'), 'SV1');
    assert.equal(idOf('HL*1'), 'HL');
    assert.equal(idOf('LX'), 'LX');
    for (const notAnId of ['S*1', 'ABCD*1', 'sv1*1', '1SV*1', 'S-1*1', '*1', '']) {
      assert.equal(idOf(notAnId), undefined, notAnId);
    }
    assert.equal(idOf('SV1*HC'), 'SV1', 'read again from the ids already seen');
    assert.deepEqual([...ids.values()].sort(), ['HL', 'LX', 'SV1']);
  });

  it('line ends before a terminator are layout, other white space is not', () => {
    assert.equal(segmentEnd('LX*1\r\n~', 0, 6), 4);
    assert.equal(segmentEnd('NM1*X \t~', 0, 7), 7);
    assert.deepEqual(
      [' ', '\t', '\n', '\r', '\v', '\f', 'a', '*'].map((c) => isLayoutSpace(c.charCodeAt(0))),
      [true, true, true, true, true, true, false, false],
    );
  });

  it('control characters other than tab and line ends, DEL and U+FFFD are junk', () => {
    assert.deepEqual(
      ['\u0000', '\u0001', '\u001b', '\u007f', '\ufffd', '\t', '\n', '\r', ' ', 'A', 'é'].map((c) =>
        isJunk(c.charCodeAt(0)),
      ),
      [true, true, true, true, true, false, false, false, false, false, false],
    );
  });

  it('a control character the ISA names as a separator is not junk; the others still are', () => {
    const separators = { element: '\u001d', component: '\u001f', repetition: '\u001e', segment: '\u001c' };
    assert.deepEqual(
      ['\u001d', '\u001f', '\u001e', '\u001c', '\u0001', '\u001b'].map((c) => isJunk(c.charCodeAt(0), separators)),
      [false, false, false, false, true, true],
    );
  });
});
