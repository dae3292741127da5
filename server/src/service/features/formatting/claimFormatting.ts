/**
 * Formatting of `.claim` files, in the house style of the README's example:
 * `claim` lines at the left margin, headers and service lines one indent in,
 * and each claim's service lines in columns (code and modifiers, units,
 * charge right-aligned, fields) three spaces apart, trailing comments lined
 * up after them. Only spaces and tabs between tokens change: comment lines
 * keep their place and indentation, a line the parser cannot read is left
 * exactly as it is, no line is added or removed, and line ends stay as they
 * are. Lines before the first `claim` line (a bare list of codes) have no
 * claim to sit under, so they are not indented.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import {
  type ClaimLine,
  isClaimKeywordLine,
  type Piece,
  readClaimLine,
  type ServiceColumn,
  serviceColumns,
} from './claimLines';
import { edit, GapEdits, indentUnit, lineEndOf } from './gapEdits';
import { forEachLine } from '../../text/textLines';

const columnGap = 3;
/** Only spaces and tabs are layout; any other white space between tokens is kept as written. */
const layoutSpace = /^[ \t]*$/;

interface ReadLine {
  line: number;
  text: string;
  read: ClaimLine;
}

/** What each piece of a line should be preceded by (undefined: as written), and whether trailing white space goes. */
interface LinePlan {
  pieces: Piece[];
  before: Array<string | undefined>;
  trimEnd: boolean;
}

const lengthOf = (pieces: readonly Piece[]) =>
  pieces.reduce((sum, piece) => sum + piece.end - piece.start, 0) + pieces.length - 1;

class ClaimFormatter {
  private readonly gaps = new GapEdits(layoutSpace);
  private group: ReadLine[] = [];

  constructor(
    private readonly options: FormattingOptions,
    /** Edits are made on lines [firstEdited, lastEdited] only; the rest is read for column widths. */
    private readonly firstEdited: number,
    private readonly lastEdited: number,
  ) {}

  get edits(): TextEdit[] {
    return this.gaps.edits;
  }

  read(text: string, firstLine: number): void {
    forEachLine(text, (line, lineNumber) => this.readLine(line, lineNumber), firstLine);
    this.flush();
  }

  private readLine(text: string, line: number): void {
    const read = readClaimLine(text);
    if (read.kind === 'claim' || (read.kind === 'unreadable' && isClaimKeywordLine(text))) {
      this.flush();
    }
    this.group.push({ line, text, read });
  }

  /** Formats one claim (or the lines before the first claim), whose service lines share column widths. */
  private flush(): void {
    const group = this.group;
    this.group = [];
    const last = group[group.length - 1];
    if (!last || last.line < this.firstEdited || (group[0]?.line ?? 0) > this.lastEdited) {
      return;
    }
    const named = group[0] !== undefined && isClaimKeywordLine(group[0].text);
    const indent = named ? indentUnit(this.options) : '';
    const widths = columnWidths(group);
    for (const { line, text, read } of group) {
      if (line >= this.firstEdited && line <= this.lastEdited) {
        this.apply(line, text, this.plan(read, indent, widths));
      }
    }
  }

  private plan(read: ClaimLine, indent: string, widths: Map<ServiceColumn, number>): LinePlan {
    const trimEnd = this.options.trimTrailingWhitespace === true;
    switch (read.kind) {
      case 'blank':
        return { pieces: [], before: [], trimEnd: true };
      case 'comment':
        return { pieces: [read.comment], before: [undefined], trimEnd: true };
      case 'unreadable':
        return { pieces: [read.content], before: [undefined], trimEnd };
      case 'claim':
      case 'header': {
        const pieces = [...read.pieces];
        const before: Array<string | undefined> = read.pieces.map((_, i) =>
          i === 0 ? (read.kind === 'claim' ? '' : indent) : ' ',
        );
        if (read.value) {
          pieces.push(read.value);
          before.push(read.valueJoined === true ? '' : ' ');
        }
        if (read.comment) {
          pieces.push(read.comment);
          before.push(undefined);
        }
        return { pieces, before, trimEnd: true };
      }
      case 'unordered': {
        const pieces = [...read.pieces, ...(read.comment ? [read.comment] : [])];
        return {
          pieces,
          before: pieces.map((_, i) => (i === 0 ? indent : i === read.pieces.length ? undefined : ' ')),
          trimEnd: true,
        };
      }
      case 'service':
        return alignedPlan(read, indent, widths);
    }
  }

  private apply(line: number, text: string, plan: LinePlan): void {
    const range = (start: number, end: number): Range => ({
      start: { line, character: start },
      end: { line, character: end },
    });
    let previousEnd = 0;
    plan.pieces.forEach((piece, i) => {
      const wanted = plan.before[i];
      const from = previousEnd;
      if (wanted !== undefined) {
        this.gaps.replace(text.slice(from, piece.start), wanted, () => range(from, piece.start));
      }
      previousEnd = piece.end;
    });
    if (plan.trimEnd && previousEnd < text.length) {
      this.gaps.replace(text.slice(previousEnd), '', () => range(previousEnd, text.length));
    }
  }
}

/** The width of each column any service line of the claim has. */
function columnWidths(group: readonly ReadLine[]): Map<ServiceColumn, number> {
  const widths = new Map<ServiceColumn, number>();
  for (const { read } of group) {
    if (read.kind === 'service') {
      for (const column of serviceColumns) {
        const cell = read.cells[column];
        if (cell) {
          widths.set(column, Math.max(widths.get(column) ?? 0, lengthOf(cell)));
        }
      }
    }
  }
  return widths;
}

function alignedPlan(
  read: Extract<ClaimLine, { kind: 'service' }>,
  indent: string,
  widths: Map<ServiceColumn, number>,
): LinePlan {
  const pieces: Piece[] = [];
  const before: Array<string | undefined> = [];
  let columnStart = indent.length;
  let position = 0;
  for (const column of serviceColumns) {
    const width = widths.get(column);
    if (width === undefined) {
      continue;
    }
    const cell = read.cells[column];
    if (cell) {
      // Amounts are right-aligned, as on a statement, so their digits line up.
      const start = column === 'charge' ? columnStart + width - lengthOf(cell) : columnStart;
      cell.forEach((piece, i) => {
        pieces.push(piece);
        before.push(i > 0 ? ' ' : pieces.length === 1 ? indent : ' '.repeat(start - position));
      });
      position = start + lengthOf(cell);
    }
    columnStart += width + columnGap;
  }
  if (read.comment) {
    pieces.push(read.comment);
    before.push(' '.repeat(Math.max(1, columnStart - position)));
  }
  return { pieces, before, trimEnd: true };
}

/** The text's last line ends, counted back from its end: how many, and where the run of blank lines starts. */
function finalLineEnds(text: string): { count: number; start: number } {
  let start = text.length;
  let count = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '\n' || char === '\r') {
      if (!(char === '\r' && text[i + 1] === '\n')) {
        count++;
      }
      start = i;
    } else if (char !== ' ' && char !== '\t') {
      break;
    }
  }
  return { count, start };
}

/** `insertFinalNewline` and `trimFinalNewlines`, for a whole document: edits at its end. */
function finalNewlineEdits(
  text: string,
  options: FormattingOptions,
  endOf: (offset: number) => Range['start'],
): TextEdit[] {
  const { count, start } = finalLineEnds(text);
  if (count === 0 && options.insertFinalNewline === true && text.length > 0) {
    const end = endOf(text.length);
    return [edit({ start: end, end }, lineEndOf(text))];
  }
  if (count > 1 && options.trimFinalNewlines === true) {
    const first = /\r\n|\r|\n/.exec(text.slice(start));
    const keepEnd = start + (first ? first.index + first[0].length : 0);
    return [edit({ start: endOf(keepEnd), end: endOf(text.length) }, '')];
  }
  return [];
}

interface ClaimTextToFormat {
  text: string;
  /** The document line the text starts at (a slice of a document starts at a claim line). */
  firstLine: number;
  /** Lines to edit, inclusive; the others only give column widths. Absent: every line, and the options about the file's end apply. */
  lines?: { first: number; last: number };
  /** Document positions, for the edits at the file's end. */
  positionAt: (offset: number) => Range['start'];
}

export function formatClaimText(input: ClaimTextToFormat, options: FormattingOptions): TextEdit[] {
  const formatter = new ClaimFormatter(options, input.lines?.first ?? 0, input.lines?.last ?? Number.MAX_SAFE_INTEGER);
  formatter.read(input.text, input.firstLine);
  const edits = formatter.edits;
  if (!input.lines) {
    // The final-newline edits are at the very end, after every line's edits, and never touch a line's own text.
    const endEdits = finalNewlineEdits(input.text, options, input.positionAt);
    const firstEnd = endEdits[0];
    if (firstEnd) {
      const from = firstEnd.range.start;
      return [
        ...edits.filter(
          (e) =>
            e.range.end.line < from.line || (e.range.end.line === from.line && e.range.end.character <= from.character),
        ),
        ...endEdits,
      ];
    }
  }
  return edits;
}
