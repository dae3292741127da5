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
import { type ClaimLanguageService, defaultSettings, getLanguageService } from '../../server/src/service';
import { serviceWith } from '../support/inMemoryOfficialData';
import { anyTexts } from '../support/documents/fuzzTexts';
import { decodeSemanticTokens } from '../support/checks/semanticTokens';

const service = getLanguageService();
const plainService = service;

/**
 * A service with every kind of official table loaded, on the codes the fuzz texts use (19283, 19284, 19281,
 * C50.411, R92.8, 99213, G0279), so the rules and features that read them run on broken text too.
 */
const officialService = serviceWith({
  diagnoses: [
    { code: 'C50411', billable: true, short: 'Right', long: 'A right breast condition, in our test words' },
    { code: 'C5041', billable: false, short: 'Header', long: 'A breast condition header, in our test words' },
    { code: 'R928', billable: true, short: 'Imaging', long: 'An imaging finding, in our test words' },
  ],
  hcpcs: [{ code: 'G0279', short: 'Test', long: 'A test descriptor', terminated: '2026-01-31' }],
  ptp: [
    { column1: '19281', column2: '19283', indicator: 1 },
    { column1: '19283', column2: '99213', indicator: 0 },
  ],
  addOns: [
    { addOn: '19284', type: 1, primaries: ['19283'] },
    { addOn: '19282', type: 2 },
  ],
  fees: [
    { code: '19283', bilateral: 1, globalDays: '000' },
    { code: '19281', bilateral: 3, globalDays: '090' },
  ],
});
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

/** The length of a line without its line end. */
function lineLength(document: TextDocument, line: number): number {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/(\r\n|\r|\n)$/, '').length;
}

/**
 * A position of the document: on one of its lines, at most at that line's end (never past it, where an
 * editor would put it on the next line or clamp it), and the position its offset maps back to.
 */
function isInside(document: TextDocument, position: Position): boolean {
  if (position.line < 0 || position.character < 0 || position.line >= document.lineCount) {
    return false;
  }
  const offset = document.offsetAt(position);
  const back = document.positionAt(offset);
  return (
    offset <= document.getText().length &&
    position.character <= lineLength(document, position.line) &&
    back.line === position.line &&
    back.character === position.character
  );
}

function assertRange(document: TextDocument, range: Range, what: string): void {
  assert.ok(
    isInside(document, range.start) && isInside(document, range.end),
    `${what}: ${JSON.stringify(range)} is outside the document (or past the end of a line)`,
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
function exerciseNavigation(document: TextDocument, service: ClaimLanguageService): void {
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
function exercise(text: string, languageId: 'claim' | 'x12', service: ClaimLanguageService = plainService): void {
  const document = TextDocument.create(`file:///fuzz.${languageId}`, languageId, 1, text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model, settings);
  for (const diagnostic of diagnostics) {
    assertRange(document, diagnostic.range, `diagnostic ${String(diagnostic.code)}`);
    for (const related of diagnostic.relatedInformation ?? []) {
      assertRange(document, related.location.range, `related information of ${String(diagnostic.code)}`);
    }
  }
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
  exerciseNavigation(document, service);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
  for (const hint of service.getInlayHints(document, model, whole, settings)) {
    assertRange(document, { start: hint.position, end: hint.position }, 'inlay hint');
  }
  for (const lens of service.getCodeLenses(document, model).slice(0, 20)) {
    assertRange(document, service.resolveCodeLens(document, model, lens, settings).range, 'code lens');
  }
  const length = text.length;
  const lineEnds = Array.from({ length: Math.min(document.lineCount, 8) }, (_, line) =>
    document.offsetAt({ line, character: lineLength(document, line) }),
  );
  const offsets = [0, 1, Math.floor(length / 3), Math.floor(length / 2), length - 1, length, ...lineEnds];
  for (const offset of new Set(offsets)) {
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
      } else if (edit) {
        assertRange(document, edit.insert, `completion ${item.label} (insert)`);
        assertRange(document, edit.replace, `completion ${item.label} (replace)`);
      }
      for (const additional of item.additionalTextEdits ?? []) {
        assertRange(document, additional.range, `completion ${item.label} (additional edit)`);
      }
    }
    for (const location of service.findCodeReferences(document, model, position)?.locations ?? []) {
      assertRange(document, location.range, 'reference');
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

  it('never throws and keeps every range inside the document with official data loaded, in both formats', () => {
    fc.assert(
      fc.property(anyTexts, fc.boolean(), (text, x12) => exercise(text, x12 ? 'x12' : 'claim', officialService)),
      { seed: seed + 2, numRuns },
    );
  });

  it('found: a range ending between the \\r and \\n of a line end (X12 text of one non-BMP character and CRLF)', () => {
    const document = TextDocument.create('file:///found.837', 'x12', 1, '\u{10000}\r\n');
    const [diagnostic] = service.doValidation(document, service.parse(document));
    assert.equal(diagnostic?.code, 'x12-envelope');
    assert.deepEqual(diagnostic.range.end, { line: 0, character: 2 });
  });

  it('found: an empty modifier, or a field with no value, at the end of a line is reported inside the line', () => {
    for (const [text, code, range] of [
      ['claim A\n  19281-', 'bad-modifier', [1, 7, 1, 8]],
      ['claim A\n  19281-\n', 'bad-modifier', [1, 7, 1, 8]],
      ['claim A\n  19281-RT-\r\n', 'bad-modifier', [1, 10, 1, 11]],
      ['claim A\n  19281 dos=', 'bad-field', [1, 8, 1, 12]],
      ['claim A\n  19281 lesions=\n', 'bad-field', [1, 8, 1, 16]],
    ] as const) {
      const document = TextDocument.create('file:///found.claim', 'claim', 1, text);
      const found = service.doValidation(document, service.parse(document)).filter((d) => d.code === code);
      assert.deepEqual(
        found.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]),
        [range],
        JSON.stringify(text),
      );
    }
  });
});
