/** Day numbers, as the edit tables keep dates: each of the files' date forms, leap years, and the way back to ISO. */
import * as assert from 'node:assert/strict';
import {
  dayOfCompactDate,
  dayOfIso,
  dayOfJulianDate,
  dayOfUsDate,
  isoOfDay,
  quarterStart,
} from '../../server/src/referenceData/importers/dayNumbers';

describe('day numbers', () => {
  it('counts days from 1970-01-01, as Date does', () => {
    for (const iso of ['1970-01-01', '1996-01-01', '2000-02-29', '2023-12-31', '2026-07-01', '2100-03-01']) {
      assert.equal(dayOfIso(iso), Date.parse(`${iso}T00:00:00Z`) / 86_400_000, iso);
      assert.equal(isoOfDay(dayOfIso(iso) ?? NaN), iso);
    }
  });

  it('reads YYYYMMDD, YYYYDDD and MM/DD/YYYY to the same day', () => {
    const day = dayOfIso('2026-04-01');
    assert.equal(dayOfCompactDate('20260401'), day);
    assert.equal(dayOfJulianDate('2026091'), day);
    assert.equal(dayOfUsDate('04/01/2026'), day);
    assert.equal(dayOfJulianDate('2024366'), dayOfIso('2024-12-31'), 'a leap year has day 366');
  });

  it('refuses what is no date', () => {
    for (const [read, text] of [
      [dayOfCompactDate, '20231345'],
      [dayOfCompactDate, '20230229'],
      [dayOfCompactDate, '2023011'],
      [dayOfJulianDate, '2023366'],
      [dayOfJulianDate, '2023000'],
      [dayOfIso, '2026-7-1'],
      [dayOfUsDate, '13/01/2026'],
    ] as const) {
      assert.equal(read(text), undefined, text);
    }
  });

  it('gives the first day of a quarter', () => {
    assert.deepEqual(
      [1, 2, 3, 4].map((quarter) => quarterStart(2026, quarter)),
      ['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01'],
    );
  });
});
