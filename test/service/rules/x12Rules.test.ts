/**
 * X12 837P through the same claim model and rules as `.claim` files: the
 * claim rules' findings on the right component of a segment, their quick
 * fixes editing segments, the shared 837 fixtures, and input that is not an
 * 837. The 837 integrity rules have a file each under `x12/`, named after
 * their ids.
 */
import * as assert from 'node:assert/strict';
import { writeX12 } from '../../../server/src/service/x12/x12Writer';
import { formatDiagnostic, messageOf, service, validateX12, x12Document } from '../../support/documents/claimDocuments';
import { x12Fixtures } from '../../support/documents/x12Fixtures';
import { applyX12Fix, cleanTwoLines, ids, x12Claim, x12TextOf } from '../../support/checks/ruleFindings';

describe('X12 837P claims', () => {
  it('leaves a clean two-line claim clean', () => {
    assert.deepEqual(validateX12(cleanTwoLines).map(formatDiagnostic), []);
  });

  it('reports a lone 19284 in SV1 on the code component', () => {
    const text = writeX12([x12Claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])]);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['addon-without-primary']);
    assert.equal(x12TextOf(text, diagnostics[0]), '19284');
  });

  it('reads | and > separators from ISA: 19285 with 19284 is the wrong modality', () => {
    const text = writeX12(
      [
        x12Claim('CLM-1', [
          { code: '19285', modifiers: ['RT'], charge: 300 },
          { code: '19284', modifiers: ['RT'], charge: 400 },
        ]),
      ],
      { separators: { element: '|', component: '>' } },
    );
    assert.match(text, /SV1\|HC>19284>RT\|400\|UN\|1\|\|\|1~/);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['addon-wrong-modality']);
    assert.match(messageOf(diagnostics[0]), /19286/);
    assert.equal(x12TextOf(text, diagnostics[0]), '19284');
  });

  it('warns on 19283 with 2 units, on SV104', () => {
    const text = writeX12([x12Claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 700, units: 2 }])]);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['primary-units']);
    assert.equal(x12TextOf(text, diagnostics[0]), '2');
  });

  it('checks a one-line file with exact ranges', () => {
    const text = writeX12([x12Claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])], { oneLine: true });
    assert.equal(text.split('\n').filter((l) => l !== '').length, 1);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['addon-without-primary']);
    assert.equal(diagnostics[0]?.range.start.line, 0);
    assert.equal(x12TextOf(text, diagnostics[0]), '19284');
  });

  it('reports only the CLM loop that lacks its primary among several in one transaction', () => {
    const text = writeX12([
      x12Claim('CLM-A', [
        { code: '19283', modifiers: ['RT'], charge: 350 },
        { code: '19284', modifiers: ['RT'], charge: 400 },
      ]),
      x12Claim('CLM-B', [{ code: '19284', modifiers: ['RT'], charge: 400 }]),
      x12Claim('CLM-C', [{ code: '19285', modifiers: ['RT'], charge: 300 }]),
    ]);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['addon-without-primary']);
    const model = service.parse(x12Document(text));
    assert.equal(model.claims.length, 3);
    const claimB = model.claims[1];
    assert.ok(
      claimB &&
        diagnostics[0] &&
        diagnostics[0].range.start.line >= claimB.range.start.line &&
        diagnostics[0].range.end.line <= claimB.range.end.line,
    );
  });

  describe('quick fixes in 837 files', () => {
    it('inserts the missing primary as a new LX loop and keeps LX numbers and SE01 right', () => {
      const text = writeX12([
        x12Claim('CLM-1', [
          { code: '19284', modifiers: ['RT'], charge: 400 },
          { code: '76098', charge: 90 },
        ]),
      ]);
      const fixed = applyX12Fix(text, 'addon-without-primary');
      assert.match(
        fixed,
        /LX\*1~\nSV1\*HC:19283:RT\*0\*UN\*1\*\*\*1~\nDTP\*472\*D8\*20260314~\nLX\*2~\nSV1\*HC:19284:RT\*400/,
      );
      assert.match(fixed, /LX\*3~\nSV1\*HC:76098/);
      assert.deepEqual(validateX12(fixed).map(formatDiagnostic), []);
    });

    it('swaps a wrong-modality add-on in a one-line file with | separators', () => {
      const text = writeX12(
        [
          x12Claim('CLM-1', [
            { code: '19285', modifiers: ['RT'], charge: 300 },
            { code: '19284', modifiers: ['RT'], charge: 400 },
          ]),
        ],
        { oneLine: true, separators: { element: '|', component: '>' } },
      );
      const fixed = applyX12Fix(text, 'addon-wrong-modality');
      assert.equal(fixed, text.replace('HC>19284', 'HC>19286'));
      assert.deepEqual(validateX12(fixed), []);
    });

    it('found: replaces a 50 written twice in SV101 as a whole, so the error goes', () => {
      const text = writeX12(
        [
          x12Claim('CLM-1', [
            { code: '19283', modifiers: ['RT'], charge: 350 },
            { code: '19284', modifiers: ['50', '50'], charge: 200 },
          ]),
        ],
        { separators: { element: '|', component: '>' } },
      );
      const fixed = applyX12Fix(text, 'bilateral-modifier');
      assert.equal(fixed, text.replace('HC>19284>50>50|', 'HC>19284>RT|'));
      assert.deepEqual(validateX12(fixed), []);
    });

    it('moves extra first-lesion units to a new add-on line', () => {
      const text = writeX12([x12Claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 700, units: 3 }])]);
      const fixed = applyX12Fix(text, 'primary-units');
      assert.match(
        fixed,
        /SV1\*HC:19283:RT\*700\*UN\*1\*\*\*1~\nDTP\*472\*D8\*20260314~\nLX\*2~\nSV1\*HC:19284:RT\*0\*UN\*2\*\*\*1~/,
      );
      assert.deepEqual(validateX12(fixed), []);
    });
  });

  describe('the shared 837 fixtures', () => {
    for (const fixture of x12Fixtures()) {
      it(`${fixture.name}: ${fixture.expected.join(', ') || 'clean'}`, () => {
        assert.deepEqual(ids(validateX12(fixture.text)), fixture.expected);
      });
    }
  });

  describe('bad input', () => {
    it('reports a truncated ISA once, at its start', () => {
      const diagnostics = validateX12('ISA*00*          *00*  ');
      assert.deepEqual(ids(diagnostics), ['x12-envelope']);
      assert.match(messageOf(diagnostics[0]), /truncated/);
      assert.deepEqual(diagnostics[0]?.range.start, { line: 0, character: 0 });
    });

    it('reports a file that does not start with ISA', () => {
      assert.deepEqual(ids(validateX12('GS*HC*A*B~')), ['x12-envelope']);
    });

    it('reports wrong separators in ISA', () => {
      const text = cleanTwoLines.replace('*P*:~', '*P*A~');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-envelope']);
      assert.match(messageOf(diagnostics[0]), /component separator/);
    });

    it('reports binary junk once where it starts and checks the segments after it', () => {
      const text = cleanTwoLines.replace('LX*2~\n', '\u0000\u0001\u0002garbage~\u0003~LX*2~\n');
      const diagnostics = validateX12(text);
      assert.ok(ids(diagnostics).includes('x12-unreadable'));
      assert.equal(ids(diagnostics).filter((id) => id === 'x12-unreadable').length, 1);
      const model = service.parse(x12Document(text));
      assert.deepEqual(
        model.claims[0]?.lines.map((l) => l.code.value),
        ['19283', '19284'],
      );
    });

    it('never throws on random bytes', () => {
      for (let seed = 1; seed <= 200; seed++) {
        let state = seed;
        const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
        const chars = Array.from({ length: 300 }, () => String.fromCharCode(Math.floor(random() * 256)));
        const text = `ISA${cleanTwoLines.slice(3, 200)}${chars.join('')}`;
        assert.doesNotThrow(() => validateX12(text), `seed ${seed}`);
      }
    });
  });
});
