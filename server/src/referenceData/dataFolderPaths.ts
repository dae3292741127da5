/**
 * Where the data folder and the cache are: the folder a setting or `--data`
 * names, and the cache folder when the editor gives none. Both programs
 * resolve them here, so `~` and relative paths mean the same everywhere.
 */
import * as os from 'node:os';
import * as path from 'node:path';

/** The cache's own subfolder, so removing unused entries never looks at anything else of the cache root. */
const cacheSubfolder = 'reference-data';

/**
 * The folder a value names: `~` or `~/...` under the home folder, a relative
 * path against `base` (the config file's folder for `claim-lint`); without a
 * base a relative path is refused, since a machine setting has no folder to
 * be relative to.
 */
export function resolveDataFolder(
  value: string,
  base?: string,
  home = os.homedir(),
): { folder: string } | { problem: string } {
  const trimmed = value.trim();
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith(`~${path.sep}`)) {
    return { folder: path.join(home, trimmed.slice(1)) };
  }
  if (path.isAbsolute(trimmed)) {
    return { folder: path.normalize(trimmed) };
  }
  if (base !== undefined) {
    return { folder: path.resolve(base, trimmed) };
  }
  return { problem: `"${trimmed}" is not an absolute path; name the folder in full (or start it with ~/).` };
}

/**
 * The cache root when none is given: `$XDG_CACHE_HOME/cpt-claims`, else
 * `%LOCALAPPDATA%\cpt-claims` on Windows, else `~/.cache/cpt-claims`.
 */
export function defaultCacheRoot(
  env: NodeJS.ProcessEnv = process.env,
  home = os.homedir(),
  platform: NodeJS.Platform = process.platform,
): string {
  const xdg = env['XDG_CACHE_HOME'];
  if (xdg !== undefined && path.isAbsolute(xdg)) {
    return path.join(xdg, 'cpt-claims');
  }
  const local = env['LOCALAPPDATA'];
  if (platform === 'win32' && local !== undefined && path.isAbsolute(local)) {
    return path.join(local, 'cpt-claims');
  }
  return path.join(home, '.cache', 'cpt-claims');
}

/** The folder the table cache writes in, under a cache root (the editor's storage, `--cache-dir`, or the default). */
export function tableCacheFolder(root: string): string {
  return path.join(root, cacheSubfolder);
}
