/**
 * Colouring as the workbench renders it: for each kind of token, put the
 * cursor on it and read its TextMate scopes from VS Code's own "Inspect
 * Editor Tokens and Scopes" widget. (The command desktop tests use to capture
 * tokens does not exist in the web workbench, so this check reads the page.)
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { goToPosition, openFile, runCommand, stepLimitMs } from './workbenchPage';

/** clean.claim's codes and modifiers, as the language server marks them. */
export const claimSemanticExpectations: readonly SemanticExpectation[] = [
  { line: 7, column: 3, token: '19283', semantic: 'function' },
  { line: 8, column: 3, token: '19284', semantic: 'function modifiers addOn' },
  { line: 8, column: 9, token: 'RT', semantic: 'modifier modifiers laterality' },
];

export interface ScopeExpectation {
  token: string;
  scope: string;
}

export const claimExpectations: readonly ScopeExpectation[] = [
  { token: 'claim', scope: 'keyword.other.claim.claim' },
  { token: '19283', scope: 'constant.other.procedure-code.claim' },
  { token: 'RT', scope: 'storage.modifier.claim-modifier.claim' },
  { token: 'x2', scope: 'constant.numeric.units.claim' },
  { token: 'lesions', scope: 'variable.other.header-key.claim' },
  { token: 'C50.411', scope: 'constant.other.icd10.claim' },
];

export const x12Expectations: readonly ScopeExpectation[] = [
  { token: 'SV1', scope: 'entity.name.tag.segment-id.x12' },
  { token: '19284', scope: 'constant.other.procedure-code.x12' },
  { token: 'ABK', scope: 'constant.language.qualifier.x12' },
  { token: 'C50411', scope: 'constant.other.icd10.x12' },
];

function escape(text: string): string {
  return text.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
}

/** Returns the failures, one line each; empty when every token has its scope. */
export async function checkColouring(
  page: Page,
  filePath: string,
  name: string,
  expectations: readonly ScopeExpectation[],
): Promise<string[]> {
  const lines = fs.readFileSync(filePath, 'utf8').split('\n');
  await openFile(page, name);
  const failures: string[] = [];
  for (const { token, scope } of expectations) {
    // The token standing alone (not inside a longer word), outside comments.
    const pattern = new RegExp(`(?<![A-Za-z0-9])${escape(token)}(?![A-Za-z0-9])`);
    const line = lines.findIndex((text) => pattern.test(text) && !text.trimStart().startsWith('#'));
    if (line === -1) {
      failures.push(`'${token}' is not in ${name}`);
      continue;
    }
    const text = await inspectToken(page, line + 1, (lines[line] ?? '').search(pattern) + 1);
    if (!text.includes(scope)) {
      failures.push(`'${token}' lacks scope ${scope}: ${text.slice(0, 300)}`);
    } else {
      process.stdout.write(`    ✔ '${token}' is coloured as ${scope}\n`);
    }
  }
  return failures;
}

/** What the "Inspect Editor Tokens and Scopes" widget says of the token at a 1-based line and column, on one line. */
async function inspectToken(page: Page, line: number, column: number): Promise<string> {
  await goToPosition(page, line, column);
  await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
  const widget = page.locator('.token-inspect-widget');
  await widget.waitFor({ timeout: stepLimitMs });
  // With a semantic tokens provider the widget first says "Loading..." while it asks for the tokens.
  await page.waitForFunction(
    "!(document.querySelector('.token-inspect-widget')?.textContent ?? 'Loading').includes('Loading')",
    null,
    { timeout: stepLimitMs },
  );
  const text = (await widget.innerText()).replace(/\s+/g, ' ');
  await page.keyboard.press('Escape');
  await widget.waitFor({ state: 'hidden', timeout: stepLimitMs });
  return text;
}

export interface SemanticExpectation {
  /** 1-based, as the editor shows them. */
  line: number;
  column: number;
  token: string;
  /** As the widget writes it: `function`, `function modifiers addOn`. */
  semantic: string;
}

/**
 * Semantic tokens as the theme renders them: each token has its semantic type
 * and modifiers, and tokens the coder must tell apart are drawn in different
 * foreground colours (the default theme has no semantic rules for our
 * modifiers, so this is the TextMate-scope mapping of package.json at work).
 * Read in the active editor: opening a file again through Quick Open can
 * pick the wrong row while the list is still filtering.
 */
export async function checkSemanticColours(
  page: Page,
  expectations: readonly SemanticExpectation[],
  distinct: readonly string[],
): Promise<string[]> {
  const failures: string[] = [];
  const foregrounds = new Map<string, string>();
  for (const { line, column, token, semantic } of expectations) {
    const text = await inspectToken(page, line, column);
    const found = new RegExp(`semantic token type ${escape(semantic)} foreground`).test(text);
    const foreground = /^\S+ \d+ chars? language \S+ standard token type \S+ foreground (#[0-9A-Fa-f]{6,8})/
      .exec(text)?.[1]
      ?.toLowerCase();
    if (!text.startsWith(`${token} `) || !found || !foreground) {
      failures.push(`'${token}' at ${line}:${column} is not a ${semantic} semantic token: ${text.slice(0, 300)}`);
      continue;
    }
    foregrounds.set(token, foreground);
    process.stdout.write(`    ✔ '${token}' is a ${semantic} semantic token, drawn in ${foreground}\n`);
  }
  const colours = distinct.map((token) => foregrounds.get(token));
  if (colours.every((colour) => colour !== undefined) && new Set(colours).size !== colours.length) {
    failures.push(`${distinct.join(', ')} are not drawn in different colours: ${colours.join(', ')}`);
  } else if (colours.every((colour) => colour !== undefined)) {
    process.stdout.write(`    ✔ ${distinct.join(', ')} are drawn in different colours\n`);
  }
  return failures;
}
