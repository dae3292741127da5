/**
 * `npm run test:desktop`: the same editor suite in desktop VS Code through
 * @vscode/test-electron, for machines with a VS Code executable
 * (VSCODE_EXECUTABLE_PATH) or the internet to download one. CI here has
 * neither and runs the code-server runner instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copyFixtures, makeFoldersWorkspace } from './codeServer';
import { repoRoot } from '../../support/repoRoot';

async function main(): Promise<void> {
  const root = repoRoot();
  const workspace = copyFixtures();
  const foldersWorkspace = makeFoldersWorkspace();
  try {
    const executable = process.env['VSCODE_EXECUTABLE_PATH'];
    // The workspace-folders suite needs a multi-root window of its own (see docs/editor-testing.md).
    for (const [suite, opened] of [
      ['suite', workspace],
      ['folders', foldersWorkspace],
    ] as const) {
      await runTests({
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'out', 'test', 'editor', suite, 'index.js'),
        launchArgs: [opened, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust'],
        ...(executable ? { vscodeExecutablePath: executable } : { version: '1.100.3' }),
      });
    }
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.rmSync(path.dirname(foldersWorkspace), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Desktop editor tests failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
