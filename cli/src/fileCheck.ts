/**
 * Checking one file (or standard input) with the settings that apply to it:
 * read whole and given to the language service, or, above the stream
 * threshold, read as a stream and checked a piece at a time with the same
 * findings. The same code runs in the main thread and in worker threads.
 *
 * A file is opened by the one guarded reader (`shared/src/guardedFile.ts`):
 * only a regular file (a link judged by its target), never waiting on a pipe;
 * read whole up to the stream threshold, else streamed from that same open
 * descriptor, so streamed files need no cap: memory stays within
 * `--stream-chunk` whatever their size.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { openRegularFile, readOpenedFile } from '../../shared/src/guardedFile';
import { type ConfigChoice, ConfigError, ConfigResolver, type DataFolderChoice, type LoadedConfig } from './config';
import { claimIdAt, toMessage } from './output/diagnosticMessages';
import { FindingSpool, type StoredFindings } from './output/findingSpool';
import type { LintMessage } from './output/lintResults';
import { ChunkChecker } from './stream/chunkChecker';
import { ClaimStream } from './stream/claimStream';
import { StreamedMessages } from './stream/streamedMessages';
import { lineLimitProblem } from './stream/lineLimit';
import { StreamLimitError, X12Stream } from './stream/x12Stream';
import { documentUriOf, type RunFileProcedures, runProcedureIndex } from './runProcedures';

const x12Extensions = new Set(['.837', '.x12', '.edi']);
const readPieceBytes = 1024 * 1024;

export interface CheckOptions {
  quiet: boolean;
  streamThreshold: number;
  streamChunk: number;
  /** The data folder and the cache, as the command line gave them (absolute). */
  data: DataFolderChoice;
  /** The procedure facts of the run's files (`runProcedures.ts`), when a fee schedule makes them matter. */
  procedures?: RunFileProcedures[];
  /** The run's folder for spooled findings (`output/findingSpool.ts`); without it they are kept in memory. */
  spoolFolder?: string;
}

export interface FileJob {
  /** As the user named it (an operand, or a path under an operand folder). */
  displayPath: string;
  absolutePath: string;
  /** Standard input without --stdin-filename: `absolutePath` is made up (its extension picks the format), not reported. */
  unnamed?: boolean;
}

/** A file checked: its names and its findings, stored until its report is written. Plain data, for a worker to send. */
export interface CheckedFile {
  /** As the user named it (an operand, or a path under an operand folder). */
  filePath: string;
  /** The file's absolute path; absent for standard input without --stdin-filename. */
  absolutePath?: string;
  findings: StoredFindings;
}

/** What checking a file gave: its result, or why it could not be read; and data-file problems first met on it. */
export type JobOutcome = ({ result: CheckedFile } | { readError: string }) & { warnings: string[] };

const readErrorTexts: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'not a folder',
};

/** A claim file the guarded reader refused (not a regular file, or grown past the threshold while read). */
export class UnreadableFile extends Error {}

/** What the guarded reader said, in claim-lint's words for a file system error, else its own sentence. */
function refusalText(refusal: { reason: string; code?: string }): string {
  return refusal.code !== undefined
    ? (readErrorTexts[refusal.code] ?? refusal.code)
    : refusal.reason.replace(/\.$/, '');
}

/** The text of a claim file: whole up to `threshold` bytes, else a stream of pieces from the same descriptor. */
function openClaimFile(file: string, threshold: number): { text: string } | { stream: fs.ReadStream } {
  const opened = openRegularFile(file);
  if (!opened.ok) {
    throw new UnreadableFile(refusalText(opened));
  }
  if (opened.size > threshold) {
    // The stream owns the descriptor from here, and closes it at its end, an error or when abandoned.
    const stream = fs.createReadStream(file, {
      fd: opened.descriptor,
      encoding: 'utf8',
      highWaterMark: readPieceBytes,
      autoClose: true,
    });
    return { stream };
  }
  try {
    const read = readOpenedFile(opened.descriptor, opened.size, threshold, () => 'grown');
    if (!read.ok) {
      // Under the threshold when opened, past it by the end: a file still being written.
      const grown = `it grew past the stream threshold (${threshold} bytes) while it was read; check it once it is written`;
      throw new UnreadableFile(read.code === undefined ? grown : refusalText(read));
    }
    return { text: Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length).toString('utf8') };
  } finally {
    fs.closeSync(opened.descriptor);
  }
}

export function errorText(error: unknown): string {
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  return code !== undefined ? (readErrorTexts[code] ?? code) : error instanceof Error ? error.name : 'unknown error';
}

function languageIdOf(file: string): string {
  return x12Extensions.has(path.extname(file).toLowerCase()) ? 'x12' : 'claim';
}

/** Read as an 837: by its extension, or by an ISA at its head. */
function isX12Text(file: string, head: string): boolean {
  return languageIdOf(file) === 'x12' || /^\s*ISA/.test(head.slice(0, 64));
}

/** The pieces of `source`, with `head` (already read from `rest`) first. */
async function* replay(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    if (head !== '') {
      yield head;
    }
    for (let next = await rest.next(); next.done !== true; next = await rest.next()) {
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

/** Reads from `source` until `atLeast` characters or its end. */
async function readHead(
  source: AsyncIterable<string>,
  atLeast: number,
): Promise<{ head: string; ended: boolean; rest: AsyncIterator<string> }> {
  const rest = source[Symbol.asyncIterator]();
  let head = '';
  while (head.length < atLeast) {
    const next = await rest.next();
    if (next.done === true) {
      return { head, ended: true, rest };
    }
    head += next.value;
  }
  return { head, ended: false, rest };
}

export class FileChecker {
  private readonly configs: ConfigResolver;
  private warningsReported = 0;

  constructor(
    config: ConfigChoice,
    private readonly options: CheckOptions,
  ) {
    this.configs = new ConfigResolver(config, options.data);
    if (options.procedures) {
      this.configs.workspaceProcedures = runProcedureIndex(options.procedures);
    }
  }

  async checkFile(job: FileJob): Promise<JobOutcome> {
    return this.outcome(job, async (config) => {
      const opened = openClaimFile(job.absolutePath, this.options.streamThreshold);
      if ('text' in opened) {
        return this.checkWhole(opened.text, job, config);
      }
      try {
        return await this.checkStream(opened.stream as AsyncIterable<string>, job, config);
      } finally {
        // Closes the descriptor however the check ended (it is closed already when the stream was read to its end).
        opened.stream.destroy();
      }
    });
  }

  /** Standard input: read whole when it ends within the stream threshold, else streamed from what was read. */
  async checkText(job: FileJob, source: AsyncIterable<string>): Promise<JobOutcome> {
    return this.outcome(job, async (config) => {
      const { head, ended, rest } = await readHead(source, this.options.streamThreshold + 1);
      return ended ? this.checkWhole(head, job, config) : this.checkStream(replay(head, rest), job, config);
    });
  }

  private async outcome(job: FileJob, check: (config: LoadedConfig) => Promise<StoredFindings>): Promise<JobOutcome> {
    let outcome: { result: CheckedFile } | { readError: string };
    try {
      const findings = await check(this.configs.configFor(job.absolutePath));
      outcome = {
        result: {
          filePath: job.displayPath,
          ...(job.unnamed === true ? {} : { absolutePath: job.absolutePath }),
          findings,
        },
      };
    } catch (error) {
      if (error instanceof ConfigError || error instanceof StreamLimitError || error instanceof UnreadableFile) {
        outcome = { readError: error.message };
      } else if (error instanceof Error && 'code' in error) {
        outcome = { readError: errorText(error) };
      } else {
        throw error;
      }
    }
    const warnings = this.configs.warnings.slice(this.warningsReported);
    this.warningsReported = this.configs.warnings.length;
    return { ...outcome, warnings };
  }

  private checkWhole(text: string, job: FileJob, config: LoadedConfig): Promise<StoredFindings> {
    // The stream's bound on a segment or line holds for a file read whole too, so crossing the stream threshold
    // changes nothing of what a file gives.
    const tooLong = lineLimitProblem(text, isX12Text(job.absolutePath, text), this.options.streamChunk);
    if (tooLong !== undefined) {
      return Promise.reject(new StreamLimitError(tooLong));
    }
    const document = TextDocument.create(documentUriOf(job.absolutePath), languageIdOf(job.absolutePath), 1, text);
    const model = config.service.parse(document);
    const spool = new FindingSpool(this.options.spoolFolder);
    for (const diagnostic of config.service.doValidation(document, model, config.settings)) {
      const message = toMessage(diagnostic, claimIdAt(model, diagnostic.range.start));
      if (!this.options.quiet || message.severity === 'error') {
        spool.add(message);
      }
    }
    return Promise.resolve(spool.finish());
  }

  private async checkStream(
    source: AsyncIterable<string>,
    job: FileJob,
    config: LoadedConfig,
  ): Promise<StoredFindings> {
    const { head, rest } = await readHead(source, 64);
    const pieces = replay(head, rest);
    const languageId = languageIdOf(job.absolutePath);
    const isX12 = isX12Text(job.absolutePath, head);
    // Each piece is limited by the stream; the file's limit applies to all of them together.
    const settings = { ...config.settings, maxNumberOfProblems: Number.MAX_SAFE_INTEGER };
    const checker = new ChunkChecker(
      config.service,
      settings,
      `file://${job.absolutePath}`,
      isX12 ? 'x12' : languageId,
    );
    const collected = new StreamedMessages(config.settings, this.options.quiet, this.options.spoolFolder);
    const report = (batch: LintMessage[]) => collected.addBatch(batch);
    const limits = { chunk: this.options.streamChunk };
    await (
      isX12 ? new X12Stream(checker, config.settings, limits, report) : new ClaimStream(checker, limits, report)
    ).run(pieces);
    return collected.finish(checker.claimIdAtFileStart);
  }
}
