/**
 * The hostile-inputs section of `npm run bench` (`--sections hostile-inputs`):
 * files made to cost the most for their size, each checked once through the
 * language service in a child of its own (so one that runs out of memory is a
 * MISS row, not the end of the benchmark), with the display limit of an editor
 * (1,000 problems). The inputs are built in the child from their name, so no
 * file is written. docs/reliability.md lists the limits these rows check.
 */
import * as path from 'node:path';
import { writeX12 } from '../server/src/service';
import { type Outcome, runChild } from './childProcesses';
import { markdownTable } from './markdownTable';
import { formatMs, megabytes } from './stats';

export interface HostileResult {
  bytes: number;
  checkMs: number;
  diagnostics: number;
  peakRssGrowthBytes: number;
}

/** Each input: what it is, for the table, and its text. */
export const hostileInputs: Record<string, { title: string; format: 'claim' | 'x12'; text: () => string }> = {
  'addon-claim': {
    title: '.claim: one claim of 16,000 19284-RT add-on lines',
    format: 'claim',
    text: () => `claim C1\n  dos: 2026-03-14\n  dx: C50.411\n${'  19284-RT x1 $1.00 dx=A\n'.repeat(16_000)}`,
  },
  'sv1-claim': {
    title: '837: one claim of 8,000 SV1 add-on lines, each dated',
    format: 'x12',
    // Written by the product's own 837 writer (as the bench's corpora are): every line gets its DTP*472.
    text: () =>
      writeX12([
        {
          id: 'C1',
          diagnoses: ['C50.411'],
          dos: '2026-03-14',
          lines: Array.from({ length: 8_000 }, () => ({
            code: '19284',
            modifiers: ['RT'],
            charge: 1,
            units: 1,
            pointers: [1],
          })),
        },
      ]),
  },
  'dashes-line': {
    title: '.claim: one line of 2 MB of `-` after a code',
    format: 'claim',
    text: () => `claim C1\n  dos: 2026-03-14\n  dx: C50.411\n  19283${'-'.repeat(2 * 1024 * 1024)}\n  19284-RT x1\n`,
  },
};

/** Five minutes each: with the rules quadratic, the add-on claim alone took more than one. */
const hostileTimeoutMs = 5 * 60 * 1000;

export async function measureHostileInputs(
  progress: (message: string) => void,
): Promise<Array<{ name: string; outcome: Outcome<HostileResult> }>> {
  const results: Array<{ name: string; outcome: Outcome<HostileResult> }> = [];
  for (const name of Object.keys(hostileInputs)) {
    progress(`hostile input ${name}`);
    const outcome = await runChild<HostileResult>(path.join(__dirname, 'hostileChild.js'), [name], hostileTimeoutMs);
    progress(
      outcome.ok
        ? `  check ${formatMs(outcome.value.checkMs)}, peak RSS +${megabytes(outcome.value.peakRssGrowthBytes).toFixed(0)} MB`
        : `  MISS (${outcome.reason})`,
    );
    results.push({ name, outcome });
  }
  return results;
}

export function renderHostileInputs(results: ReadonlyArray<{ name: string; outcome: Outcome<HostileResult> }>): string {
  const rows = results.map(({ name, outcome }) => {
    const title = hostileInputs[name]?.title ?? name;
    if (!outcome.ok) {
      return [title, '', `MISS (${outcome.reason})`, '', ''];
    }
    const { bytes, checkMs, diagnostics, peakRssGrowthBytes } = outcome.value;
    return [
      title,
      `${megabytes(bytes).toFixed(2)} MB`,
      formatMs(checkMs),
      `${megabytes(peakRssGrowthBytes).toFixed(0)} MB`,
      String(diagnostics),
    ];
  });
  return `### Hostile inputs (one check, editor limit of 1,000 problems)\n\n${markdownTable(
    ['input', 'size', 'check', 'peak RSS growth', 'diagnostics'],
    rows,
  )}\n`;
}
