/**
 * What each line of a `.claim` text is, read line by line without parsing
 * claims: folding and rename need only where claims start, where content
 * ends and where comments run, and must stay cheap on a 5 MB file. The
 * answers agree with `claimTextParser.ts`, which cuts lines and comments the
 * same way.
 */
import { isClaimLine } from './claimTextParser';
import { contentLength, type LineToken, tokenize } from './lineTokens';

type ClaimLineKind = 'blank' | 'comment' | 'claim' | 'content';

export function claimLineKind(line: string): ClaimLineKind {
  const content = line.slice(0, contentLength(line));
  if (content.trim() === '') {
    return line.trim() === '' ? 'blank' : 'comment';
  }
  return isClaimLine(content) ? 'claim' : 'content';
}

/** The id token of a `claim ID` line (the first token after the keyword), or undefined. */
export function claimIdToken(line: string): LineToken | undefined {
  const content = line.slice(0, contentLength(line));
  return isClaimLine(content) ? tokenize(content)[1] : undefined;
}

/** A line start, white space, then the claim keyword: the lines `claimIdToken` may find an id on. */
const claimLineCandidate = /(^|\r\n|\r|\n)[^\S\r\n]*claim(?=\s|$)/gi;
const lineEndPattern = /[\r\n]/g;

/**
 * Calls `visit` with the id of each `claim ID` line and the offset its line
 * starts at. One regular expression finds the claim lines, so the many
 * service lines of a large file are never cut out.
 */
export function forEachClaimId(text: string, visit: (id: string, lineStart: number) => void): void {
  claimLineCandidate.lastIndex = 0;
  for (let match = claimLineCandidate.exec(text); match; match = claimLineCandidate.exec(text)) {
    const lineStart = match.index + (match[1] ?? '').length;
    // Not indexOf('\r'): in a file without one, each claim line would scan to the end of the text.
    lineEndPattern.lastIndex = lineStart;
    const lineEnd = lineEndPattern.exec(text)?.index ?? text.length;
    const id = claimIdToken(text.slice(lineStart, lineEnd));
    if (id) {
      visit(id.text, lineStart);
    }
    claimLineCandidate.lastIndex = lineEnd;
  }
}
