/**
 * What the stream needs to know of 837 text to cut it where the language
 * service would read it the same: the separators from the ISA, and for each
 * segment its id and whether it is a segment at all. These follow the
 * service's X12 lexer (server/src/service/x12/x12Lexer.ts), which the
 * stream-versus-whole-file tests compare against.
 */

export interface Separators {
  element: string;
  segment: string;
}

const isaElementCount = 16;

/**
 * The separators of the interchange whose ISA is the first text in `text`,
 * or undefined when they cannot be read (the service then reports
 * x12-envelope and reads no further, so the head of the file is all there is
 * to check).
 */
export function readSeparators(text: string): (Separators & { isaStart: number }) | undefined {
  const isaStart = text.search(/\S/);
  if (isaStart === -1 || !text.startsWith('ISA', isaStart)) {
    return undefined;
  }
  const element = text[isaStart + 3] ?? '';
  if (element === '' || /[A-Za-z0-9\s]/.test(element)) {
    return undefined;
  }
  let offset = isaStart + 3;
  for (let n = 1; n < isaElementCount; n++) {
    offset = text.indexOf(element, offset + 1);
    if (offset === -1) {
      return undefined;
    }
  }
  const component = text[offset + 1] ?? '';
  const segment = text[offset + 2] ?? '';
  if (component === '' || segment === '' || /[A-Za-z0-9]/.test(component) || component === element) {
    return undefined;
  }
  if (/[A-Za-z0-9]/.test(segment) || segment === element || segment === component) {
    return undefined;
  }
  return { element, segment, isaStart };
}

export function isLayoutSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 11 || code === 12;
}

function isUpperLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Control characters other than tab and line ends, DEL, or the replacement character: binary junk, not segments. */
function isJunk(code: number): boolean {
  return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127 || code === 0xfffd;
}

/** Finds junk in spans of one text taken in order, looking at each character once. */
export class JunkFinder {
  private text = '';
  private next = -1;

  begin(text: string): void {
    this.text = text;
    this.next = -1;
  }

  /** True when [start, end) holds junk; `start` never decreases between calls on one text. */
  has(start: number, end: number): boolean {
    if (this.next < start) {
      let i = start;
      while (i < this.text.length && !isJunk(this.text.charCodeAt(i))) {
        i++;
      }
      this.next = i;
    }
    return this.next < end;
  }
}

/** The segment id at `start` (a capital, then one or two capitals or digits, then the element separator or the end), or undefined. */
export function segmentIdAt(text: string, start: number, end: number, element: string): string | undefined {
  let idEnd = start;
  while (idEnd < end && idEnd - start < 4 && !text.startsWith(element, idEnd)) {
    idEnd++;
  }
  const length = idEnd - start;
  if (length < 2 || length > 3 || !isUpperLetter(text.charCodeAt(start))) {
    return undefined;
  }
  for (let i = start + 1; i < idEnd; i++) {
    if (!isUpperLetter(text.charCodeAt(i)) && !isDigit(text.charCodeAt(i))) {
      return undefined;
    }
  }
  return text.slice(start, idEnd);
}
