/**
 * `npm run test:installed`: a new user's first session, through the user
 * interface only. The `.vsix` that `npm run package` wrote is installed into a
 * fresh code-server with the command the README gives; the extension runs as
 * installed (no development path, no test hooks), with workspace trust on.
 * In headless Chromium the user trusts the folder in the prompt VS Code shows
 * first, opens the walkthrough from the command palette and clicks each
 * step's button: open the sample, open Problems (and the problem's rule link,
 * which opens the rule's page rendered), apply the fix, choose a descriptor
 * file. Each step must be ticked by VS Code itself, and what the step promises
 * must be on screen: the problem in the Problems panel, none after the fix,
 * the descriptor file in the status bar and in the hover. Then, in another
 * folder, the user answers "No": in Restricted Mode the claim is still
 * checked, and the descriptor file the folder's settings name is not read.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { repoRoot } from '../../support/repoRoot';
import { chromiumArgs, chromiumPath, type RunningCodeServer, startCodeServer } from './codeServer';
import { openFile, runCommand, stepLimitMs } from './workbenchPage';
import { openWalkthroughFromPalette, stepButton, stepDone, walkthroughStep } from './walkthroughPage';

const walkthroughId = 'cpt-claims.cpt-claims#firstClaim';
const vsixName = 'cpt-claims.vsix';

/** The README's install command for code-server, as arguments after `code-server`; fails if the README lost it. */
function readmeInstallArguments(readme: string): string[] {
  const match = /code-server (--install-extension \S+\.vsix)/.exec(readme);
  if (!match?.[1]) {
    throw new Error(
      'README.md no longer says how to install the .vsix in code-server (code-server --install-extension …)',
    );
  }
  return match[1].split(' ');
}

/** A new user's folder: their own licensed descriptor file in it, nothing else (no settings). */
function newUserFolder(root: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-new-user-'));
  fs.copyFileSync(
    path.join(root, 'test', 'editor', 'fixtures', 'workspace', 'licensed', 'org-cpt.tsv'),
    path.join(folder, 'org-cpt.tsv'),
  );
  return folder;
}

/**
 * A folder the user does not trust: a claim file with a lone add-on, and workspace settings naming the descriptor
 * file beside it, which VS Code does not give an extension in Restricted Mode (`restrictedConfigurations`).
 */
function untrustedFolder(root: string): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-untrusted-'));
  const fixtures = path.join(root, 'test', 'editor', 'fixtures', 'workspace');
  fs.copyFileSync(path.join(fixtures, 'lone-addon.claim'), path.join(folder, 'lone-addon.claim'));
  fs.copyFileSync(path.join(fixtures, 'licensed', 'org-cpt.tsv'), path.join(folder, 'org-cpt.tsv'));
  fs.mkdirSync(path.join(folder, '.vscode'));
  fs.writeFileSync(
    path.join(folder, '.vscode', 'settings.json'),
    JSON.stringify({ 'cptClaims.descriptorFiles': ['org-cpt.tsv'] }),
  );
  return folder;
}

interface Step {
  name: string;
  run(page: Page): Promise<void>;
}

function steps(folder: string): Step[] {
  const editor = (page: Page) =>
    page.locator('.editor-group-container .monaco-editor .view-lines').filter({ hasText: 'SAMPLE-0001' }).first();
  return [
    {
      name: 'trusts the folder in the prompt VS Code shows on opening it',
      run: async (page) => {
        // Workspace trust is on, as for a new user: opening a folder first asks whether to trust its authors.
        const trust = page.locator('.monaco-dialog-box .monaco-button', { hasText: 'Yes, I trust the authors' });
        await trust.click({ timeout: stepLimitMs });
        await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: stepLimitMs });
      },
    },
    {
      name: 'opens "Check your first claim" from Welcome: Open Walkthrough...',
      run: async (page) => {
        // VS Code's own "Get Started" walkthrough opens in a new user's first window, and the
        // picker does not switch a walkthrough page already open: close it first, as the README says.
        await page.locator('.gettingStartedContainer .getting-started-step').first().waitFor({ timeout: stepLimitMs });
        await runCommand(page, 'View: Close All Editors');
        await page.locator('.gettingStartedContainer').waitFor({ state: 'detached', timeout: stepLimitMs });
        await openWalkthroughFromPalette(page, 'Check your first claim');
        await walkthroughStep(page, walkthroughId, 'openSample').waitFor({ timeout: stepLimitMs });
      },
    },
    {
      name: 'step 1: "Open Sample Claim" opens the sample beside the walkthrough, with its problem underlined',
      run: async (page) => {
        await stepButton(page, walkthroughId, 'openSample', 'Open Sample Claim').click();
        await editor(page).waitFor({ timeout: stepLimitMs });
        await page
          .locator('.editor-group-container .monaco-editor .squiggly-error')
          .first()
          .waitFor({ timeout: stepLimitMs });
        // Still in view beside the sample: the next step can be clicked without finding the tab again.
        await page.locator('.gettingStartedContainer').waitFor({ timeout: stepLimitMs });
        await stepDone(page, walkthroughId, 'openSample');
      },
    },
    {
      name: 'step 2: "Open Problems" lists the lone add-on with its rule id',
      run: async (page) => {
        await walkthroughStep(page, walkthroughId, 'seeProblem').click();
        await stepButton(page, walkthroughId, 'seeProblem', 'Open Problems').click();
        await page
          .locator('.markers-panel .monaco-list-row', { hasText: 'addon-without-primary' })
          .first()
          .waitFor({ timeout: stepLimitMs });
        await stepDone(page, walkthroughId, 'seeProblem');
      },
    },
    {
      name: "the problem's rule id opens the rule's page rendered, in the Markdown preview",
      run: async (page) => {
        await page
          .locator('.markers-panel .monaco-list-row a.monaco-link', { hasText: 'addon-without-primary' })
          .first()
          .click({ timeout: stepLimitMs });
        const preview = page.locator('.tab[aria-label*="Preview addon-without-primary.md"]');
        await preview.waitFor({ timeout: stepLimitMs });
        // Closed with its tab's button: it covers the walkthrough, which the next step needs.
        await preview.locator('.tab-actions .action-label').click({ timeout: stepLimitMs });
        await preview.waitFor({ state: 'detached', timeout: stepLimitMs });
      },
    },
    {
      name: 'step 3: "Show the Fixes" lists the fixes; the first-lesion line clears the problems',
      run: async (page) => {
        await walkthroughStep(page, walkthroughId, 'applyFix').click();
        await stepButton(page, walkthroughId, 'applyFix', 'Show the Fixes').click();
        // The fixes of the problem under the cursor, in a quick pick; the first is the one to take.
        await page
          .locator('.quick-input-widget .quick-input-title', { hasText: 'Fixes for the problem under the cursor' })
          .waitFor({ timeout: stepLimitMs });
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'Insert 19283-LT x1 above +19284' })
          .click({ timeout: stepLimitMs });
        await editor(page).filter({ hasText: '19283-LT' }).waitFor({ timeout: stepLimitMs });
        await page
          .locator('.markers-panel .monaco-list-row', { hasText: 'addon-without-primary' })
          .waitFor({ state: 'detached', timeout: stepLimitMs });
        await page
          .locator('.editor-group-container .monaco-editor .squiggly-error')
          .waitFor({ state: 'detached', timeout: stepLimitMs });
        await stepDone(page, walkthroughId, 'applyFix');
      },
    },
    {
      name: 'step 4: "Choose a Descriptor File" sets the file; the status bar and the hover use it',
      run: async (page) => {
        await walkthroughStep(page, walkthroughId, 'loadDescriptors').click();
        await stepButton(page, walkthroughId, 'loadDescriptors', 'Choose a Descriptor File').click();
        // code-server's open dialog is a quick input listing a folder; a click on a file chooses it.
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ timeout: stepLimitMs });
        await input.fill(`${folder}/`);
        await page
          .locator('.quick-input-list .monaco-list-row', { hasText: 'org-cpt.tsv' })
          .click({ timeout: stepLimitMs });
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: stepLimitMs });
        await stepDone(page, walkthroughId, 'loadDescriptors');
        // The status bar item shows while a claim file is the active editor.
        const code = editor(page)
          .locator('span', { hasText: /^19283/ })
          .first();
        await code.click();
        await page.locator('.statusbar-item', { hasText: 'CPT: org-cpt.tsv' }).waitFor({ timeout: stepLimitMs });
        await code.hover();
        await page
          .locator('.monaco-hover', { hasText: 'LICENSED TEXT FOR 19283 FROM THE ORGANISATION FILE' })
          .first()
          .waitFor({ timeout: stepLimitMs });
      },
    },
  ];
}

/**
 * Another folder, answered "No" in the trust prompt: in Restricted Mode the extension still checks claims (package.json
 * says `limited` support), and the descriptor file the folder's settings name is not read (the status bar says bundled).
 */
function untrustedSteps(): Step[] {
  return [
    {
      name: 'an untrusted folder (Restricted Mode): its claim is checked, the descriptor file its settings name is not read',
      run: async (page) => {
        await page
          .locator('.monaco-dialog-box .monaco-button', { hasText: /^No, I don.t trust the authors/ })
          .click({ timeout: stepLimitMs });
        await page.locator('.monaco-dialog-box').waitFor({ state: 'detached', timeout: stepLimitMs });
        await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: stepLimitMs });
        await openFile(page, 'lone-addon.claim');
        await page
          .locator('.editor-group-container .monaco-editor .squiggly-error')
          .first()
          .waitFor({ timeout: stepLimitMs });
        await page.locator('.statusbar-item', { hasText: 'CPT: bundled' }).waitFor({ timeout: stepLimitMs });
      },
    },
  ];
}

/** Opens the folder in a new page and runs the steps in turn; after a failure the rest are listed, not run. */
async function runSteps(
  browser: Browser,
  server: RunningCodeServer,
  folder: string,
  steps: readonly Step[],
): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(`${server.baseUrl}/?folder=${encodeURIComponent(server.remoteUri(folder))}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: stepLimitMs });
  let failed = 0;
  for (const step of steps) {
    if (failed > 0) {
      process.stdout.write(`    - ${step.name} (not run)\n`);
      continue;
    }
    try {
      await step.run(page);
      process.stdout.write(`    ✓ ${step.name}\n`);
    } catch (error) {
      failed++;
      process.stdout.write(
        `    ✗ ${step.name}\n      ${error instanceof Error ? error.message.split('\n').slice(0, 12).join('\n      ') : String(error)}\n`,
      );
      const picture = path.join(os.tmpdir(), 'cpt-claims-installed-walkthrough-failure.png');
      await page.screenshot({ path: picture });
      process.stdout.write(`      the window at the failure: ${picture}\n`);
    }
  }
  await page.close();
  return failed === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  const root = repoRoot();
  const vsix = path.join(root, vsixName);
  if (!fs.existsSync(vsix)) {
    process.stderr.write(`${vsixName} is not built: run npm run package first.\n`);
    return 1;
  }
  const install = readmeInstallArguments(fs.readFileSync(path.join(root, 'README.md'), 'utf8')).map((arg) =>
    arg === vsixName ? vsix : arg,
  );
  process.stdout.write(
    `\n  the installed .vsix, a new user's walkthrough (code-server ${install.join(' ').replace(vsix, vsixName)})\n`,
  );
  const folder = newUserFolder(root);
  const untrusted = untrustedFolder(root);
  const server = await startCodeServer({ setupCommands: [install], workspaceTrust: true });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    const walked = await runSteps(browser, server, folder, steps(folder));
    const restricted = await runSteps(browser, server, untrusted, untrustedSteps());
    return walked === 0 ? restricted : walked;
  } finally {
    await browser?.close();
    server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
    fs.rmSync(untrusted, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `The installed-extension test could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
