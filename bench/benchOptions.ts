/**
 * Command-line options of `npm run bench`. The 1M-line corpora take minutes,
 * so a subset can be chosen: `npm run bench -- --sizes 10k,100k` (or
 * BENCH_SIZES=10k,100k), `--formats claim` (or BENCH_FORMATS), and the
 * sections to run: `--sections reference-data` (or BENCH_SECTIONS) measures
 * only the reference-data import (about 15 seconds), `--sections hostile-inputs`
 * only the hostile inputs.
 */
import type { CorpusSize } from './corpusFiles';
import type { CorpusFormat } from './corpusWriters';

export type BenchSection = 'corpora' | 'reference-data' | 'hostile-inputs';

export interface BenchOptions {
  sizes: CorpusSize[];
  formats: CorpusFormat[];
  sections: BenchSection[];
  /** Edits in the synthetic PTP quarter of the reference-data section: about the real table's two million. */
  ptpRows: number;
}

export const defaultSizes = '10k,5MB,100k,1M';

export const defaultPtpRows = '2M';

export const usage = `Usage: npm run bench -- [--sizes LIST] [--formats LIST] [--sections LIST] [--ptp-rows N]

  --sizes LIST     Corpora to generate, comma-separated (default ${defaultSizes}):
                   service lines as 10000, 10k or 1M; or megabytes as 5MB
  --formats LIST   claim, x12 or both (default claim,x12)
  --sections LIST  corpora (the claim files), reference-data (the NCCI PTP table's
                   import, cache and lookups), hostile-inputs (files made to cost the
                   most for their size, about a minute), comma-separated
                   (default corpora,reference-data,hostile-inputs)
  --ptp-rows N     Edits in the synthetic PTP quarter (default ${defaultPtpRows})

The same values can be given as BENCH_SIZES, BENCH_FORMATS, BENCH_SECTIONS and BENCH_PTP_ROWS.
`;

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

const lineMultipliers: Record<string, number> = { '': 1, k: 1e3, K: 1e3, m: 1e6, M: 1e6 };

export function parseSize(label: string): CorpusSize {
  const byMegabytes = /^(\d+(?:\.\d+)?)MB$/i.exec(label);
  if (byMegabytes) {
    return { label, megabytes: Number(byMegabytes[1]) };
  }
  const byLines = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(label);
  const lines = byLines ? Math.round(Number(byLines[1]) * (lineMultipliers[byLines[2] ?? ''] ?? NaN)) : NaN;
  if (!Number.isFinite(lines) || lines < 1) {
    throw new BenchUsageError(`not a size: ${label}`);
  }
  return { label, serviceLines: lines };
}

function parseFormats(list: string): CorpusFormat[] {
  return list.split(',').map((name) => {
    if (name !== 'claim' && name !== 'x12') {
      throw new BenchUsageError(`not a format: ${name}`);
    }
    return name;
  });
}

/** The value of `--name value` or `--name=value`, if given. */
function optionValue(args: readonly string[], name: string): string | undefined {
  const index = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (index < 0) {
    return undefined;
  }
  const arg = args[index] ?? '';
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  if (value === undefined || value === '') {
    throw new BenchUsageError(`${name} needs a value`);
  }
  return value;
}

function parseSections(list: string): BenchSection[] {
  return list.split(',').map((name) => {
    if (name !== 'corpora' && name !== 'reference-data' && name !== 'hostile-inputs') {
      throw new BenchUsageError(`not a section: ${name}`);
    }
    return name;
  });
}

function parsePtpRows(label: string): number {
  const size = parseSize(label);
  if (!('serviceLines' in size)) {
    throw new BenchUsageError(`not a number of edits: ${label}`);
  }
  return size.serviceLines;
}

export function parseBenchOptions(args: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const known = /^--(sizes|formats|sections|ptp-rows)(=|$)/;
  const unknown = args.find((arg, i) => arg.startsWith('-') && !known.test(arg) && !known.test(args[i - 1] ?? ''));
  if (unknown !== undefined) {
    throw new BenchUsageError(`unknown option: ${unknown}`);
  }
  const sizes = (optionValue(args, '--sizes') ?? env['BENCH_SIZES'] ?? defaultSizes)
    .split(',')
    .map((label) => parseSize(label.trim()));
  const formats = parseFormats(optionValue(args, '--formats') ?? env['BENCH_FORMATS'] ?? 'claim,x12');
  const sections = parseSections(
    optionValue(args, '--sections') ?? env['BENCH_SECTIONS'] ?? 'corpora,reference-data,hostile-inputs',
  );
  const ptpRows = parsePtpRows(optionValue(args, '--ptp-rows') ?? env['BENCH_PTP_ROWS'] ?? defaultPtpRows);
  return { sizes, formats, sections, ptpRows };
}
