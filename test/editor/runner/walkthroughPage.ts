/**
 * The walkthrough page of the VS Code workbench, as a user sees it: opened
 * from the command palette, its steps found by id, their buttons clicked,
 * their ticks read from the page. Used by the installed-extension test.
 */
import type { Locator, Page } from 'playwright-core';
import { runCommand, stepLimitMs } from './workbenchPage';

/** Welcome: Open Walkthrough..., then the walkthrough of this title in its picker. */
export async function openWalkthroughFromPalette(page: Page, title: string): Promise<void> {
  await runCommand(page, 'Welcome: Open Walkthrough...');
  const input = page.locator('.quick-input-widget input');
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: title })
    .first()
    .waitFor({ timeout: stepLimitMs });
  await input.fill(title);
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: title })
    .first()
    .waitFor({ timeout: stepLimitMs });
  await page.keyboard.press('Enter');
}

/** The step's entry in the step list: clicking it expands the step. */
export function walkthroughStep(page: Page, walkthroughId: string, stepId: string): Locator {
  return page.locator(`.getting-started-step[data-step-id="${walkthroughId}#${stepId}"]`);
}

/** The button a step's description makes of its `[label](command:...)` link. */
export function stepButton(page: Page, walkthroughId: string, stepId: string, label: string): Locator {
  return walkthroughStep(page, walkthroughId, stepId).locator('.button-container .monaco-button', { hasText: label });
}

/** Resolves once VS Code ticks the step, which it does on the step's own completion events. */
export async function stepDone(page: Page, walkthroughId: string, stepId: string): Promise<void> {
  const ticks = page.locator(`.codicon[data-done-step-id^="${walkthroughId}#"]`);
  try {
    await ticks
      .and(page.locator(`[data-done-step-id="${walkthroughId}#${stepId}"][aria-checked="true"]`))
      .waitFor({ state: 'attached', timeout: stepLimitMs });
  } catch (error) {
    // Which steps were ticked says more than the timeout does.
    const states: string[] = [];
    for (const box of await ticks.all()) {
      states.push(
        `${(await box.getAttribute('data-done-step-id'))?.split('#').pop() ?? '?'}=${(await box.getAttribute('aria-checked')) ?? '?'}`,
      );
    }
    throw new Error(
      `the step ${stepId} was not ticked (ticks: ${states.join(', ')}): ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`,
    );
  }
}
