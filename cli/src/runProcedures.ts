/**
 * The files of one claim-lint run are its workspace: with a fee schedule in
 * `--data`, a visit in one file is in the global period of its patient's
 * procedure in another (`global-surgery`). Before the files are checked, a
 * first light pass in this thread reads each file's procedure facts (patient
 * hashes, dates, codes; `procedureFacts` of the service); the checkers, in
 * this thread or the workers, then put them in a `ProcedureIndex` their
 * services read.
 *
 * The pass is made only when it can matter: `--data` holds a fee schedule
 * and the run has more than one file. Files above the stream threshold are
 * not read whole for it (they are checked as a stream, a piece at a time), so
 * their procedures do not count for other files; their visits still see the
 * others' procedures.
 */
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type FileProcedures, getLanguageService, ProcedureIndex } from '../../server/src/service';
import { readFileBytes } from '../../shared/src/guardedFile';
import { type ConfigChoice, ConfigResolver, type DataFolderChoice } from './config';

const x12Extensions = new Set(['.837', '.x12', '.edi']);

/** One file's facts, by the URI its check gives its document. */
export interface RunFileProcedures {
  uri: string;
  facts: FileProcedures;
}

/** The URI a file's document has when checked (`fileCheck.ts`): the facts of its own claims are told apart by it. */
export function documentUriOf(absolutePath: string): string {
  return `file://${absolutePath}`;
}

/** Every file's procedure facts, or undefined when they cannot matter (no fee schedule, a single file). */
export function collectRunProcedures(
  jobs: readonly { absolutePath: string }[],
  config: ConfigChoice,
  options: { data: DataFolderChoice; streamThreshold: number },
): RunFileProcedures[] | undefined {
  const folder = options.data.folder;
  if (folder === undefined || jobs.length < 2) {
    return undefined;
  }
  const data = new ConfigResolver(config, options.data).officialData(folder);
  if (data.problem !== undefined || data.feeSchedules.length === 0) {
    return undefined;
  }
  const service = getLanguageService({ officialData: data });
  const found: RunFileProcedures[] = [];
  for (const job of jobs) {
    // Guarded as the check reads it: a pipe or device is not waited on, a file past the threshold is streamed.
    const read = readFileBytes(job.absolutePath, options.streamThreshold, () => 'streamed');
    if (!read.ok) {
      // The check of the file reports why it cannot be read, or streams it.
      continue;
    }
    const text = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.length).toString('utf8');
    const languageId = x12Extensions.has(path.extname(job.absolutePath).toLowerCase()) ? 'x12' : 'claim';
    const document = TextDocument.create(documentUriOf(job.absolutePath), languageId, 1, text);
    const facts = service.procedureFacts(document, service.parse(document));
    if (facts.procedures.length > 0) {
      found.push({ uri: document.uri, facts });
    }
  }
  return found;
}

/** The index of a run's facts. */
export function runProcedureIndex(files: readonly RunFileProcedures[]): ProcedureIndex {
  const index = new ProcedureIndex();
  files.forEach((file) => index.set(file.uri, file.facts));
  return index;
}
