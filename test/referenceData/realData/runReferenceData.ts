/**
 * `npm run test:reference-data -- <folder>`: runs the reference-data suites
 * (referenceDataSuite.ts, the code sets; editFilesSuite.ts, the CMS edit
 * files' layouts) with mocha on the official downloads found under
 * the folder named on the command line (CI: `../shared/data`). Exit code 0
 * when every check holds, 1 when one does not, 2 when no folder is named.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { referenceDataDirVariable } from './officialFiles';

function main(): void {
  const folder = process.argv[2];
  if (folder === undefined || !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error(
      'usage: npm run test:reference-data -- <folder of official downloads>, e.g. npm run test:reference-data -- ../shared/data',
    );
    process.exitCode = 2;
    return;
  }
  process.env[referenceDataDirVariable] = path.resolve(folder);
  const mocha = new Mocha({ timeout: 180000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'referenceDataSuite.js'));
  mocha.addFile(path.join(__dirname, 'editFilesSuite.js'));
  mocha.run((failures) => {
    process.exitCode = failures > 0 ? 1 : 0;
  });
}

main();
