/**
 * Reading an X12 interchange into segments and elements, by offset. The
 * separators are read from the ISA segment, never assumed; files with one
 * segment per line and files that are one single line read alike. Text that
 * cannot be read is reported once, where it starts, and reading goes on.
 */
import type { ParseProblem } from '../model/model';
import type { LineIndex } from './lineIndex';
import { SegmentTable } from './segmentTable';
import type { X12Interchange, X12Separators, X12Span } from './x12Types';

const isaElementCount = 16;

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

/** Separators from the ISA at `isaStart`, or a problem saying why they cannot be read. */
function readSeparators(text: string, isaStart: number, lines: LineIndex): X12Separators | ParseProblem {
  const element = text[isaStart + 3] ?? '';
  const fail = (message: string): ParseProblem => ({
    ruleId: 'x12-envelope',
    message,
    range: lines.range(isaStart, Math.min(text.length, isaStart + 106)),
  });
  if (element === '' || /[A-Za-z0-9\s]/.test(element)) {
    return fail(
      `The ISA segment must be followed by its element separator (such as '*'), not '${element.trim() || 'nothing'}'; the separators cannot be read, so the file is not checked.`,
    );
  }
  // The separator after `ISA` is the first of 16; the last one precedes ISA16.
  let offset = isaStart + 3;
  for (let n = 1; n < isaElementCount; n++) {
    offset = text.indexOf(element, offset + 1);
    if (offset === -1) {
      return fail(
        `The ISA segment is truncated: it needs ${isaElementCount} elements, ending with the component separator and the segment terminator (106 characters in all), so the file is not checked.`,
      );
    }
  }
  const component = text[offset + 1] ?? '';
  const segment = text[offset + 2] ?? '';
  const isaFields = text.slice(isaStart, offset).split(element);
  const repetitionField = isaFields[11] ?? '';
  if (component === '' || segment === '') {
    return fail(
      'The ISA segment is truncated: it ends before its component separator and segment terminator, so the file is not checked.',
    );
  }
  if (/[A-Za-z0-9]/.test(component) || component === element) {
    return fail(
      `ISA16, the component separator, is '${component}': it must be a punctuation character other than the element separator '${element}'.`,
    );
  }
  if (/[A-Za-z0-9]/.test(segment) || segment === element || segment === component) {
    return fail(
      `The character after ISA16, the segment terminator, is '${segment.replace(/\s/, ' ')}': it must differ from the element and component separators and not be a letter or digit.`,
    );
  }
  const repetition = repetitionField.length === 1 && !/[A-Za-z0-9]/.test(repetitionField) ? repetitionField : undefined;
  return { element, component, repetition, segment };
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

function isUpperLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Junk in [start, end): control characters other than tab and line ends, DEL, or the replacement character. */
function hasJunk(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127 || code === 0xfffd) {
      return true;
    }
  }
  return false;
}

/**
 * The segment id at `start` (a capital letter, then one or two capitals or
 * digits, then the element separator or the segment's end), or undefined.
 * Ids are looked up by their character codes, so reading a million SV1
 * segments makes one 'SV1' string, not a million.
 */
function segmentIdAt(
  text: string,
  start: number,
  end: number,
  element: number,
  ids: Map<number, string>,
): string | undefined {
  let key = 0;
  let idEnd = start;
  for (; idEnd < end && idEnd - start < 4; idEnd++) {
    const code = text.charCodeAt(idEnd);
    if (code === element) {
      break;
    }
    if (idEnd === start ? !isUpperLetter(code) : !isUpperLetter(code) && !isDigit(code)) {
      return undefined;
    }
    key = key * 128 + code;
  }
  const length = idEnd - start;
  if (length < 2 || length > 3) {
    return undefined;
  }
  let id = ids.get(key);
  if (id === undefined) {
    id = text.slice(start, idEnd);
    ids.set(key, id);
  }
  return id;
}

/** Reads the interchange; problems go to `problems`, never thrown. */
export function lexInterchange(text: string, lines: LineIndex, problems: ParseProblem[]): X12Interchange | undefined {
  const isaStart = text.search(/\S/);
  if (isaStart === -1 || !text.startsWith('ISA', isaStart)) {
    const start = Math.max(0, isaStart);
    problems.push({
      ruleId: 'x12-envelope',
      message: 'An X12 file starts with the ISA segment; this one does not, so it is not checked.',
      range: lines.range(start, Math.min(text.length, start + 3)),
    });
    return undefined;
  }
  const separators = readSeparators(text, isaStart, lines);
  if ('ruleId' in separators) {
    problems.push(separators);
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
  problems: ParseProblem[],
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
  const elementCode = separators.element.charCodeAt(0);
  let offset = from;
  while (offset < text.length) {
    let start = offset;
    while (start < text.length && isWhitespace(text.charCodeAt(start))) {
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
    let end = terminator;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) {
      end--;
    }
    offset = terminator + separators.segment.length;
    if (start === end) {
      continue;
    }
    const id = segmentIdAt(text, start, end, elementCode, ids);
    if (id === undefined || hasJunk(text, start, end)) {
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
