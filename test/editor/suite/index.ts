/**
 * Entry point the editor loads as `extensionTestsPath`: runs the mocha suite
 * inside the extension host and settles with the result, for both runners
 * (code-server here, desktop VS Code through @vscode/test-electron).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}

/** Runs the `*.test.js` files of a folder (also for the suites that need a window of their own, e.g. `../folders`). */
export function runTestsIn(directory: string): Promise<void> {
  // Inside the extension host a test must finish: a bounded timeout makes a hang a failure.
  const mocha = new Mocha({ ui: 'bdd', timeout: 30000, color: false, reporter: 'spec' });
  const files = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  files.forEach((file) => mocha.addFile(path.join(directory, file)));
  return new Promise((resolve, reject) => {
    if (files.length === 0) {
      reject(new Error(`no editor tests found in ${directory}`));
      return;
    }
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
