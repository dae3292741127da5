/**
 * `editionFor`: the edition of the official data a date of service uses,
 * for closed spans (ICD-10-CM fiscal years) and open-ended ones (HCPCS
 * quarterly releases, each in force until the next).
 */
import * as assert from 'node:assert/strict';
import { type Edition, editionFor } from '../../../../server/src/service/reference/official/officialData';

const edition = (label: string, from?: string, to?: string): Edition => ({
  label,
  applies: { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) },
  source: `${label}.txt`,
});

describe('editionFor', () => {
  const fiscalYears = [edition('FY2025', '2024-10-01', '2025-09-30'), edition('FY2026', '2025-10-01', '2026-09-30')];
  const releases = [edition('2026 Jan', '2026-01-01'), edition('2026 Apr', '2026-04-01')];

  it('picks the fiscal year whose span holds the date, at both ends', () => {
    assert.equal(editionFor(fiscalYears, '2025-03-01')?.label, 'FY2025');
    assert.equal(editionFor(fiscalYears, '2025-09-30')?.label, 'FY2025');
    assert.equal(editionFor(fiscalYears, '2025-10-01')?.label, 'FY2026');
  });

  it('picks the latest open-ended release that has started, not the first', () => {
    assert.equal(editionFor(releases, '2026-03-31')?.label, '2026 Jan');
    assert.equal(editionFor(releases, '2026-04-01')?.label, '2026 Apr');
    assert.equal(editionFor(releases, '2026-11-15')?.label, '2026 Apr');
  });

  it('falls back to the latest started, then the earliest, and without a date to the latest', () => {
    assert.equal(editionFor(fiscalYears, '2027-01-01')?.label, 'FY2026');
    assert.equal(editionFor(fiscalYears, '2020-01-01')?.label, 'FY2025');
    assert.equal(editionFor(releases, undefined)?.label, '2026 Apr');
    assert.equal(editionFor([], '2026-01-01'), undefined);
  });
});
