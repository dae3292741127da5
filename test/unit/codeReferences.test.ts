/**
 * Find references of a procedure code in one document (issue 8): every
 * service line billing the code under the cursor, in `.claim` files and in
 * 837P SV101-2, the cursor's own occurrence left out when the editor asks
 * without the declaration, and nothing off a code. The server adds the other
 * files of the workspace (test/protocol/workspace.test.ts).
 */
import * as assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import { writeX12 } from '../../server/src/service/x12/x12Writer';
import { claimDocument, service, x12Document } from '../support/claimDocuments';

const claimText = [
  'claim A',
  '  dx: C50.411',
  '  19283-RT   x1   dx=A',
  '  19284-RT   x2   dx=A',
  'claim B',
  '  dx: C50.412',
  '  19284-LT   x1   dx=A',
  '  g0121   x1   dx=A',
  '  G0121   x1   dx=A',
  '',
].join('\n');

/** The text each location covers, as `line:text`, so a failure reads like the file. */
function covered(document: TextDocument, locations: readonly Location[]): string[] {
  return locations.map((location) => {
    assert.equal(location.uri, document.uri);
    return `${location.range.start.line}:${document.getText(location.range)}`;
  });
}

function positionIn(document: TextDocument, needle: string, occurrence = 0, offset = 1): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    index = document.getText().indexOf(needle, index + 1);
  }
  assert.notEqual(index, -1, `${needle} is not in the document`);
  return document.positionAt(index + offset);
}

function referencesAt(document: TextDocument, position: Position, includeDeclaration = true) {
  return service.findCodeReferences(document, service.parse(document), position, { includeDeclaration });
}

describe('find references of a code in a .claim document', () => {
  const document = claimDocument(claimText);

  it('lists every service line billing the code under the cursor, across claims', () => {
    const found = referencesAt(document, positionIn(document, '19284'));
    assert.equal(found?.code, '19284');
    assert.deepEqual(covered(document, found?.locations ?? []), ['3:19284', '6:19284']);
  });

  it('leaves out the occurrence under the cursor when the declaration is not wanted', () => {
    const found = referencesAt(document, positionIn(document, '19284', 1), false);
    assert.deepEqual(covered(document, found?.locations ?? []), ['3:19284']);
  });

  it('matches a code written in lower case, and gives the upper-case code to search for', () => {
    const found = referencesAt(document, positionIn(document, 'g0121'));
    assert.equal(found?.code, 'G0121');
    assert.deepEqual(covered(document, found?.locations ?? []), ['7:g0121', '8:G0121']);
  });

  it('finds the code with the cursor just after it, as on a word end', () => {
    const found = referencesAt(document, positionIn(document, '19283', 0, 5));
    assert.deepEqual(covered(document, found?.locations ?? []), ['2:19283']);
  });

  it('gives null off a procedure code: a modifier, a diagnosis, a claim id, a blank line', () => {
    for (const [what, position] of [
      ['modifier', positionIn(document, 'RT', 0, 1)],
      ['diagnosis', positionIn(document, 'C50.411')],
      ['claim id', positionIn(document, 'claim A', 0, 6)],
      ['blank line', { line: 9, character: 0 }],
      ['past the end', { line: 40, character: 3 }],
    ] as const) {
      assert.equal(referencesAt(document, position), null, what);
    }
  });

  it('finds a code by name in a document, for the files a workspace search reads', () => {
    assert.deepEqual(covered(document, service.findCodeOccurrences(document, service.parse(document), '19283')), ['2:19283']);
    assert.deepEqual(service.findCodeOccurrences(document, service.parse(document), '99999'), []);
    assert.deepEqual(service.findCodeOccurrences(document, service.parse(document), ''), []);
  });
});

describe('find references of a code in an 837P document', () => {
  const claims = [
    { id: 'CLM-1', diagnoses: ['C50.411'], dos: '2026-03-14', lines: [{ code: '19283', modifiers: ['RT'], charge: 350 }, { code: '19284', modifiers: ['RT'], charge: 400 }] },
    { id: 'CLM-2', diagnoses: ['C50.412'], dos: '2026-03-14', lines: [{ code: '19284', modifiers: ['LT'], charge: 400 }] },
  ];
  const text = writeX12(claims);

  for (const layout of ['a segment per line', 'one line'] as const) {
    it(`lists the SV101-2 of every SV1 billing the code (${layout})`, () => {
      const document = x12Document(layout === 'one line' ? writeX12(claims, { oneLine: true }) : text);
      const found = referencesAt(document, positionIn(document, 'HC:19284', 0, 4));
      assert.equal(found?.code, '19284');
      const locations = found?.locations ?? [];
      assert.equal(locations.length, 2);
      for (const location of locations) {
        assert.equal(document.getText(location.range), '19284');
        // The code is the second component of SV101, right after `SV1*HC:`.
        const before = document.getText({ start: { line: location.range.start.line, character: location.range.start.character - 7 }, end: location.range.start });
        assert.equal(before, 'SV1*HC:');
      }
    });
  }

  it('gives null on a segment id, a qualifier and an HI code', () => {
    const document = x12Document(text);
    for (const needle of ['SV1*', 'HC:', 'C50411']) {
      assert.equal(referencesAt(document, positionIn(document, needle)), null, needle);
    }
  });
});
