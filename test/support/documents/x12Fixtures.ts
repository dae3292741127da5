/**
 * The X12 837P fixture files shared by the unit, protocol and editor suites,
 * each with the rule ids it must produce (`expected.json`): a clean claim, the
 * add-on and units cases, and every integrity rule firing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../repoRoot';

export interface X12Fixture {
  name: string;
  text: string;
  expected: string[];
}

export function x12Fixtures(): X12Fixture[] {
  const dir = path.join(repoRoot(), 'test', 'editor', 'fixtures', 'workspace', 'x12');
  const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<string, string[]>;
  return Object.entries(expected).map(([name, codes]) => ({
    name,
    text: fs.readFileSync(path.join(dir, name), 'utf8'),
    expected: codes,
  }));
}
