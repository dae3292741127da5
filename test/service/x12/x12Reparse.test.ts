/**
 * Reading a new version of an 837 from the previous one must give exactly the
 * segments (ids and offsets) and problems of reading it whole, whatever the
 * edit: inside a segment, across terminators, in the ISA, adding junk.
 */
import * as assert from 'node:assert/strict';
import { parseX12Text } from '../../../server/src/service/x12/x12ClaimParser';
import { reparseCounts, reparseX12Text } from '../../../server/src/service/x12/x12Reparse';
import { segmentsOf } from '../../support/documents/segmentList';
import { x12Batch } from '../../support/documents/x12Batch';
import { randomSource } from '../../support/randomSource';

const insertions = ['~', '*', '\n', ' ', 'SV1*HC:19284:LT*400*UN*2***1~\n', 'LX*9~', 'ZZ', '\u0001', 'hc', 'X'];

describe('re-reading an 837 after an edit', () => {
  for (const oneLine of [false, true]) {
    it(`gives the segments and problems of a whole read after 300 random edits (${oneLine ? 'one line' : 'a segment per line'})`, () => {
      const random = randomSource(oneLine ? 3 : 5);
      const clean = x12Batch(3, 6, { oneLine });
      let text = clean;
      let model = parseX12Text(text);
      const aroundBefore = reparseCounts.aroundEdit;
      for (let edit = 0; edit < 300; edit++) {
        // Mostly after the ISA; now and then in it, which must make a whole read.
        const start = random() < 0.05 ? Math.floor(random() * 106) : 106 + Math.floor(random() * (text.length - 105));
        const end = Math.min(
          text.length,
          start + (random() < 0.5 ? 0 : Math.floor(random() * (random() < 0.9 ? 6 : 200))),
        );
        const insert = random() < 0.3 ? '' : (insertions[Math.floor(random() * insertions.length)] ?? '');
        text = text.slice(0, start) + insert + text.slice(end);
        const next = reparseX12Text(model, text);
        const whole = parseX12Text(text);
        const context = `edit ${edit}: [${start}, ${end}) <- ${JSON.stringify(insert)}`;
        assert.deepEqual(segmentsOf(next), segmentsOf(whole), context);
        assert.deepEqual(next.problems, whole.problems, context);
        const markers = ['ISA', 'ST', 'CLM', 'HL', 'SE'];
        assert.deepEqual(
          next.x12?.interchange.segments.ordinalsOf(markers),
          whole.x12?.interchange.segments.ordinalsOf(markers),
          context,
        );
        model = next;
        if (whole.problems.length > 0) {
          // A file with junk is read whole until the junk is gone; start again from clean text to test more edits.
          text = clean;
          model = parseX12Text(text);
        }
      }
      const around = reparseCounts.aroundEdit - aroundBefore;
      assert.ok(around > 100, `${around} of 300 edits were read around the edit, the rest whole`);
    });
  }

  it('returns the same model when the text did not change', () => {
    const text = x12Batch(1, 3);
    const model = parseX12Text(text);
    assert.equal(reparseX12Text(model, text), model);
  });
});
