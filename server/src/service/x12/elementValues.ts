/**
 * Is an element's text a value of its X12 data type and length? Checked on
 * the text in place (offsets, character codes), without slicing, since the
 * structure walk looks at every element of every segment.
 */
import type { ElementType } from './x12Map/mapTypes';
import { isCalendarDate } from '../text/calendarDates';

const zero = 48;
const nine = 57;
const minus = 45;
const point = 46;

function isDigit(code: number): boolean {
  return code >= zero && code <= nine;
}

function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    value = value * 10 + text.charCodeAt(i) - zero;
  }
  return value;
}

/** Every character of [from, to) is a digit (true when the span is empty). */
export function allDigits(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (!isDigit(text.charCodeAt(i))) {
      return false;
    }
  }
  return true;
}

/** CCYYMMDD at [from, from + 8) names a day that exists (29 February only in leap years). */
export function isDate(text: string, from: number, to: number): boolean {
  if (to - from !== 8 || !allDigits(text, from, to)) {
    return false;
  }
  return isCalendarDate(
    digitsValue(text, from, from + 4),
    digitsValue(text, from + 4, from + 6),
    digitsValue(text, from + 6, from + 8),
  );
}

/** HHMM, HHMMSS or HHMMSSDD with hours 00-23 and minutes and seconds 00-59. */
function isTime(text: string, from: number, to: number): boolean {
  const length = to - from;
  if ((length !== 4 && length !== 6 && length !== 7 && length !== 8) || !allDigits(text, from, to)) {
    return false;
  }
  return (
    digitsValue(text, from, from + 2) < 24 &&
    digitsValue(text, from + 2, from + 4) < 60 &&
    (length < 6 || digitsValue(text, from + 4, from + 6) < 60)
  );
}

/** Why the text is not a value of the type, or undefined when it is; lengths count digits only for numbers. */
export function valueProblem(
  type: ElementType,
  min: number,
  max: number,
  text: string,
  from: number,
  to: number,
): string | undefined {
  switch (type) {
    case 'N0':
    case 'N2': {
      const start = text.charCodeAt(from) === minus ? from + 1 : from;
      if (start === to || !allDigits(text, start, to)) {
        return 'is not a whole number';
      }
      return lengthProblem(to - start, min, max, 'digit');
    }
    case 'R': {
      const start = text.charCodeAt(from) === minus ? from + 1 : from;
      let digits = 0;
      let points = 0;
      for (let i = start; i < to; i++) {
        const code = text.charCodeAt(i);
        if (isDigit(code)) {
          digits++;
        } else if (code === point && points === 0) {
          points++;
        } else {
          return 'is not a number';
        }
      }
      return digits === 0 ? 'is not a number' : lengthProblem(digits, min, max, 'digit');
    }
    case 'DT':
      return isDate(text, from, to) ? undefined : 'is not a date that exists (CCYYMMDD)';
    case 'TM':
      return isTime(text, from, to) ? undefined : 'is not a time (HHMM, 24-hour)';
    default:
      return lengthProblem(to - from, min, max, 'character');
  }
}

function lengthProblem(length: number, min: number, max: number, unit: 'digit' | 'character'): string | undefined {
  const counted = (n: number) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (length < min) {
    return `is ${counted(length)} long; it needs at least ${min}`;
  }
  if (length > max) {
    return `is ${counted(length)} long; it may have at most ${max}`;
  }
  return undefined;
}

/** A date period by its format qualifier (DTP02, DMG01, PAT05): D8 one date, RD8 two joined by '-', the first not after the second. */
export function periodProblem(format: string, text: string, from: number, to: number): string | undefined {
  if (format === 'D8') {
    return isDate(text, from, to) ? undefined : 'is not a date that exists (D8: CCYYMMDD)';
  }
  if (format === 'RD8') {
    const dash = from + 8;
    if (
      to - from !== 17 ||
      text.charCodeAt(dash) !== minus ||
      !isDate(text, from, dash) ||
      !isDate(text, dash + 1, to)
    ) {
      return 'is not a range of two dates that exist (RD8: CCYYMMDD-CCYYMMDD)';
    }
    return text.slice(from, dash) > text.slice(dash + 1, to)
      ? 'ends before it starts (RD8: CCYYMMDD-CCYYMMDD)'
      : undefined;
  }
  return undefined;
}
