/**
 * The hostile-inputs section of `npm run bench` (`--sections hostile-inputs`):
 * files made to cost the most for their size, each checked once through the
 * language service in a child of its own (so one that runs out of memory is a
 * MISS row, not the end of the benchmark), with the display limit of an editor
 * (1,000 problems). The inputs are built in the child from their name, so no
 * file is written. docs/reliability.md lists the limits these rows check.
 */
import * as path from 'node:path';
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
    text: () => {
      const lines = Array.from(
        { length: 8_000 },
        (_, i) => `LX*${i + 1}~\nSV1*HC:19284:RT*1*UN*1***1~\nDTP*472*D8*20260314~\n`,
      ).join('');
      return `${envelopeHead}CLM*C1*8000***11:B:1*Y*A*Y*Y~\nHI*ABK:C50411~\n${lines}SE*${8_000 * 3 + 17}*0001~\nGE*1*1~\nIEA*1*000000001~\n`;
    },
  },
  'dashes-line': {
    title: '.claim: one line of 2 MB of `-` after a code',
    format: 'claim',
    text: () => `claim C1\n  dos: 2026-03-14\n  dx: C50.411\n  19283${'-'.repeat(2 * 1024 * 1024)}\n  19284-RT x1\n`,
  },
};

const envelopeHead = [
  'ISA*00*          *00*          *ZZ*SUBMITTERID    *ZZ*RECEIVERID     *260314*1200*^*00501*000000001*0*P*:~',
  'GS*HC*SUBMITTERID*RECEIVERID*20260314*1200*1*X*005010X222A1~',
  'ST*837*0001*005010X222A1~',
  'BHT*0019*00*0001*20260314*1200*CH~',
  'NM1*41*2*SUBMITTER*****46*SUBMITTERID~',
  'PER*IC*CONTACT*TE*5555550100~',
  'NM1*40*2*RECEIVER*****46*RECEIVERID~',
  'HL*1**20*1~',
  'NM1*85*2*BILLING PROVIDER*****XX*1234567893~',
  'N3*ADDRESS~',
  'N4*CITY*ST*000000000~',
  'REF*EI*000000000~',
  'HL*2*1*22*0~',
  'SBR*P*18*******CI~',
  'NM1*IL*1*PATIENT*****MI*MEMBERID~',
  'NM1*PR*2*PAYER*****PI*PAYERID~',
  '',
].join('\n');

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
