/**
 * Entry point of the data folder suite, loaded as `extensionTestsPath` in a
 * code-server of its own, whose user settings name `cptClaims.dataFolder` (a
 * machine setting, read at start): the runner writes the folder, from
 * test/support/referenceData/endToEndDataFolder.ts, before the editor starts.
 */
import { runTestsIn } from '../suite/index';

export function run(): Promise<void> {
  return runTestsIn(__dirname);
}
