/**
 * The outline of a huge file is bounded (issue 20): claims are listed whole
 * until the symbol limit, the rest are counted in one last root symbol that
 * spans them, and the outline is made in steps whose result is the outline
 * made at once. Caps are injected small, so the counts are exact and cheap.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import {
  getDocumentSymbols,
  getDocumentSymbolsInSteps,
} from '../../../../server/src/service/features/documentSymbols/documentSymbols';
import { parseClaimText } from '../../../../server/src/service/claimText/claimTextParser';
import { parseX12Text } from '../../../../server/src/service/x12/x12ClaimParser';
import { modelReadingNothingWhole } from '../../../support/checks/readCounting';
import { x12Batch } from '../../../support/documents/x12Batch';

/** `count` claims of one claim line and one service line each: two symbols a claim. */
function claimsText(count: number): string {
  return Array.from({ length: count }, (_, n) => `claim C${n}\n  19283-RT x1 $350.00\n`).join('');
}

function claimDocument(text: string): TextDocument {
  return TextDocument.create('file:///test/huge.claim', 'claim', 1, text);
}

function outline(text: string, maxSymbols: number): DocumentSymbol[] {
  const document = claimDocument(text);
  return getDocumentSymbols(document, parseClaimText(text), { maxSymbols });
}

/** The claims a symbol list holds at any depth (Struct symbols). */
function claimsIn(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((symbol) => [
    ...(symbol.kind === SymbolKind.Struct ? [symbol] : []),
    ...claimsIn(symbol.children ?? []),
  ]);
}

function moreSymbols(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.filter((symbol) => symbol.kind === SymbolKind.Array);
}

describe('the outline of a huge file is capped', () => {
  const fiveThousand = claimsText(5000);

  it('lists whole claims up to the limit, then one symbol counting the rest and spanning them', () => {
    const symbols = outline(fiveThousand, 100);
    assert.equal(symbols.length, 51, '50 claims of two symbols, then the count of the rest');
    assert.deepEqual(
      symbols.slice(0, 50).map((symbol) => symbol.name),
      Array.from({ length: 50 }, (_, n) => `C${n}`),
    );
    const [more] = moreSymbols(symbols);
    assert.ok(more);
    assert.equal(symbols.at(-1), more, 'the count is the last root symbol');
    assert.equal(more.name, '4,950 more claims');
    assert.match(more.detail ?? '', /not listed: the outline stops after 100 symbols/);
    assert.deepEqual(more.range, { start: { line: 100, character: 0 }, end: { line: 10_000, character: 0 } });
    assert.deepEqual(more.selectionRange, { start: { line: 100, character: 0 }, end: { line: 100, character: 0 } });
  });

  it('keeps the claim that reaches the limit whole', () => {
    const symbols = outline(fiveThousand, 101);
    const listed = claimsIn(symbols);
    assert.equal(listed.length, 51);
    assert.equal(listed.at(-1)?.children?.length, 1, 'the 51st claim keeps its service line');
    assert.equal(moreSymbols(symbols)[0]?.name, '4,949 more claims');
  });

  it('lists the same first claims as an outline without a cap', () => {
    const capped = outline(fiveThousand, 400);
    const uncapped = outline(fiveThousand, Number.MAX_SAFE_INTEGER);
    assert.equal(uncapped.length, 5000);
    assert.deepEqual(moreSymbols(uncapped), []);
    assert.deepEqual(capped.slice(0, 200), uncapped.slice(0, 200));
  });

  it('adds nothing to a file within the limit, nor for one claim left', () => {
    assert.deepEqual(moreSymbols(outline(claimsText(50), 100)), []);
    assert.equal(outline(claimsText(50), 100).length, 50);
    assert.equal(moreSymbols(outline(claimsText(51), 100))[0]?.name, '1 more claim');
  });

  it('counts an unnamed claim before the first claim line like any other', () => {
    const symbols = outline(`19283-RT x1 $350.00\n${claimsText(3)}`, 1);
    assert.deepEqual(
      symbols.map((symbol) => symbol.name),
      ['(unnamed claim)', '3 more claims'],
    );
  });

  it('reads a `.claim` file from its text, never all of its model’s claims', () => {
    const document = claimDocument(fiveThousand);
    const symbols = getDocumentSymbols(document, modelReadingNothingWhole(parseClaimText(fiveThousand)), {
      maxSymbols: 10,
    });
    assert.equal(symbols.length, 6);
  });

  it('an 837: the claims listed and the claims counted add up to the file’s CLMs, the count at the root', () => {
    const text = x12Batch(3, 40);
    const document = TextDocument.create('file:///test/huge.837', 'x12', 1, text);
    const symbols = getDocumentSymbols(document, parseX12Text(text), { maxSymbols: 60 });
    const listed = claimsIn(symbols).length;
    const [more] = moreSymbols(symbols);
    assert.ok(more, 'the outline is capped');
    assert.equal(symbols.at(-1), more);
    assert.ok(listed > 0 && listed < 120, `${listed} claims listed`);
    assert.equal(more.name, `${120 - listed} more claims`);
    const lines = text.split('\n');
    assert.equal(more.selectionRange.start.line, more.range.start.line, 'it starts at its selection');
    assert.match(lines[more.range.start.line] ?? '', /^CLM\*/, 'which is the first unlisted claim’s CLM');
    const listedClmLines = lines.slice(0, more.range.start.line).filter((line) => line.startsWith('CLM*')).length;
    assert.equal(listedClmLines, listed, 'every CLM above it is listed');
    const uncapped = getDocumentSymbols(document, parseX12Text(text), { maxSymbols: Number.MAX_SAFE_INTEGER });
    assert.equal(claimsIn(uncapped).length, 120);
    assert.deepEqual(moreSymbols(uncapped), []);
  });

  it('in steps: more than one step on a large file, progress never going back, the result the outline made at once', () => {
    for (const [text, languageId] of [
      [fiveThousand, 'claim'],
      [x12Batch(2, 2000), 'x12'],
    ] as const) {
      const document = TextDocument.create(`file:///test/huge.${languageId}`, languageId, 1, text);
      const model = () => (languageId === 'claim' ? parseClaimText(text) : parseX12Text(text));
      const run = getDocumentSymbolsInSteps(document, languageId === 'x12', model, { maxSymbols: 1000 });
      const fractions: number[] = [];
      let step = run.next();
      while (step.done !== true) {
        fractions.push(step.value.fraction);
        step = run.next();
      }
      assert.ok(fractions.length > 1, `${languageId}: ${fractions.length} steps`);
      assert.deepEqual(
        fractions,
        [...fractions].sort((a, b) => a - b),
        `${languageId}: progress never goes back`,
      );
      assert.deepEqual(step.value, getDocumentSymbols(document, model(), { maxSymbols: 1000 }));
    }
  });
});
