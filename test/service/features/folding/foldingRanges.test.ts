/**
 * Folding (issue 8): a `.claim` claim from its claim line to its last content
 * line, the lines before the first claim line, comment blocks; an 837's
 * ISA/GS/ST envelopes, HL levels, CLM loops and LX loops, in order, one per
 * start line, nested, within the client's limit.
 */
import * as assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { writeX12, type ClaimToWrite } from '../../../../server/src/service/x12/x12Writer';
import { claimDocument, service, x12Document } from '../../../support/documents/claimDocuments';

function folds(document: TextDocument, limit?: number): string[] {
  return service
    .getFoldingRanges(document, service.parse(document), limit)
    .map((fold) => `${fold.startLine}-${fold.endLine}${fold.kind ? ` ${fold.kind}` : ''}`);
}

/** Every fold inside the document, sorted, one per start line, and nested or disjoint. */
function assertWellFormed(document: TextDocument, ranges: readonly FoldingRange[]): void {
  ranges.forEach((fold, i) => {
    assert.ok(
      fold.startLine >= 0 && fold.endLine < document.lineCount && fold.startLine < fold.endLine,
      `${fold.startLine}-${fold.endLine} inside the document`,
    );
    const previous = ranges[i - 1];
    assert.ok(!previous || previous.startLine < fold.startLine, 'sorted, one per start line');
  });
  for (const a of ranges) {
    for (const b of ranges) {
      const disjoint = a.endLine < b.startLine || b.endLine < a.startLine;
      const nested =
        (a.startLine <= b.startLine && b.endLine <= a.endLine) ||
        (b.startLine <= a.startLine && a.endLine <= b.endLine);
      assert.ok(disjoint || nested, `${a.startLine}-${a.endLine} and ${b.startLine}-${b.endLine} nest`);
    }
  }
}

const claimText = [
  '# Batch of March', // 0
  '# reviewed by coding', // 1
  'claim CLM-1', // 2
  '  dos: 2026-03-14', // 3
  '  dx: C50.411, R92.8', // 4
  '  # lines follow', // 5
  '  19283-RT x1 dx=A', // 6
  '  19284-RT x2 dx=A   # two more lesions', // 7
  '', // 8
  '# next claim', // 9
  'claim CLM-2', // 10
  '  19285', // 11
  'claim CLM-3', // 12
  '# trailing', // 13
  '# comments', // 14
].join('\n');

const x12Claims: ClaimToWrite[] = [
  {
    id: 'CLM-A',
    diagnoses: ['C50.411'],
    dos: '2026-03-14',
    lines: [
      { code: '19283', modifiers: ['RT'], charge: 350 },
      { code: '19284', modifiers: ['RT'], charge: 400, units: 2 },
    ],
  },
  { id: 'CLM-B', diagnoses: ['N63.20'], lines: [{ code: '19284', modifiers: ['LT'], charge: 200 }] },
];

describe('folding ranges', () => {
  describe('.claim', () => {
    it('folds each claim to its last content line and each run of comment lines', () => {
      assert.deepEqual(folds(claimDocument(claimText)), ['0-1 comment', '2-7', '10-11', '13-14 comment']);
    });

    it('folds alike with CRLF and CR line ends', () => {
      assert.deepEqual(folds(claimDocument(claimText.replace(/\n/g, '\r\n'))), [
        '0-1 comment',
        '2-7',
        '10-11',
        '13-14 comment',
      ]);
      assert.deepEqual(folds(claimDocument(claimText.replace(/\n/g, '\r'))), [
        '0-1 comment',
        '2-7',
        '10-11',
        '13-14 comment',
      ]);
    });

    it('folds the lines before the first claim line as the unnamed claim', () => {
      assert.deepEqual(folds(claimDocument('19283-RT x1\n\n19284-RT x2\nclaim A\n  19285\n')), ['0-2', '3-4']);
    });

    it('folds nothing in a one-claim-line file, an empty file or a single comment', () => {
      assert.deepEqual(folds(claimDocument('claim CLM-1')), []);
      assert.deepEqual(folds(claimDocument('')), []);
      assert.deepEqual(folds(claimDocument('# one comment\n')), []);
    });

    it('reads a # inside a token as text, as the parser does', () => {
      assert.deepEqual(folds(claimDocument('claim CLM#1\n  19283#x\n')), ['0-1']);
    });
  });

  describe('X12 837P', () => {
    const text = writeX12(x12Claims, { controlNumber: 42 });
    const document = x12Document(text);
    const lines = text.split('\n');
    const lineOf = (prefix: string, nth = 1) =>
      lines.map((line, i) => (line.startsWith(prefix) ? i : -1)).filter((i) => i !== -1)[nth - 1] ?? -1;

    it("folds the envelopes and every loop of the guide's structure, nested as the guide nests them", () => {
      const se = lineOf('SE*');
      const expected = [
        `${lineOf('ISA')}-${lineOf('IEA')}`,
        `${lineOf('GS')}-${lineOf('GE')}`,
        `${lineOf('ST')}-${se}`,
        // 1000A Submitter Name: NM1*41 and its PER; 1000B (NM1*40 alone) is one line, so it does not fold.
        `${lineOf('NM1*41')}-${lineOf('PER')}`,
        // 2000A Billing Provider holds every subscriber under it, to the transaction's last loop.
        `${lineOf('HL', 1)}-${se - 1}`,
        `${lineOf('NM1*85')}-${lineOf('REF')}`,
        // 2000B Subscriber, its claim (2300) and the claim's service lines (2400).
        `${lineOf('HL', 2)}-${lineOf('HL', 3) - 1}`,
        `${lineOf('CLM', 1)}-${lineOf('HL', 3) - 1}`,
        `${lineOf('LX', 1)}-${lineOf('LX', 2) - 1}`,
        `${lineOf('LX', 2)}-${lineOf('HL', 3) - 1}`,
        `${lineOf('HL', 3)}-${se - 1}`,
        `${lineOf('CLM', 2)}-${se - 1}`,
        `${lineOf('LX', 3)}-${se - 1}`,
      ];
      assert.deepEqual(folds(document), expected);
      assert.equal(lines[lineOf('CLM', 1)], 'CLM*CLM-A*750***11:B:1*Y*A*Y*Y~');
      assertWellFormed(document, service.getFoldingRanges(document, service.parse(document)));
    });

    it('keeps the outermost folds when the client sets a limit: whole levels, then the first of the next', () => {
      assert.deepEqual(folds(document, 5), folds(document).slice(0, 5));
      // Envelopes, then the loops right under the transaction (1000A, 2000A).
      assert.deepEqual(
        folds(document, 5).map((fold) => fold.split('-')[0]),
        ['0', '1', '2', String(lineOf('NM1*41')), String(lineOf('HL', 1))],
      );
      // 10 folds down to the claims, then room for one service line of the three.
      const kept = folds(document, 11);
      assert.equal(kept.length, 11);
      assert.deepEqual(
        folds(document).filter((fold) => !kept.includes(fold)),
        [`${lineOf('LX', 2)}-${lineOf('HL', 3) - 1}`, `${lineOf('LX', 3)}-${lineOf('SE*') - 1}`],
        'the deepest, service lines, go first',
      );
      assert.deepEqual(folds(document, 0), []);
    });

    it('folds an envelope of a transaction that is not an 837P, and nothing inside it', () => {
      const institutional = text.replace('ST*837*0001*005010X222A1', 'ST*837*0001*005010X223A2');
      assert.deepEqual(folds(x12Document(institutional)), [
        `${lineOf('ISA')}-${lineOf('IEA')}`,
        `${lineOf('GS')}-${lineOf('GE')}`,
        `${lineOf('ST')}-${lineOf('SE*')}`,
      ]);
    });

    it('still folds a file cut off before its trailers, to its last segment', () => {
      const cut = text.slice(0, text.indexOf('SE*'));
      const cutDocument = x12Document(cut);
      const last = lineOf('SE*') - 1;
      assert.deepEqual(folds(cutDocument).slice(0, 3), [`0-${last}`, `1-${last}`, `2-${last}`]);
      assertWellFormed(cutDocument, service.getFoldingRanges(cutDocument, service.parse(cutDocument)));
    });

    it('folds nothing in a one-line file or an unreadable interchange', () => {
      assert.deepEqual(folds(x12Document(writeX12(x12Claims, { oneLine: true }))), []);
      assert.deepEqual(folds(x12Document('ISA*00*truncated\nGS*HC\n')), []);
    });

    it('drops folds a model older than the document names past its end', () => {
      const shorter = x12Document(text.slice(0, text.indexOf('LX*2')));
      const ranges = service.getFoldingRanges(shorter, service.parse(document));
      assert.ok(ranges.length > 0);
      assertWellFormed(shorter, ranges);
    });
  });
});
