/**
 * Entry point of the workspace-folders suite, loaded as `extensionTestsPath`
 * in a window of its own: a multi-root workspace (a `.code-workspace` file),
 * where a folder can be added and removed without VS Code restarting the
 * extension host, which it does when a single-folder window becomes multi-root.
 */
import { runTestsIn } from '../suite/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
