/**
 * Colouring as the workbench renders it: for each kind of token, put the
 * cursor on it and read its TextMate scopes from VS Code's own "Inspect
 * Editor Tokens and Scopes" widget. (The command desktop tests use to capture
 * tokens does not exist in the web workbench, so this check reads the page.)
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { goToPosition, openFile, runCommand, stepLimitMs } from './workbenchPage';

const expectations: ReadonlyArray<{ token: string; scope: string }> = [
  { token: 'claim', scope: 'keyword.other.claim.claim' },
  { token: '19283', scope: 'constant.other.procedure-code.claim' },
  { token: 'RT', scope: 'storage.modifier.claim-modifier.claim' },
  { token: 'x2', scope: 'constant.numeric.units.claim' },
  { token: 'lesions', scope: 'variable.other.header-key.claim' },
  { token: 'C50.411', scope: 'constant.other.icd10.claim' },
];

/** Returns the failures, one line each; empty when every token has its scope. */
export async function checkColouring(page: Page, filePath: string, name: string): Promise<string[]> {
  const lines = fs.readFileSync(filePath, 'utf8').split('\n');
  await openFile(page, name);
  const failures: string[] = [];
  for (const { token, scope } of expectations) {
    const line = lines.findIndex((text) => new RegExp(`(^|[\\s,:-])${token.replace('.', '\\.')}\\b`).test(text) && !text.trimStart().startsWith('#'));
    if (line === -1) {
      failures.push(`'${token}' is not in ${name}`);
      continue;
    }
    const column = (lines[line] ?? '').search(new RegExp(`${token.replace('.', '\\.')}\\b`));
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
