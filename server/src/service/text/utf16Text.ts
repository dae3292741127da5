/**
 * Recognising a file saved as UTF-16 that reached us decoded as one byte a
 * character, so the X12 lexer and the `.claim` parser can say so once.
 */

/**
 * True for UTF-16 text read as if it were UTF-8 or Latin-1: its byte order
 * mark (FF FE or FE FF, read as two replacement characters or as 'ÿþ'/'þÿ'),
 * or, without one, a NUL between every two characters of its start.
 * (Text a client decoded as UTF-16 reads as what it is.) Both readers refuse
 * such text with one problem rather than a problem for every character.
 */
export function looksLikeUtf16(text: string): boolean {
  const head = text.slice(0, 2);
  if (head === '\ufffd\ufffd' || head === '\u00ff\u00fe' || head === '\u00fe\u00ff') {
    return true;
  }
  const sample = text.slice(0, 64);
  if (sample.length < 8) {
    return false;
  }
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample.charCodeAt(i) === 0) {
      if (i % 2 === 0) {
        evenNuls++;
      } else {
        oddNuls++;
      }
    }
  }
  const half = Math.floor(sample.length / 2);
  return evenNuls >= half - 1 || oddNuls >= half - 1;
}
