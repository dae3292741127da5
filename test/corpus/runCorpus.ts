/**
 * `npm run test:corpus -- <folder>`: runs the corpus suite (corpusSuite.ts)
 * with mocha over the X12 files of the folder named on the command line.
 * Exit code 0 when every file meets its expectation, 1 when one does not,
 * 2 when no folder is named.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { corpusDirVariable } from './corpusExpectations';

function main(): void {
  const folder = process.argv[2];
  if (folder === undefined || !fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
    console.error('usage: npm run test:corpus -- <folder of X12 files>, e.g. npm run test:corpus -- ../shared/real837');
    process.exitCode = 2;
    return;
  }
  process.env[corpusDirVariable] = path.resolve(folder);
  const mocha = new Mocha({ timeout: 180000, reporter: 'spec' });
  mocha.addFile(path.join(__dirname, 'corpusSuite.js'));
  mocha.run((failures) => {
    process.exitCode = failures > 0 ? 1 : 0;
  });
}

main();
