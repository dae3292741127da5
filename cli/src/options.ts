/**
 * The command line of `claim-lint`: options and operands, checked here so the
 * rest of the checker only sees well-formed values. A bad command line is a
 * usage error (exit 2).
 */

export type OutputFormat = 'stylish' | 'json' | 'jsonl' | 'sarif';

const outputFormats: readonly OutputFormat[] = ['stylish', 'json', 'jsonl', 'sarif'];

export interface CliOptions {
  format: OutputFormat;
  /** `-o`: write the report to this file (its folders made), not to stdout. */
  outputFile?: string;
  /** Exit 1 when there are more warnings than this; undefined for no limit. */
  maxWarnings?: number;
  quiet: boolean;
  config?: string;
  /** `--no-config-lookup`: no `.claimlintrc.json` is looked for above the files (`--config` still applies). */
  noConfigLookup: boolean;
  stdinFilename?: string;
  /** Worker threads for files; 1 checks them in this thread. Undefined: one per core, fewer for few or small files. */
  jobs?: number;
  /** Files larger than this many bytes are read as a stream, one transaction or claim at a time. */
  streamThreshold: number;
  /** While streaming, the size of one checked piece; a transaction (or claim run) larger than this is cut. */
  streamChunk: number;
  /** `--data`: the folder of official downloads, for every file (a config's `dataFolder` otherwise). */
  data?: string;
  /** `--cache-dir`: where imported reference data is cached (default: the XDG cache folder). */
  cacheDir?: string;
  /** `--data-info`: print what the data folder gives, check nothing. */
  dataInfo: boolean;
  help: boolean;
  version: boolean;
  /** Files, folders and globs in the order given; `-` is standard input. */
  operands: string[];
}

export class UsageError extends Error {}

const megabyte = 1024 * 1024;
const defaultStreamThreshold = 32 * megabyte;
const defaultStreamChunk = 4 * megabyte;

export const helpText = `Usage: claim-lint [options] <files, folders or globs...>
       claim-lint [options] - --stdin-filename NAME < file
       claim-lint --data-info [--data FOLDER] [--config FILE]

Checks .claim and X12 837P files (.837, .x12, .edi) with the same rules as the
CPT Claims editor extension. Folders are searched for those files; a glob
('claims/**/*.837', quoted so the shell leaves it alone) checks the files it
matches. Files are checked in parallel, one worker thread per core.

Options:
  -f, --format stylish|json|jsonl|sarif
                               Output format (default: stylish, coloured on a
                               terminal; NO_COLOR and FORCE_COLOR are honoured)
  -o, --output-file FILE       Write the report to FILE (its folders are made)
                               instead of standard output; same exit code
  --max-warnings N             Exit 1 when there are more than N warnings
  --quiet                      Report errors only
  --config FILE                Use this settings file instead of the
                               .claimlintrc.json found above each file
  --no-config-lookup           Read no .claimlintrc.json from the files'
                               folders or above them (--config still applies;
                               without it, the default settings)
  --stdin-filename NAME        The name of the text read from '-' (its
                               extension picks the format)
  --jobs N                     Check files in N worker threads, at most one
                               per core (default: one per core; 1 checks them
                               one after another)
  --stream-threshold BYTES     Read files larger than this as a stream, one
                               transaction or claim at a time (default: 32M)
  --stream-chunk BYTES         The most text checked at once while streaming
                               (default: 4M, at least 1K); a larger 837
                               transaction or claim is checked whole (only one
                               past 64M is cut)
  --data FOLDER                Load the official code sets and CMS edit files
                               (ICD-10-CM, HCPCS, NCCI PTP and add-on, MUE,
                               PFS) downloaded into FOLDER, zipped or not
                               (default: dataFolder in .claimlintrc.json)
  --cache-dir FOLDER           Cache imported reference data in FOLDER
                               (default: $XDG_CACHE_HOME/cpt-claims, else
                               ~/.cache/cpt-claims)
  --data-info                  Print the editions the data folder gives and
                               each file it could not use, check no files
                               (exit 2 when the folder cannot be read)
  -h, --help                   Show this help
  -v, --version                Show the version

BYTES is a whole number, optionally followed by K, M or G (1024-based).
Exit codes: 0 no errors, 1 errors (or too many warnings), 2 a usage error, or a
file, folder, glob, config or data file that cannot be read or used.
`;

/** A size such as 4096, 64K, 32M or 1G (1024-based), at least `least`. */
function parseBytes(name: string, value: string, least = 1): number {
  const match = /^(\d+)([KMG]?)$/i.exec(value);
  const units: Record<string, number> = { '': 1, K: 1024, M: megabyte, G: 1024 * megabyte };
  const bytes = match ? Number(match[1]) * (units[(match[2] ?? '').toUpperCase()] ?? 1) : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 1) {
    throw new UsageError(`${name} needs a size in bytes such as 4096, 64K or 32M, not '${value}'`);
  }
  if (bytes < least) {
    throw new UsageError(`${name} needs at least ${least} bytes, not '${value}'`);
  }
  return bytes;
}

function valueOf(args: readonly string[], index: number, name: string): string {
  const value = args[index + 1];
  if (value === undefined || (value.startsWith('--') && value.length > 2)) {
    throw new UsageError(`${name} needs a value`);
  }
  return value;
}

export function parseOptions(args: readonly string[]): CliOptions {
  const options: CliOptions = {
    format: 'stylish',
    quiet: false,
    noConfigLookup: false,
    streamThreshold: defaultStreamThreshold,
    streamChunk: defaultStreamChunk,
    dataInfo: false,
    help: false,
    version: false,
    operands: [],
  };
  let onlyOperands = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (onlyOperands || arg === '-' || !arg.startsWith('-')) {
      options.operands.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = (): string => {
      if (inline !== undefined) {
        return inline;
      }
      const value = valueOf(args, i, name);
      i++;
      return value;
    };
    switch (name) {
      case '--':
        onlyOperands = true;
        break;
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--quiet':
        options.quiet = true;
        break;
      case '--data':
        options.data = take();
        break;
      case '--cache-dir':
        options.cacheDir = take();
        break;
      case '--data-info':
        options.dataInfo = true;
        break;
      case '-f':
      case '--format': {
        const format = take();
        if (!(outputFormats as readonly string[]).includes(format)) {
          throw new UsageError(`--format must be one of ${outputFormats.join(', ')}, not '${format}'`);
        }
        options.format = format as OutputFormat;
        break;
      }
      case '--max-warnings': {
        const value = take();
        if (!/^\d+$/.test(value)) {
          throw new UsageError(`--max-warnings needs a whole number, not '${value}'`);
        }
        options.maxWarnings = Number(value);
        break;
      }
      case '--config':
        options.config = take();
        break;
      case '--no-config-lookup':
        options.noConfigLookup = true;
        break;
      case '-o':
      case '--output-file':
        options.outputFile = take();
        break;
      case '--stdin-filename':
        options.stdinFilename = take();
        break;
      case '--jobs': {
        const value = take();
        if (!/^\d+$/.test(value) || Number(value) < 1) {
          throw new UsageError(`--jobs needs a whole number of at least 1, not '${value}'`);
        }
        options.jobs = Number(value);
        break;
      }
      case '--stream-threshold':
        options.streamThreshold = parseBytes(name, take());
        break;
      case '--stream-chunk':
        // Smaller pieces than a few segments would cut every claim.
        options.streamChunk = parseBytes(name, take(), 1024);
        break;
      default:
        throw new UsageError(`unknown option '${name}'`);
    }
  }
  if (!options.help && !options.version && !options.dataInfo) {
    if (options.operands.length === 0) {
      throw new UsageError('no files, folders or globs to check');
    }
    if (options.operands.filter((operand) => operand === '-').length > 1) {
      throw new UsageError("standard input ('-') can be read only once");
    }
  }
  return options;
}
