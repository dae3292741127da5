/**
 * Whether a year, month and day name a day that exists, by arithmetic: both
 * formats check a date for every claim or DTP, and a `Date` object and its
 * ISO text for each cost more than the rest of reading the line.
 */
const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Month 1-12, and 29 February only in leap years (the Gregorian rule). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && !leap ? 28 : (daysInMonth[month - 1] ?? 0));
}
