/** What an importer says about the lines of a file it could not use, in the words of the reports. */

/** How many line numbers of bad rows a report quotes. */
export const quotedBadLines = 5;

/** The lines of a file that were not understood: how many, and the first few. */
export class LineTally {
  count = 0;
  readonly first: number[] = [];

  add(line: number): void {
    this.count++;
    if (this.first.length < quotedBadLines) {
      this.first.push(line);
    }
  }
}

/** `3 lines not understood (line 8, 9, 12); they are left out.`, or undefined when there were none. */
export function linesNotUnderstood(count: number, firstLines: readonly number[]): string | undefined {
  if (count === 0) {
    return undefined;
  }
  const more = count > firstLines.length ? ', ...' : '';
  const noun = count === 1 ? 'line' : 'lines';
  return `${count.toLocaleString('en-US')} ${noun} not understood (line ${firstLines.join(', ')}${more}); ${count === 1 ? 'it is' : 'they are'} left out.`;
}

/** Two sentences of a report as one, either possibly absent. */
export function joinProblems(...problems: (string | undefined)[]): string | undefined {
  const present = problems.filter((problem): problem is string => problem !== undefined && problem !== '');
  return present.length === 0 ? undefined : present.join(' ');
}

/** A file's bytes as text: the CMS files are Latin-1 (ASCII in practice). */
export function latin1Text(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes).replace(/^\uFEFF|^ï»¿/, '');
}
