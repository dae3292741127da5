/**
 * Driving the VS Code workbench page in Chromium: open it with the extension
 * under development, open a file through Quick Open, run a command through
 * the command palette. Shared by the colouring check and the screenshots.
 */
import type { Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';

export const stepLimitMs = 60000;

export async function openWorkbench(page: Page, server: RunningCodeServer, extensionPath: string, folder: string, extra: string[][] = []): Promise<void> {
  const payload = [['extensionDevelopmentPath', server.remoteUri(extensionPath)], ['skipWelcome', 'true'], ...extra];
  await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(server.remoteUri(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: stepLimitMs });
}

export async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor({ timeout: stepLimitMs });
  await page.keyboard.type(name);
  await pickFocusedRow(page, name);
  await page.locator(`.tab.active[aria-label*="${name}"]`).waitFor({ timeout: stepLimitMs });
  await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: stepLimitMs });
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').waitFor({ timeout: stepLimitMs });
  await page.keyboard.type(title);
  await pickFocusedRow(page, title);
}

/**
 * Presses Enter once the quick input's focused row is labelled `label`. The
 * row may be listed before the typed filter applies (a recent file, a recent
 * command) while another row has the focus, so its mere presence is not
 * enough; and `Format Document` must not pick `Format Document With...`.
 */
export async function pickFocusedRow(page: Page, label: string): Promise<void> {
  const exactly = new RegExp(`^${escapeRegExp(label)}$`);
  await page.locator('.quick-input-list .monaco-list-row.focused .label-name', { hasText: exactly }).first().waitFor({ timeout: stepLimitMs });
  await page.keyboard.press('Enter');
}

function escapeRegExp(text: string): string {
  return text.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
}

/** Puts the cursor at a 1-based line and column through Go to Line/Column. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator('.quick-input-widget input').waitFor({ timeout: stepLimitMs });
  await page.keyboard.type(`${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: stepLimitMs });
}

/**
 * The rendered span that starts with `text`. Tokens of one colour render as
 * one span, so `19284-LT` may be a single span: point at its first characters.
 */
export function spanStartingWith(page: Page, text: string) {
  return page.locator('.monaco-editor .view-line span span', { hasText: new RegExp(`^${escapeRegExp(text)}`) }).first();
}
