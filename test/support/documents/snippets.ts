/**
 * The `.claim` snippets the extension contributes, and VS Code's snippet
 * syntax expanded with its defaults (first choice, a fixed date for the date
 * variables): what `test/client/snippets.test.ts` checks, for the snippets
 * and for the claim skeleton completion offers.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../repoRoot';

export interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

/** The date the date variables expand to, so the tests do not depend on the day they run. */
const variables: Record<string, string> = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '14' };

/**
 * Expands VS Code's snippet syntax with defaults: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`,
 * `$NAME`, `${NAME:default}` and `\$`. A bare `$1` mirrors the default its placeholder has elsewhere.
 */
export function expandSnippet(body: string): string {
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

/** The snippets `package.json` contributes for the `claim` language, by name. */
export function claimSnippets(): Record<string, Snippet> {
  const root = repoRoot();
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: { snippets?: Array<{ language: string; path: string }> };
  };
  const contributed = manifest.contributes.snippets?.find((entry) => entry.language === 'claim');
  return JSON.parse(fs.readFileSync(path.join(root, contributed?.path ?? 'missing'), 'utf8')) as Record<
    string,
    Snippet
  >;
}
