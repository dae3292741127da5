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
const decimalPoint = 46;

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

/**
 * The digits and decimal places of an X12 decimal number (type R) at [from, to), or undefined when the text is
 * not one: an optional leading minus, digits, at most one decimal point, and at least one digit. No exponent,
 * hex, plus sign, spaces or thousands separators: `1e3`, `0x190` and `+5` are not X12 numbers, though
 * JavaScript's Number() reads them. The claim reader takes amounts and units through `decimalValue`, so the
 * model never holds a number the element check calls malformed.
 */
function decimalShape(text: string, from: number, to: number): { digits: number; decimals: number } | undefined {
  const start = text.charCodeAt(from) === minus ? from + 1 : from;
  let digits = 0;
  let point = -1;
  for (let i = start; i < to; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code)) {
      digits++;
    } else if (code === decimalPoint && point === -1) {
      point = i;
    } else {
      return undefined;
    }
  }
  return digits === 0 ? undefined : { digits, decimals: point === -1 ? 0 : to - point - 1 };
}

/** The value of an X12 decimal number (type R), or undefined when the text is not one (see `decimalShape`). */
export function decimalValue(text: string): number | undefined {
  return decimalShape(text, 0, text.length) === undefined ? undefined : Number(text);
}

/**
 * A number in a notation X12 does not allow, recognised as such (hex `0x10`, an exponent `1e308`, a plus sign
 * `+5`, thousands separators `1,200`), is quoted in the message, so the coder sees what is wrong. Anything else
 * is not: it may be text shifted into the wrong element (a name, a date of birth), never quoted.
 */
const otherNotation =
  /^(0[xX][0-9A-Fa-f]{1,16}|[-+]?\d{0,18}\.?\d{1,18}[eE][-+]?\d{1,4}|\+\d{1,18}(\.\d{0,18})?|-?\d{1,3}(,\d{3}){1,5}(\.\d{0,18})?)$/;

function notDecimal(text: string, from: number, to: number): string {
  const value = text.slice(from, to);
  const what = otherNotation.test(value) ? `is '${value}', which is not a decimal number` : 'is not a decimal number';
  return `${what}: X12 writes a number as digits with an optional leading minus and one decimal point, without exponent, hex digits, plus sign or thousands separators`;
}

/** Why the text is not a value of the type, or undefined when it is; lengths count digits only for numbers. */
export function valueProblem(
  type: ElementType,
  min: number,
  max: number,
  text: string,
  from: number,
  to: number,
  maxDecimals?: number,
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
      const shape = decimalShape(text, from, to);
      if (shape === undefined) {
        return notDecimal(text, from, to);
      }
      if (maxDecimals !== undefined && shape.decimals > maxDecimals) {
        return `has ${shape.decimals} decimal places; an amount has at most ${maxDecimals} (dollars and cents)`;
      }
      return lengthProblem(shape.digits, min, max, 'digit');
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
