/**
 * The repository root, found by walking up from the compiled test to the
 * package.json of this project, so tests run from any working directory.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (
      fs.existsSync(manifest) &&
      (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'cpt-claims'
    ) {
      return dir;
    }
  }
  throw new Error(`no cpt-claims package.json above ${__dirname}`);
}
