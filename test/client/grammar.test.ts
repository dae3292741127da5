// Why this exists: the TextMate grammar and the language configuration are plain JSON that the
// compiler never checks. These tests tokenize the format spec's example with the engine VS Code
// itself uses (vscode-textmate + vscode-oniguruma) so that a scope regression fails the build.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import { repoRoot } from '../support/repoRoot';
import { specExample } from '../support/documents/specExample';
import { loadGrammar } from '../support/checks/textMateGrammar';

const COMMENT = 'comment.line.number-sign.claim';
const PROCEDURE_CODE = 'constant.other.procedure-code.claim';
const MODIFIER = 'storage.modifier.claim-modifier.claim';
const UNITS = 'constant.numeric.units.claim';

interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

interface TokenizedLine {
  readonly text: string;
  readonly tokens: readonly Token[];
}

function tokenize(grammar: vsctm.IGrammar, source: string): TokenizedLine[] {
  let state = vsctm.INITIAL;
  return source.split('\n').map((text) => {
    const result = grammar.tokenizeLine(text, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((t) => ({
      text: text.slice(t.startIndex, t.endIndex),
      scopes: t.scopes,
    }));
    return { text, tokens };
  });
}

function describeLine(line: TokenizedLine): string {
  return line.tokens.map((t) => `  ${JSON.stringify(t.text)} ${t.scopes.join(' ')}`).join('\n');
}

/** The token that is exactly `text` (the `occurrence`-th such token on the line, from 1). */
function tokenOf(line: TokenizedLine | undefined, text: string, occurrence = 1): Token {
  assert.ok(line !== undefined, `no such line (looking for ${JSON.stringify(text)})`);
  const matches = line.tokens.filter((t) => t.text === text);
  const token = matches[occurrence - 1];
  assert.ok(
    token !== undefined,
    `no token ${JSON.stringify(text)} (#${occurrence}) in ${JSON.stringify(line.text)}:\n${describeLine(line)}`,
  );
  return token;
}

function assertScope(line: TokenizedLine | undefined, text: string, scope: string, occurrence = 1): void {
  const token = tokenOf(line, text, occurrence);
  assert.ok(
    token.scopes.includes(scope),
    `${JSON.stringify(text)} has scopes [${token.scopes.join(', ')}], expected ${scope}`,
  );
}

function assertNoScope(line: TokenizedLine | undefined, text: string, scope: string, occurrence = 1): void {
  const token = tokenOf(line, text, occurrence);
  assert.ok(
    !token.scopes.includes(scope),
    `${JSON.stringify(text)} has scopes [${token.scopes.join(', ')}], did not expect ${scope}`,
  );
}

/** Every character of the line from `from` on is comment, and nothing inside is a procedure code. */
function assertCommentOnlyFrom(line: TokenizedLine | undefined, from: string): void {
  assert.ok(line !== undefined, 'no such line');
  const start = line.text.indexOf(from);
  assert.ok(start >= 0, `${JSON.stringify(from)} not in ${JSON.stringify(line.text)}`);
  let offset = 0;
  const inComment: Token[] = [];
  for (const token of line.tokens) {
    if (offset >= start) {
      inComment.push(token);
    }
    offset += token.text.length;
  }
  assert.equal(
    inComment.map((t) => t.text).join(''),
    line.text.slice(start),
    `tokens do not start exactly at ${JSON.stringify(from)}:\n${describeLine(line)}`,
  );
  for (const token of inComment) {
    assert.ok(token.scopes.includes(COMMENT), `${JSON.stringify(token.text)} is not comment:\n${describeLine(line)}`);
    assert.ok(
      !token.scopes.some((s) => s.startsWith(PROCEDURE_CODE) || s.startsWith('storage.modifier')),
      `${JSON.stringify(token.text)} inside a comment is scoped as code:\n${describeLine(line)}`,
    );
  }
}

/** Reads the JSON-with-comments language configuration; only whole-line // comments are used there. */
function readLanguageConfiguration(root: string): unknown {
  const text = fs.readFileSync(path.join(root, 'language-configuration.json'), 'utf8');
  const withoutComments = text
    .split('\n')
    .filter((l) => !/^\s*\/\//.test(l))
    .join('\n');
  return JSON.parse(withoutComments);
}

function stringProperty(value: unknown, ...keys: string[]): string {
  let current: unknown = value;
  for (const key of keys) {
    assert.ok(typeof current === 'object' && current !== null && key in current, `missing ${keys.join('.')}`);
    current = (current as Record<string, unknown>)[key];
  }
  assert.ok(typeof current === 'string', `${keys.join('.')} is not a string`);
  return current;
}

describe('claim TextMate grammar', () => {
  let grammar: vsctm.IGrammar;

  before(async () => {
    grammar = await loadGrammar('source.claim', 'claim.tmLanguage.json');
  });

  describe('the spec example', () => {
    let lines: TokenizedLine[];
    before(() => {
      lines = tokenize(grammar, specExample);
    });

    it('scopes the leading comment and its #', () => {
      assertScope(lines[0], '#', COMMENT);
      assertScope(lines[0], '#', 'punctuation.definition.comment.claim');
      assertScope(lines[0], ' Stereotactic localization of three lesions in the right breast', COMMENT);
    });

    it('scopes the claim keyword and the claim id', () => {
      assertScope(lines[1], 'claim', 'keyword.other.claim.claim');
      assertScope(lines[1], 'CLM-2026-0001', 'entity.name.type.claim-id.claim');
    });

    it('scopes header keys, separators and values', () => {
      for (const [index, key] of [
        [2, 'patient'],
        [3, 'dos'],
        [4, 'dx'],
        [5, 'lesions'],
      ] as const) {
        assertScope(lines[index], key, 'variable.other.header-key.claim');
        assertScope(lines[index], ':', 'punctuation.separator.key-value.claim');
      }
      assertScope(lines[2], 'DOE, JANE', 'string.unquoted.header-value.claim');
      assertScope(lines[3], '2026-03-14', 'constant.numeric.date.claim');
      assertScope(lines[5], '3', 'constant.numeric.claim');
    });

    it('scopes the ICD-10-CM codes of the dx header', () => {
      assertScope(lines[4], 'C50.411', 'constant.other.icd10.claim');
      assertScope(lines[4], 'R92.8', 'constant.other.icd10.claim');
    });

    it('scopes the procedure code, joined modifier, units, charge and dx field', () => {
      const line = lines[7];
      assertScope(line, '19283', PROCEDURE_CODE);
      assertScope(line, '-', 'punctuation.separator.modifier.claim');
      assertScope(line, 'RT', MODIFIER);
      assertScope(line, 'x1', UNITS);
      assertScope(line, '$350.00', 'constant.numeric.currency.claim');
      assertScope(line, 'dx', 'variable.parameter.field.claim');
      assertScope(line, '=', 'keyword.operator.assignment.claim');
      assertScope(line, 'A', 'constant.other.diagnosis-pointer.claim');
      assertScope(lines[8], '19284', PROCEDURE_CODE);
      assertScope(lines[8], 'x2', UNITS);
      assertScope(lines[8], '$400.00', 'constant.numeric.currency.claim');
    });
  });

  describe('comments', () => {
    it('keeps codes inside a whole-line comment as comment only', () => {
      const [line] = tokenize(grammar, '# 19284 without 19283');
      assertCommentOnlyFrom(line, '#');
    });

    it('keeps codes inside a comment after service-line fields as comment only', () => {
      const [line] = tokenize(grammar, '  19284-RT x2 $400.00 dx=A # 19284 without 19283');
      assertScope(line, '19284', PROCEDURE_CODE);
      assertCommentOnlyFrom(line, '# 19284');
    });

    it('ends a free-text header value at a comment', () => {
      const [line] = tokenize(grammar, 'patient: DOE, JANE # chart 12');
      assertScope(line, 'DOE, JANE', 'string.unquoted.header-value.claim');
      assertCommentOnlyFrom(line, '# chart');
    });

    it('does not start a comment at a # inside a token', () => {
      const [line] = tokenize(grammar, 'claim CLM#2');
      assertScope(line, 'CLM#2', 'entity.name.type.claim-id.claim');
      assertNoScope(line, 'CLM#2', COMMENT);
    });
  });

  describe('claim lines', () => {
    for (const keyword of ['claim', 'Claim', 'CLAIM', 'cLaIm']) {
      it(`treats "${keyword}" as the claim keyword`, () => {
        const [line] = tokenize(grammar, `${keyword} CLM-1`);
        assertScope(line, keyword, 'keyword.other.claim.claim');
        assertScope(line, 'CLM-1', 'entity.name.type.claim-id.claim');
      });
    }

    it('treats "claim:" and "claimant:" as header keys, not the keyword', () => {
      for (const key of ['claim', 'claimant']) {
        const [line] = tokenize(grammar, `${key}: x`);
        assertScope(line, key, 'variable.other.header-key.claim');
        assertNoScope(line, key, 'keyword.other.claim.claim');
      }
    });
  });

  describe('service lines', () => {
    it('scopes "19283 RT 59 x 2": separate modifiers and spaced units', () => {
      const [line] = tokenize(grammar, '19283 RT 59 x 2');
      assertScope(line, '19283', PROCEDURE_CODE);
      assertScope(line, 'RT', MODIFIER);
      assertScope(line, '59', MODIFIER);
      assertScope(line, 'x 2', UNITS);
    });

    it('scopes chained modifiers, ×units, a thousands charge and other fields', () => {
      const [line] = tokenize(grammar, '19283-RT-59 ×2 $1,200.00 dos=2026-03-15 lesions=2 pos=11');
      assertScope(line, 'RT', MODIFIER);
      assertScope(line, '59', MODIFIER);
      assertScope(line, '-', 'punctuation.separator.modifier.claim', 2);
      assertScope(line, '×2', UNITS);
      assertScope(line, '$1,200.00', 'constant.numeric.currency.claim');
      assertScope(line, 'dos', 'variable.parameter.field.claim');
      assertScope(line, '2026-03-15', 'constant.numeric.date.claim');
      assertScope(line, 'lesions', 'variable.parameter.field.claim');
      assertScope(line, '2', 'constant.numeric.claim');
      assertScope(line, 'pos', 'variable.parameter.field.claim');
      assertScope(line, '11', 'constant.numeric.claim');
    });

    it('reads upper-case X2 as a modifier, lower-case x2 as units', () => {
      const [line] = tokenize(grammar, '19283 X2 x2');
      assertScope(line, 'X2', MODIFIER);
      assertNoScope(line, 'X2', UNITS);
      assertScope(line, 'x2', UNITS);
      assertNoScope(line, 'x2', MODIFIER);
    });

    it('recognises Category II/III and HCPCS Level II codes', () => {
      for (const code of ['3014F', '0479T', 'G0500']) {
        const [line] = tokenize(grammar, `${code} x1`);
        assertScope(line, code, PROCEDURE_CODE);
      }
    });

    it('leaves a half-typed code and unknown tokens unscoped, never invalid', () => {
      const [partial] = tokenize(grammar, '1928');
      assertNoScope(partial, '1928', PROCEDURE_CODE);
      const [line] = tokenize(grammar, '19283-RT x1 ??? $12.');
      assertScope(line, '19283', PROCEDURE_CODE);
      assert.ok(line !== undefined && line.tokens.length > 1);
      for (const token of line.tokens) {
        assert.ok(
          !token.scopes.some((s) => s.startsWith('invalid')),
          `${JSON.stringify(token.text)} is scoped invalid:\n${describeLine(line)}`,
        );
      }
    });
  });
});

describe('claim language configuration', () => {
  let config: unknown;
  before(() => {
    config = readLanguageConfiguration(repoRoot());
  });

  function words(text: string): string[] {
    const pattern = new RegExp(stringProperty(config, 'wordPattern'), 'g');
    return text.match(pattern) ?? [];
  }

  it('uses # for line comments', () => {
    assert.equal(stringProperty(config, 'comments', 'lineComment'), '#');
  });

  it('splits a code and its modifiers into separate words', () => {
    assert.deepEqual(words('19283-RT'), ['19283', 'RT']);
    assert.deepEqual(words('19283-RT-59'), ['19283', 'RT', '59']);
  });

  it('keeps a charge as one word', () => {
    assert.deepEqual(words(' $350.00 '), ['$350.00']);
    assert.deepEqual(words('$1,200.00'), ['$1,200.00']);
  });

  it('splits a field into key and value', () => {
    assert.deepEqual(words('dx=A'), ['dx', 'A']);
  });

  it('keeps a dotted ICD-10-CM code and a date as one word', () => {
    assert.deepEqual(words('C50.411, R92.8'), ['C50.411', 'R92.8']);
    assert.deepEqual(words('2026-03-14'), ['2026-03-14']);
  });
});
