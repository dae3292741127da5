/**
 * What the stream needs to know of 837 text to cut it where the language
 * service would read it the same: the separators from the ISA, and for each
 * segment whether it is a segment at all. Both are read with the service's
 * own X12 syntax (server/src/service/x12/x12Syntax.ts, which its lexer reads
 * with), and the stream-versus-whole-file tests compare the two.
 */
import {
  isaStartIn,
  isJunk,
  readSeparators as readIsaSeparators,
  type X12Separators,
} from '../../../server/src/service';

export type Separators = X12Separators;

/**
 * The separators of the interchange whose ISA is the first text in `text`,
 * or undefined when they cannot be read (the service then reports
 * x12-envelope and reads no further, so the head of the file is all there is
 * to check).
 */
export function readSeparators(text: string): (Separators & { isaStart: number }) | undefined {
  const isaStart = isaStartIn(text);
  if (isaStart === -1) {
    return undefined;
  }
  const separators = readIsaSeparators(text, isaStart);
  return 'unreadable' in separators ? undefined : { ...separators, isaStart };
}

/** Finds junk in spans of one text taken in order, looking at each character once. */
export class JunkFinder {
  private text = '';
  private next = -1;
  /** A control character the ISA names as a separator is not junk (`isJunk`). */
  separators: Separators | undefined;

  begin(text: string): void {
    this.text = text;
    this.next = -1;
  }

  /** True when [start, end) holds junk; `start` never decreases between calls on one text. */
  has(start: number, end: number): boolean {
    if (this.next < start) {
      let i = start;
      while (i < this.text.length && !isJunk(this.text.charCodeAt(i), this.separators)) {
        i++;
      }
      this.next = i;
    }
    return this.next < end;
  }
}
