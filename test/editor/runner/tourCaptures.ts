/**
 * The README tour's other pictures, taken by `npm run screenshots` in the
 * same workbench: the walkthrough a new user opens first, a `.claim` file
 * before and after *Format Document*, *Convert to X12 837P* with its result
 * beside the source, and the status bar item naming the data in use. Each
 * capture waits for what it shows to be on the page (the server's hints,
 * lenses and answers, the rendered walkthrough), never for a time.
 */
import type { Locator, Page } from 'playwright-core';
import { openFile, pickFocusedRow, runCommand, stepLimitMs } from './workbenchPage';

/** A `.claim` file as typed in a hurry: indentation and columns all over the place, no problems. */
export const unalignedClaims = {
  name: 'typed-in-a-hurry.claim',
  text: [
    '# Two claims typed in a hurry: the columns wander',
    'claim CLM-2026-0010',
    'patient: DOE, JANE',
    '    dos: 2026-03-14',
    ' dx: C50.411, R92.8',
    '  lesions: 3',
    '19283-RT x1 $350.00 dx=A',
    '      19284-RT   x2 $400.00    dx=A',
    '',
    'claim   CLM-2026-0011',
    '  dos:   2026-03-20',
    '  dx: N63.10',
    '  lesions: 2',
    ' 19081-RT x1   $1200.00 dx=A',
    '  19082-RT   x1 $600.00 dx=A',
    '',
  ].join('\n'),
};

export interface Camera {
  page: Page;
  /** Saves a picture of the page (or of `clip`) as docs/images/`name`. */
  save: (name: string, clip?: Clip) => Promise<void>;
}

export interface Clip {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(locator: Locator): Promise<Clip> {
  const box = await locator.boundingBox();
  if (!box) {
    throw new Error('an element to capture is not on screen');
  }
  return box;
}

/** The primary side bar shown or hidden, waiting until the layout has changed. */
export async function showSideBar(page: Page, visible: boolean): Promise<void> {
  const sideBar = page.locator('.part.sidebar');
  if ((await sideBar.isVisible()) !== visible) {
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
  }
  await sideBar.waitFor({ state: visible ? 'visible' : 'hidden', timeout: stepLimitMs });
}

/** *Welcome: Open Walkthrough...*, *Check your first claim*: its steps and the first step's rendered media. */
export async function captureWalkthrough({ page, save }: Camera): Promise<void> {
  // Without the side bar the walkthrough has room for its steps and their media side by side, as on a desktop window.
  await showSideBar(page, false);
  await runCommand(page, 'Welcome: Open Walkthrough...');
  // Typed only once the walkthroughs are listed: keys pressed earlier would go to the closing command palette.
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: 'Check your first claim' })
    .waitFor({ timeout: stepLimitMs });
  await page.keyboard.type('Check your first claim');
  await pickFocusedRow(page, 'Check your first claim');
  const walkthrough = page.locator('.gettingStartedContainer');
  await walkthrough
    .locator('.getting-started-step.expanded', { hasText: 'Open a sample claim' })
    .waitFor({ timeout: stepLimitMs });
  await walkthrough
    .locator('.getting-started-step', { hasText: 'Load a licensed descriptor file' })
    .waitFor({ timeout: stepLimitMs });
  // The step's markdown media renders in a webview: wait for its text, not for the empty frame.
  const media = page
    .frameLocator('iframe.webview.ready')
    .frameLocator('iframe')
    .locator('body', { hasText: 'one claim after another' });
  await media.waitFor({ timeout: stepLimitMs });
  // The workbench starts the extensions while the page renders; the picture shows it ready, not "Activating Extensions...".
  await page
    .locator('.statusbar-item', { hasText: 'Activating Extensions' })
    .waitFor({ state: 'detached', timeout: stepLimitMs });
  await save('walkthrough.png');
  await page.locator('.tab.active', { hasText: 'Walkthrough' }).locator('.codicon-close').click();
  await walkthrough.waitFor({ state: 'detached', timeout: stepLimitMs });
  await showSideBar(page, true);
}

/** The editor area from its tabs down to just below the last line of text. */
async function editorClip(page: Page): Promise<Clip> {
  const editorPart = await boxOf(page.locator('.part.editor'));
  const lastLine = await boxOf(page.locator('.monaco-editor .view-line').last());
  return { ...editorPart, height: Math.min(editorPart.height, lastLine.y + lastLine.height + 16 - editorPart.y) };
}

/**
 * Waits until a rendered line of the editor (hints included) matches `pattern`,
 * its spaces read as spaces: the page renders them as no-break spaces.
 */
async function waitForLine(page: Page, pattern: RegExp): Promise<void> {
  // A string expression: it runs in the page, where this project's (DOM-free) types do not reach.
  const wanted = `new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)})`;
  const someLineMatches = `[...document.querySelectorAll('.monaco-editor .view-line')].some((line) => ${wanted}.test(line.textContent.replace(/\\u00a0/g, ' ')))`;
  await page.waitForFunction(someLineMatches, null, { timeout: stepLimitMs });
}

/** A `.claim` file before and after *Format Document*: the same crop of the editor. */
export async function captureFormatting({ page, save }: Camera): Promise<void> {
  await openFile(page, unalignedClaims.name);
  // The summaries after the codes show the server has read the file.
  await waitForLine(page, /19082-RT.*Stereotactic needle biopsy/);
  await waitForLine(page, /^claim {3}CLM-2026-0011/);
  // The lenses come after the hints: a picture without them would show a file still loading.
  await page.locator('.codelens-decoration', { hasText: '19283 x1 + 19284 x2' }).waitFor({ timeout: stepLimitMs });
  await page.locator('.codelens-decoration', { hasText: '19081 x1 + 19082 x1' }).waitFor({ timeout: stepLimitMs });
  await save('format-before.png', await editorClip(page));

  await runCommand(page, 'Format Document');
  // The formatter's edits on the page: headers indented, the claim line's spaces, and the columns.
  await waitForLine(page, /^claim CLM-2026-0011$/);
  await waitForLine(page, /^ {2}patient: DOE, JANE$/);
  // The hints sit at the end of the line, after the columns.
  await waitForLine(page, /^ {2}19082-RT {3}x1 {4}\$600\.00 {3}dx=A\b/);
  await page.locator('.codelens-decoration', { hasText: '19081 x1 + 19082 x1' }).waitFor({ timeout: stepLimitMs });
  await save('format-after.png', await editorClip(page));
}

/** *Convert to X12 837P* on a clean claim: the generated 837 beside it, checked by the server, and the notes. */
export async function captureConversion({ page, save }: Camera): Promise<void> {
  await showSideBar(page, false);
  await openFile(page, 'stereotactic-three-lesions.claim');
  await page.locator('.codelens-decoration', { hasText: 'complete' }).first().waitFor({ timeout: stepLimitMs });
  await runCommand(page, 'CPT Claims: Convert to X12 837P');
  const result = page.locator('.editor-group-container').nth(1);
  await result.locator('.tab.active', { hasText: 'Untitled' }).waitFor({ timeout: stepLimitMs });
  await result.locator('.view-line', { hasText: 'SV1*HC:19284:RT*400*UN*2***1~' }).waitFor({ timeout: stepLimitMs });
  // The lens over the 837's claim shows the server has checked the new document.
  await result.locator('.codelens-decoration', { hasText: 'no problems' }).waitFor({ timeout: stepLimitMs });
  await page.locator('.notification-toast', { hasText: 'Converted 1 claim' }).waitFor({ timeout: stepLimitMs });
  await save('conversion.png');
}

/** The status bar item for the active claim document, with its tooltip: a crop of the window's lower right. */
export async function captureStatusBar({ page, save }: Camera): Promise<void> {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await page.locator('.notification-toast').first().waitFor({ state: 'detached', timeout: stepLimitMs });
  const item = page.locator('.statusbar-item', { hasText: 'CPT: bundled' });
  await item.waitFor({ timeout: stepLimitMs });
  await item.hover();
  const tooltip = page.locator('.workbench-hover', { hasText: 'Codes: the bundled data' });
  await tooltip.waitFor({ timeout: stepLimitMs });
  const viewport = page.viewportSize() ?? { width: 1280, height: 760 };
  const top = (await boxOf(tooltip)).y - 24;
  const width = 640;
  await save('status-bar.png', { x: viewport.width - width, y: top, width, height: viewport.height - top });
}
