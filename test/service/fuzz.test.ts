/**
 * Property tests of the language service on random and mutated claim files
 * (fast-check, a fixed number of cases from a printed seed, so a failure can
 * be replayed with FUZZ_SEED=<seed>): nothing throws, every range returned
 * lies inside the document, reading is stable, and the editor's incremental
 * validator agrees with validating the whole text.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService } from '../../server/src/service';
import { anyTexts } from '../support/documents/fuzzTexts';
import { decodeSemanticTokens } from '../support/checks/semanticTokens';

const service = getLanguageService();
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

function isInside(document: TextDocument, position: Position): boolean {
  return (
    position.line >= 0 &&
    position.character >= 0 &&
    position.line < document.lineCount &&
    document.positionAt(document.offsetAt(position)).character === position.character &&
    document.positionAt(document.offsetAt(position)).line === position.line
  );
}

function assertRange(document: TextDocument, range: Range, what: string): void {
  assert.ok(
    isInside(document, range.start) && isInside(document, range.end),
    `${what}: ${JSON.stringify(range)} is outside the document`,
  );
  assert.ok(
    document.offsetAt(range.start) <= document.offsetAt(range.end),
    `${what}: ${JSON.stringify(range)} ends before it starts`,
  );
}

function assertSymbols(document: TextDocument, symbols: readonly DocumentSymbol[]): void {
  for (const symbol of symbols) {
    assertRange(document, symbol.range, 'symbol');
    assertRange(document, symbol.selectionRange, 'symbol selection');
    assertSymbols(document, symbol.children ?? []);
  }
}

/** Folding, definition and rename (issue 8), also where they have something to find: pointers, codes and claim ids. */
function exerciseNavigation(document: TextDocument): void {
  const model = service.parse(document);
  for (const fold of service.getFoldingRanges(document, model)) {
    assert.ok(
      fold.startLine >= 0 && fold.startLine < fold.endLine && fold.endLine < document.lineCount,
      `fold ${fold.startLine}-${fold.endLine} inside the document`,
    );
  }
  const text = document.getText();
  const length = text.length;
  const landmarks = ['dx=', 'claim ', 'CLM', '***', 'HC:']
    .map((landmark) => text.indexOf(landmark))
    .filter((index) => index !== -1)
    .map((index) => index + 3);
  for (const offset of [0, Math.floor(length / 2), length, ...landmarks]) {
    const position = document.positionAt(offset);
    const around = service.parseClaimAround(document, position.line);
    for (const link of service.findDefinition(document, around, position)) {
      [link.originSelectionRange, link.targetRange, link.targetSelectionRange].forEach(
        (range, i) => range && assertRange(document, range, `definition range ${i}`),
      );
    }
    const prepared = service.prepareRename(document, around, position);
    if (!('refusal' in prepared)) {
      assertRange(document, prepared.range, 'rename range');
    }
    const edit = service.doRename(document, around, position, 'CLM-FUZZ-1');
    for (const change of 'refusal' in edit ? [] : (edit.changes?.[document.uri] ?? [])) {
      assertRange(document, change.range, 'rename edit');
    }
  }
}

/** Every feature on the document, with the checks that hold for any text. */
function exercise(text: string, languageId: 'claim' | 'x12'): void {
  const document = TextDocument.create(`file:///fuzz.${languageId}`, languageId, 1, text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model, settings);
  diagnostics.forEach((diagnostic) => assertRange(document, diagnostic.range, `diagnostic ${String(diagnostic.code)}`));
  assert.deepEqual(
    service.doValidation(document, service.parse(document), settings),
    diagnostics,
    'the same text gives the same diagnostics',
  );
  assert.deepEqual(
    service.createDocumentValidator().validate(document, settings),
    diagnostics,
    'the editor validator agrees',
  );
  assertSymbols(document, service.findDocumentSymbols(document, model));
  const middle = {
    start: document.positionAt(Math.floor(text.length / 3)),
    end: document.positionAt(Math.floor((2 * text.length) / 3)),
  };
  for (const tokens of [
    service.getSemanticTokens(document, model),
    service.getSemanticTokens(document, service.parseClaimAround(document, middle.start.line, middle.end.line), middle),
  ]) {
    let previous: Position = { line: 0, character: 0 };
    for (const token of decodeSemanticTokens(tokens)) {
      const range = {
        start: { line: token.line, character: token.character },
        end: { line: token.line, character: token.character + token.length },
      };
      assertRange(document, range, `semantic token ${token.type}`);
      assert.ok(
        token.length > 0 && document.offsetAt(previous) <= document.offsetAt(range.start),
        `semantic token ${JSON.stringify(token)} overlaps the one before`,
      );
      previous = range.end;
    }
  }
  for (const diagnostic of diagnostics.slice(0, 20)) {
    for (const action of service.getCodeActions(
      document,
      model,
      diagnostic.range,
      { diagnostics: [diagnostic] },
      settings,
    )) {
      for (const edit of action.edit?.changes?.[document.uri] ?? []) {
        assertRange(document, edit.range, `edit of '${action.title}'`);
      }
    }
  }
  exerciseNavigation(document);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  for (const hint of service.getInlayHints(document, model, whole, settings)) {
    assertRange(document, { start: hint.position, end: hint.position }, 'inlay hint');
  }
  for (const lens of service.getCodeLenses(document, model).slice(0, 20)) {
    assertRange(document, service.resolveCodeLens(document, model, lens, settings).range, 'code lens');
  }
  const length = text.length;
  for (const offset of [0, 1, Math.floor(length / 3), Math.floor(length / 2), length - 1, length]) {
    const position = document.positionAt(Math.max(0, offset));
    const around = service.parseClaimAround(document, position.line);
    const hover = service.doHover(document, around, position);
    if (hover?.range) {
      assertRange(document, hover.range, 'hover');
    }
    for (const item of service.doComplete(document, around, position).items.slice(0, 50)) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) {
        assertRange(document, edit.range, `completion ${item.label}`);
      }
    }
  }
}

describe(`fuzzing the language service (seed ${seed}, ${numRuns} cases a property; replay with FUZZ_SEED)`, function () {
  this.timeout(120_000);

  it('never throws and keeps every range inside the document, read as .claim', () => {
    fc.assert(
      fc.property(anyTexts, (text) => exercise(text, 'claim')),
      { seed, numRuns },
    );
  });

  it('never throws and keeps every range inside the document, read as X12', () => {
    fc.assert(
      fc.property(anyTexts, (text) => exercise(text, 'x12')),
      { seed: seed + 1, numRuns },
    );
  });

  it('found: a range ending between the \\r and \\n of a line end (X12 text of one non-BMP character and CRLF)', () => {
    const document = TextDocument.create('file:///found.837', 'x12', 1, '\u{10000}\r\n');
    const [diagnostic] = service.doValidation(document, service.parse(document));
    assert.equal(diagnostic?.code, 'x12-envelope');
    assert.deepEqual(diagnostic.range.end, { line: 0, character: 2 });
  });
});
