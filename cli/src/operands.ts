/**
 * The operands of the command line as the list of things to check, in the
 * order given: a file, the claim files under a folder (sorted, so output
 * does not depend on the file system's order), the files a glob matches, or
 * standard input. An operand that names nothing (a missing file, a glob that
 * matches nothing, a folder without claim files) is kept in its place as a
 * read error, so it is reported in order and the rest are still checked.
 *
 * Inside a folder, as `grep -R` does: a subfolder that cannot be read is
 * reported in its place and the rest of the folder is still checked (exit 2
 * at the end); links are followed, as a glob follows them (a linked claim
 * file is checked as its target, a linked folder walked), each real folder
 * once, so a loop of links ends. A claim file name that is not a regular file
 * (a pipe, a device, a dangling link) stays in the list: the guarded reader
 * refuses it with its reason, in its place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';
import { errorText, type FileJob } from './fileCheck';

const claimExtensions = new Set(['.claim', '.837', '.x12', '.edi']);
const skippedFolders = new Set(['node_modules', '.git']);
/** Characters that make an operand a glob (when no file of that name exists). */
const globCharacters = /[*?[\]{}]/;

export type Target =
  | { kind: 'file'; job: FileJob }
  | { kind: 'stdin'; job: FileJob }
  | { kind: 'unreadable'; operand: string; reason: string };

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a folder walk finds, in order: a claim file, or a subfolder that cannot be read and why. */
type Found = { file: string } | { folder: string; reason: string };

function isClaimFileName(name: string): boolean {
  return claimExtensions.has(path.extname(name).toLowerCase());
}

/** Whether a linked entry leads to a folder (undefined when the link leads nowhere: judged as a file). */
function isLinkedFolder(full: string): boolean {
  try {
    return fs.statSync(full).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Claim files under a folder, in a stable order, with the subfolders that
 * could not be read in their place. `walked` holds the real paths of the
 * folders already walked: a link back to one (a loop) is not walked again.
 */
function walk(folder: string, walked: Set<string>): Found[] {
  const real = fs.realpathSync.native(folder);
  if (walked.has(real)) {
    return [];
  }
  walked.add(real);
  const entries = fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
  return entries.flatMap((entry): Found[] => {
    const full = path.join(folder, entry.name);
    const isFolder = entry.isDirectory() || (entry.isSymbolicLink() && isLinkedFolder(full));
    if (!isFolder) {
      return isClaimFileName(entry.name) ? [{ file: full }] : [];
    }
    if (skippedFolders.has(entry.name)) {
      return [];
    }
    try {
      return walk(full, walked);
    } catch (error) {
      return [{ folder: full, reason: errorText(error) }];
    }
  });
}

/**
 * The files a glob matches, as the shell would expand it (any extension,
 * no dot files), so quoting a glob does not change what is checked.
 */
function expandGlob(pattern: string, cwd: string): string[] {
  return globSync(pattern, { cwd, absolute: true, onlyFiles: true, expandDirectories: false, dot: false })
    .map((file) => path.normalize(file))
    .sort(byName);
}

export function expandOperands(operands: readonly string[], cwd: string, stdinFilename: string | undefined): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const addFile = (absolutePath: string, displayPath: string) => {
    // A file named twice (by a folder and a glob, say) is checked once, where it is first named.
    if (!seen.has(absolutePath)) {
      seen.add(absolutePath);
      targets.push({ kind: 'file', job: { displayPath, absolutePath } });
    }
  };
  for (const operand of operands) {
    if (operand === '-') {
      targets.push({
        kind: 'stdin',
        job: {
          displayPath: stdinFilename ?? '<stdin>',
          absolutePath: path.resolve(cwd, stdinFilename ?? 'stdin.claim'),
          ...(stdinFilename === undefined ? { unnamed: true } : {}),
        },
      });
      continue;
    }
    const absolute = path.resolve(cwd, operand);
    let isFolder: boolean;
    try {
      isFolder = fs.statSync(absolute).isDirectory();
    } catch (error) {
      if (!globCharacters.test(operand)) {
        targets.push({ kind: 'unreadable', operand, reason: errorText(error) });
        continue;
      }
      const matches = expandGlob(operand, cwd);
      if (matches.length === 0) {
        targets.push({ kind: 'unreadable', operand, reason: 'no files match this glob' });
      }
      for (const match of matches) {
        addFile(match, path.isAbsolute(operand) ? match : path.relative(cwd, match));
      }
      continue;
    }
    if (!isFolder) {
      addFile(absolute, operand);
      continue;
    }
    try {
      const found = walk(absolute, new Set());
      if (found.length === 0) {
        // As for a glob that matches nothing: a pipeline pointed at the wrong folder must not pass in silence.
        targets.push({
          kind: 'unreadable',
          operand,
          reason: `no claim files (${[...claimExtensions].join(', ')}) in this folder`,
        });
      }
      for (const item of found) {
        if ('file' in item) {
          addFile(item.file, path.join(operand, path.relative(absolute, item.file)));
        } else {
          const named = path.join(operand, path.relative(absolute, item.folder));
          targets.push({ kind: 'unreadable', operand: named, reason: `cannot read this folder: ${item.reason}` });
        }
      }
    } catch (error) {
      targets.push({ kind: 'unreadable', operand, reason: errorText(error) });
    }
  }
  return targets;
}
