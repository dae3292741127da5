/**
 * `npm run test:editor`: runs the editor suite inside a real VS Code
 * extension host, the one of code-server, driven by headless Chromium. The
 * suite's result comes back through `codeAutomationExit`, mocha's report
 * through `codeAutomationLog`. Then the workspace-folders suite runs in a
 * multi-root window of its own, and the colouring is checked on the rendered
 * page, and the data folder suite in a code-server of its own whose user
 * settings name a data folder written for it. Exits non-zero if anything
 * fails or a suite never runs.
 *
 * `npm run test:editor -- dataFolder` runs only the parts named: `folders`,
 * `suite`, `colouring`, `dataFolder` (all of them when none is named).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { type Browser, chromium } from 'playwright-core';
import { repoRoot } from '../../support/repoRoot';
import { writeEndToEndDataFolder } from '../../support/referenceData/endToEndDataFolder';
import {
  chromiumArgs,
  chromiumPath,
  copyFixtures,
  makeFoldersWorkspace,
  type RunningCodeServer,
  startCodeServer,
} from './codeServer';
import {
  checkColouring,
  checkSemanticColours,
  claimExpectations,
  claimSemanticExpectations,
  x12Expectations,
} from './colouringCheck';
import { openWorkbench } from './workbenchPage';

const suiteLimitMs = 240000;

/** Runs the mocha suite in the extension host; resolves with its exit code. */
async function runSuite(
  browser: Browser,
  server: RunningCodeServer,
  root: string,
  workspace: string,
  suite = 'suite',
): Promise<number> {
  const testsPath = path.join(root, 'out', 'test', 'editor', suite, 'index.js');
  const page = await browser.newPage();
  let printed = false;
  const exitCode = new Promise<number>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => resolve(code));
  });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    printed = true;
    // Mocha's reporter logs printf-style: a format string, then its arguments.
    process.stdout.write(`${format(...args)}\n`);
  });
  await openWorkbench(page, server, root, workspace, [['extensionTestsPath', server.remoteUri(testsPath)]]);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<number>((resolve) => {
    timer = setTimeout(() => {
      process.stderr.write(`The editor suite did not finish within ${suiteLimitMs / 1000} s.\n`);
      resolve(1);
    }, suiteLimitMs);
  });
  const code = await Promise.race([exitCode, timeout]);
  clearTimeout(timer);
  await page.close();
  if (!printed) {
    process.stderr.write('The editor suite printed nothing: it did not run.\n');
    return 1;
  }
  return code;
}

async function runColouringCheck(
  browser: Browser,
  server: RunningCodeServer,
  root: string,
  workspace: string,
): Promise<number> {
  process.stdout.write('\n  colouring in the rendered workbench\n');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openWorkbench(page, server, root, workspace);
  const failures = [
    ...(await checkColouring(page, path.join(workspace, 'clean.claim'), 'clean.claim', claimExpectations)),
    // clean.claim is still the active editor.
    ...(await checkSemanticColours(page, claimSemanticExpectations, ['19283', '19284', 'RT'])),
    ...(await checkColouring(page, path.join(workspace, 'two-claims.837'), 'two-claims.837', x12Expectations)),
  ];
  await page.close();
  failures.forEach((failure) => process.stderr.write(`    ✗ ${failure}\n`));
  return failures.length === 0 ? 0 : 1;
}

/**
 * The data folder suite: `cptClaims.dataFolder` is a machine setting read when the editor starts, so this suite
 * gets a code-server whose user settings name the folder, and a workspace of its own claims.
 */
async function runDataFolderSuite(browser: Browser, root: string): Promise<number> {
  const dataFolder = writeEndToEndDataFolder();
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-data-workspace-'));
  fs.cpSync(path.join(root, 'test', 'editor', 'fixtures', 'dataFolder'), workspace, { recursive: true });
  try {
    const server = await startCodeServer({ userSettings: { 'cptClaims.dataFolder': dataFolder } });
    try {
      return await runSuite(browser, server, root, workspace, 'dataFolder');
    } finally {
      server.stop();
    }
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(dataFolder, { recursive: true, force: true });
  }
}

const parts = ['folders', 'suite', 'colouring', 'dataFolder'];

async function main(): Promise<number> {
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !parts.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown part(s) ${unknown.join(', ')}: name any of ${parts.join(', ')}.\n`);
    return 1;
  }
  const runs = (part: string) => named.length === 0 || named.includes(part);
  const root = repoRoot();
  if (
    !fs.existsSync(path.join(root, 'out', 'test', 'editor', 'suite', 'index.js')) ||
    !fs.existsSync(path.join(root, 'out', 'test', 'editor', 'dataFolder', 'index.js')) ||
    !fs.existsSync(path.join(root, 'dist', 'server.js'))
  ) {
    process.stderr.write('The editor suite is not built: run npm run build first.\n');
    return 1;
  }
  const workspace = copyFixtures();
  const foldersWorkspace = makeFoldersWorkspace();
  const server = await startCodeServer();
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
    // The multi-root window first: opened after another window, it sometimes came up without its folder (the
    // workbench had not read the workspace file), while a folder window opens the same whatever came before.
    const folders = runs('folders') ? await runSuite(browser, server, root, foldersWorkspace, 'folders') : 0;
    const suite = runs('suite') ? await runSuite(browser, server, root, workspace) : 0;
    const colouring = runs('colouring') ? await runColouringCheck(browser, server, root, workspace) : 0;
    const dataFolder = runs('dataFolder') ? await runDataFolderSuite(browser, root) : 0;
    return [suite, folders, colouring, dataFolder].find((code) => code !== 0) ?? 0;
  } finally {
    await browser?.close();
    server.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(path.dirname(foldersWorkspace), { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `The editor tests could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
