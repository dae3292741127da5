/**
 * A line index made from the previous version's (`LineIndex.afterEdit`) must
 * answer as one made by scanning the new text, whatever the edit: line ends
 * of all three kinds, a \r\n split or joined by the edit, edits at either end.
 */
import * as assert from 'node:assert/strict';
import { commonPrefixLength, commonSuffixLength } from '../../../server/src/service/text/textDiff';
import { LineIndex } from '../../../server/src/service/x12/lineIndex';
import { randomSource } from '../../support/randomSource';

const pieces = ['\r', '\n', '\r\n', 'a', 'bc', 'SV1*', '~'];

function randomText(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) {
    text += pieces[Math.floor(random() * pieces.length)] ?? '';
  }
  return text;
}

/** Every offset's position, and every position's offset back, as the index gives them. */
function answers(lines: LineIndex, text: string): string {
  const out: string[] = [];
  for (let offset = 0; offset <= text.length; offset++) {
    const position = lines.positionAt(offset);
    out.push(`${position.line}:${position.character}=${lines.offsetAt(position)}`);
  }
  return out.join(' ');
}

describe('a line index after an edit', () => {
  it('answers as a scan of the new text after 500 random edits', () => {
    const random = randomSource(11);
    let text = randomText(random, 80);
    let lines = new LineIndex(text);
    for (let edit = 0; edit < 500; edit++) {
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(random() * 6));
      const next = text.slice(0, start) + randomText(random, Math.floor(random() * 5)) + text.slice(end);
      const prefix = commonPrefixLength(text, next);
      const suffix = commonSuffixLength(text, next, Math.min(text.length, next.length) - prefix);
      const edited = LineIndex.afterEdit(lines, next, prefix, text.length - suffix);
      assert.equal(
        answers(edited, next),
        answers(new LineIndex(next), next),
        `edit ${edit}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`,
      );
      text = next.length > 200 ? randomText(random, 80) : next;
      lines = text === next ? edited : new LineIndex(text);
    }
  });

  it('keeps the line starts of an edit that changes nothing', () => {
    const text = 'ab\r\ncd\ref\n';
    const lines = LineIndex.afterEdit(new LineIndex(text), text, text.length, text.length);
    assert.equal(answers(lines, text), answers(new LineIndex(text), text));
  });
});
