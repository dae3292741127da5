/**
 * Colouring as the workbench renders it: for each kind of token, put the
 * cursor on it and read its TextMate scopes from VS Code's own "Inspect
 * Editor Tokens and Scopes" widget. (The command desktop tests use to capture
 * tokens does not exist in the web workbench, so this check reads the page.)
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { goToPosition, openFile, runCommand, stepLimitMs } from './workbenchPage';

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
export async function checkColouring(page: Page, filePath: string, name: string, expectations: readonly ScopeExpectation[]): Promise<string[]> {
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
    const column = (lines[line] ?? '').search(pattern);
    await goToPosition(page, line + 1, column + 1);
    await runCommand(page, 'Developer: Inspect Editor Tokens and Scopes');
    const widget = page.locator('.token-inspect-widget');
    await widget.waitFor({ timeout: stepLimitMs });
    const text = (await widget.innerText()).replace(/\s+/g, ' ');
    if (!text.includes(scope)) {
      failures.push(`'${token}' lacks scope ${scope}: ${text.slice(0, 300)}`);
    } else {
      process.stdout.write(`    ✔ '${token}' is coloured as ${scope}\n`);
    }
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: stepLimitMs });
  }
  return failures;
}
