/**
 * Rename of a claim id (issue 8): the id after `claim` in a `.claim` file,
 * CLM01 in an 837. The new id must fit the format and be unique in the file
 * (case aside); a refusal says why. Only the id changes.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, WorkspaceEdit } from 'vscode-languageserver-types';
import { forEachClaimId } from '../../../../server/src/service/claimText/claimLines';
import { parseClaimText } from '../../../../server/src/service/claimText/claimTextParser';
import { writeX12, type X12WriteOptions } from '../../../../server/src/service/x12/x12Writer';
import { claimDocument, service, x12Document } from '../../../support/documents/claimDocuments';

function positionAt(document: TextDocument, text: string, offset = 0): Position {
  const index = document.getText().indexOf(text);
  assert.notEqual(index, -1, `'${text}' in the document`);
  return document.positionAt(index + offset);
}

function prepared(document: TextDocument, position: Position): string {
  const result = service.prepareRename(document, service.parse(document), position);
  if ('refusal' in result) {
    return `refused: ${result.refusal}`;
  }
  assert.equal(document.getText(result.range), result.placeholder, 'the placeholder is the text of the range');
  return result.placeholder;
}

/** The renamed text, or the refusal. */
function renamed(document: TextDocument, position: Position, newName: string): string {
  const result: WorkspaceEdit | { refusal: string } = service.doRename(
    document,
    service.parse(document),
    position,
    newName,
  );
  if ('refusal' in result) {
    return `refused: ${result.refusal}`;
  }
  const edits = result.changes?.[document.uri] ?? [];
  assert.deepEqual(
    Object.keys(result.changes ?? {}).filter((uri) => uri !== document.uri),
    [],
    'only this document changes',
  );
  assert.ok(edits.length <= 1, 'one edit at most');
  return TextDocument.applyEdits(document, edits);
}

describe('rename of a claim id', () => {
  describe('.claim', () => {
    const text = [
      '# claim CLM-9 was withdrawn',
      'claim CLM-1',
      '  dx: C50.411',
      '  19283-RT x1 dx=A',
      '',
      'claim clm-2   # second',
      '  19284-RT',
      'claim',
    ].join('\n');
    const document = claimDocument(text);
    const onFirst = positionAt(document, 'CLM-1', 2);

    it('prepares the id under the cursor, or on its claim keyword', () => {
      assert.equal(prepared(document, onFirst), 'CLM-1');
      assert.equal(prepared(document, positionAt(document, 'claim CLM-1', 1)), 'CLM-1');
      assert.equal(prepared(document, positionAt(document, 'CLM-1', 5)), 'CLM-1', 'the cursor just after the id');
      assert.equal(prepared(document, positionAt(document, 'clm-2')), 'clm-2');
    });

    it('refuses, saying why, where there is no claim id', () => {
      assert.match(prepared(document, positionAt(document, '19283')), /^refused: Only a claim id can be renamed/);
      assert.match(
        prepared(document, positionAt(document, 'withdrawn')),
        /^refused: Only a claim id/,
        'a claim line inside a comment',
      );
      assert.match(
        prepared(document, positionAt(document, '# second', 3)),
        /^refused: Only a claim id/,
        'the comment after an id',
      );
      assert.match(prepared(document, { line: 7, character: 2 }), /^refused: This claim has no id to rename/);
    });

    it('replaces just the id', () => {
      assert.equal(renamed(document, onFirst, 'CLM-2026-0001'), text.replace('claim CLM-1', 'claim CLM-2026-0001'));
    });

    it('takes white space around the new id as a slip, and keeps a CRLF file intact', () => {
      const crlf = claimDocument(text.replace(/\n/g, '\r\n'));
      assert.equal(
        renamed(crlf, positionAt(crlf, 'CLM-1'), '  CLM-7 '),
        text.replace(/\n/g, '\r\n').replace('claim CLM-1', 'claim CLM-7'),
      );
    });

    it('refuses a new id that is not one token of printable ASCII, starts a comment or holds an 837 separator', () => {
      assert.match(renamed(document, onFirst, 'CLM 7'), /^refused: A claim id in a \.claim file is one token/);
      assert.match(renamed(document, onFirst, ''), /^refused: A claim id cannot be empty/);
      assert.match(renamed(document, onFirst, '   '), /^refused: A claim id cannot be empty/);
      assert.match(renamed(document, onFirst, '#7'), /^refused: A claim id cannot start with '#'/);
      assert.match(renamed(document, onFirst, 'CLM*7'), /^refused: A claim id cannot hold '\*'/);
      assert.match(renamed(document, onFirst, 'CLM~7'), /^refused: A claim id cannot hold '~'/);
      assert.match(renamed(document, onFirst, 'CLMÉ7'), /^refused: A claim id holds only printable ASCII/);
      assert.match(renamed(document, onFirst, 'CLM\t7'), /^refused: A claim id holds only printable ASCII/);
    });

    it("refuses more than 38 characters, CLM01's length, and takes 38", () => {
      assert.match(
        renamed(document, onFirst, 'C'.repeat(39)),
        /^refused: A claim id is at most 38 characters .* this one has 39\.$/,
      );
      assert.equal(renamed(document, onFirst, 'C'.repeat(38)), text.replace('claim CLM-1', `claim ${'C'.repeat(38)}`));
    });

    it("refuses another claim's id, case aside, naming its line", () => {
      assert.match(renamed(document, onFirst, 'CLM-2'), /^refused: The claim on line 6 already has this id/);
      assert.equal(
        renamed(document, onFirst, 'CLM-9'),
        text.replace('claim CLM-1', 'claim CLM-9'),
        'an id in a comment is no claim',
      );
    });

    it('lets a claim take its own id in another case, and changes nothing for the same id', () => {
      const onSecond = positionAt(document, 'clm-2');
      assert.equal(renamed(document, onSecond, 'CLM-2'), text.replace('claim clm-2', 'claim CLM-2'));
      const same = service.doRename(document, service.parse(document), onFirst, 'CLM-1');
      assert.deepEqual(same, { changes: {} });
    });

    it('never quotes the new id or claim text in a refusal', () => {
      for (const name of ['SECRET ID', '#SECRET', 'CLM-2', 'S'.repeat(40), 'SECRET*']) {
        const result = renamed(document, onFirst, name);
        assert.match(result, /^refused: /);
        assert.doesNotMatch(result, /SECRET|SSSS|CLM-2|clm-2/i);
      }
    });
  });

  it('finds the claim ids the parser finds, on the same lines, whatever the line ends and white space', () => {
    const tricky = [
      '\uFEFFclaim BOM-1\n19283',
      'Claim UPPER-1\r\n  CLAIM upper-2\r  claim\tTAB-3\n\tclaim  SPACES-4  # note',
      '# claim IN-COMMENT\nclaim #comment-only\nclaimX not-a-claim\nclaim HASH#INSIDE\n  19283 claim NOT-FIRST',
      'claim\nclaim \nclaim A\u2028claim B\n\u00a0claim NBSP-5\rclaim LAST',
      '',
    ];
    let compared = 0;
    for (const text of tricky) {
      const found: string[] = [];
      const document = claimDocument(text);
      forEachClaimId(text, (id, lineStart) => found.push(`${document.positionAt(lineStart).line}:${id}`));
      const parsed = parseClaimText(text).claims.flatMap((claim) =>
        claim.id ? [`${claim.id.range.start.line}:${claim.id.value}`] : [],
      );
      assert.deepEqual(found, parsed, JSON.stringify(text));
      compared += parsed.length;
    }
    assert.equal(compared, 9, 'the texts hold 9 claim ids');
  });

  describe('X12 837P', () => {
    const claims = [
      { id: 'CLM-A', diagnoses: ['C50.411'], lines: [{ code: '19283', charge: 350 }] },
      { id: 'CLM-B', diagnoses: ['R92.8'], lines: [{ code: '19283', charge: 350 }] },
    ];

    for (const [layout, options] of [
      ['a segment per line', {}],
      ['one line with | and > separators', { oneLine: true, separators: { element: '|', component: '>' } }],
    ] as Array<[string, X12WriteOptions]>) {
      describe(layout, () => {
        const text = writeX12(claims, options);
        const document = x12Document(text);
        const e = options.separators?.element ?? '*';
        const onA = positionAt(document, 'CLM-A', 1);

        it('prepares CLM01 from the id, its end, or the CLM segment id', () => {
          assert.equal(prepared(document, onA), 'CLM-A');
          assert.equal(prepared(document, positionAt(document, 'CLM-A', 5)), 'CLM-A');
          assert.equal(prepared(document, positionAt(document, `CLM${e}CLM-B`, 1)), 'CLM-B');
        });

        it('refuses other elements and segments', () => {
          assert.match(prepared(document, positionAt(document, `CLM-A${e}350`, 7)), /^refused: Only a claim id/);
          assert.match(prepared(document, positionAt(document, 'HC')), /^refused: Only a claim id/);
        });

        it('replaces just CLM01, and allows spaces inside an 837 id', () => {
          assert.equal(
            renamed(document, onA, 'PCN 2026 0001'),
            text.replace(`CLM${e}CLM-A${e}`, `CLM${e}PCN 2026 0001${e}`),
          );
        });

        it("refuses the file's separators, naming which", () => {
          assert.match(
            renamed(document, onA, `A${e}B`),
            /^refused: A claim id cannot hold '.': it is this file's element separator\.$/,
          );
          assert.match(renamed(document, onA, 'A~B'), /this file's segment terminator/);
          assert.match(
            renamed(document, onA, `A${options.separators?.component ?? ':'}B`),
            /this file's component separator/,
          );
          assert.match(renamed(document, onA, 'A^B'), /this file's repetition separator/);
        });

        it("refuses another CLM's id, case aside, and more than 38 characters", () => {
          assert.match(renamed(document, onA, 'clm-b'), /^refused: The claim on line \d+ already has this id/);
          assert.match(renamed(document, onA, 'X'.repeat(39)), /at most 38 characters/);
        });
      });
    }

    it('accepts in a | file what only a * file forbids', () => {
      const document = x12Document(writeX12(claims, { separators: { element: '|', component: '>' } }));
      assert.match(renamed(document, positionAt(document, 'CLM-A'), 'A*B'), /CLM\|A\*B\|/);
    });

    it('refuses a CLM without CLM01, and any position when the interchange cannot be read', () => {
      const document = x12Document(writeX12(claims).replace('CLM*CLM-A*', 'CLM**'));
      assert.match(prepared(document, positionAt(document, 'CLM**', 1)), /^refused: This CLM has no CLM01/);
      const broken = x12Document('ISA*00*truncated\nCLM*CLM-A*350~');
      assert.match(prepared(broken, positionAt(broken, 'CLM-A')), /^refused: Only a claim id/);
    });
  });
});
