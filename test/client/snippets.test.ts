/**
 * The `.claim` snippets: each one, expanded with its defaults (first choice,
 * a fixed date for the date variables), is a claim the checker finds nothing
 * wrong with; and the lesion count really is checked on them, so "nothing
 * wrong" means the header agrees with the units.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledCodes } from '../../server/src/service';
import { formatDiagnostic, validate } from '../support/documents/claimDocuments';
import { repoRoot } from '../support/repoRoot';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

/** The date the date variables expand to, so the test does not depend on the day it runs. */
const variables: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '14' };

/**
 * Expands VS Code's snippet syntax with defaults: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`,
 * `$NAME`, `${NAME:default}` and `\$`. A bare `$1` mirrors the default its placeholder has elsewhere.
 */
function expand(body: string): string {
  const defaults = new Map<string, string>();
  let position = 0;
  const parse = (until: string | undefined): string => {
    let out = '';
    while (position < body.length) {
      const char = body[position] ?? '';
      if (until !== undefined && char === until) {
        return out;
      }
      if (char === '\\' && position + 1 < body.length) {
        out += body[position + 1];
        position += 2;
      } else if (char === '$') {
        out += dollar();
      } else {
        out += char;
        position++;
      }
    }
    assert.equal(until, undefined, `unclosed \${ in ${body}`);
    return out;
  };
  const dollar = (): string => {
    position++;
    const bare = /^(\d+|[A-Z_]+)/.exec(body.slice(position));
    if (bare) {
      position += bare[0].length;
      return valueOf(bare[0], undefined);
    }
    assert.equal(body[position], '{', `a $ that starts nothing in ${body}`);
    const name = /^\{(\d+|[A-Z_]+)/.exec(body.slice(position))?.[1] ?? '';
    position += 1 + name.length;
    const next = body[position];
    if (next === '}') {
      position++;
      return valueOf(name, undefined);
    }
    if (next === '|') {
      const end = body.indexOf('|}', position);
      const first = body.slice(position + 1, end).split(',')[0] ?? '';
      position = end + 2;
      return valueOf(name, first);
    }
    assert.equal(next, ':', `unexpected ${next ?? 'end'} in ${body}`);
    position++;
    const value = parse('}');
    position++;
    return valueOf(name, value);
  };
  const valueOf = (name: string, given: string | undefined): string => {
    if (/^\d+$/.test(name)) {
      if (given !== undefined) {
        defaults.set(name, given);
      }
      return given ?? defaults.get(name) ?? `\u{E000}${name}\u{E000}`;
    }
    const value = variables[name];
    assert.ok(value !== undefined || given !== undefined, `unknown variable ${name}`);
    return value ?? given ?? '';
  };
  const first = parse(undefined);
  // Mirrors written before their placeholder are filled in a second pass.
  return first.replace(/\u{E000}(\d+)\u{E000}/gu, (_, name: string) => defaults.get(name) ?? '');
}

const root = repoRoot();
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: { snippets?: Array<{ language: string; path: string }> };
};
const contributed = manifest.contributes.snippets?.find((entry) => entry.language === 'claim');
const snippets = JSON.parse(fs.readFileSync(path.join(root, contributed?.path ?? 'missing'), 'utf8')) as Record<
  string,
  Snippet
>;

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
