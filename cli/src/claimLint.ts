/**
 * `claim-lint`: the extension's checks on the command line. Files, folders
 * (searched for claim files), globs or `-` for standard input; the same
 * parsers, rules, data files and per-rule severities as the editor, through
 * the pure language service. Files are checked in worker threads, and large
 * ones as a stream; output is in the order the files were named. Exit 0 no
 * errors, 1 errors or too many warnings, 2 usage or read errors (reported on
 * stderr; the other files are still checked).
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { type ConfigChoice, configFileProblem, ConfigResolver, type DataFolderChoice } from './config';
import { printDataInfo } from './dataInfo';
import { type CheckOptions, FileChecker, type FileJob } from './fileCheck';
import { defaultCacheRoot, tableCacheFolder } from '../../server/src/referenceData/dataFolderPaths';
import { rulePagesUrl } from '../../shared/src/repository';
import { wantsColour } from './output/colour';
import { reportWriter } from './output/formatters';
import { ReportFile } from './output/reportFile';
import { SpoolFolder } from './output/findingSpool';
import { OutputWriteError, outputSink, writeErrorCode } from './output/outputSink';
import { OutcomeSlots, writeReportInOrder } from './reportInOrder';
import { expandOperands, type Target } from './operands';
import { type CliOptions, helpText, parseOptions, UsageError } from './options';
import { version } from './version';
import { checkInWorkers, serveWorkerIfAsked } from './workerPool';
import { collectRunProcedures } from './runProcedures';
import { poolSize } from './poolSize';
import { terminalText } from './output/terminalText';

/** The exit status when the output's reader closed the pipe: what a shell reports for a program SIGPIPE stopped. */
export const brokenPipeStatus = 141;

export interface CliIo {
  /** Writes to standard output; a promise to wait for before the next write, when its buffer is full. */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
  /** Standard input, in pieces as they arrive. */
  readStdin: () => AsyncIterable<string>;
  cwd: string;
  /** Whether stdout is a terminal (for colour); the tests pass it in. Default: not. */
  stdoutIsTTY?: boolean;
  /** The environment colour is decided from (NO_COLOR, FORCE_COLOR); default: none set. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** `--data` and `--cache-dir` as absolute paths; the table cache under the XDG cache folder by default. */
export function dataFolderChoice(options: CliOptions, cwd: string): DataFolderChoice {
  const cacheRoot = options.cacheDir === undefined ? defaultCacheRoot() : path.resolve(cwd, options.cacheDir);
  return {
    ...(options.data === undefined ? {} : { folder: path.resolve(cwd, options.data) }),
    cacheFolder: tableCacheFolder(cacheRoot),
  };
}

export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`claim-lint: ${error.message}\nRun 'claim-lint --help' for usage.\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    await io.stdout(helpText);
    return 0;
  }
  if (options.version) {
    await io.stdout(`${version()}\n`);
    return 0;
  }
  const configFile = options.config === undefined ? undefined : path.resolve(io.cwd, options.config);
  // It governs every file: one that cannot be read stops the run before any is checked.
  const configProblem = configFile === undefined ? undefined : configFileProblem(configFile);
  if (configProblem !== undefined) {
    io.stderr(`claim-lint: config file ${terminalText(options.config ?? '')} ${configProblem}\n`);
    return 2;
  }
  // The one place the command line's config options are read; every resolver, in workers too, gets this.
  const config: ConfigChoice = { ...(configFile ? { file: configFile } : {}), lookUpward: !options.noConfigLookup };
  const data = dataFolderChoice(options, io.cwd);
  if (options.dataInfo) {
    return printDataInfo(new ConfigResolver(config, data), io);
  }
  const checkOptions: CheckOptions = {
    quiet: options.quiet,
    streamThreshold: options.streamThreshold,
    streamChunk: options.streamChunk,
    data,
  };
  const targets = expandOperands(options.operands, io.cwd, options.stdinFilename);
  const spool = new SpoolFolder(os.tmpdir());
  checkOptions.spoolFolder = spool.path;
  const slots = new OutcomeSlots(targets.length, spool.path);
  const stop = new AbortController();
  try {
    return await checkAndReport(options, config, checkOptions, targets, slots, stop.signal, io);
  } catch (error) {
    if (error instanceof OutputWriteError) {
      io.stderr(`claim-lint: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    // A run cut short (the output failed) stops checking: the workers are ended, the spool removed.
    stop.abort();
    slots.discard();
    spool.remove();
  }
}

async function checkAndReport(
  options: CliOptions,
  config: ConfigChoice,
  checkOptions: CheckOptions,
  targets: readonly Target[],
  slots: OutcomeSlots,
  stopped: AbortSignal,
  io: CliIo,
): Promise<number> {
  targets.forEach((target, index) => {
    if (target.kind === 'unreadable') {
      slots.set(index, { readError: target.reason, warnings: [] });
    }
  });
  const data = checkOptions.data;
  const fileIndexes = targets.flatMap((target, index) => (target.kind === 'file' ? [index] : []));
  const fileJobs = fileIndexes.map((index) => (targets[index] as { job: FileJob }).job);
  // The run's files are its workspace: their procedures count for each other's visits (global-surgery).
  const procedures = collectRunProcedures(fileJobs, config, checkOptions);
  if (procedures) {
    checkOptions.procedures = procedures;
  }
  const inThisThread = new FileChecker(config, checkOptions);
  const workers = poolSize(options, fileJobs);
  const checkFiles = async () => {
    if (workers <= 1) {
      for (const [n, job] of fileJobs.entries()) {
        if (stopped.aborted) {
          return;
        }
        slots.set(fileIndexes[n] ?? -1, await inThisThread.checkFile(job));
      }
      return;
    }
    if (data.folder !== undefined) {
      // Read (and cached) once here, so the workers load it from the cache instead of each importing it.
      new ConfigResolver(config, data).officialData(data.folder);
    }
    await checkInWorkers(
      __filename,
      fileJobs,
      workers,
      { config, options: checkOptions },
      (n, outcome) => slots.set(fileIndexes[n] ?? -1, outcome),
      stopped,
    );
  };
  const checkStdin = async () => {
    const index = targets.findIndex((target) => target.kind === 'stdin');
    const target = targets[index];
    if (target?.kind === 'stdin') {
      slots.set(index, await inThisThread.checkText(target.job, io.readStdin()));
    }
  };

  const outputFile = options.outputFile === undefined ? undefined : path.resolve(io.cwd, options.outputFile);
  const writer = reportWriter(options.format, {
    version: version(),
    // The pages in the repository, which a code-scanning tool can open anywhere; not this machine's copy.
    rulesDocsBase: rulePagesUrl,
    // A report file is not a terminal: coloured only when FORCE_COLOR asks.
    colour: wantsColour({ isTTY: outputFile === undefined && io.stdoutIsTTY === true, env: io.env ?? {} }),
  });
  const reportFile = outputFile === undefined ? undefined : new ReportFile(outputFile);
  const write = reportFile ? (text: string) => reportFile.write(text) : io.stdout;
  // Each file's report is written as soon as it and those before it are checked, while the rest are checked.
  const [totals] = await Promise.all([
    writeReportInOrder(targets, slots, writer, write, io.stderr),
    checkFiles(),
    checkStdin(),
  ]);
  let readErrors = totals.readErrors;
  for (const warning of totals.dataWarnings) {
    readErrors++;
    io.stderr(`claim-lint: data file: ${warning}\n`);
  }
  const problem = reportFile?.close();
  if (problem !== undefined) {
    io.stderr(`claim-lint: cannot write the report to ${terminalText(options.outputFile ?? '')}: ${problem}\n`);
    readErrors++;
  }
  if (readErrors > 0) {
    return 2;
  }
  if (totals.errors > 0) {
    return 1;
  }
  if (options.maxWarnings !== undefined && totals.warnings > options.maxWarnings) {
    io.stderr(`claim-lint: ${totals.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function readStdin(): AsyncIterable<string> {
  process.stdin.setEncoding('utf8');
  return process.stdin as AsyncIterable<string>;
}

if (serveWorkerIfAsked()) {
  // This thread is one of the pool's workers; it answers the main thread.
} else if (require.main === module) {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') {
      // The reader of the output is gone (`claim-lint ... | head -1`): nothing more can be shown, so stop at once,
      // quietly, with the status of a program a closed pipe stops (128 + SIGPIPE), not an error's stack.
      process.exit(brokenPipeStatus);
    }
    // Any other (ENOBUFS, EAGAIN, ENOSPC): the report is incomplete. One line, and the status of a run that
    // could not do its work (2), never that of errors found (1), which a pipeline would read as a result.
    process.stderr.write(`claim-lint: cannot write the output: ${writeErrorCode(error)}\n`);
    process.exit(2);
  });
  const stdout = outputSink(process.stdout);
  runCli(process.argv.slice(2), {
    stdout: (text) => stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`claim-lint: internal error: ${error instanceof Error ? error.name : 'unknown'}\n`);
      process.exitCode = 2;
    },
  );
}
