/**
 * Go to definition (issue 8): from a `dx=` pointer (each letter or number)
 * and from SV107's components to the diagnosis pointed to, in the same claim;
 * from the `dx=` key to all of them; from an add-on code to its primary's
 * lines on the claim. Every range lies in the document and each target holds
 * its selection.
 */
import * as assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocationLink, Position, Range } from 'vscode-languageserver-types';
import { writeX12, type X12WriteOptions } from '../../../../server/src/service/x12/x12Writer';
import { claimDocument, service, x12Document } from '../../../support/documents/claimDocuments';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function within(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** The links at the `nth` occurrence of `text` (plus `offset` characters), checked well formed, as `origin -> target [selection]` texts. */
function definitionAt(document: TextDocument, text: string, nth = 1, offset = 0): string[] {
  let index = -1;
  for (let i = 0; i < nth; i++) {
    index = document.getText().indexOf(text, index + 1);
  }
  assert.notEqual(index, -1, `'${text}' #${nth} in the document`);
  const links: LocationLink[] = service.findDefinition(
    document,
    service.parse(document),
    document.positionAt(index + offset),
  );
  const end = document.positionAt(document.getText().length);
  return links.map((link) => {
    assert.equal(link.targetUri, document.uri);
    for (const range of [link.originSelectionRange, link.targetRange, link.targetSelectionRange]) {
      assert.ok(range && before(range.end, end), 'range inside the document');
    }
    assert.ok(within(link.targetRange, link.targetSelectionRange), 'target holds its selection');
    return `${document.getText(link.originSelectionRange)} -> ${document.getText(link.targetRange)} [${document.getText(link.targetSelectionRange)}]`;
  });
}

describe('go to definition', () => {
  describe('.claim', () => {
    const document = claimDocument(
      [
        'claim CLM-1',
        '  dos: 2026-03-14',
        '  dx: C50.411, R92.8',
        '  19283-RT   x1   $350.00   dx=A',
        '  19284-RT   x2   $400.00   dx=B,A',
        '  19285-RT   dx=C',
        '  19281      dx=2',
        'claim CLM-2',
        '  dx: N63.20',
        '  19284-LT   dx=A',
        '  19283-LT   dos=2026-03-15',
      ].join('\n'),
    );

    it('goes from dx=A to the first diagnosis of the claim', () => {
      assert.deepEqual(definitionAt(document, 'dx=A', 1, 3), ['A -> C50.411 [C50.411]']);
    });

    it('goes from each pointer of dx=B,A to its own diagnosis, the cursor before or after the letter', () => {
      assert.deepEqual(definitionAt(document, 'dx=B,A', 1, 3), ['B -> R92.8 [R92.8]']);
      assert.deepEqual(definitionAt(document, 'dx=B,A', 1, 4), ['B -> R92.8 [R92.8]']);
      assert.deepEqual(definitionAt(document, 'dx=B,A', 1, 5), ['A -> C50.411 [C50.411]']);
    });

    it('reads numbered pointers alike', () => {
      assert.deepEqual(definitionAt(document, 'dx=2', 1, 3), ['2 -> R92.8 [R92.8]']);
    });

    it('goes from the dx= key to every diagnosis of the line, in pointer order', () => {
      assert.deepEqual(definitionAt(document, 'dx=B,A', 1, 0), [
        'dx=B,A -> R92.8 [R92.8]',
        'dx=B,A -> C50.411 [C50.411]',
      ]);
    });

    it('stays within the claim: a pointer of the next claim goes to its own dx list', () => {
      assert.deepEqual(definitionAt(document, 'dx=A', 2, 3), ['A -> N63.20 [N63.20]']);
    });

    it('gives nothing for a pointer past the dx list, a header, a blank or a primary code', () => {
      assert.deepEqual(definitionAt(document, 'dx=C', 1, 3), []);
      assert.deepEqual(definitionAt(document, 'dos:'), []);
      assert.deepEqual(definitionAt(document, '19283-RT'), []);
      assert.deepEqual(definitionAt(document, '   x1'), []);
    });

    it('goes from an add-on code to its primary line on the same claim', () => {
      assert.deepEqual(definitionAt(document, '19284-RT'), ['19284 -> 19283-RT   x1   $350.00   dx=A [19283]']);
    });

    it("goes to a primary on another date of service when the claim has none on the add-on's date", () => {
      assert.deepEqual(definitionAt(document, '19284-LT'), ['19284 -> 19283-LT   dos=2026-03-15 [19283]']);
    });

    it('gives nothing for an add-on whose primary is on another claim only', () => {
      const lone = claimDocument('claim A\n  19283-RT\nclaim B\n  19284-RT\n');
      assert.deepEqual(definitionAt(lone, '19284'), []);
    });

    it('works in the lines before the first claim line', () => {
      const unnamed = claimDocument('dx: R92.8\n19283 dx=A\n');
      assert.deepEqual(definitionAt(unnamed, 'dx=A', 1, 3), ['A -> R92.8 [R92.8]']);
    });
  });

  describe('X12 837P', () => {
    const claims = [
      {
        id: 'CLM-A',
        diagnoses: ['C50.411', 'R92.8'],
        dos: '2026-03-14',
        lines: [
          { code: '19283', modifiers: ['RT'], charge: 350, pointers: [1] },
          { code: '19284', modifiers: ['RT'], charge: 400, units: 2, pointers: [2, 1] },
          { code: '19285', charge: 300, pointers: [3] },
        ],
      },
      { id: 'CLM-B', diagnoses: ['N63.20'], lines: [{ code: '19284', modifiers: ['LT'], charge: 200, pointers: [1] }] },
    ];

    for (const [layout, options] of [
      ['a segment per line', {}],
      ['one line with | and > separators', { oneLine: true, separators: { element: '|', component: '>' } }],
    ] as Array<[string, X12WriteOptions]>) {
      describe(layout, () => {
        const document = x12Document(writeX12(claims, options));
        const e = options.separators?.element ?? '*';
        const c = options.separators?.component ?? ':';
        const pointers = (text: string) => `${e}${e}${e}${text}`;

        it('goes from an SV107 pointer to the HI element it points to, the code selected', () => {
          assert.deepEqual(definitionAt(document, pointers(`2${c}1`), 1, 3), [`2 -> ABF${c}R928 [R928]`]);
          assert.deepEqual(definitionAt(document, pointers(`2${c}1`), 1, 5), [`1 -> ABK${c}C50411 [C50411]`]);
          assert.deepEqual(
            definitionAt(document, pointers(`2${c}1`), 1, 6),
            [`1 -> ABK${c}C50411 [C50411]`],
            'the cursor just after the pointer',
          );
        });

        it("stays within the CLM loop: the next claim's pointer 1 goes to its own HI", () => {
          const lastPointer = document.getText().lastIndexOf(pointers('1'));
          const links = service.findDefinition(document, service.parse(document), document.positionAt(lastPointer + 3));
          assert.deepEqual(
            links.map((link) => document.getText(link.targetSelectionRange)),
            ['N6320'],
          );
        });

        it('gives nothing for a pointer past the HI list', () => {
          assert.deepEqual(definitionAt(document, pointers('3'), 1, 3), []);
        });

        it('goes from an SV1 add-on code to the SV1 of its primary', () => {
          assert.deepEqual(definitionAt(document, `HC${c}19284`, 1, 3), [
            `19284 -> SV1${e}HC${c}19283${c}RT${e}350${e}UN${e}1${e}${e}${e}1 [19283]`,
          ]);
          assert.deepEqual(definitionAt(document, `HC${c}19284`, 2, 3), [], 'CLM-B has no 19283');
        });

        it('gives nothing outside a claim', () => {
          assert.deepEqual(definitionAt(document, `ST${e}837`), []);
          assert.deepEqual(definitionAt(document, `HL${e}1`), []);
        });
      });
    }

    it('gives nothing when the interchange cannot be read', () => {
      const broken = x12Document('ISA*00*truncated SV1*HC:19284***1');
      assert.deepEqual(definitionAt(broken, '19284'), []);
    });
  });
});
