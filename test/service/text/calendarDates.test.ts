import * as assert from 'node:assert/strict';
import { isValidDate } from '../../../server/src/service/claimText/headerParser';
import { isCalendarDate } from '../../../server/src/service/text/calendarDates';

/** The calendar as JavaScript's Date knows it: the date survives a round trip through its ISO text. */
function dateSaysExists(year: number, month: number, day: number): boolean {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

describe('calendar dates', () => {
  it('agrees with Date on every month and day number of two centuries and the leap-year edges', () => {
    const years = [0, 1600, 1700, 1800, 1900, 2000, 2100, 2400, 9999];
    for (let year = 1990; year <= 2110; year++) {
      years.push(year);
    }
    let checked = 0;
    for (const year of years) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          assert.equal(isCalendarDate(year, month, day), dateSaysExists(year, month, day), `${year}-${month}-${day}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 50_000);
  });

  it('reads .claim dates by the calendar: 29 February only in leap years, no 31 April', () => {
    assert.equal(isValidDate('2024-02-29'), true);
    assert.equal(isValidDate('2026-02-29'), false);
    assert.equal(isValidDate('2000-02-29'), true);
    assert.equal(isValidDate('1900-02-29'), false);
    assert.equal(isValidDate('2026-04-31'), false);
    assert.equal(isValidDate('2026-12-31'), true);
    assert.equal(isValidDate('2026-13-01'), false);
    assert.equal(isValidDate('2026-1-01'), false);
  });
});
