/**
 * The command line of `claim-lint`: options and operands, checked here so the
 * rest of the checker only sees well-formed values. A bad command line is a
 * usage error (exit 2).
 */

export type OutputFormat = 'stylish' | 'json' | 'jsonl' | 'sarif';

export const outputFormats: readonly OutputFormat[] = ['stylish', 'json', 'jsonl', 'sarif'];

export interface CliOptions {
  format: OutputFormat;
  /** Exit 1 when there are more warnings than this; undefined for no limit. */
  maxWarnings?: number;
  quiet: boolean;
  config?: string;
  stdinFilename?: string;
  help: boolean;
  version: boolean;
  /** Files and folders in the order given; `-` is standard input. */
  operands: string[];
}

export class UsageError extends Error {}

export const helpText = `Usage: claim-lint [options] <files or folders...>
       claim-lint [options] - --stdin-filename NAME < file

Checks .claim and X12 837P files (.837, .x12, .edi) with the same rules as the
CPT Claims editor extension. Folders are searched for those files.

Options:
  --format stylish|json|jsonl|sarif  Output format (default: stylish)
  --max-warnings N             Exit 1 when there are more than N warnings
  --quiet                      Report errors only
  --config FILE                Use this settings file instead of the
                               .claimlintrc.json found above each file
  --stdin-filename NAME        The name of the text read from '-' (its
                               extension picks the format)
  -h, --help                   Show this help
  -v, --version                Show the version

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or read error.
`;

function valueOf(args: readonly string[], index: number, name: string): string {
  const value = args[index + 1];
  if (value === undefined || (value.startsWith('--') && value.length > 2)) {
    throw new UsageError(`${name} needs a value`);
  }
  return value;
}

export function parseOptions(args: readonly string[]): CliOptions {
  const options: CliOptions = { format: 'stylish', quiet: false, help: false, version: false, operands: [] };
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
      case '--stdin-filename':
        options.stdinFilename = take();
        break;
      default:
        throw new UsageError(`unknown option '${name}'`);
    }
  }
  if (!options.help && !options.version) {
    if (options.operands.length === 0) {
      throw new UsageError('no files or folders to check');
    }
    if (options.operands.filter((operand) => operand === '-').length > 1) {
      throw new UsageError("standard input ('-') can be read only once");
    }
  }
  return options;
}
