/**
 * How X12 text reads character by character: where the ISA is and the
 * separators it names, which white space is layout, what a segment id looks
 * like, and which characters are junk rather than segments. The lexer
 * (`x12Lexer.ts`) reads a whole document with these, and the CLI's stream
 * (`cli/src/stream/`) cuts a large file with the very same, so a piece it
 * checks is read exactly as the whole file would be. Both run once a
 * character or once a segment on files of hundreds of megabytes, so these
 * work on character codes and make no strings they do not return.
 */
import type { X12Separators } from './x12Types';

/** The ISA's elements: the separator after `ISA` is the first of 16, the last one precedes ISA16. */
const isaElementCount = 16;
/** An ISA is fixed-length: 106 characters with its terminator. */
export const isaLength = 106;

/** Where the ISA starts (after any white space), or -1 when the text does not start with ISA. */
export function isaStartIn(text: string): number {
  const start = text.search(/\S/);
  return start !== -1 && text.startsWith('ISA', start) ? start : -1;
}

/** A separator shown in a message: a control character by its code, since it cannot be seen. */
function shown(separator: string): string {
  const code = separator.charCodeAt(0);
  return code < 32 || code === 127 ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${separator}'`;
}

/**
 * The separators the ISA at `isaStart` names, or why they cannot be read (for an x12-envelope problem).
 *
 * The policy: a delimiter may be any character that cannot be data. Letters, digits and the space are
 * data (names, ids, descriptions), and two roles cannot share a character, so those are refused. Control
 * characters are accepted: some systems write FS, GS, RS, US (U+001C-U+001F) or BEL (U+0007) as
 * separators precisely because no data holds them, and the X12 standard allows them. The lexer then takes
 * them as separators, not as binary junk (`isJunk`), so such a file is checked like any other.
 */
export function readSeparators(text: string, isaStart: number): X12Separators | { unreadable: string } {
  const element = text[isaStart + 3] ?? '';
  if (element === '' || /[A-Za-z0-9\s]/.test(element)) {
    return {
      unreadable: `The ISA segment must be followed by its element separator (such as '*'), not '${element.trim() || 'nothing'}'; the separators cannot be read, so the file is not checked.`,
    };
  }
  let offset = isaStart + 3;
  for (let n = 1; n < isaElementCount; n++) {
    offset = text.indexOf(element, offset + 1);
    if (offset === -1) {
      return {
        unreadable: `The ISA segment is truncated: it needs ${isaElementCount} elements, ending with the component separator and the segment terminator (${isaLength} characters in all), so the file is not checked.`,
      };
    }
  }
  const component = text[offset + 1] ?? '';
  const segment = text[offset + 2] ?? '';
  if (component === '' || segment === '') {
    return {
      unreadable:
        'The ISA segment is truncated: it ends before its component separator and segment terminator, so the file is not checked.',
    };
  }
  if (/[A-Za-z0-9 ]/.test(component) || component === element) {
    return {
      unreadable: `ISA16, the component separator, is ${shown(component)}: it must be a punctuation or control character other than the element separator ${shown(element)}, so the file is not checked.`,
    };
  }
  if (/[A-Za-z0-9 ]/.test(segment) || segment === element || segment === component) {
    return {
      unreadable: `The character after ISA16, the segment terminator, is ${shown(segment)}: it must differ from the element and component separators and not be a letter, digit or space, so the file is not checked.`,
    };
  }
  const repetitionField = text.slice(isaStart, offset).split(element)[11] ?? '';
  const repetition = repetitionField.length === 1 && !/[A-Za-z0-9]/.test(repetitionField) ? repetitionField : undefined;
  if (repetition === ' ' || repetition === component || repetition === segment) {
    return {
      unreadable: `ISA11, the repetition separator, is ${shown(repetition)}: it must differ from the component separator and the segment terminator and not be a space, so the file is not checked.`,
    };
  }
  return { element, component, repetition, segment };
}

/** White space between segments: layout, not part of any segment. */
export function isLayoutSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

/**
 * Control characters other than tab and line ends, DEL, or the replacement character: binary junk, not
 * segments, unless the interchange's ISA names the character as one of its separators (`readSeparators`).
 */
export function isJunk(code: number, separators?: X12Separators): boolean {
  if (!((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127 || code === 0xfffd)) {
    return false;
  }
  return separators === undefined || !isSeparator(code, separators);
}

/** The character is one of the interchange's separators. */
export function isSeparator(code: number, separators: X12Separators): boolean {
  return (
    code === separators.element.charCodeAt(0) ||
    code === separators.component.charCodeAt(0) ||
    code === separators.segment.charCodeAt(0) ||
    (separators.repetition !== undefined && code === separators.repetition.charCodeAt(0))
  );
}

/** Where the segment starting at `start` ends, given its terminator: line ends before the terminator are layout. */
export function segmentEnd(text: string, start: number, terminator: number): number {
  let end = terminator;
  while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) {
    end--;
  }
  return end;
}

function isUpperLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The segment id at `start` (a capital letter, then one or two capitals or
 * digits, then the element separator, whose character code is `element`, or
 * the segment's end), or undefined. Ids are looked up in `ids` by their
 * character codes, so reading a million SV1 segments makes one 'SV1' string,
 * not a million; a reader keeps one map for all its segments.
 */
export function segmentIdAt(
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
    id = internalized(text.slice(start, idEnd));
    ids.set(key, id);
  }
  return id;
}

/**
 * The same id as the engine's one copy of that text. Readers compare every segment's id with literals
 * ('HL', 'ST', ...); a literal is kept as the engine's one copy, so an id that is that copy compares by
 * reference, while a string cut from the file is compared character by character. A property key is
 * made such a copy; it is done once per distinct id of a file.
 */
function internalized(id: string): string {
  return Object.keys({ [id]: true })[0] ?? id;
}
