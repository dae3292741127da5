/**
 * The text of a document open in the editor, as the server keeps it: what
 * `TextDocuments` makes (`openDocuments`) in place of
 * vscode-languageserver-textdocument's `TextDocument.create`, which behaves
 * the same (a test compares the two on every line, offset and edit) but
 * builds its line table, the start of every line, at the first question
 * about lines, all at once, a character at a time: 50–65 ms on a 7.8 MB
 * `.claim` file (372,000 lines). That question is the first hover or the
 * first edit after opening, which then waited that long (issue 18: hover max
 * 72 ms). Here the table is found with `indexOf`, about four times faster, and
 * can be built a slice at a time (`buildLineTable`), so the background check
 * of a large document builds it between its steps and no request pays for it
 * (`documentChecks.ts`).
 */
import type { TextDocumentsConfiguration } from 'vscode-languageserver';
import type { Position, Range, TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

const lineFeed = 10;
const carriageReturn = 13;

function isLineBreak(code: number): boolean {
  return code === lineFeed || code === carriageReturn;
}

/** Where `search` next occurs in `text` from `from`, or the text's length when it does not. */
function nextOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found < 0 ? text.length : found;
}

/** The starts of the lines after each line break of `text` (a few inserted characters), shifted by `base`. */
function lineStartsWithin(text: string, base: number): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isLineBreak(code)) {
      if (code === carriageReturn && text.charCodeAt(i + 1) === lineFeed) {
        i++;
      }
      starts.push(base + i + 1);
    }
  }
  return starts;
}

/** A change's range with its start before its end, as the library takes it. */
function orderedRange(range: Range): Range {
  const { start, end } = range;
  return start.line > end.line || (start.line === end.line && start.character > end.character)
    ? { start: end, end: start }
    : range;
}

export class OpenDocument implements TextDocument {
  private content: string;
  private currentVersion: number;
  /** The start offset of each line found so far; the first line starts at 0. */
  private lineStarts: number[] = [0];
  /** Every line break before this offset is in `lineStarts`; the table is whole when it reaches the text's end. */
  private scanned = 0;
  /** The next `\n` and `\r` at or after the scan, or the text's length: each is searched for once, not per line. */
  private nextFeed = -1;
  private nextReturn = -1;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    content: string,
  ) {
    this.currentVersion = version;
    this.content = content;
  }

  get version(): number {
    return this.currentVersion;
  }

  get lineCount(): number {
    return this.lines().length;
  }

  /** True once every line's start is known, so no question about lines reads the text again. */
  get lineTableComplete(): boolean {
    return this.scanned >= this.content.length;
  }

  /** Finds the line starts in about `characters` more of the text; true when the table is whole. */
  buildLineTable(characters: number): boolean {
    this.scanLines(this.scanned + characters);
    return this.lineTableComplete;
  }

  getText(range?: Range): string {
    return range ? this.content.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.content;
  }

  offsetAt(position: Position): number {
    const starts = this.lines();
    if (position.line >= starts.length) {
      return this.content.length;
    }
    if (position.line < 0) {
      return 0;
    }
    const lineStart = starts[position.line] ?? 0;
    if (position.character <= 0) {
      return lineStart;
    }
    const nextLineStart = starts[position.line + 1] ?? this.content.length;
    return this.beforeLineBreak(Math.min(lineStart + position.character, nextLineStart), lineStart);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(Math.min(offset, this.content.length), 0);
    const starts = this.lines();
    // The last line starting at or before the offset.
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = Math.floor((low + high) / 2);
      if ((starts[middle] ?? 0) > clamped) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    const line = low - 1;
    const lineStart = starts[line] ?? 0;
    return { line, character: this.beforeLineBreak(clamped, lineStart) - lineStart };
  }

  getLineRange(line: number): Range {
    const starts = this.lines();
    if (line < 0) {
      return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    }
    // Past the last line: the last line, as the library answers.
    const inRange = Math.min(line, starts.length - 1);
    const lineStart = starts[inRange] ?? 0;
    const nextLineStart = line < starts.length ? (starts[inRange + 1] ?? this.content.length) : this.content.length;
    const end = line < starts.length ? this.beforeLineBreak(nextLineStart, lineStart) : nextLineStart;
    return { start: { line: inRange, character: 0 }, end: { line: inRange, character: end - lineStart } };
  }

  getEOLCharacters(line: number): string {
    const starts = this.lines();
    if (line < 0 || line >= starts.length) {
      return '';
    }
    const lineStart = starts[line] ?? 0;
    const nextLineStart = starts[line + 1] ?? this.content.length;
    return this.content.substring(this.beforeLineBreak(nextLineStart, lineStart), nextLineStart);
  }

  /** Applies the editor's changes in order, keeping the line table up to date rather than building it again. */
  update(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        this.replace(orderedRange(change.range), change.text);
      } else {
        this.content = change.text;
        this.forgetLines();
      }
    }
    this.currentVersion = version;
  }

  private replace(range: Range, text: string): void {
    const start = this.offsetAt(range.start);
    const end = this.offsetAt(range.end);
    this.content = this.content.substring(0, start) + text + this.content.substring(end);
    const insertedEnd = start + text.length;
    const joinsLineBreak = (at: number) =>
      this.content.charCodeAt(at - 1) === carriageReturn && this.content.charCodeAt(at) === lineFeed;
    if (joinsLineBreak(start) || joinsLineBreak(insertedEnd)) {
      // A `\r` and a `\n` that the edit brought together are one line break: the table is found again.
      this.forgetLines();
      return;
    }
    const firstLine = Math.max(range.start.line, 0);
    const lastLine = Math.max(range.end.line, 0);
    const added = lineStartsWithin(text, start);
    const starts = this.lineStarts;
    if (lastLine - firstLine === added.length) {
      for (let i = 0; i < added.length; i++) {
        starts[firstLine + 1 + i] = added[i] ?? 0;
      }
    } else if (added.length < 10_000) {
      starts.splice(firstLine + 1, lastLine - firstLine, ...added);
    } else {
      // Spreading that many arguments could overflow the stack.
      this.lineStarts = starts.slice(0, firstLine + 1).concat(added, starts.slice(lastLine + 1));
    }
    const shift = text.length - (end - start);
    if (shift !== 0) {
      const table = this.lineStarts;
      for (let i = firstLine + 1 + added.length; i < table.length; i++) {
        table[i] = (table[i] ?? 0) + shift;
      }
    }
    this.scanned = this.content.length;
  }

  /** The whole line table, built now if the check has not built it yet. */
  private lines(): number[] {
    this.scanLines(this.content.length);
    return this.lineStarts;
  }

  private forgetLines(): void {
    this.lineStarts = [0];
    this.scanned = 0;
    this.nextFeed = -1;
    this.nextReturn = -1;
  }

  /** Records the line starts up to `until` (and to the end of the line it falls in). */
  private scanLines(until: number): void {
    const text = this.content;
    const stop = Math.min(until, text.length);
    let offset = this.scanned;
    while (offset < stop) {
      if (this.nextFeed < offset) {
        this.nextFeed = nextOrEnd(text, '\n', offset);
      }
      if (this.nextReturn < offset) {
        this.nextReturn = nextOrEnd(text, '\r', offset);
      }
      const lineBreak = Math.min(this.nextFeed, this.nextReturn);
      if (lineBreak >= text.length) {
        offset = text.length;
        break;
      }
      offset =
        lineBreak +
        (text.charCodeAt(lineBreak) === carriageReturn && text.charCodeAt(lineBreak + 1) === lineFeed ? 2 : 1);
      this.lineStarts.push(offset);
    }
    this.scanned = Math.max(this.scanned, offset);
  }

  /** The offset moved back before the line break it is in or after, but not before the line's start. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let before = offset;
    while (before > lineStart && isLineBreak(this.content.charCodeAt(before - 1))) {
      before--;
    }
    return before;
  }
}

/** What `TextDocuments` makes and updates: `OpenDocument`s. */
export const openDocuments: TextDocumentsConfiguration<OpenDocument> = {
  create: (uri, languageId, version, content) => new OpenDocument(uri, languageId, version, content),
  update: (document, changes, version) => {
    document.update(changes, version);
    return document;
  },
};
