/**
 * `npm run screenshots`: real captures of the extension at work in the VS Code
 * workbench (code-server, headless Chromium) for the README's tour: the
 * walkthrough, a hover on an add-on code, the quick fix menu, the Problems
 * panel, the inlay hints and CodeLens of a clean claim, then formatting,
 * conversion and the status bar (`tourCaptures.ts`). Saved under docs/images/.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { repoRoot } from '../../support/repoRoot';
import * as os from 'node:os';
import { chromiumArgs, chromiumPath, startCodeServer } from './codeServer';
import { openFile, openWorkbench, stepLimitMs, spanStartingWith } from './workbenchPage';
import {
  type Camera,
  type Clip,
  captureConversion,
  captureFormatting,
  captureStatusBar,
  captureWalkthrough,
  unalignedClaims,
} from './tourCaptures';

async function main(): Promise<void> {
  const root = repoRoot();
  const images = path.join(root, 'docs', 'images');
  fs.mkdirSync(images, { recursive: true });
  // A folder named `examples` in a throwaway one: the window title and Explorer show its name, the same on every run.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-shots-'));
  const workspace = path.join(scratch, 'examples');
  fs.cpSync(path.join(root, 'examples'), workspace, { recursive: true });
  fs.writeFileSync(path.join(workspace, unalignedClaims.name), unalignedClaims.text);
  // Telemetry off, as a user who turned it off has it: code-server's walkthrough page otherwise ends in its usage-data notice.
  const server = await startCodeServer({ userSettings: { 'telemetry.telemetryLevel': 'off' } });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    const camera: Camera = {
      page,
      save: async (name: string, clip?: Clip) => {
        // Animations finished: a hover captured while it fades in would be half transparent.
        await page.screenshot({ path: path.join(images, name), animations: 'disabled', ...(clip ? { clip } : {}) });
        process.stdout.write(`saved ${path.join('docs', 'images', name)}\n`);
      },
    };
    await openWorkbench(page, server, root, workspace);
    await captureWalkthrough(camera);

    await openFile(page, 'common-mistakes.claim');
    // The squiggle under the lone add-on shows the server has checked the file.
    await page.locator('.squiggly-error').first().waitFor({ timeout: stepLimitMs });
    // The hints show the server answers requests for this file, so the hover below is answered too.
    await page
      .locator('.view-lines', { hasText: 'Stereotactic localization' })
      .first()
      .waitFor({ timeout: stepLimitMs });
    // The lenses come last: without this wait the pictures below could show the file still loading.
    await page
      .locator('.codelens-decoration', { hasText: '2 problems: 1 error, 1 warning' })
      .first()
      .waitFor({ timeout: stepLimitMs });

    const addOn = spanStartingWith(page, '19284');
    await addOn.hover({ position: { x: 8, y: 6 } });
    const hover = page.locator('.monaco-hover-content', { hasText: 'add-on' });
    await hover.first().waitFor({ timeout: stepLimitMs });
    await camera.save('hover.png');

    await page.mouse.move(5, 5);
    await addOn.click({ position: { x: 8, y: 6 } });
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: 'Insert 19283' }).waitFor({ timeout: stepLimitMs });
    await camera.save('quick-fix.png');
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+Shift+M');
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'lesion' })
      .first()
      .waitFor({ timeout: stepLimitMs });
    await camera.save('problems.png');
    await page.keyboard.press('Control+Shift+M');

    // A clean claim: the lens over it and the hints at the end of each service line.
    await openFile(page, 'stereotactic-three-lesions.claim');
    await page.locator('.codelens-decoration', { hasText: 'complete' }).first().waitFor({ timeout: stepLimitMs });
    await page.locator('.view-lines', { hasText: 'lesions of 3' }).first().waitFor({ timeout: stepLimitMs });
    await camera.save('hints-and-lens.png');

    await captureFormatting(camera);
    await captureConversion(camera);
    await captureStatusBar(camera);
  } catch (error) {
    // What the page showed when a wait failed, so a failed run can be read.
    const failure = path.join(os.tmpdir(), 'cpt-claims-screenshots-failure.png');
    await Promise.all(
      browser.contexts().flatMap((context) => context.pages().map((page) => page.screenshot({ path: failure }))),
    );
    process.stderr.write(`The page at the failure: ${failure}\n`);
    throw error;
  } finally {
    await browser.close();
    server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Screenshots failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
