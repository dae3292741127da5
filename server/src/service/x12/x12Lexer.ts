/**
 * Reading an X12 interchange into segments and elements, by offset. The
 * separators are read from the ISA segment, never assumed; files with one
 * segment per line and files that are one single line read alike. Text that
 * cannot be read is reported once, where it starts, and reading goes on.
 * How the characters read (separators, ids, layout, junk) is `x12Syntax.ts`,
 * shared with the CLI's stream.
 */
import type { ProblemSink } from '../model/problemLimits';
import { looksLikeUtf16 } from '../text/utf16Text';
import type { LineIndex } from './lineIndex';
import { SegmentTable } from './segmentTable';
import { isaLength, isaStartIn, isJunk, isLayoutSpace, readSeparators, segmentEnd, segmentIdAt } from './x12Syntax';
import type { X12Interchange, X12Separators, X12Span } from './x12Types';
import { keepShapeOf } from '../model/keptShapes';

export function components(element: X12Span, separator: string): X12Span[] {
  const parts: X12Span[] = [];
  const text = element.text;
  let from = 0;
  for (;;) {
    const next = text.indexOf(separator, from);
    const to = next === -1 ? text.length : next;
    parts.push({ start: element.start + from, end: element.start + to, text: text.slice(from, to) });
    if (next === -1) {
      return parts;
    }
    from = to + separator.length;
  }
}

/**
 * The characters `isJunk` calls junk, as a pattern, for an interchange with these separators (a control
 * character the ISA names as a separator is not junk). The lexer looks for the next one with a search of
 * the whole text rather than a test of every character of every segment: a clean file costs one search,
 * done by the regular expression engine's compiled loop, instead of a call per character.
 */
function junkPattern(separators: X12Separators): RegExp {
  const junk: string[] = [];
  for (const code of [...Array.from({ length: 32 }, (_, n) => n), 127, 0xfffd]) {
    if (isJunk(code, separators)) {
      junk.push(`\\u${code.toString(16).padStart(4, '0')}`);
    }
  }
  return new RegExp(`[${junk.join('')}]`, 'g');
}

/** Finds junk (see `isJunk`) from an offset on; remembers the next one, so a clean stretch is searched once. */
class JunkFinder {
  private searchedFrom = -1;
  private next = -1;
  private readonly pattern: RegExp;

  constructor(
    private readonly text: string,
    separators: X12Separators,
  ) {
    this.pattern = junkPattern(separators);
  }

  /** Junk in [start, end). */
  within(start: number, end: number): boolean {
    if (this.searchedFrom === -1 || (this.next !== -1 && this.next < start) || start < this.searchedFrom) {
      this.pattern.lastIndex = start;
      const found = this.pattern.exec(this.text);
      this.next = found ? found.index : -1;
      this.searchedFrom = start;
    }
    return this.next !== -1 && this.next < end;
  }
}

/**
 * True when a line in the first 1000 characters starts with an ISA and its
 * element separator: a note or a mail header pasted above the interchange.
 * (Only the head is looked at, which the CLI's stream also hands the service
 * when a file does not start with ISA, so both say the same.)
 */
function isaAfterText(text: string): boolean {
  return /(^|[\r\n])[ \t]*ISA[^A-Za-z0-9\s]/.test(text.slice(0, 1000));
}

/** Reads the interchange; problems go to `problems`, never thrown. */
export function lexInterchange(text: string, lines: LineIndex, problems: ProblemSink): X12Interchange | undefined {
  const isaStart = isaStartIn(text);
  if (isaStart === -1) {
    const start = Math.max(0, text.search(/\S/));
    problems.push({
      ruleId: 'x12-envelope',
      message: looksLikeUtf16(text)
        ? 'This file is UTF-16 text (two bytes a character), which an X12 receiver cannot read: save it as UTF-8 or ASCII. It is not checked.'
        : isaAfterText(text)
          ? 'There is text before the ISA segment: an X12 file starts with ISA, so this one is not checked. Remove what comes before the ISA.'
          : 'An X12 file starts with the ISA segment; this one does not, so it is not checked.',
      range: lines.range(start, Math.min(text.length, start + 3)),
    });
    return undefined;
  }
  const separators = readSeparators(text, isaStart);
  if ('unreadable' in separators) {
    problems.push({
      ruleId: 'x12-envelope',
      message: separators.unreadable,
      range: lines.range(isaStart, Math.min(text.length, isaStart + isaLength)),
    });
    return undefined;
  }
  const segments = new SegmentTable(text, separators.element);
  lexSegments(text, isaStart, text.length, separators, segments, lines, problems);
  segments.trim();
  return { separators, segments };
}

/**
 * Reads the segments that start in [from, limit) of the text into `segments`
 * (`from` is a segment's start or just after a terminator). Text that is not
 * segments becomes one problem where it starts.
 */
export function lexSegments(
  text: string,
  from: number,
  limit: number,
  separators: X12Separators,
  segments: SegmentTable,
  lines: LineIndex,
  problems: ProblemSink,
): void {
  let junkStart = -1;
  const closeJunk = (end: number) => {
    if (junkStart !== -1) {
      problems.push({
        ruleId: 'x12-unreadable',
        message:
          'This text is not X12 segments (binary data or a broken segment); it is skipped and the segments after it are still checked.',
        range: lines.range(junkStart, Math.max(junkStart + 1, end)),
      });
      junkStart = -1;
    }
  };
  const ids = new Map<number, string>();
  const junk = new JunkFinder(text, separators);
  const elementCode = separators.element.charCodeAt(0);
  let offset = from;
  while (offset < text.length) {
    let start = offset;
    while (start < text.length && isLayoutSpace(text.charCodeAt(start))) {
      start++;
    }
    if (start >= limit) {
      break;
    }
    let terminator = text.indexOf(separators.segment, start);
    if (terminator === -1) {
      terminator = text.length;
    }
    // Line ends after a segment are layout; other trailing spaces belong to the last element.
    const end = segmentEnd(text, start, terminator);
    offset = terminator + separators.segment.length;
    if (start === end) {
      continue;
    }
    const id = segmentIdAt(text, start, end, elementCode, ids);
    if (id === undefined || junk.within(start, end)) {
      if (junkStart === -1) {
        junkStart = start;
      }
      continue;
    }
    closeJunk(start);
    segments.add(id, start, end);
  }
  closeJunk(Math.min(limit, text.length));
}

// One finder a read; see keptShapes.ts for why one is kept.
keepShapeOf(new JunkFinder('', { element: '*', component: ':', repetition: '^', segment: '~' }));
