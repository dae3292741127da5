// Why this exists: the X12 TextMate grammar is plain JSON the compiler never checks, and it has to
// guess the separators (they are only known from ISA at run time). These tests tokenize 837P files
// with the engine VS Code itself uses (vscode-textmate + vscode-oniguruma), one segment per line and
// all on one line, with `*`/`:` and `|`/`>` separators, so that a scope regression fails the build.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import { loadGrammar } from '../support/checks/textMateGrammar';
import { writeX12 } from '../../server/src/service';
import { repoRoot } from '../support/repoRoot';

const SEGMENT_ID = 'entity.name.tag.segment-id.x12';
const KEYWORD = 'keyword.control.segment-id.x12';
const ELEMENT = 'punctuation.separator.element.x12';
const COMPONENT = 'punctuation.separator.component.x12';
const TERMINATOR = 'punctuation.terminator.segment.x12';
const QUALIFIER = 'constant.language.qualifier.x12';
const PROCEDURE_CODE = 'constant.other.procedure-code.x12';
const PROCEDURE_CODE_COLOUR = 'support.function.procedure-code.x12';
const MODIFIER = 'storage.modifier.x12-modifier.x12';
const ICD10 = 'constant.other.icd10.x12';
const ICD10_COLOUR = 'variable.other.constant.icd10.x12';
const NUMBER = 'constant.numeric.x12';
const CHARGE = 'constant.numeric.charge.x12';
const UNITS = 'constant.numeric.units.x12';
const POINTER = 'constant.numeric.diagnosis-pointer.x12';
const DATE = 'constant.numeric.date.x12';

/** A two-line 837P (written like `writeX12` output), with `*`, `:` and `~` then a line break. */
const SAMPLE_SEGMENTS = [
  'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:',
  'GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*1*X*005010X222A1',
  'ST*837*0001*005010X222A1',
  'BHT*0019*00*0001*20260314*1200*CH',
  'NM1*41*2*SUBMITTER PLACEHOLDER*****46*SUBMITTERID',
  'PER*IC*CONTACT PLACEHOLDER*TE*5555550100',
  'HL*1**20*1',
  'NM1*85*2*BILLING PROVIDER PLACEHOLDER*****XX*1234567893',
  'REF*EI*000000000',
  'HL*2*1*22*0',
  'SBR*P*18*******CI',
  'NM1*IL*1*DOE*JANE****MI*MEMBERID',
  'CLM*CLM-2026-0001*750***11:B:1*Y*A*Y*Y',
  'DTP*472*D8*20260314',
  'HI*ABK:C50411*ABF:R928',
  'LX*1',
  'SV1*HC:19283:RT*350*UN*1***1',
  'LX*2',
  'SV1*HC:19284:RT:59*400*UN*2***1:2',
  'SE*19*0001',
  'GE*1*1',
  'IEA*1*000000001',
];

interface Separators {
  readonly element: string;
  readonly component: string;
  /** What follows each segment: `~`, `~\n`, or `\n` alone. */
  readonly end: string;
}

/** The sample with other separators; the sample's data holds no `*`, `:` or `~` of its own. */
function render({ element, component, end }: Separators): string {
  return SAMPLE_SEGMENTS.map((s) => s.replaceAll('*', element).replaceAll(':', component) + end).join('');
}

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
  /** Offset in the whole document. */
  readonly start: number;
}

interface Tokenized {
  readonly source: string;
  readonly tokens: readonly Token[];
}

/** Tokenizes line by line as the editor does, with each token's offset in the whole document. */
function tokenize(grammar: vsctm.IGrammar, source: string): Tokenized {
  let state = vsctm.INITIAL;
  let lineStart = 0;
  const tokens: Token[] = [];
  for (const text of source.split('\n')) {
    const result = grammar.tokenizeLine(text, state);
    assert.ok(!result.stoppedEarly, `tokenizing stopped early on ${JSON.stringify(text.slice(0, 80))}`);
    state = result.ruleStack;
    for (const t of result.tokens) {
      if (t.endIndex > t.startIndex) {
        tokens.push({ text: text.slice(t.startIndex, t.endIndex), scopes: t.scopes, start: lineStart + t.startIndex });
      }
    }
    lineStart += text.length + 1;
  }
  return { source, tokens };
}

function listTokens(tokens: readonly Token[]): string {
  return tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.slice(1).join(' ')}`).join('\n');
}

/**
 * The tokens of the `occurrence`-th segment with this id (from 1), found in the source text itself
 * (at the document start, or after `~` or a line break), through its `~` when it has one.
 */
function segment(doc: Tokenized, id: string, occurrence = 1): Token[] {
  const starts = [...doc.source.matchAll(new RegExp(`(?:^|[~\\n])[ \\t]*(${id})(?=[*|~\\n]|$)`, 'g'))].map(
    (m) => m.index + m[0].length - id.length,
  );
  const start = starts[occurrence - 1];
  assert.ok(start !== undefined, `no segment ${id} (#${occurrence}) in the document`);
  const tilde = doc.source.indexOf('~', start);
  const newline = doc.source.indexOf('\n', start);
  const candidates = [tilde === -1 ? Infinity : tilde + 1, newline === -1 ? Infinity : newline, doc.source.length];
  const end = Math.min(...candidates);
  const tokens = doc.tokens.filter((t) => t.start >= start && t.start < end);
  assert.equal(tokens[0]?.start, start, `no token starts where segment ${id} starts:\n${listTokens(tokens)}`);
  return tokens;
}

/** The token that is exactly `text` (the `occurrence`-th such token of the segment, from 1). */
function tokenOf(tokens: readonly Token[], text: string, occurrence = 1): Token {
  const token = tokens.filter((t) => t.text === text)[occurrence - 1];
  assert.ok(token !== undefined, `no token ${JSON.stringify(text)} (#${occurrence}) in:\n${listTokens(tokens)}`);
  return token;
}

function assertScope(tokens: readonly Token[], text: string, scopes: string | readonly string[], occurrence = 1): void {
  const token = tokenOf(tokens, text, occurrence);
  for (const scope of typeof scopes === 'string' ? [scopes] : scopes) {
    assert.ok(
      token.scopes.includes(scope),
      `${JSON.stringify(text)} (#${occurrence}) has scopes [${token.scopes.join(', ')}], expected ${scope}`,
    );
  }
}

function assertNoScope(tokens: readonly Token[], text: string, scope: string, occurrence = 1): void {
  const token = tokenOf(tokens, text, occurrence);
  assert.ok(
    !token.scopes.some((s) => s.startsWith(scope)),
    `${JSON.stringify(text)} has scopes [${token.scopes.join(', ')}], did not expect ${scope}`,
  );
}

/** The segments as the X12 lexer reads them: text between terminators, line breaks trimmed. */
function segmentsOf(source: string, terminator: string): Array<{ start: number; text: string }> {
  const result: Array<{ start: number; text: string }> = [];
  let offset = 0;
  for (const raw of source.split(terminator)) {
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text !== '') {
      result.push({ start: offset + lead, text });
    }
    offset += raw.length + terminator.length;
  }
  return result;
}

describe('X12 TextMate grammar', () => {
  let grammar: vsctm.IGrammar;
  const grammarPath = path.join(repoRoot(), 'syntaxes', 'x12.tmLanguage.json');

  before(async () => {
    grammar = await loadGrammar('source.x12', 'x12.tmLanguage.json');
  });

  it('is the source.x12 grammar', () => {
    const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { scopeName?: unknown };
    assert.equal(raw.scopeName, 'source.x12');
  });

  const layouts: ReadonlyArray<{ title: string; separators: Separators }> = [
    { title: 'one segment per line, * : ~', separators: { element: '*', component: ':', end: '~\n' } },
    { title: 'one single line, * : ~', separators: { element: '*', component: ':', end: '~' } },
    { title: 'one segment per line, | > ~', separators: { element: '|', component: '>', end: '~\n' } },
    { title: 'one single line, | > ~', separators: { element: '|', component: '>', end: '~' } },
    { title: 'a line break alone as terminator, * :', separators: { element: '*', component: ':', end: '\n' } },
  ];

  for (const { title, separators } of layouts) {
    describe(`an 837P file, ${title}`, () => {
      const { element, component, end } = separators;
      const source = render(separators);
      let doc: Tokenized;
      before(() => {
        doc = tokenize(grammar, source);
      });

      it('has the expected shape', () => {
        assert.equal(source.split('\n').length - 1, end.includes('\n') ? SAMPLE_SEGMENTS.length : 0);
      });

      it('scopes the segment ids ISA, GS, ST, NM1, HI, SV1, SE, IEA', () => {
        for (const id of ['ISA', 'GS', 'ST', 'NM1', 'CLM', 'DTP', 'HI', 'LX', 'SV1', 'SE', 'GE', 'IEA']) {
          assertScope(segment(doc, id), id, [SEGMENT_ID, KEYWORD]);
        }
        assertScope(segment(doc, 'SV1', 2), 'SV1', SEGMENT_ID);
      });

      it('scopes element and component separators and the segment terminator', () => {
        const sv1 = segment(doc, 'SV1');
        assertScope(sv1, element, ELEMENT);
        assertScope(sv1, element, ELEMENT, 7);
        assertScope(sv1, component, COMPONENT);
        assertScope(sv1, component, COMPONENT, 2);
        assertScope(segment(doc, 'GS'), element, ELEMENT, 8);
        assertScope(segment(doc, 'CLM'), component, COMPONENT, 2);
        if (end.includes('~')) {
          assertScope(sv1, '~', TERMINATOR);
          assertScope(segment(doc, 'ISA'), '~', TERMINATOR);
          assertScope(segment(doc, 'IEA'), '~', TERMINATOR);
        } else {
          assert.equal(doc.tokens.filter((t) => t.scopes.includes(TERMINATOR)).length, 0);
        }
      });

      it('scopes ISA: qualifiers, date, and ISA16 as the component separator it defines', () => {
        const isa = segment(doc, 'ISA');
        assertScope(isa, '00', QUALIFIER);
        assertScope(isa, 'ZZ', QUALIFIER, 2);
        assertScope(isa, '260314', DATE);
        assertScope(isa, '^', 'constant.character.separator.repetition.x12');
        assertScope(isa, component, 'constant.character.separator.component.x12');
        assertNoScope(isa, component, COMPONENT);
        assertScope(isa, 'P', QUALIFIER);
      });

      it('scopes SV1: HC, procedure code, modifiers, charge, unit basis, units, pointers', () => {
        const first = segment(doc, 'SV1');
        assertScope(first, 'HC', QUALIFIER);
        assertScope(first, '19283', [PROCEDURE_CODE, PROCEDURE_CODE_COLOUR]);
        assertScope(first, 'RT', MODIFIER);
        assertScope(first, '350', CHARGE);
        assertScope(first, 'UN', QUALIFIER);
        assertScope(first, '1', UNITS);
        assertScope(first, '1', POINTER, 2);
        const second = segment(doc, 'SV1', 2);
        assertScope(second, '19284', [PROCEDURE_CODE, PROCEDURE_CODE_COLOUR]);
        assertScope(second, 'RT', MODIFIER);
        assertScope(second, '59', MODIFIER);
        assertScope(second, '400', CHARGE);
        assertScope(second, '2', UNITS);
        assertScope(second, '2', POINTER, 2);
      });

      it('scopes HI: the ABK/ABF qualifiers and the ICD-10-CM codes', () => {
        const hi = segment(doc, 'HI');
        assertScope(hi, 'ABK', QUALIFIER);
        assertScope(hi, 'C50411', [ICD10, ICD10_COLOUR]);
        assertScope(hi, 'ABF', QUALIFIER);
        assertScope(hi, 'R928', [ICD10, ICD10_COLOUR]);
        assertScope(hi, component, COMPONENT);
      });

      it('scopes NM1, DTP, HL, REF, SBR, PER and CLM qualifiers, dates and numbers', () => {
        const provider = segment(doc, 'NM1', 2);
        assertScope(provider, '85', QUALIFIER);
        assertScope(provider, '2', QUALIFIER);
        assertScope(provider, 'XX', QUALIFIER);
        assertScope(provider, '1234567893', NUMBER);
        assertNoScope(provider, 'BILLING PROVIDER PLACEHOLDER', 'constant');
        assertScope(segment(doc, 'NM1', 3), 'IL', QUALIFIER);
        assertScope(segment(doc, 'NM1', 3), 'MI', QUALIFIER);
        const dtp = segment(doc, 'DTP');
        assertScope(dtp, '472', QUALIFIER);
        assertScope(dtp, 'D8', QUALIFIER);
        assertScope(dtp, '20260314', DATE);
        assertScope(segment(doc, 'HL'), '20', QUALIFIER);
        assertScope(segment(doc, 'HL', 2), '22', QUALIFIER);
        assertScope(segment(doc, 'REF'), 'EI', QUALIFIER);
        assertScope(segment(doc, 'SBR'), 'P', QUALIFIER);
        assertScope(segment(doc, 'SBR'), 'CI', QUALIFIER);
        assertScope(segment(doc, 'PER'), 'IC', QUALIFIER);
        assertScope(segment(doc, 'PER'), 'TE', QUALIFIER);
        assertScope(segment(doc, 'GS'), '20260314', DATE);
        assertScope(segment(doc, 'BHT'), '20260314', DATE);
        const clm = segment(doc, 'CLM');
        assertScope(clm, 'CLM-2026-0001', 'entity.name.type.claim-id.x12');
        assertScope(clm, '750', CHARGE);
        assertScope(clm, 'B', QUALIFIER);
        assertScope(segment(doc, 'SE'), '19', NUMBER);
        assertScope(segment(doc, 'LX', 2), '2', NUMBER);
      });
    });
  }

  describe('every segment of writeX12 output', () => {
    const variants = [
      { element: '*', component: ':', repetition: '^', oneLine: false },
      { element: '*', component: ':', repetition: '^', oneLine: true },
      { element: '|', component: '>', repetition: '^', oneLine: false },
      { element: '|', component: '>', repetition: '^', oneLine: true },
      { element: '*', component: '^', repetition: '!', oneLine: true },
    ];
    const claims = [
      {
        id: 'CLM-1',
        diagnoses: ['C50.411', 'R92.8'],
        dos: '2026-03-14',
        lines: [
          { code: '19283', modifiers: ['RT'], charge: 350, units: 1, dos: '2026-03-14' },
          { code: '19284', modifiers: ['RT', '59'], charge: 400, units: 2, pointers: [1, 2] },
        ],
      },
      { id: 'CLM-2', diagnoses: ['N63.10'], dos: '2026-03-15', lines: [{ code: 'G0279', charge: 75.5 }] },
    ];

    for (const { element, component, repetition, oneLine } of variants) {
      it(`${element} ${component} ~ ${oneLine ? 'on one line' : 'one segment per line'}: ids, separators, codes`, () => {
        const source = writeX12(claims, { separators: { element, component, repetition, segment: '~' }, oneLine });
        const doc = tokenize(grammar, source);
        const at = new Map(doc.tokens.map((t) => [t.start, t]));
        const segments = segmentsOf(source, '~');
        assert.ok(segments.length > 20, `only ${segments.length} segments`);
        const isaEnd = source.indexOf('~');
        for (const { start, text } of segments) {
          const id = text.split(element)[0] ?? '';
          const token = at.get(start);
          assert.ok(
            token?.text === id && token.scopes.includes(SEGMENT_ID),
            `segment id ${id} at ${start}: ${JSON.stringify(token)}`,
          );
        }
        for (let offset = 0; offset < source.length; offset++) {
          const char = source.charAt(offset);
          const expected =
            char === element
              ? ELEMENT
              : char === '~'
                ? TERMINATOR
                : char === component && offset > isaEnd
                  ? COMPONENT
                  : undefined;
          if (expected !== undefined) {
            const token = at.get(offset);
            assert.ok(
              token?.text === char && token.scopes.includes(expected),
              `${char} at ${offset}: ${JSON.stringify(token)}`,
            );
          }
        }
        for (const code of ['19283', '19284', 'G0279']) {
          assertScope(doc.tokens, code, PROCEDURE_CODE);
        }
        for (const code of ['C50411', 'R928', 'N6310']) {
          assertScope(doc.tokens, code, ICD10);
        }
        assertScope(doc.tokens, '75.50', CHARGE);
        assert.deepEqual(
          doc.tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid'))),
          [],
        );
      });
    }
  });

  describe('lenient on half-typed and unusual input', () => {
    function one(text: string): Token[] {
      return [...tokenize(grammar, text).tokens];
    }

    it('does not take a half-typed or six-character code for a procedure code', () => {
      assertNoScope(one('SV1*HC:1928'), '1928', PROCEDURE_CODE);
      const long = one('SV1*HC:192831:RT*350~');
      assertNoScope(long, '192831', PROCEDURE_CODE);
      assertNoScope(long, 'RT', MODIFIER);
      assertScope(one('SV1*HC:1928'), 'HC', QUALIFIER);
    });

    it('reads up to four modifiers, empty ones, a description, and decimal charge and units', () => {
      const tokens = one('SV1*HC:19283:RT::59:XS:BIOPSY*1200.50*MJ*.5**11*1:2:3:4~');
      assertScope(tokens, 'RT', MODIFIER);
      assertScope(tokens, '59', MODIFIER);
      assertScope(tokens, 'XS', MODIFIER);
      assertNoScope(tokens, 'BIOPSY', MODIFIER);
      assertScope(tokens, '1200.50', CHARGE);
      assertScope(tokens, 'MJ', QUALIFIER);
      assertScope(tokens, '.5', UNITS);
      assertScope(tokens, '11', NUMBER);
      assertScope(tokens, '4', POINTER);
    });

    it('colours a dotted ICD-10 code too (the server reports the point), and other HI qualifiers', () => {
      const tokens = one('HI*ABK:C50.411*BK:1749*BP:00400*BG:AA~');
      assertScope(tokens, 'C50.411', ICD10);
      assertScope(tokens, 'BK', QUALIFIER);
      assertScope(tokens, '1749', 'constant.other.icd9.x12');
      assertScope(tokens, '00400', PROCEDURE_CODE);
      assertScope(tokens, 'BG', QUALIFIER);
      assertNoScope(tokens, 'AA', 'constant');
    });

    it('scopes D8 and RD8 dates anywhere, with the range dash', () => {
      const dmg = one('DMG*D8*19800101*F~');
      assertScope(dmg, 'D8', QUALIFIER);
      assertScope(dmg, '19800101', DATE);
      assertScope(dmg, 'F', QUALIFIER);
      const range = one('DTP*472*RD8*20260101-20260131~');
      assertScope(range, 'RD8', QUALIFIER);
      assertScope(range, '20260101', DATE);
      assertScope(range, '-', 'punctuation.separator.range.x12');
      assertScope(range, '20260131', DATE);
    });

    it('keeps NTE free text as one string, so a colon in it is not a separator', () => {
      const tokens = one('NTE*ADD*NOTE: LEFT BREAST~');
      assertScope(tokens, 'ADD', QUALIFIER);
      assertScope(tokens, 'NOTE: LEFT BREAST', 'string.unquoted.note.x12');
    });

    it('leaves text that is not a segment unscoped, never invalid, and goes on after ~', () => {
      const tokens = one('lower*case~X~~ 12*3~LX*1~');
      assertNoScope(tokens, 'lower*case', SEGMENT_ID);
      assertScope(tokens, '~', TERMINATOR, 2);
      assertScope(tokens, 'LX', SEGMENT_ID);
      assertScope(tokens, '1', NUMBER);
      assert.deepEqual(
        tokens.filter((t) => t.scopes.some((s) => s.startsWith('invalid') || s === SEGMENT_ID) && t.text !== 'LX'),
        [],
      );
    });

    it('accepts leading blanks before a segment id, and a segment id alone', () => {
      assertScope(one('   CLM*A1*350'), 'CLM', SEGMENT_ID);
      assertScope(one('   CLM*A1*350'), '350', CHARGE);
      assertScope(one('GE~'), 'GE', SEGMENT_ID);
    });
  });
});
