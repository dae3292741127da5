/**
 * X12 837P through the same claim model and rules as `.claim` files, and the
 * 837 integrity rules, each firing and not firing, with their quick fixes.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type ClaimToWrite, writeX12 } from '../../../server/src/service/x12/x12Writer';
import { formatDiagnostic, messageOf, service, validateX12, x12Document } from '../../support/documents/claimDocuments';
import { x12Fixtures } from '../../support/documents/x12Fixtures';

function claim(id: string, lines: ClaimToWrite['lines'], diagnoses = ['C50411']): ClaimToWrite {
  return { id, diagnoses, dos: '2026-03-14', lines };
}

const cleanTwoLines = writeX12([
  claim('CLM-1', [
    { code: '19283', modifiers: ['RT'], charge: 350 },
    { code: '19284', modifiers: ['RT'], charge: 400 },
  ]),
]);

function ids(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

function textOf(text: string, diagnostic: Diagnostic | undefined): string {
  return diagnostic ? TextDocument.create('file:///x.837', 'x12', 1, text).getText(diagnostic.range) : '';
}

/** Applies the first quick fix for a rule and returns the new text. */
function fix(text: string, ruleId: string): string {
  const document = x12Document(text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model);
  const target = diagnostics.find((d) => d.code === ruleId);
  assert.ok(target, `a ${ruleId} diagnostic in ${diagnostics.map(formatDiagnostic).join('\n')}`);
  const action = service.getCodeActions(document, model, target.range, { diagnostics: [target] })[0];
  assert.ok(action?.edit?.changes, `a fix for ${ruleId}`);
  return TextDocument.applyEdits(document, action.edit.changes[document.uri] ?? []);
}

describe('X12 837P claims', () => {
  it('leaves a clean two-line claim clean', () => {
    assert.deepEqual(validateX12(cleanTwoLines).map(formatDiagnostic), []);
  });

  it('reports a lone 19284 in SV1 on the code component', () => {
    const text = writeX12([claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])]);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['addon-without-primary']);
    assert.equal(textOf(text, diagnostics[0]), '19284');
  });

  it('reads | and > separators from ISA: 19285 with 19284 is the wrong modality', () => {
    const text = writeX12(
      [
        claim('CLM-1', [
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
    assert.equal(textOf(text, diagnostics[0]), '19284');
  });

  it('warns on 19283 with 2 units, on SV104', () => {
    const text = writeX12([claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 700, units: 2 }])]);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['primary-units']);
    assert.equal(textOf(text, diagnostics[0]), '2');
  });

  it('checks a one-line file with exact ranges', () => {
    const text = writeX12([claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])], { oneLine: true });
    assert.equal(text.split('\n').filter((l) => l !== '').length, 1);
    const diagnostics = validateX12(text);
    assert.deepEqual(ids(diagnostics), ['addon-without-primary']);
    assert.equal(diagnostics[0]?.range.start.line, 0);
    assert.equal(textOf(text, diagnostics[0]), '19284');
  });

  it('reports only the CLM loop that lacks its primary among several in one transaction', () => {
    const text = writeX12([
      claim('CLM-A', [
        { code: '19283', modifiers: ['RT'], charge: 350 },
        { code: '19284', modifiers: ['RT'], charge: 400 },
      ]),
      claim('CLM-B', [{ code: '19284', modifiers: ['RT'], charge: 400 }]),
      claim('CLM-C', [{ code: '19285', modifiers: ['RT'], charge: 300 }]),
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

  describe('integrity rules', () => {
    it('x12-claim-total: CLM02 must equal the sum of SV102', () => {
      const text = writeX12([
        {
          ...claim('CLM-1', [
            { code: '19283', modifiers: ['RT'], charge: 350 },
            { code: '19284', modifiers: ['RT'], charge: 400 },
          ]),
          totalCharge: 700,
        },
      ]);
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-claim-total']);
      assert.equal(textOf(text, diagnostics[0]), '700');
      assert.match(messageOf(diagnostics[0]), /750/);
      assert.deepEqual(validateX12(fix(text, 'x12-claim-total')), []);
    });

    it('x12-units-pair: SV103 and SV104 come together', () => {
      const withoutUnits = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', 'SV1*HC:19284:RT*400*UN****1~');
      assert.deepEqual(ids(validateX12(withoutUnits)), ['x12-units-pair']);
      const withoutBasis = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', 'SV1*HC:19284:RT*400**1***1~');
      const diagnostics = validateX12(withoutBasis);
      assert.deepEqual(ids(diagnostics), ['x12-units-pair']);
      assert.equal(textOf(withoutBasis, diagnostics[0]), '1');
    });

    it('dx-pointer: at most 4 pointers, each within the HI list', () => {
      const outside = cleanTwoLines.replace('SV1*HC:19284:RT*400*UN*1***1~', 'SV1*HC:19284:RT*400*UN*1***1:3~');
      const diagnostics = validateX12(outside);
      assert.deepEqual(ids(diagnostics), ['dx-pointer']);
      assert.equal(textOf(outside, diagnostics[0]), '3');
      const five = writeX12([
        claim(
          'CLM-1',
          [{ code: '19283', modifiers: ['RT'], charge: 350, pointers: [1, 2, 3, 4, 5] }],
          ['C50411', 'R928', 'N6310', 'N6320', 'Z1231'],
        ),
      ]);
      assert.deepEqual(ids(validateX12(five)), ['dx-pointer']);
      const four = writeX12([
        claim(
          'CLM-1',
          [{ code: '19283', modifiers: ['RT'], charge: 350, pointers: [1, 2, 3, 4] }],
          ['C50411', 'R928', 'N6310', 'N6320'],
        ),
      ]);
      assert.deepEqual(ids(validateX12(four)), []);
    });

    it('counts only diagnoses in HI for the pointers, not condition codes', () => {
      const text = cleanTwoLines.replace('HI*ABK:C50411~', 'HI*BG:01*ABK:C50411~');
      const model = service.parse(x12Document(text));
      assert.deepEqual(
        model.claims[0]?.diagnoses.map((d) => d.code),
        ['C50411'],
      );
      assert.deepEqual(ids(validateX12(text)), []);
    });

    it('x12-icd-decimal: ICD-10 codes in HI have no decimal point', () => {
      const text = cleanTwoLines.replace('ABK:C50411', 'ABK:C50.411');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-icd-decimal']);
      assert.equal(textOf(text, diagnostics[0]), 'C50.411');
      assert.deepEqual(validateX12(fix(text, 'x12-icd-decimal')), []);
    });

    it('x12-segment-count: SE01 counts the segments from ST to SE', () => {
      const text = cleanTwoLines.replace(/SE\*\d+\*0001~/, 'SE*99*0001~');
      const diagnostics = validateX12(text);
      assert.deepEqual(ids(diagnostics), ['x12-segment-count']);
      assert.equal(textOf(text, diagnostics[0]), '99');
      assert.equal(fix(text, 'x12-segment-count'), cleanTwoLines);
    });

    it('x12-control-numbers: SE02, GE02 and IEA02 repeat their headers; GE01 and IEA01 count', () => {
      for (const [from, to] of [
        ['SE*22*0001~', 'SE*22*0002~'],
        ['GE*1*1~', 'GE*1*7~'],
        ['IEA*1*000000001~', 'IEA*1*000000009~'],
        ['GE*1*1~', 'GE*2*1~'],
        ['IEA*1*000000001~', 'IEA*3*000000001~'],
      ] as const) {
        const text = cleanTwoLines.replace(from, to);
        assert.notEqual(text, cleanTwoLines, from);
        assert.deepEqual(ids(validateX12(text)), ['x12-control-numbers'], to);
        assert.equal(fix(text, 'x12-control-numbers'), cleanTwoLines, to);
      }
    });

    it('x12-segment-placement: a misplaced or unknown segment is reported, not fatal', () => {
      const misplaced = cleanTwoLines.replace('LX*1~\n', 'LX*1~\nBHT*0019*00*0001*20260314*1200*CH~\n');
      const diagnostics = validateX12(misplaced);
      assert.deepEqual(ids(diagnostics), ['x12-segment-placement', 'x12-segment-count']);
      assert.equal(textOf(misplaced, diagnostics[0]), 'BHT');
      const unknown = cleanTwoLines.replace('LX*1~\n', 'LX*1~\nZZZ*1~\n').replace('SE*22*', 'SE*23*');
      assert.deepEqual(ids(validateX12(unknown)), ['x12-segment-placement']);
      const lone = writeX12([claim('CLM-1', [{ code: '19284', modifiers: ['RT'], charge: 400 }])])
        .replace('LX*1~\n', 'LX*1~\nZZZ*1~\n')
        .replace('SE*20*', 'SE*21*');
      assert.deepEqual(ids(validateX12(lone)), ['x12-segment-placement', 'addon-without-primary']);
    });
  });

  describe('quick fixes in 837 files', () => {
    it('inserts the missing primary as a new LX loop and keeps LX numbers and SE01 right', () => {
      const text = writeX12([
        claim('CLM-1', [
          { code: '19284', modifiers: ['RT'], charge: 400 },
          { code: '76098', charge: 90 },
        ]),
      ]);
      const fixed = fix(text, 'addon-without-primary');
      assert.match(fixed, /LX\*1~\nSV1\*HC:19283:RT\*0\*UN\*1\*\*\*1~\nLX\*2~\nSV1\*HC:19284:RT\*400/);
      assert.match(fixed, /LX\*3~\nSV1\*HC:76098/);
      assert.deepEqual(validateX12(fixed).map(formatDiagnostic), []);
    });

    it('swaps a wrong-modality add-on in a one-line file with | separators', () => {
      const text = writeX12(
        [
          claim('CLM-1', [
            { code: '19285', modifiers: ['RT'], charge: 300 },
            { code: '19284', modifiers: ['RT'], charge: 400 },
          ]),
        ],
        { oneLine: true, separators: { element: '|', component: '>' } },
      );
      const fixed = fix(text, 'addon-wrong-modality');
      assert.equal(fixed, text.replace('HC>19284', 'HC>19286'));
      assert.deepEqual(validateX12(fixed), []);
    });

    it('found: replaces a 50 written twice in SV101 as a whole, so the warning goes', () => {
      const text = writeX12([claim('CLM-1', [{ code: '19283', modifiers: ['50', '50'], charge: 350 }])], {
        separators: { element: '|', component: '>' },
      });
      const fixed = fix(text, 'bilateral-modifier');
      assert.equal(fixed, text.replace('HC>19283>50>50|', 'HC>19283>RT|'));
      assert.deepEqual(validateX12(fixed), []);
    });

    it('moves extra first-lesion units to a new add-on line', () => {
      const text = writeX12([claim('CLM-1', [{ code: '19283', modifiers: ['RT'], charge: 700, units: 3 }])]);
      const fixed = fix(text, 'primary-units');
      assert.match(fixed, /SV1\*HC:19283:RT\*700\*UN\*1\*\*\*1~\nLX\*2~\nSV1\*HC:19284:RT\*0\*UN\*2\*\*\*1~/);
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
