/**
 * Packs the extension as `npm run package` does (its own vsce options, the
 * output moved to a temporary folder), so tests look at what a user installs.
 * Needs the bundles in dist/ (npm run build).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from './repoRoot';

/** Packs the .vsix into a fresh temporary folder and returns its path; the caller removes the folder. */
export function packVsix(): string {
  const root = repoRoot();
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const script = scripts['package'] ?? '';
  const options = (script.split('vsce package')[1] ?? '').trim().split(/\s+/);
  const outIndex = options.indexOf('--out');
  if (outIndex < 0) throw new Error(`npm run package names no --out: ${script}`);
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cpt-claims-vsix-')), 'cpt-claims.vsix');
  options.splice(outIndex, 2, '--out', out);
  execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', ...options], {
    cwd: root,
    stdio: 'pipe',
  });
  return out;
}
