/**
 * An SV1 carries at most 4 modifiers (SV101-3 to SV101-6). A fifth written
 * where the description goes (SV101-7) is reported as `bad-modifier`, and
 * kept out of the description; components past SV101-7 are `x12-element`'s.
 * A description of words is not a modifier.
 */
import * as assert from 'node:assert/strict';
import { messageOf, validateX12 } from '../../support/documents/claimDocuments';
import { cleanTwoLines, ids, x12TextOf } from '../../support/checks/ruleFindings';

function withSv101(sv101: string): string {
  assert.ok(cleanTwoLines.includes('SV1*HC:19283:RT*'));
  return cleanTwoLines.replace('SV1*HC:19283:RT*', `SV1*${sv101}*`);
}

describe('SV1 modifiers', () => {
  it('reports a fifth modifier in SV101-7, the description, on it', () => {
    const text = withSv101('HC:19283:RT:LT:59:XS:xu');
    const diagnostics = validateX12(text).filter((d) => d.code === 'bad-modifier');
    assert.equal(diagnostics.length, 1);
    assert.equal(x12TextOf(text, diagnostics[0]), 'xu');
    assert.equal(
      messageOf(diagnostics[0]),
      "A line carries at most 4 modifiers (SV101-3 to SV101-6); 'XU' in SV101-7, the description, is one too many.",
    );
  });

  it('reports seven modifiers twice: the fifth as bad-modifier, the sixth and seventh as components past SV101-7', () => {
    const text = withSv101('HC:19283:RT:LT:59:XS:XU:76:77');
    const found = validateX12(text)
      .filter((d) => d.code === 'bad-modifier' || d.code === 'x12-element')
      .map((d) => [d.code, x12TextOf(text, d)]);
    assert.deepEqual(found, [
      ['bad-modifier', 'XU'],
      ['x12-element', '76:77'],
    ]);
  });

  it('stays quiet on four modifiers, on a description of words after them, and on a two-letter description without four', () => {
    for (const sv101 of ['HC:19283:RT:LT:59:XS', 'HC:19283:RT:LT:59:XS:TWO SITES', 'HC:19283:RT:::XY']) {
      const codes = ids(validateX12(withSv101(sv101)));
      assert.ok(!codes.includes('bad-modifier') && !codes.includes('x12-element'), `${sv101}: ${codes.join(', ')}`);
    }
  });
});
