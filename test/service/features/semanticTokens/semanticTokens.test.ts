/**
 * Semantic tokens from the language service: codes and modifiers of both
 * formats with their kind (add-on, deleted, side, distinct service), at the
 * right positions, in range requests too, and never outside the document.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, SemanticTokens } from 'vscode-languageserver-types';
import { semanticTokensLegend } from '../../../../server/src/service';
import { claimDocument, service, x12Document } from '../../../support/documents/claimDocuments';
import { repoRoot } from '../../../support/repoRoot';
import { type DecodedToken, decodeSemanticTokens } from '../../../support/checks/semanticTokens';
import { x12Fixtures } from '../../../support/documents/x12Fixtures';

/** `9:3 function.addOn 19284`: line and column from 1, then the token's text. */
function show(document: TextDocument, token: DecodedToken): string {
  const text = document.getText({
    start: { line: token.line, character: token.character },
    end: { line: token.line, character: token.character + token.length },
  });
  return `${token.line + 1}:${token.character + 1} ${[token.type, ...token.modifiers].join('.')} ${text}`;
}

function tokensOf(document: TextDocument, range?: Range): string[] {
  return decodeSemanticTokens(service.getSemanticTokens(document, service.parse(document), range)).map((token) =>
    show(document, token),
  );
}

/** Every token lies inside its line, none overlaps the one before, and they come in document order. */
function assertWellFormed(document: TextDocument, tokens: SemanticTokens, what: string): void {
  let previous: DecodedToken | undefined;
  for (const token of decodeSemanticTokens(tokens)) {
    const lineEnd =
      document.offsetAt({ line: token.line, character: Number.MAX_SAFE_INTEGER }) -
      document.offsetAt({ line: token.line, character: 0 });
    assert.ok(
      token.line < document.lineCount && token.length > 0 && token.character + token.length <= lineEnd,
      `${what}: ${JSON.stringify(token)} inside its line`,
    );
    if (previous) {
      assert.ok(
        previous.line < token.line || previous.character + previous.length <= token.character,
        `${what}: ${JSON.stringify(token)} after ${JSON.stringify(previous)}`,
      );
    }
    previous = token;
  }
}

describe('semantic tokens', () => {
  it('uses standard token types, and declares each modifier in package.json with scopes for themes without semantic colours', () => {
    assert.deepEqual(semanticTokensLegend.tokenTypes, ['function', 'modifier']);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'package.json'), 'utf8')) as {
      contributes: {
        semanticTokenModifiers?: Array<{ id: string }>;
        semanticTokenScopes?: Array<{ language: string; scopes: Record<string, string[]> }>;
      };
    };
    const declared = (manifest.contributes.semanticTokenModifiers ?? []).map((modifier) => modifier.id);
    assert.deepEqual(
      declared,
      semanticTokensLegend.tokenModifiers.filter((modifier) => modifier !== 'deprecated'),
    );
    for (const language of ['claim', 'x12']) {
      const scopes =
        manifest.contributes.semanticTokenScopes?.find((entry) => entry.language === language)?.scopes ?? {};
      for (const selector of [
        'function.addOn',
        'function.deprecated',
        'modifier',
        'modifier.laterality',
        'modifier.distinctService',
      ]) {
        assert.ok((scopes[selector]?.length ?? 0) > 0, `${language}: ${selector}`);
      }
    }
  });

  it('marks the add-on and the modifiers of a .claim localization case', () => {
    const document = claimDocument(
      [
        'claim CLM-1',
        '  dx: C50.411',
        '  lesions: 3',
        '  19283-RT   x1   $350.00   dx=A',
        '  19284-RT   x2   $400.00   dx=A',
      ].join('\n'),
    );
    assert.deepEqual(tokensOf(document), [
      '4:3 function 19283',
      '4:9 modifier.laterality RT',
      '5:3 function.addOn 19284',
      '5:9 modifier.laterality RT',
    ]);
  });

  it('marks deleted codes, distinct-service modifiers, separate modifier tokens and codes it does not know, but not text that is no code (its modifier still is one)', () => {
    const document = claimDocument(
      ['19290 LT 59', '19125-XS-76 x2', '12345-ZZ', 'g0279 # lower case', '9921Z-RT junk', '99213'].join('\r\n'),
    );
    assert.deepEqual(tokensOf(document), [
      '1:1 function.deprecated 19290',
      '1:7 modifier.laterality LT',
      '1:10 modifier.distinctService 59',
      '2:1 function 19125',
      '2:7 modifier.distinctService XS',
      '2:10 modifier 76',
      '3:1 function 12345',
      '3:7 modifier ZZ',
      '4:1 function.addOn g0279',
      '5:7 modifier.laterality RT',
      '6:1 function 99213',
    ]);
  });

  it('marks SV101 code and modifier components of an 837, a segment per line', () => {
    const text = fs.readFileSync(path.join(repoRoot(), 'examples', 'lone-addon.837'), 'utf8');
    assert.deepEqual(tokensOf(x12Document(text)), [
      '20:8 function 19283',
      '20:14 modifier.laterality RT',
      '23:8 function.addOn 19284',
      '23:14 modifier.laterality RT',
      '32:8 function.addOn 19284',
      '32:14 modifier.laterality LT',
    ]);
  });

  it('reads the separators from the ISA (pipes and >) and places tokens on a one-line 837', () => {
    const pipes = x12Fixtures().find((fixture) => fixture.name === 'pipe-separators.x12');
    const pipeTokens = tokensOf(x12Document(pipes?.text ?? ''));
    assert.deepEqual(
      pipeTokens.map((token) => token.replace(/^\d+:/, 'n:')),
      ['n:8 function 19285', 'n:14 modifier.laterality RT', 'n:8 function.addOn 19284', 'n:14 modifier.laterality RT'],
    );
    const oneLine = x12Fixtures().find((fixture) => fixture.name === 'one-line.edi')?.text ?? '';
    const document = x12Document(oneLine);
    const tokens = decodeSemanticTokens(service.getSemanticTokens(document, service.parse(document)));
    assert.ok(tokens.length >= 2);
    for (const token of tokens) {
      assert.equal(token.line, 0);
      const before = oneLine.slice(0, token.character);
      // Each code follows the SV1's first component separator; each modifier the code's.
      assert.match(
        before,
        token.type === 'function' ? /SV1\*HC:$/ : /SV1\*HC:[0-9A-Z]{5}(:[0-9A-Z]{2})*:$/,
        show(document, token),
      );
    }
  });

  it('answers a range request with the tokens the range touches, the same as the whole document has there', () => {
    const lines = [
      'claim A',
      '  dx: C50.411',
      '  19283-RT x1',
      '  19284-RT x1',
      'claim B',
      '  19281-LT',
      '  19290',
      '  19282-LT-59 x1',
    ];
    const document = claimDocument(lines.join('\n'));
    const whole = tokensOf(document);
    for (let start = 0; start < lines.length; start++) {
      for (let end = start; end <= lines.length; end++) {
        const range = { start: { line: start, character: 0 }, end: { line: end, character: 0 } };
        // As the server answers a range: from the model of just the claims around it.
        const around = service.parseClaimAround(document, start, end);
        const got = decodeSemanticTokens(service.getSemanticTokens(document, around, range)).map((token) =>
          show(document, token),
        );
        assert.deepEqual(
          got,
          whole.filter((token) => {
            const line = Number(token.split(':')[0]) - 1;
            return line >= start && line < end;
          }),
          `lines ${start}-${end}`,
        );
      }
    }
  });

  it('answers a range of a one-line 837 with the tokens inside the characters asked for', () => {
    const text = x12Fixtures().find((fixture) => fixture.name === 'one-line.edi')?.text ?? '';
    const document = x12Document(text);
    const whole = decodeSemanticTokens(service.getSemanticTokens(document, service.parse(document)));
    const second = whole[whole.length - 1];
    assert.ok(second && whole.length >= 2);
    const range = {
      start: { line: 0, character: second.character - 1 },
      end: { line: 0, character: second.character + second.length },
    };
    assert.deepEqual(decodeSemanticTokens(service.getSemanticTokens(document, service.parse(document), range)), [
      second,
    ]);
    assert.deepEqual(
      decodeSemanticTokens(
        service.getSemanticTokens(document, service.parse(document), {
          start: { line: 0, character: 0 },
          end: { line: 0, character: 10 },
        }),
      ),
      [],
    );
  });

  it('keeps every token inside the document for every example and fixture, whole and by range', () => {
    const root = repoRoot();
    const files = [
      ...fs.readdirSync(path.join(root, 'examples')).map((name) => path.join(root, 'examples', name)),
      ...x12Fixtures().map((fixture) =>
        path.join(root, 'test', 'editor', 'fixtures', 'workspace', 'x12', fixture.name),
      ),
    ];
    let checked = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const document = file.endsWith('.claim') ? claimDocument(text) : x12Document(text);
      const tokens = service.getSemanticTokens(document, service.parse(document));
      assert.ok(tokens.data.length > 0, file);
      assertWellFormed(document, tokens, file);
      assertWellFormed(
        document,
        service.getSemanticTokens(document, service.parse(document), {
          start: { line: 1, character: 3 },
          end: { line: 9, character: 2 },
        }),
        file,
      );
      checked++;
    }
    assert.equal(checked, files.length);
  });

  it('drops tokens a model of older, longer text would put past the end', () => {
    const old = claimDocument('claim A\n  19283-RT x1\n  19284-RT x2\n');
    const shorter = TextDocument.create(old.uri, 'claim', 2, 'claim A\n  19283');
    const tokens = service.getSemanticTokens(shorter, service.parse(old));
    assertWellFormed(shorter, tokens, 'stale model');
    assert.deepEqual(
      decodeSemanticTokens(tokens).map((token) => show(shorter, token)),
      ['2:3 function 19283'],
    );
  });

  it('gives no tokens, and does not throw, for text with no service lines or no readable ISA', () => {
    for (const document of [
      claimDocument(''),
      claimDocument('# only a comment\n\u{1F600}\r\n'),
      x12Document('ISA*garbage'),
      x12Document(''),
    ]) {
      assert.deepEqual(service.getSemanticTokens(document, service.parse(document)), { data: [] });
    }
  });
});
