/**
 * `npm run screenshots`: real captures of the extension at work in the VS Code
 * workbench (code-server, headless Chromium) for the README: a hover on an
 * add-on code, the quick fix menu, the Problems panel, and the inlay hints and
 * CodeLens of a clean claim. Saved under docs/images/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../support/repoRoot';
import * as os from 'node:os';
import { chromiumArgs, chromiumPath, startCodeServer } from './codeServer';
import { openFile, openWorkbench, stepLimitMs, spanStartingWith } from './workbenchPage';

async function main(): Promise<void> {
  const root = repoRoot();
  const images = path.join(root, 'docs', 'images');
  fs.mkdirSync(images, { recursive: true });
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-shots-'));
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  const server = await startCodeServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    await openWorkbench(page, server, root, workspace);
    await openFile(page, 'common-mistakes.claim');
    // The squiggle under the lone add-on shows the server has checked the file.
    await page.locator('.squiggly-error').first().waitFor({ timeout: stepLimitMs });
    // The hints show the server answers requests for this file, so the hover below is answered too.
    await page.locator('.view-lines', { hasText: 'Stereotactic localization' }).first().waitFor({ timeout: stepLimitMs });

    const addOn = spanStartingWith(page, '19284');
    await addOn.hover({ position: { x: 8, y: 6 } });
    const hover = page.locator('.monaco-hover-content', { hasText: 'add-on' });
    await hover.first().waitFor({ timeout: stepLimitMs });
    await page.screenshot({ path: path.join(images, 'hover.png') });
    process.stdout.write(`saved ${path.join('docs', 'images', 'hover.png')}\n`);

    await page.mouse.move(5, 5);
    await addOn.click({ position: { x: 8, y: 6 } });
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: 'Insert 19283' }).waitFor({ timeout: stepLimitMs });
    await page.screenshot({ path: path.join(images, 'quick-fix.png') });
    process.stdout.write(`saved ${path.join('docs', 'images', 'quick-fix.png')}\n`);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'lesion' }).first().waitFor({ timeout: stepLimitMs });
    await page.screenshot({ path: path.join(images, 'problems.png') });
    process.stdout.write(`saved ${path.join('docs', 'images', 'problems.png')}\n`);
    await page.keyboard.press('Control+Shift+M');

    // A clean claim: the lens over it and the hints after each code and its units.
    await openFile(page, 'stereotactic-three-lesions.claim');
    await page.locator('.codelens-decoration', { hasText: 'complete' }).first().waitFor({ timeout: stepLimitMs });
    await page.locator('.view-lines', { hasText: 'of 3 lesions' }).first().waitFor({ timeout: stepLimitMs });
    await page.screenshot({ path: path.join(images, 'hints-and-lens.png') });
    process.stdout.write(`saved ${path.join('docs', 'images', 'hints-and-lens.png')}\n`);
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Screenshots failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
