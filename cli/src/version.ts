/**
 * claim-lint's version. scripts/bundle.mjs writes the package's version into
 * the bundle, so `dist/claim-lint.js` knows it wherever it is copied (a CI
 * image, a folder without the package beside it). Run from tsc's output
 * (`out/`, as the unit tests do), it reads the package.json above it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Replaced by its value at bundle time (esbuild's `define`); undeclared in `out/`. */
declare const CLAIM_LINT_VERSION: string | undefined;

function versionFromManifest(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === 'cpt-claims' && typeof manifest.version === 'string') {
        return manifest.version;
      }
    } catch {
      // not here; look further up
    }
  }
  return 'unknown';
}

export function version(): string {
  return typeof CLAIM_LINT_VERSION === 'string' ? CLAIM_LINT_VERSION : versionFromManifest();
}
