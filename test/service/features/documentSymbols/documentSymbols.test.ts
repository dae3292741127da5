/**
 * The outline (issue 4): X12 interchange > functional group > transaction >
 * claims (CLM01) > service lines, also in one-line files and with missing
 * trailers; `.claim` claims > service lines. Every selection range lies in its
 * range and every child inside its parent.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, type Position, type Range, SymbolKind } from 'vscode-languageserver-types';
import { getDocumentSymbols } from '../../../../server/src/service/features/documentSymbols/documentSymbols';
import { parseClaimText } from '../../../../server/src/service/claimText/claimTextParser';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import { type ClaimToWrite, writeX12, type X12WriteOptions } from '../../../../server/src/service/x12/x12Writer';

function x12Symbols(text: string): { document: TextDocument; symbols: DocumentSymbol[] } {
  const document = TextDocument.create('file:///test/claims.837', 'x12', 1, text);
  return { document, symbols: getDocumentSymbols(document, parseX12Text(text)) };
}

function claimSymbols(text: string): { document: TextDocument; symbols: DocumentSymbol[] } {
  const document = TextDocument.create('file:///test/claims.claim', 'claim', 1, text);
  return { document, symbols: getDocumentSymbols(document, parseClaimText(text)) };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function within(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** Every selection range in its range, every child in its parent, siblings in order without overlap. */
function assertWellFormed(symbols: readonly DocumentSymbol[], parent?: DocumentSymbol): void {
  symbols.forEach((symbol, i) => {
    assert.ok(symbol.name.length > 0, 'a symbol has a name');
    assert.ok(within(symbol.range, symbol.selectionRange), `${symbol.name}: selection range inside its range`);
    if (parent) {
      assert.ok(within(parent.range, symbol.range), `${symbol.name} inside ${parent.name}`);
    }
    const next = symbols[i + 1];
    if (next) {
      assert.ok(before(symbol.range.end, next.range.start), `${symbol.name} ends before ${next.name} starts`);
    }
    assertWellFormed(symbol.children ?? [], symbol);
  });
}

/** Every claim (a Struct symbol) of the outline, in order, wherever the guide's loops nest it. */
function claimsIn(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => (symbol.kind === SymbolKind.Struct ? [symbol] : claimsIn(symbol.children ?? [])));
}

function only<T>(items: readonly T[] | undefined, what: string): T {
  assert.equal(items?.length, 1, `one ${what}`);
  return items[0] as T;
}

const claims: ClaimToWrite[] = [
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
  { id: 'CLM-C', diagnoses: ['R92.8'], lines: [{ code: '19285', modifiers: ['LT', '59'], charge: 300.5, units: 1 }] },
];

describe('document symbols', () => {
  describe('X12 837P', () => {
    const { document, symbols } = x12Symbols(writeX12(claims, { controlNumber: 42 }));

    it('nests interchange > functional group > transaction, named by their control numbers', () => {
      const interchange = only(symbols, 'interchange');
      assert.equal(interchange.name, 'Interchange 000000042');
      assert.equal(interchange.detail, 'SUBMITTERID → RECEIVERID');
      assert.equal(interchange.kind, SymbolKind.Package);
      assert.equal(document.getText(interchange.selectionRange), '000000042');
      const group = only(interchange.children, 'functional group');
      assert.equal(group.name, 'Group 42');
      assert.equal(group.detail, 'HC · 005010X222A1');
      assert.equal(document.getText(group.selectionRange), '42');
      const transaction = only(group.children, 'transaction');
      assert.equal(transaction.name, 'Transaction 0001');
      assert.equal(transaction.detail, '837 · 005010X222A1');
      assert.equal(document.getText(transaction.selectionRange), '0001');
    });

    it('spans the interchange from ISA to IEA, the group from GS to GE, the transaction from ST to SE', () => {
      const interchange = only(symbols, 'interchange');
      const group = only(interchange.children, 'group');
      const transaction = only(group.children, 'transaction');
      assert.match(document.getText(interchange.range), /^ISA\*[\s\S]*IEA\*1\*000000042$/);
      assert.match(document.getText(group.range), /^GS\*[\s\S]*GE\*1\*42$/);
      assert.match(document.getText(transaction.range), /^ST\*[\s\S]*SE\*\d+\*0001$/);
    });

    it('lists several CLM loops of one transaction as claims named by CLM01, with line count and total charge', () => {
      const claimSymbols = claimsIn(symbols);
      assert.deepEqual(
        claimSymbols.map((s) => s.name),
        ['CLM-A', 'CLM-B', 'CLM-C'],
      );
      assert.deepEqual(
        claimSymbols.map((s) => s.detail),
        // The writer dates each line (loop 2400), as 005010X222A1 does; a claim-level DTP*472 is tested below.
        ['2 lines · total $750.00', '1 line · total $200.00', '1 line · total $300.50'],
      );
      assert.deepEqual(
        claimSymbols.map((s) => document.getText(s.selectionRange)),
        ['CLM-A', 'CLM-B', 'CLM-C'],
      );
      assert.ok(claimSymbols.every((s) => s.kind === SymbolKind.Struct));
      // A claim ends before the next subscriber level (HL) starts.
      const first = claimSymbols[0];
      assert.ok(first);
      assert.match(
        document.getText(first.range),
        /^CLM\*CLM-A\*750[\s\S]*SV1\*HC:19284:RT\*400\*UN\*2\*\*\*1~\nDTP\*472\*D8\*20260314$/,
      );
    });

    it('lists service lines by code and modifiers, with units and charge, from LX to the end of the line loop', () => {
      const claimList = claimsIn(symbols);
      const lines = claimList.map((claim) =>
        (claim.children ?? []).map((line) => `${line.name} (${line.detail ?? ''})`),
      );
      assert.deepEqual(lines, [
        ['19283-RT (1 unit · $350.00)', '19284-RT (2 units · $400.00)'],
        ['19284-LT (1 unit · $200.00)'],
        ['19285-LT-59 (1 unit · $300.50)'],
      ]);
      const line = claimList[0]?.children?.[1];
      assert.ok(line);
      assert.equal(line.kind, SymbolKind.Field);
      assert.equal(document.getText(line.selectionRange), '19284');
      assert.equal(document.getText(line.range), 'LX*2~\nSV1*HC:19284:RT*400*UN*2***1~\nDTP*472*D8*20260314');
    });

    it('keeps every range well formed', () => {
      assertWellFormed(symbols);
    });

    it("nests the guide's loops in the transaction, named as the guide names them, claims under their subscriber", () => {
      const transaction = only(only(only(symbols, 'interchange').children, 'group').children, 'transaction');
      const outline = (list: readonly DocumentSymbol[]): unknown[] =>
        list.map((symbol) =>
          symbol.children && symbol.kind !== SymbolKind.Struct ? [symbol.name, outline(symbol.children)] : symbol.name,
        );
      assert.deepEqual(outline(transaction.children ?? []), [
        '1000A Submitter Name',
        '1000B Receiver Name',
        [
          '2000A Billing Provider Hierarchical Level',
          [
            '2010AA Billing Provider Name',
            ['2000B Subscriber Hierarchical Level', ['2010BA Subscriber Name', '2010BB Payer Name', 'CLM-A']],
            ['2000B Subscriber Hierarchical Level', ['2010BA Subscriber Name', '2010BB Payer Name', 'CLM-B']],
            ['2000B Subscriber Hierarchical Level', ['2010BA Subscriber Name', '2010BB Payer Name', 'CLM-C']],
          ],
        ],
      ]);
      const subscriber = transaction.children?.[2]?.children?.[1];
      assert.equal(subscriber?.detail, 'HL 2', 'an HL loop says its HL01');
      assert.equal(subscriber?.kind, SymbolKind.Class);
      assert.equal(document.getText(subscriber?.selectionRange ?? transaction.range), 'HL');
    });

    it('shows a transaction that is not an 837P, with nothing inside it', () => {
      const institutional = x12Symbols(
        writeX12(claims, { controlNumber: 42 }).replace('ST*837*0001*005010X222A1', 'ST*837*0001*005010X223A2'),
      );
      const transaction = only(
        only(only(institutional.symbols, 'interchange').children, 'group').children,
        'transaction',
      );
      assert.equal(transaction.detail, '837 · 005010X223A2');
      assert.equal(transaction.children, undefined);
    });

    it('builds the same outline from a one-line file with | and > separators', () => {
      const options: X12WriteOptions = {
        separators: { element: '|', component: '>' },
        oneLine: true,
        controlNumber: 42,
      };
      const oneLine = x12Symbols(writeX12(claims, options));
      assertWellFormed(oneLine.symbols);
      const oneLineClaims = claimsIn(oneLine.symbols);
      assert.deepEqual(
        oneLineClaims.map((claim) => [claim.name, ...(claim.children ?? []).map((line) => line.name)]),
        [
          ['CLM-A', '19283-RT', '19284-RT'],
          ['CLM-B', '19284-LT'],
          ['CLM-C', '19285-LT-59'],
        ],
      );
      assert.equal(
        oneLine.document.getText(oneLineClaims[2]?.children?.[0]?.selectionRange ?? oneLine.symbols[0]?.range),
        '19285',
      );
      assert.ok(oneLine.symbols.every((s) => s.range.start.line === 0 && s.range.end.line === 0));
    });

    it('still nests a file cut off before its trailers, and names an empty CLM01', () => {
      const full = writeX12(claims);
      const cut = full.slice(0, full.indexOf('SE*')).replace('CLM*CLM-B*', 'CLM**');
      const { symbols: cutSymbols } = x12Symbols(cut);
      assertWellFormed(cutSymbols);
      assert.deepEqual(
        claimsIn(cutSymbols).map((claim) => claim.name),
        ['CLM-A', '(unnamed claim)', 'CLM-C'],
      );
    });

    it("takes a line's own DTP*472 for the line, not as the claim's date of service", () => {
      const lineDated = x12Symbols(
        writeX12([{ id: 'CLM-D', diagnoses: ['R92.8'], lines: [{ code: '19283', charge: 350, dos: '2026-04-01' }] }]),
      );
      const claim = only(claimsIn(lineDated.symbols), 'claim');
      assert.equal(claim.detail, '1 line · total $350.00');
    });

    it('takes a DTP*472 before the first LX, which some files carry in loop 2300, as the claim date of service', () => {
      const claimDated = x12Symbols(
        writeX12([{ id: 'CLM-F', diagnoses: ['R92.8'], lines: [{ code: '19283', charge: 350 }] }]).replace(
          'HI*',
          'DTP*472*D8*20260402~\nHI*',
        ),
      );
      const claim = only(claimsIn(claimDated.symbols), 'claim');
      assert.equal(claim.detail, '1 line · 2026-04-02 · total $350.00');
    });

    it('writes amounts as the CodeLens does, with thousands commas: $1,200.00', () => {
      const large = x12Symbols(
        writeX12([
          {
            id: 'CLM-E',
            diagnoses: ['R92.8'],
            lines: [
              { code: '19081', charge: 1200 },
              { code: '19283', charge: 12345.5 },
            ],
          },
        ]),
      );
      const claim = only(claimsIn(large.symbols), 'claim');
      assert.equal(claim.detail, '2 lines · total $13,545.50');
      assert.deepEqual(
        claim.children?.map((line) => line.detail),
        ['1 unit · $1,200.00', '1 unit · $12,345.50'],
      );
    });

    it('keeps every range inside the document when the model is of an older, longer version', () => {
      const text = writeX12(claims, { controlNumber: 42 });
      const shorter = TextDocument.create('file:///test/claims.837', 'x12', 2, text.slice(0, text.indexOf('LX*2')));
      const stale = getDocumentSymbols(shorter, parseX12Text(text));
      const end = shorter.positionAt(shorter.getText().length);
      const inside = (list: readonly DocumentSymbol[]): boolean =>
        list.every((s) => before(s.range.end, end) && before(s.selectionRange.end, end) && inside(s.children ?? []));
      assert.ok(stale.length > 0);
      assert.ok(inside(stale));
      assertWellFormed(stale);
    });

    it('gives no symbols when the interchange cannot be read', () => {
      assert.deepEqual(x12Symbols('ISA*00*truncated').symbols, []);
    });
  });

  describe('.claim', () => {
    const text = [
      '  19281-LT   x1   $100.00',
      'claim CLM-2026-0001',
      '  dos: 2026-03-14',
      '  dx: C50.411',
      '',
      '  19283-RT   x1   $350.00   dx=A',
      '  19284-RT   x2   $400.00   dx=A',
      '',
      'claim CLM-2026-0002',
      '  dx: N63.20',
      '  19285',
    ].join('\n');
    const { document, symbols } = claimSymbols(text);

    it('lists claims by id, the lines before the first claim line as the unnamed claim', () => {
      assert.deepEqual(
        symbols.map((s) => s.name),
        ['(unnamed claim)', 'CLM-2026-0001', 'CLM-2026-0002'],
      );
      assert.equal(document.getText(symbols[1]?.selectionRange ?? symbols[0]?.range), 'CLM-2026-0001');
      assert.equal(symbols[1]?.detail, '2 lines · 2026-03-14');
    });

    it('lists service lines by code and modifiers, with units and charge', () => {
      assert.deepEqual(
        symbols.map((claim) => (claim.children ?? []).map((line) => `${line.name} (${line.detail ?? ''})`)),
        [
          ['19281-LT (1 unit · $100.00)'],
          ['19283-RT (1 unit · $350.00)', '19284-RT (2 units · $400.00)'],
          ['19285 (1 unit)'],
        ],
      );
      assert.equal(document.getText(symbols[1]?.children?.[1]?.selectionRange ?? symbols[0]?.range), '19284');
    });

    it('writes a charge as the CodeLens does, with thousands commas: $1,200.00', () => {
      const { symbols: large } = claimSymbols('claim CLM-1\n  dx: C50.411\n  19081-RT x1 $1200 dx=A');
      assert.equal(large[0]?.children?.[0]?.detail, '1 unit · $1,200.00');
    });

    it('keeps every range well formed', () => {
      assertWellFormed(symbols);
    });

    it('widens a claim to hold its lines when a stale model says otherwise', () => {
      const stale = parseClaimText(text);
      const claim = stale.claims[1];
      assert.ok(claim);
      claim.range = { start: claim.range.start, end: { line: claim.range.start.line, character: 5 } };
      const widened = getDocumentSymbols(document, stale);
      assertWellFormed(widened);
      assert.equal(widened[1]?.range.end.line, 6, 'the claim reaches its last line');
    });

    it("never puts the patient's name into a name or detail, which breadcrumbs show", () => {
      const { symbols: withPatient } = claimSymbols(
        'claim CLM-P\n  patient: DOE, JANE\n  provider: SMITH, ANN MD\n  19283-RT x1\n',
      );
      const shown = JSON.stringify(
        withPatient.map((claim) => [
          claim.name,
          claim.detail,
          ...(claim.children ?? []).flatMap((line) => [line.name, line.detail]),
        ]),
      );
      assert.match(shown, /CLM-P/);
      assert.doesNotMatch(shown, /DOE|JANE|SMITH/);
    });

    it('gives no symbols for a document without claims', () => {
      assert.deepEqual(claimSymbols('# nothing here\n').symbols, []);
    });
  });
});
