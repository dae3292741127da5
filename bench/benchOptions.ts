/**
 * Command-line options of `npm run bench`. The 1M-line corpora take minutes,
 * so a subset can be chosen: `npm run bench -- --sizes 10k,100k` (or
 * BENCH_SIZES=10k,100k), `--formats claim` (or BENCH_FORMATS).
 */
import type { CorpusSize } from './corpusFiles';
import type { CorpusFormat } from './corpusWriters';

export interface BenchOptions {
  sizes: CorpusSize[];
  formats: CorpusFormat[];
}

export const defaultSizes = '10k,5MB,100k,1M';

export const usage = `Usage: npm run bench -- [--sizes LIST] [--formats LIST]

  --sizes LIST    Corpora to generate, comma-separated (default ${defaultSizes}):
                  service lines as 10000, 10k or 1M; or megabytes as 5MB
  --formats LIST  claim, x12 or both (default claim,x12)

The same lists can be given as BENCH_SIZES and BENCH_FORMATS.
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

export function parseBenchOptions(args: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const known = /^--(sizes|formats)(=|$)/;
  const unknown = args.find((arg, i) => arg.startsWith('-') && !known.test(arg) && !known.test(args[i - 1] ?? ''));
  if (unknown !== undefined) {
    throw new BenchUsageError(`unknown option: ${unknown}`);
  }
  const sizes = (optionValue(args, '--sizes') ?? env['BENCH_SIZES'] ?? defaultSizes)
    .split(',')
    .map((label) => parseSize(label.trim()));
  const formats = parseFormats(optionValue(args, '--formats') ?? env['BENCH_FORMATS'] ?? 'claim,x12');
  return { sizes, formats };
}
