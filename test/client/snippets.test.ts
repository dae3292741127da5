/**
 * The `.claim` snippets: each one, expanded with its defaults (first choice,
 * a fixed date for the date variables), is a claim the checker finds nothing
 * wrong with; and the lesion count really is checked on them, so "nothing
 * wrong" means the header agrees with the units. The claim skeleton the
 * language server's completion offers is the `Claim` snippet, checked the same way.
 */
import * as assert from 'node:assert/strict';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { bundledCodes } from '../../server/src/service';
import { formatDiagnostic, service, validate, withCursor } from '../support/documents/claimDocuments';
import { claimSnippets, expandSnippet as expand } from '../support/documents/snippets';

const snippets = claimSnippets();

function expanded(name: string): string {
  const snippet = snippets[name];
  assert.ok(snippet, name);
  return expand(snippet.body.join('\n'));
}

describe('claim snippets', () => {
  it('expands the snippet syntax the way VS Code does', () => {
    assert.equal(expand('a ${1:x${2:y}} $2 ${3|RT,LT|}-$3 \\$5 $CURRENT_YEAR ${TM_X:z} $0'), 'a xy y RT-RT $5 2026 z ');
  });

  it('contributes a claim, a localization and a biopsy snippet per modality, with unique prefixes', () => {
    assert.deepEqual(Object.keys(snippets), [
      'Claim',
      'Stereotactic localization',
      'Ultrasound biopsy',
      'Stereotactic biopsy',
      'MRI biopsy',
    ]);
    const firstPrefixes = Object.values(snippets).map((snippet) => snippet.prefix[0]);
    assert.equal(new Set(firstPrefixes).size, firstPrefixes.length);
  });

  for (const name of ['Claim', 'Stereotactic localization', 'Ultrasound biopsy', 'Stereotactic biopsy', 'MRI biopsy']) {
    it(`${name}: expanded with its defaults, the checker reports nothing`, () => {
      const text = expanded(name);
      assert.deepEqual(validate(text).map(formatDiagnostic), [], text);
    });
  }

  it('uses only bundled, current codes, each add-on with its own first-lesion code', () => {
    const known = new Map(bundledCodes.map((info) => [info.code, info]));
    for (const [name, snippet] of Object.entries(snippets)) {
      const codes = [...expand(snippet.body.join('\n')).matchAll(/^\s+(\d{5})/gm)].map((match) => match[1] ?? '');
      assert.ok(codes.length > 0, name);
      for (const code of codes) {
        const info = known.get(code);
        assert.ok(info && !info.deleted, `${name}: ${code}`);
        for (const primary of info.addOnTo ?? []) {
          assert.ok(codes.includes(primary), `${name}: +${code} without ${primary}`);
        }
      }
    }
  });

  it('offers, as the claim completion, the Claim snippet itself: expanded with its defaults, the checker reports nothing', () => {
    for (const textWithCursor of ['|', 'cl|', 'claim|', 'claim A\n  19283-RT x1\n\n|']) {
      const { document, position } = withCursor(textWithCursor);
      const item = service
        .doComplete(document, service.parse(document), position)
        .items.find((i) => i.label === 'claim');
      assert.ok(item, `the claim skeleton is offered at ${JSON.stringify(textWithCursor)}`);
      assert.equal(item.kind, CompletionItemKind.Snippet);
      assert.equal(item.insertTextFormat, InsertTextFormat.Snippet);
      const edit = item.textEdit;
      assert.ok(edit && 'range' in edit, 'a plain text edit');
      assert.equal(edit.newText, snippets.Claim?.body.join('\n'), 'the same text as the Claim snippet');
      const text = expand(edit.newText);
      assert.deepEqual(validate(text).map(formatDiagnostic), [], text);
    }
  });

  it('checks the lesion count on the lesion-case snippets, so their lesions: header must agree with the units', () => {
    for (const name of ['Stereotactic localization', 'Ultrasound biopsy', 'Stereotactic biopsy', 'MRI biopsy']) {
      const text = expanded(name).replace(/lesions: 2/, 'lesions: 3');
      assert.deepEqual(
        validate(text).map((diagnostic) => diagnostic.code),
        ['lesion-units'],
        name,
      );
    }
  });
});
