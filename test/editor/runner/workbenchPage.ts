/**
 * Driving the VS Code workbench page in Chromium: open it with the extension
 * under development, open a file through Quick Open, run a command through
 * the command palette. Shared by the colouring check and the screenshots.
 */
import type { Locator, Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';

export const stepLimitMs = 60000;

export async function openWorkbench(
  page: Page,
  server: RunningCodeServer,
  extensionPath: string,
  folder: string,
  extra: string[][] = [],
): Promise<void> {
  const payload = [['extensionDevelopmentPath', server.remoteUri(extensionPath)], ['skipWelcome', 'true'], ...extra];
  // A `.code-workspace` file opens as a multi-root workspace, anything else as a folder.
  const kind = folder.endsWith('.code-workspace') ? 'workspace' : 'folder';
  await page.goto(
    `${server.baseUrl}/?${kind}=${encodeURIComponent(server.remoteUri(folder))}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
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

/** How often a quick input is opened again before giving up. */
const quickInputAttempts = 6;

/**
 * Presses the key (F1, Ctrl+P) until the quick input shows. Right after the
 * workbench appears, its key bindings may not be listening yet and the first
 * press is lost; each press is followed by a bounded wait for the input.
 */
export async function openQuickInput(page: Page, key: string): Promise<Locator> {
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(key);
    try {
      await input.waitFor({ timeout: stepLimitMs / quickInputAttempts });
      return input;
    } catch (error) {
      if (attempt === quickInputAttempts) {
        throw error;
      }
    }
  }
}

/**
 * Opens the quick input with the key, enters the text and waits until the
 * focused row is labelled `rowText`, then leaves it for the caller to accept. A page
 * still loading (a Welcome page taking focus) can close the quick input under
 * the typing: then it is opened again, a bounded number of times.
 */
export async function pickInQuickInput(page: Page, key: string, text: string, rowText: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const input = await openQuickInput(page, key);
    try {
      await input.fill(text, { timeout: stepLimitMs / quickInputAttempts });
      await focusedRow(page, rowText).waitFor({ timeout: stepLimitMs / quickInputAttempts });
      return;
    } catch (error) {
      if (attempt === quickInputAttempts) {
        throw error;
      }
      await page.keyboard.press('Escape');
    }
  }
}

export async function runCommand(page: Page, title: string): Promise<void> {
  await pickInQuickInput(page, 'F1', `>${title}`, title);
  await page.keyboard.press('Enter');
}

/**
 * The quick input's focused row labelled exactly `label`. The row may be
 * listed before the typed filter applies (a recent file, a recent command)
 * while another row has the focus, so its mere presence is not enough; and
 * `Format Document` must not pick `Format Document With...`.
 */
function focusedRow(page: Page, label: string): Locator {
  return page
    .locator('.quick-input-list .monaco-list-row.focused .label-name', {
      hasText: new RegExp(`^${escapeRegExp(label)}$`),
    })
    .first();
}

/** Presses Enter once the quick input's focused row is labelled `label`. */
export async function pickFocusedRow(page: Page, label: string): Promise<void> {
  await focusedRow(page, label).waitFor({ timeout: stepLimitMs });
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
