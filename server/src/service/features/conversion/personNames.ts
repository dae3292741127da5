/**
 * A name written in a `.claim` header (`patient: DOE, JANE`) and the same
 * name in an NM1 segment (NM103 last name, NM104 first name). The text
 * before the first comma is the last name and the rest the first, as a coder
 * writes it; a name without a comma goes whole into NM103. Nothing is
 * invented or re-cased.
 */
import type { PersonName } from '../../x12/x12Writer';

export function nameFromHeader(text: string): PersonName | undefined {
  const comma = text.indexOf(',');
  if (comma === -1) {
    return text.trim() === '' ? undefined : { last: text.trim() };
  }
  const last = text.slice(0, comma).trim();
  const first = text.slice(comma + 1).trim();
  if (last === '') {
    return first === '' ? undefined : { last: first };
  }
  return first === '' ? { last } : { last, first };
}

/** `LAST, FIRST MIDDLE` from NM103, NM104 and NM105. */
export function headerFromName(last: string, first: string, middle: string): string {
  const given = [first, middle].filter((part) => part !== '').join(' ');
  return given === '' ? last : `${last}, ${given}`;
}
