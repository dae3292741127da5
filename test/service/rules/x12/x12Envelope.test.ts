/**
 * `x12-envelope`: an ISA that is not 106 characters is reported on the first
 * element of the wrong width, with a padding fix where one is certain; a
 * UTF-16 file is told that it is UTF-16 text.
 */
import * as assert from 'node:assert/strict';
import { messageOf, validateX12 } from '../../../support/documents/claimDocuments';
import { applyX12Fix, cleanTwoLines, ids, x12TextOf } from '../../../support/checks/ruleFindings';

/** The text as a UTF-16 file reads when taken for UTF-8: a byte order mark, then a NUL after every character. */
function asMisreadUtf16(text: string, bom: string): string {
  return bom + [...text].map((character) => `${character}\0`).join('');
}

describe('x12-envelope', () => {
  it('x12-envelope: an ISA element of the wrong width is reported there, and padded by the fix', () => {
    const shortSender = cleanTwoLines.replace('*SUBMITTERID    *', '*SUBMITTERID*');
    const diagnostics = validateX12(shortSender);
    assert.deepEqual(ids(diagnostics), ['x12-envelope']);
    assert.equal(x12TextOf(shortSender, diagnostics[0]), 'SUBMITTERID');
    assert.match(
      messageOf(diagnostics[0]),
      /this one is 102: ISA06, the sender id, is 11 characters where it takes 15/,
    );
    assert.equal(applyX12Fix(shortSender, 'x12-envelope'), cleanTwoLines);
    const shortNumber = cleanTwoLines.replace('*000000001*0*P*', '*1*0*P*');
    assert.equal(applyX12Fix(shortNumber, 'x12-envelope').split('\n')[0], cleanTwoLines.split('\n')[0]);
    // The second interchange's ISA is held to the same width.
    const second = cleanTwoLines.replace(/000000001/g, '000000002').replace('*RECEIVERID     *', '*RECEIVERID*');
    assert.deepEqual(ids(validateX12(cleanTwoLines + second)), ['x12-envelope']);
  });

  it('x12-envelope: a UTF-16 file is told it is UTF-16 text, with or without a byte order mark', () => {
    for (const bom of ['\ufffd\ufffd', '\u00ff\u00fe', '']) {
      const diagnostics = validateX12(asMisreadUtf16(cleanTwoLines, bom));
      assert.deepEqual(ids(diagnostics), ['x12-envelope']);
      assert.match(messageOf(diagnostics[0]), /UTF-16 text.*save it as UTF-8 or ASCII/);
    }
  });

  it('x12-envelope: stays quiet on a 106-character ISA; other text without ISA is told it does not start with ISA', () => {
    assert.deepEqual(ids(validateX12(cleanTwoLines)), []);
    const diagnostics = validateX12('GS*HC*SUBMITTERID~\nST*837*0001~\n');
    assert.deepEqual(ids(diagnostics), ['x12-envelope']);
    assert.match(messageOf(diagnostics[0]), /starts with the ISA segment; this one does not/);
    const noted = validateX12(`Example 1, as sent\n\n${cleanTwoLines}`);
    assert.deepEqual(ids(noted), ['x12-envelope']);
    assert.match(messageOf(noted[0]), /There is text before the ISA segment/);
  });
});
