/**
 * Dates as day numbers (days since 1970-01-01), so the edit tables keep a
 * date in two bytes of a typed array instead of a string per row, and
 * compare dates as integers. The conversions are Howard Hinnant's civil-date
 * algorithms: no `Date` object per row, which matters at two million rows.
 */

/** The day number of a proleptic Gregorian date; the caller has checked the ranges. */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD` of a day number. */
export function isoOfDay(dayNumber: number): string {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The day number of a calendar date, or undefined when it is no date (month 13, February 30). */
export function dayOfDate(year: number, month: number, day: number): number | undefined {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` (a date of service as the service passes it). */
export function dayOfIso(iso: string): number | undefined {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(iso);
  return match ? dayOfDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** `YYYYMMDD`, as the PTP files write dates. */
export function dayOfCompactDate(text: string): number | undefined {
  const match = /^(\d{4})(\d\d)(\d\d)$/.exec(text);
  return match ? dayOfDate(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
}

/** `YYYYDDD` (year, then day of the year), as the add-on code edit files write dates: 2026091 is 2026-04-01. */
export function dayOfJulianDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{3})$/.exec(text);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const dayOfYear = Number(match[2]);
  const start = dayOfDate(year, 1, 1);
  return start === undefined || dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)
    ? undefined
    : start + dayOfYear - 1;
}

/** `MM/DD/YYYY`, as spreadsheet exports write dates. */
export function dayOfUsDate(text: string): number | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  return match ? dayOfDate(Number(match[3]), Number(match[1]), Number(match[2])) : undefined;
}

/** The first day of a calendar quarter (1..4), as an ISO date. */
export function quarterStart(year: number, quarter: number): string {
  return `${pad(year, 4)}-${pad((quarter - 1) * 3 + 1, 2)}-01`;
}
