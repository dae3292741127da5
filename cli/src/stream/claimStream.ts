/**
 * A large `.claim` file checked without holding it whole. Claims are
 * independent (a claim ends where the next `claim` line starts, and a
 * claim-lint-disable comment lasts to the end of its claim), so the text is
 * read line by line and cut before a `claim` line, together with the blank
 * and comment lines just above it (a claim-lint-disable-next-line there
 * belongs to the claim), once a quarter of the chunk size is gathered. A
 * piece starts at a line start, so its findings move down by whole lines. A
 * claim is never cut: a claim larger than the chunk makes its piece larger,
 * so the memory held is bounded by the largest claim. Only a run of 64 MB
 * without a `claim` line (there is none in a real file) is cut at a line
 * end, and checked in parts.
 */
import type { LintMessage } from '../output/lintResults';
import type { ChunkChecker } from './chunkChecker';
import { lineTooLong, maxLineLength } from './lineLimit';
import { claimTextLimit, type StreamLimits, StreamLimitError } from './x12Stream';

const claimKeyword = /^claim(?=\s|$)/i;
const lineEnd = /\r\n|\r|\n/g;

type LineKind = 'claim' | 'blank' | 'content';

/** As the `.claim` parser reads a line: a `#` at its start or after white space starts a comment. */
function kindOf(line: string): LineKind {
  let contentEnd = line.length;
  for (let i = line.indexOf('#'); i !== -1; i = line.indexOf('#', i + 1)) {
    if (i === 0 || /\s/.test(line[i - 1] ?? '')) {
      contentEnd = i;
      break;
    }
  }
  const content = line.slice(0, contentEnd);
  const first = content.search(/\S/);
  if (first === -1) {
    return 'blank';
  }
  return claimKeyword.test(content.slice(first)) ? 'claim' : 'content';
}

export class ClaimStream {
  /** Lines of the piece being gathered, each with its line end. */
  private committed: string[] = [];
  private committedLength = 0;
  /** Blank and comment lines after the last content line: they go with the next claim if one starts. */
  private pendingRun: string[] = [];
  private pendingLength = 0;
  private startLine = 0;

  constructor(
    private readonly checker: ChunkChecker,
    private readonly limits: StreamLimits,
    private readonly report: (batch: LintMessage[]) => void,
  ) {}

  async run(source: AsyncIterable<string>): Promise<void> {
    let carry = '';
    for await (const piece of source) {
      const text = carry + piece;
      let lineStart = 0;
      lineEnd.lastIndex = 0;
      for (let match = lineEnd.exec(text); match; match = lineEnd.exec(text)) {
        // A \r at the end may be the first half of a \r\n still to come.
        if (match[0] === '\r' && match.index === text.length - 1) {
          break;
        }
        const end = match.index + match[0].length;
        this.line(text.slice(lineStart, end), text.slice(lineStart, match.index));
        lineStart = end;
      }
      carry = text.slice(lineStart);
      // The carry is the start of a line (with a \r that may be half of a \r\n): too long already, it cannot be held.
      if (carry.replace(/\r$/, '').length > maxLineLength(this.limits.chunk)) {
        throw new StreamLimitError(lineTooLong(this.limits.chunk));
      }
    }
    if (carry !== '') {
      this.line(carry, carry);
    }
    this.commitRun();
    this.emit();
  }

  private line(withEnd: string, line: string): void {
    if (line.length > maxLineLength(this.limits.chunk)) {
      // Whole in what was read, yet too long: a file read whole is refused the same (lineLimit.ts).
      throw new StreamLimitError(lineTooLong(this.limits.chunk));
    }
    const kind = kindOf(line);
    if (kind === 'blank') {
      this.pendingRun.push(withEnd);
      this.pendingLength += withEnd.length;
      if (this.pendingLength >= claimTextLimit(this.limits)) {
        this.commitRun();
      }
    } else {
      if (kind === 'claim' && this.committedLength >= this.limits.chunk / 4) {
        this.emit();
      }
      this.commitRun();
      this.committed.push(withEnd);
      this.committedLength += withEnd.length;
    }
    if (this.committedLength >= claimTextLimit(this.limits)) {
      this.commitRun();
      this.emit();
    }
  }

  private commitRun(): void {
    for (const line of this.pendingRun) {
      this.committed.push(line);
    }
    this.committedLength += this.pendingLength;
    this.pendingRun = [];
    this.pendingLength = 0;
  }

  private emit(): void {
    const lines = this.committed.length;
    if (lines === 0) {
      return;
    }
    const text = this.committed.join('');
    this.checker.check(
      { before: [], text, start: { line: this.startLine, character: 0 }, after: '', ownFindings: [], ownMessages: [] },
      this.report,
    );
    this.startLine += lines;
    this.committed = [];
    this.committedLength = 0;
  }
}
