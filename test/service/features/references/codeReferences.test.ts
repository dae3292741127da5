/**
 * Find references of a code in one document (issue 8). A procedure code:
 * every service line billing the code under the cursor, in `.claim` files and
 * in 837P SV101-2, the cursor's own occurrence left out when the editor asks
 * without the declaration, and nothing off a code. A diagnosis: every entry
 * of it in a claim's `dx:` list or HI segment (with or without its decimal
 * point, any case) and every pointer at such an entry, the entries left out
 * without the declaration. The server adds the other files of the workspace
 * (test/protocol/workspace.test.ts).
 */
import * as assert from 'node:assert/strict';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position } from 'vscode-languageserver-types';
import { writeX12 } from '../../../../server/src/service/x12/x12Writer';
import { mentionPattern } from '../../../../server/src/workspace/workspaceReferences';
import type { ReferencedCode } from '../../../../server/src/service';
import { claimDocument, service, x12Document } from '../../../support/documents/claimDocuments';

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
    assert.deepEqual(found?.code, { kind: 'procedure', value: '19284' });
    assert.deepEqual(covered(document, found?.locations ?? []), ['3:19284', '6:19284']);
  });

  it('leaves out the occurrence under the cursor when the declaration is not wanted', () => {
    const found = referencesAt(document, positionIn(document, '19284', 1), false);
    assert.deepEqual(covered(document, found?.locations ?? []), ['3:19284']);
  });

  it('matches a code written in lower case, and gives the upper-case code to search for', () => {
    const found = referencesAt(document, positionIn(document, 'g0121'));
    assert.deepEqual(found?.code, { kind: 'procedure', value: 'G0121' });
    assert.deepEqual(covered(document, found?.locations ?? []), ['7:g0121', '8:G0121']);
  });

  it('finds the code with the cursor just after it, as on a word end', () => {
    const found = referencesAt(document, positionIn(document, '19283', 0, 5));
    assert.deepEqual(covered(document, found?.locations ?? []), ['2:19283']);
  });

  it('gives null off a code: a modifier, units, a header key, a claim id, a blank line', () => {
    for (const [what, position] of [
      ['modifier', positionIn(document, 'RT', 0, 1)],
      ['units', positionIn(document, 'x2', 0, 1)],
      ['header key', positionIn(document, 'dx:', 0, 1)],
      ['claim id', positionIn(document, 'claim A', 0, 6)],
      ['blank line', { line: 9, character: 0 }],
      ['past the end', { line: 40, character: 3 }],
    ] as const) {
      assert.equal(referencesAt(document, position), null, what);
    }
  });

  it('finds a code by name in a document, for the files a workspace search reads', () => {
    const occurrences = (value: string) =>
      service.findCodeOccurrences(document, service.parse(document), { kind: 'procedure', value });
    assert.deepEqual(covered(document, occurrences('19283')), ['2:19283']);
    assert.deepEqual(occurrences('99999'), []);
    assert.deepEqual(occurrences(''), []);
  });
});

describe('find references of a code in an 837P document', () => {
  const claims = [
    {
      id: 'CLM-1',
      diagnoses: ['C50.411'],
      dos: '2026-03-14',
      lines: [
        { code: '19283', modifiers: ['RT'], charge: 350 },
        { code: '19284', modifiers: ['RT'], charge: 400 },
      ],
    },
    {
      id: 'CLM-2',
      diagnoses: ['C50.412'],
      dos: '2026-03-14',
      lines: [{ code: '19284', modifiers: ['LT'], charge: 400 }],
    },
  ];
  const text = writeX12(claims);

  for (const layout of ['a segment per line', 'one line'] as const) {
    it(`lists the SV101-2 of every SV1 billing the code (${layout})`, () => {
      const document = x12Document(layout === 'one line' ? writeX12(claims, { oneLine: true }) : text);
      const found = referencesAt(document, positionIn(document, 'HC:19284', 0, 4));
      assert.deepEqual(found?.code, { kind: 'procedure', value: '19284' });
      const locations = found?.locations ?? [];
      assert.equal(locations.length, 2);
      for (const location of locations) {
        assert.equal(document.getText(location.range), '19284');
        // The code is the second component of SV101, right after `SV1*HC:`.
        const before = document.getText({
          start: { line: location.range.start.line, character: location.range.start.character - 7 },
          end: location.range.start,
        });
        assert.equal(before, 'SV1*HC:');
      }
    });
  }

  it('gives null on a segment id, a qualifier and an HI qualifier', () => {
    const document = x12Document(text);
    for (const needle of ['SV1*', 'HC:', 'ABK:']) {
      assert.equal(referencesAt(document, positionIn(document, needle)), null, needle);
    }
  });
});

const diagnosisText = [
  'claim A',
  '  dx: C50.411, R92.8',
  '  19283-RT   x1   dx=A',
  '  19284-RT   x2   dx=A,B',
  'claim B',
  '  dx: c50.412 C50.411',
  '  19284-LT   x1   dx=B',
  '  G0121   x1   dx=A',
  'claim C',
  '  19283-LT   x1   dx=A',
  '  dx: C50411',
  'claim D',
  '  dx: C50.411',
  '  19283-RT   x1   dx=C',
  '',
].join('\n');

describe('find references of a diagnosis in a .claim document', () => {
  const document = claimDocument(diagnosisText);

  it('lists every list entry of the diagnosis and every pointer at one, in document order, with or without its point', () => {
    const found = referencesAt(document, positionIn(document, 'C50.411'));
    assert.deepEqual(found?.code, { kind: 'diagnosis', value: 'C50411', withListEntries: true });
    // Claim C's pointer comes before its `dx:` line, and its list writes the code without the point.
    assert.deepEqual(covered(document, found?.locations ?? []), [
      '1:C50.411',
      '2:A',
      '3:A',
      '5:C50.411',
      '6:B',
      '9:A',
      '10:C50411',
      '12:C50.411',
    ]);
  });

  it('leaves out the list entries, and keeps the pointers, when the declaration is not wanted', () => {
    const found = referencesAt(document, positionIn(document, 'C50.411', 1), false);
    assert.deepEqual(found?.code, { kind: 'diagnosis', value: 'C50411', withListEntries: false });
    assert.deepEqual(covered(document, found?.locations ?? []), ['2:A', '3:A', '6:B', '9:A']);
  });

  it('from a pointer, finds the diagnosis it points at: the second letter of dx=A,B is R92.8', () => {
    const found = referencesAt(document, positionIn(document, 'dx=A,B', 0, 5));
    assert.deepEqual(covered(document, found?.locations ?? []), ['1:R92.8', '3:B']);
  });

  it('matches a diagnosis written in lower case, and searches for it upper-cased', () => {
    const found = referencesAt(document, positionIn(document, 'c50.412'));
    assert.equal(found?.code.value, 'C50412');
    assert.deepEqual(covered(document, found?.locations ?? []), ['5:c50.412', '7:A']);
  });

  it('gives null on a pointer at no diagnosis (dx=C of a one-entry list) and on the dx= key', () => {
    assert.equal(referencesAt(document, positionIn(document, 'dx=C', 0, 3)), null);
    assert.equal(referencesAt(document, positionIn(document, 'dx=A', 0, 1)), null);
  });

  it('finds a diagnosis by its key in a document, for the files a workspace search reads', () => {
    const occurrences = (code: ReferencedCode) =>
      covered(document, service.findCodeOccurrences(document, service.parse(document), code));
    assert.deepEqual(occurrences({ kind: 'diagnosis', value: 'R928', withListEntries: true }), ['1:R92.8', '3:B']);
    assert.deepEqual(occurrences({ kind: 'diagnosis', value: 'R928', withListEntries: false }), ['3:B']);
    // A procedure code and a diagnosis of the same letters never match each other.
    assert.deepEqual(occurrences({ kind: 'procedure', value: 'R928' }), []);
    assert.deepEqual(occurrences({ kind: 'diagnosis', value: '', withListEntries: true }), []);
  });
});

describe('find references of a diagnosis in an 837P document', () => {
  const claims = [
    {
      id: 'CLM-1',
      diagnoses: ['C50.411', 'R92.8'],
      dos: '2026-03-14',
      lines: [
        { code: '19283', charge: 350, pointers: [1] },
        { code: '19284', charge: 400, pointers: [2, 1] },
      ],
    },
    {
      id: 'CLM-2',
      diagnoses: ['R92.8', 'C50.411'],
      dos: '2026-03-14',
      lines: [
        { code: '19284', charge: 400, pointers: [1] },
        { code: '19285', charge: 300, pointers: [2] },
      ],
    },
  ];

  /** `segment: covered text` for each location, the segment named by the text before the location on its line. */
  function inSegments(document: TextDocument, locations: readonly Location[]): string[] {
    const text = document.getText();
    return locations.map((location) => {
      const start = document.offsetAt(location.range.start);
      const segmentStart = text.lastIndexOf('~', start - 1) + 1;
      return `${text.slice(segmentStart, start).trim()}|${document.getText(location.range)}`;
    });
  }

  for (const layout of ['a segment per line', 'one line'] as const) {
    it(`lists the HI entries and the SV107 pointers at them (${layout})`, () => {
      const document = x12Document(writeX12(claims, { oneLine: layout === 'one line' }));
      const found = referencesAt(document, positionIn(document, 'ABK:C50411', 0, 5));
      assert.deepEqual(found?.code, { kind: 'diagnosis', value: 'C50411', withListEntries: true });
      assert.deepEqual(inSegments(document, found?.locations ?? []), [
        'HI*ABK:|C50411',
        'SV1*HC:19283*350*UN*1***|1',
        'SV1*HC:19284*400*UN*1***2:|1',
        'HI*ABK:R928*ABF:|C50411',
        'SV1*HC:19285*300*UN*1***|2',
      ]);
    });
  }

  it('from an SV107 pointer, without the declaration: only the pointers at that diagnosis', () => {
    const document = x12Document(writeX12(claims));
    const found = referencesAt(document, positionIn(document, '***2:1', 0, 3), false);
    assert.deepEqual(inSegments(document, found?.locations ?? []), [
      'SV1*HC:19284*400*UN*1***|2',
      'SV1*HC:19284*400*UN*1***|1',
    ]);
  });

  it('finds the .claim spelling of a diagnosis in an 837: C50.411 and C50411 are one', () => {
    const document = x12Document(writeX12(claims));
    const claimFile = claimDocument(diagnosisText);
    const found = referencesAt(claimFile, positionIn(claimFile, 'C50.411'));
    const inX12 = service.findCodeOccurrences(
      document,
      service.parse(document),
      found?.code ?? { kind: 'procedure', value: '' },
    );
    assert.equal(inX12.length, 5);
  });
});

describe('the text test before a workspace file is parsed', () => {
  it('finds a diagnosis written with its point, without it, or in lower case; a procedure code only as written', () => {
    const diagnosis = mentionPattern({ kind: 'diagnosis', value: 'C50411', withListEntries: true });
    for (const text of ['dx: C50.411', 'HI*ABK:C50411~', 'dx: c50.411']) {
      assert.ok(diagnosis.test(text), text);
    }
    for (const text of ['dx: C50.412', 'dx: C5041', 'dx: C50-411']) {
      assert.ok(!diagnosis.test(text), text);
    }
    const procedure = mentionPattern({ kind: 'procedure', value: '19284' });
    assert.ok(procedure.test('  19284-RT'));
    assert.ok(!procedure.test('  1928.4'));
  });
});
