/**
 * The name a conversion's result is given: the source's name with the other
 * format's extension (`batch.claim` gives `batch.837`, `batch.837` gives
 * `batch.claim`), numbered (`batch-2.837`) when that name is taken by a file
 * or by an editor already open, so saving the result never overwrites a file.
 * No vscode import, so unit tests read it.
 */
import * as path from 'node:path';

/** The extension of each target language's files. */
const extensionOf = { x12: '.837', claim: '.claim' } as const;

/** More tries than anyone keeps conversions of one file: past it the name is left numbered by the time of day. */
const maxNumbered = 999;

/**
 * The result's path (POSIX, as URI paths are) beside the source, given the source's URI path;
 * `taken` says whether a path is a file or an open editor already.
 */
export async function convertedPath(
  sourcePath: string,
  language: keyof typeof extensionOf,
  taken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  const folder = path.posix.dirname(sourcePath);
  const stem = path.posix.basename(sourcePath, path.posix.extname(sourcePath)) || 'converted';
  const extension = extensionOf[language];
  for (let n = 1; n <= maxNumbered; n++) {
    const candidate = path.posix.join(folder, `${stem}${n === 1 ? '' : `-${n}`}${extension}`);
    if (!(await taken(candidate))) {
      return candidate;
    }
  }
  return path.posix.join(folder, `${stem}-${Date.now()}${extension}`);
}
