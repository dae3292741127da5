/**
 * Property tests of the language service on random and mutated claim files
 * (fast-check, a fixed number of cases from a printed seed, so a failure can
 * be replayed with FUZZ_SEED=<seed>): nothing throws, every range returned
 * lies inside the document, reading is stable, and the editor's incremental
 * validator agrees with validating the whole text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol, Position, Range } from 'vscode-languageserver-types';
import { defaultSettings, getLanguageService } from '../../server/src/service/languageService';
import { repoRoot } from '../support/repoRoot';
import { decodeSemanticTokens } from '../support/semanticTokens';
import { x12Batch } from '../support/x12Batch';

const service = getLanguageService();
const settings = { ...defaultSettings, maxNumberOfProblems: 1e6 };
const seed = Number(process.env.FUZZ_SEED ?? 20261125);
const numRuns = Number(process.env.FUZZ_RUNS ?? 150);

const claimExample = fs.readFileSync(path.join(repoRoot(), 'examples', 'common-mistakes.claim'), 'utf8');
const x12Example = x12Batch(2, 3);

/** Pieces of claim files and of hostile input, joined by any line end. */
const claimPieces = [
  'claim CLM-1',
  'claim',
  'claim A B C',
  '  dos: 2026-03-14',
  '  dx: C50.411, R92.8',
  '  lesions: 3',
  '  lesions: -1',
  '  19283-RT   x1   $350.00   dx=A',
  '  19284-RT x2 $400 dx=A,B dos=2026-02-30',
  '  19284 x0 $ dx=Z',
  '  ab123-rt-lt-50-59-XS x99999',
  '# claim-lint-disable addon-without-primary -- reviewed',
  '  # claim-lint-disable-next-line not-a-rule',
  '\uFEFF',
  '\u0000\u0001\u007F',
  '😀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'ISA*00*',
  'SV1*HC:19284:RT*400*UN*2***1~',
];
const x12Pieces = ['~', '*', ':', '^', '|', '>', '\n', '\r\n', 'SV1*HC:19284:RT*400*UN*2***1~', 'CLM*X*1***11:B:1~', 'HI*ABK:C50411~', 'SE*1*0001~', 'HL*9**22~', 'LX*1~', '\u0000', '😀', 'IEA*1*1~'];
const lineEnds = ['\n', '\r\n', '\r'];

const claimTexts = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...claimPieces), fc.string({ maxLength: 30, unit: 'binary' })), fc.constantFrom(...lineEnds)), { maxLength: 40 })
  .map((lines) => lines.map(([line, end]) => line + end).join(''));

/** The example text with a few random cuts, insertions and duplications. */
function mutated(base: string, pieces: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 12, unit: 'binary' }), fc.constant('')));
  return fc.array(edit, { minLength: 1, maxLength: 8 }).map((edits) =>
    edits.reduce((text, [at, length, insert]) => {
      const start = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + length));
    }, base),
  );
}

const x12Texts = fc.oneof(mutated(x12Example, x12Pieces), mutated(x12Batch(1, 2, { oneLine: true }), x12Pieces), fc.string({ maxLength: 200, unit: 'binary' }).map((junk) => `ISA${junk}`));
const anyTexts = fc.oneof(claimTexts, mutated(claimExample, claimPieces), x12Texts, fc.constant('x'.repeat(1_000_000)));

function isInside(document: TextDocument, position: Position): boolean {
  return position.line >= 0 && position.character >= 0 && position.line < document.lineCount && document.positionAt(document.offsetAt(position)).character === position.character && document.positionAt(document.offsetAt(position)).line === position.line;
}

function assertRange(document: TextDocument, range: Range, what: string): void {
  assert.ok(isInside(document, range.start) && isInside(document, range.end), `${what}: ${JSON.stringify(range)} is outside the document`);
  assert.ok(document.offsetAt(range.start) <= document.offsetAt(range.end), `${what}: ${JSON.stringify(range)} ends before it starts`);
}

function assertSymbols(document: TextDocument, symbols: readonly DocumentSymbol[]): void {
  for (const symbol of symbols) {
    assertRange(document, symbol.range, 'symbol');
    assertRange(document, symbol.selectionRange, 'symbol selection');
    assertSymbols(document, symbol.children ?? []);
  }
}

/** Every feature on the document, with the checks that hold for any text. */
function exercise(text: string, languageId: 'claim' | 'x12'): void {
  const document = TextDocument.create(`file:///fuzz.${languageId}`, languageId, 1, text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model, settings);
  diagnostics.forEach((diagnostic) => assertRange(document, diagnostic.range, `diagnostic ${String(diagnostic.code)}`));
  assert.deepEqual(service.doValidation(document, service.parse(document), settings), diagnostics, 'the same text gives the same diagnostics');
  assert.deepEqual(service.createDocumentValidator().validate(document, settings), diagnostics, 'the editor validator agrees');
  assertSymbols(document, service.findDocumentSymbols(document, model));
  const middle = { start: document.positionAt(Math.floor(text.length / 3)), end: document.positionAt(Math.floor((2 * text.length) / 3)) };
  for (const tokens of [service.getSemanticTokens(document, model), service.getSemanticTokens(document, service.parseClaimAround(document, middle.start.line, middle.end.line), middle)]) {
    let previous: Position = { line: 0, character: 0 };
    for (const token of decodeSemanticTokens(tokens)) {
      const range = { start: { line: token.line, character: token.character }, end: { line: token.line, character: token.character + token.length } };
      assertRange(document, range, `semantic token ${token.type}`);
      assert.ok(token.length > 0 && document.offsetAt(previous) <= document.offsetAt(range.start), `semantic token ${JSON.stringify(token)} overlaps the one before`);
      previous = range.end;
    }
  }
  for (const diagnostic of diagnostics.slice(0, 20)) {
    for (const action of service.getCodeActions(document, model, diagnostic.range, { diagnostics: [diagnostic] }, settings)) {
      for (const edit of action.edit?.changes?.[document.uri] ?? []) {
        assertRange(document, edit.range, `edit of '${action.title}'`);
      }
    }
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
    fc.assert(fc.property(anyTexts, (text) => exercise(text, 'claim')), { seed, numRuns });
  });

  it('never throws and keeps every range inside the document, read as X12', () => {
    fc.assert(fc.property(anyTexts, (text) => exercise(text, 'x12')), { seed: seed + 1, numRuns });
  });

  it('found: a range ending between the \\r and \\n of a line end (X12 text of one non-BMP character and CRLF)', () => {
    const document = TextDocument.create('file:///found.837', 'x12', 1, '\u{10000}\r\n');
    const [diagnostic] = service.doValidation(document, service.parse(document));
    assert.equal(diagnostic?.code, 'x12-envelope');
    assert.deepEqual(diagnostic.range.end, { line: 0, character: 2 });
  });
});
