/**
 * `editionFor`: which edition of an official table a date of service reads.
 */
import * as assert from 'node:assert/strict';
import { type Edition, editionFor } from '../../../../server/src/service';

const edition = (label: string, from?: string, to?: string): Edition => ({
  label,
  applies: { ...(from ? { from } : {}), ...(to ? { to } : {}) },
  source: `${label}.txt`,
});

describe('editionFor', () => {
  const closed = [edition('Q1', '2026-01-01', '2026-03-31'), edition('Q2', '2026-04-01', '2026-06-30')];

  it('gives the edition whose span holds the date, both ends inclusive', () => {
    assert.equal(editionFor(closed, '2026-03-31')?.label, 'Q1');
    assert.equal(editionFor(closed, '2026-04-01')?.label, 'Q2');
  });

  it('gives the latest edition that holds the date when an older one is open-ended (PFS January, then July)', () => {
    const open = [edition('PFS 2025 Jan', '2025-01-01'), edition('PFS 2026 Jul', '2026-07-01')];
    assert.equal(editionFor(open, '2026-08-01')?.label, 'PFS 2026 Jul');
    assert.equal(editionFor(open, '2026-06-30')?.label, 'PFS 2025 Jan');
  });

  it('falls back to the latest edition started before the date, else the earliest; without a date, the latest', () => {
    assert.equal(editionFor(closed, '2026-09-01')?.label, 'Q2');
    assert.equal(editionFor(closed, '2025-12-31')?.label, 'Q1');
    assert.equal(editionFor(closed, undefined)?.label, 'Q2');
    assert.equal(editionFor([], '2026-01-01'), undefined);
  });
});
