/**
 * Formatting of X12 files: a segment per line or the whole interchange on one
 * line. Only the spaces, tabs and line ends between a segment's terminator
 * and the next segment change (and line ends the lexer takes as layout before
 * a terminator); every element, separator and the fixed-width ISA stay
 * exactly as written. Text between segments that is not white space (junk, a
 * stray terminator) is left as it is, and so is a file whose segment
 * terminator is itself white space (a line end), which has no other layout.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { X12Structure } from '../../model/model';
import type { X12Layout } from '../../settings';
import { GapEdits, lineEndOf } from './gapEdits';

const layoutSpace = /^[ \t\r\n]*$/;
const lineBreak = /\r\n|\r|\n/;

function isCrOrLf(code: number): boolean {
  return code === 10 || code === 13;
}

/** Where each segment's terminator ends (its text's end when it has none: the last segment of a cut file). */
class SegmentEnds {
  constructor(
    private readonly text: string,
    private readonly x12: X12Structure,
  ) {}

  get count(): number {
    return this.x12.interchange.segments.length;
  }

  start(ordinal: number): number {
    return ordinal < this.count ? this.x12.interchange.segments.startAt(ordinal) : this.text.length;
  }

  contentEnd(ordinal: number): number {
    return this.x12.interchange.segments.endAt(ordinal);
  }

  /** Where the terminator starts, past the line ends the lexer allows before it; undefined when there is none. */
  terminatorAt(ordinal: number): number | undefined {
    let at = this.contentEnd(ordinal);
    while (at < this.text.length && isCrOrLf(this.text.charCodeAt(at))) {
      at++;
    }
    return this.text.startsWith(this.x12.interchange.separators.segment, at) ? at : undefined;
  }

  end(ordinal: number): number {
    const terminator = this.terminatorAt(ordinal);
    return terminator === undefined
      ? this.contentEnd(ordinal)
      : terminator + this.x12.interchange.separators.segment.length;
  }
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (isCrOrLf(text.charCodeAt(i))) {
      return true;
    }
  }
  return false;
}

/** `keep` made definite (a segment per line on a tie): segment per line when at least half the gaps between segments hold a line break. */
function layoutOf(text: string, ends: SegmentEnds): 'segmentPerLine' | 'oneLine' {
  let broken = 0;
  for (let ordinal = 0; ordinal + 1 < ends.count; ordinal++) {
    if (hasLineBreak(text, ends.end(ordinal), ends.start(ordinal + 1))) {
      broken++;
    }
  }
  return broken * 2 >= ends.count - 1 ? 'segmentPerLine' : 'oneLine';
}

interface X12TextToFormat {
  text: string;
  x12: X12Structure | undefined;
  positionAt: (offset: number) => Range['start'];
  /** Format only the segments touching [start, end] (offsets) and the gaps around them. */
  range?: { start: number; end: number };
}

export function formatX12Text(input: X12TextToFormat, layout: X12Layout, options: FormattingOptions): TextEdit[] {
  const { text, x12 } = input;
  if (!x12 || x12.interchange.segments.length === 0 || /\s/.test(x12.interchange.separators.segment)) {
    return [];
  }
  const ends = new SegmentEnds(text, x12);
  const definite = layout === 'keep' ? layoutOf(text, ends) : layout;
  const eol = lineEndOf(text);
  const gaps = new GapEdits(layoutSpace);
  const replace = (start: number, end: number, wanted: string) =>
    gaps.replace(text.slice(start, end), wanted, () => ({
      start: input.positionAt(start),
      end: input.positionAt(end),
    }));
  const between = (start: number, end: number, wanted: string) => {
    // A segment per line keeps a gap's own line end (a CRLF file stays CRLF); a gap without one gets the file's.
    const own = lineBreak.exec(text.slice(start, end));
    replace(start, end, wanted === '' ? '' : (own?.[0] ?? wanted));
  };
  const [first, last] = touchedSegments(ends, input.range);
  if (first === 0) {
    replace(0, ends.start(0), '');
  } else {
    between(ends.end(first - 1), ends.start(first), definite === 'segmentPerLine' ? eol : '');
  }
  for (let ordinal = first; ordinal <= last; ordinal++) {
    const terminator = ends.terminatorAt(ordinal);
    if (terminator !== undefined) {
      replace(ends.contentEnd(ordinal), terminator, '');
    }
    if (ordinal + 1 < ends.count) {
      between(ends.end(ordinal), ends.start(ordinal + 1), definite === 'segmentPerLine' ? eol : '');
    } else {
      // After the last segment: one line end if there was any (or the options ask for one), else nothing.
      const end = ends.end(ordinal);
      const wantsLineEnd = hasLineBreak(text, end, text.length) || options.insertFinalNewline === true;
      between(end, text.length, wantsLineEnd ? eol : '');
    }
  }
  return gaps.edits;
}

/** The first and last segment the range touches (every segment without a range). */
function touchedSegments(ends: SegmentEnds, range: { start: number; end: number } | undefined): [number, number] {
  if (!range) {
    return [0, ends.count - 1];
  }
  let first = 0;
  while (first + 1 < ends.count && ends.end(first) <= range.start && ends.start(first + 1) <= range.start) {
    first++;
  }
  let last = first;
  while (last + 1 < ends.count && ends.start(last + 1) <= range.end) {
    last++;
  }
  return [first, last];
}
