/**
 * The real server (dist/server.js) over stdio, one fresh process per corpus:
 * didOpen to diagnostics, hover and completion latency with the model
 * current, one-line edits to fresh diagnostics, and hover and completion right
 * after an edit (before anything re-parses the whole file), and hover while the
 * file is checked afresh in the background.
 *
 * Diagnostics are pulled: the client declares `textDocument.diagnostic` and
 * sends `textDocument/diagnostic` right after `didOpen`/`didChange`. Pushed
 * diagnostics wait for a 200 ms pause in typing first, which would hide the
 * time the server itself takes.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { languageIds, readCorpusText } from './corpusDocument';
import type { Corpus } from './corpusFiles';
import type { CorpusFormat } from './corpusWriters';
import { type DiagnosticReport, LspStdioClient, failureReason } from './lspStdioClient';

export const serverPath = path.join(__dirname, '..', '..', 'dist', 'server.js');

/** The measurements in the order they run; a failure ends the run at its stage and keeps what came before. */
export type ServerStage =
  | 'didOpen to diagnostics'
  | 'pull again, unchanged'
  | 'hover and completion'
  | 'one-line edit to diagnostics'
  | 'right after an edit'
  | 'during a background check';

export interface ServerResult {
  /** The best of `opens` opens, as the yardsticks it is compared with (node-x12's parse, a line scan) are best of 3. */
  openToDiagnosticsMs?: number;
  /** The first open, in a server that has compiled none of the check yet: what the first file of a session costs. */
  firstOpenMs?: number;
  /** Diagnostics the server returned (bounded by its default maxNumberOfProblems, 1000, plus one notice). */
  openDiagnostics?: number;
  /** Pulls of the same, unchanged document with the result id of the first report, and how many came back "unchanged". */
  repeatPullMs: number[];
  repeatPullsUnchanged: number;
  hoverMs: number[];
  completionMs: number[];
  editToDiagnosticsMs: number[];
  hoverAfterEditMs: number[];
  completionAfterEditMs: number[];
  /** Hovers sent one after another while the file, opened again, is checked in the background (above 1 MB). */
  hoverDuringCheckMs: number[];
  failure?: { stage: ServerStage | 'initialize'; reason: string };
}

/** Opens of the file, one after another: the first is reported apart, the best compared with the yardsticks. */
export const opens = 3;
const latencySamples = 200;
/** Pulls of the unchanged document after the first, as an editor makes on focus or after a save elsewhere. */
const repeatPulls = 20;
/**
 * One-line edits timed to fresh diagnostics: as many as a coder types in a few seconds, so the median is
 * an edit's cost once the edit path is compiled, and the first (paying for compiling it) is shown apart.
 */
export const typedEdits = 20;
/** Requests timed right after an edit. */
const edits = 5;
const interactiveTimeoutMs = 60_000;
/** A full check of a 1M-line file through the server; far beyond it, the server is stuck. */
const fullCheckTimeoutMs = 10 * 60 * 1000;

interface ServiceLineRows {
  rows: number[];
  offsets: number[];
}

/** Rows (and their start offsets) of the service lines: `  19283-RT ...` in .claim, `SV1*...` in 837. */
function findServiceLines(text: string, format: CorpusFormat): ServiceLineRows {
  const found: ServiceLineRows = { rows: [], offsets: [] };
  for (let offset = 0, row = 0; offset < text.length; row++) {
    const isServiceLine =
      format === 'x12'
        ? text.startsWith('SV1*', offset)
        : text.startsWith('  ', offset) && /\d/.test(text.charAt(offset + 2));
    if (isServiceLine) {
      found.rows.push(row);
      found.offsets.push(offset);
    }
    const end = text.indexOf('\n', offset);
    offset = end < 0 ? text.length : end + 1;
  }
  return found;
}

/** The character of the charge's last whole-dollar digit: `$350.00` in .claim, SV102 in 837. */
function chargeDigitCharacter(text: string, lineOffset: number, format: CorpusFormat): number {
  if (format === 'claim') {
    return text.indexOf('.', text.indexOf('$', lineOffset)) - 1 - lineOffset;
  }
  let star = lineOffset;
  for (let i = 0; i < 3; i++) {
    star = text.indexOf('*', star + 1);
  }
  return star - 1 - lineOffset;
}

/**
 * One-character edits of a charge on the service line in the middle of the file, alternately changing and
 * restoring it: the content change that makes `version` (even versions changed, odd ones restored).
 */
export function chargeEdit(
  text: string,
  format: CorpusFormat,
): (version: number) => { range: { start: Position; end: Position }; text: string } {
  const { rows, offsets } = findServiceLines(text, format);
  const middle = Math.floor(rows.length / 2);
  const line = rows[middle] ?? 0;
  const character = chargeDigitCharacter(text, offsets[middle] ?? 0, format);
  const original = text.charAt((offsets[middle] ?? 0) + character);
  const changed = original === '0' ? '1' : '0';
  const range = { start: { line, character }, end: { line, character: character + 1 } };
  return (version) => ({ range, text: version % 2 === 0 ? changed : original });
}

interface Position {
  line: number;
  character: number;
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await run();
  return [value, performance.now() - start];
}

export async function measureThroughServer(corpus: Corpus): Promise<ServerResult> {
  const result: ServerResult = {
    repeatPullMs: [],
    repeatPullsUnchanged: 0,
    hoverMs: [],
    completionMs: [],
    editToDiagnosticsMs: [],
    hoverAfterEditMs: [],
    completionAfterEditMs: [],
    hoverDuringCheckMs: [],
  };
  const client = new LspStdioClient(serverPath);
  let stage: ServerStage | 'initialize' = 'initialize';
  try {
    await client.initialize();
    const text = readCorpusText(corpus.file);
    const uri = `file:///bench/${path.basename(corpus.file)}`;
    const textDocument = { uri };
    const pull = (previousResultId?: string) =>
      client.request<DiagnosticReport>(
        'textDocument/diagnostic',
        previousResultId === undefined ? { textDocument } : { textDocument, previousResultId },
        fullCheckTimeoutMs,
      );

    stage = 'didOpen to diagnostics';
    // Opened and closed under other names first: what is kept between opens is the compiled code, not the file's.
    const openAs = async (openUri: string) =>
      timed(async () => {
        await client.notify('textDocument/didOpen', {
          textDocument: { uri: openUri, languageId: languageIds[corpus.format], version: 1, text },
        });
        return client.request<DiagnosticReport>(
          'textDocument/diagnostic',
          { textDocument: { uri: openUri } },
          fullCheckTimeoutMs,
        );
      });
    const openMs: number[] = [];
    for (let i = 1; i < opens; i++) {
      const earlier = `${uri}.open-${i}`;
      openMs.push((await openAs(earlier))[1]);
      await client.notify('textDocument/didClose', { textDocument: { uri: earlier } });
    }
    const [opened, lastOpenMs] = await openAs(uri);
    openMs.push(lastOpenMs);
    result.firstOpenMs = openMs[0];
    result.openToDiagnosticsMs = Math.min(...openMs);
    result.openDiagnostics = opened.items?.length ?? 0;

    stage = 'pull again, unchanged';
    for (let i = 0; i < repeatPulls; i++) {
      const [again, ms] = await timed(() => pull(opened.resultId));
      result.repeatPullMs.push(ms);
      result.repeatPullsUnchanged += again.kind === 'unchanged' ? 1 : 0;
    }

    const { rows } = findServiceLines(text, corpus.format);
    const codeCharacter = corpus.format === 'x12' ? 9 : 4;
    stage = 'hover and completion';
    for (let i = 0; i < latencySamples; i++) {
      const position = { line: rows[Math.floor((i / latencySamples) * rows.length)] ?? 0, character: codeCharacter };
      result.hoverMs.push(
        (await timed(() => client.request('textDocument/hover', { textDocument, position }, interactiveTimeoutMs)))[1],
      );
      result.completionMs.push(
        (
          await timed(() => client.request('textDocument/completion', { textDocument, position }, interactiveTimeoutMs))
        )[1],
      );
    }

    const editLine = rows[Math.floor(rows.length / 2)] ?? 0;
    const change = chargeEdit(text, corpus.format);
    let version = 1;
    const edit = () => {
      version++;
      return client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [change(version)],
      });
    };
    stage = 'one-line edit to diagnostics';
    for (let i = 0; i < typedEdits; i++) {
      result.editToDiagnosticsMs.push((await timed(async () => (await edit(), pull())))[1]);
    }
    // No pull in between: the server has not re-parsed the whole file when these arrive.
    stage = 'right after an edit';
    const position = { line: editLine, character: codeCharacter };
    for (let i = 0; i < edits; i++) {
      await edit();
      result.hoverAfterEditMs.push(
        (await timed(() => client.request('textDocument/hover', { textDocument, position }, fullCheckTimeoutMs)))[1],
      );
      result.completionAfterEditMs.push(
        (
          await timed(() => client.request('textDocument/completion', { textDocument, position }, fullCheckTimeoutMs))
        )[1],
      );
    }

    // Closed and opened again, the file is checked afresh: in the background above cptClaims.backgroundCheckAboveMB
    // (1 MB by default), so hover is answered between slices of claims. Hovers go one after another until the check ends.
    stage = 'during a background check';
    await client.notify('textDocument/didClose', { textDocument });
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[corpus.format], version: 1, text },
    });
    let checking = true;
    const check = pull().finally(() => {
      checking = false;
    });
    for (let i = 0; checking; i++) {
      const hoverPosition = {
        line: rows[Math.floor((((i * 37) % latencySamples) / latencySamples) * rows.length)] ?? 0,
        character: codeCharacter,
      };
      const [, ms] = await timed(() =>
        client.request('textDocument/hover', { textDocument, position: hoverPosition }, fullCheckTimeoutMs),
      );
      // A hover answered after the check ended did not wait on it.
      if (checking) {
        result.hoverDuringCheckMs.push(ms);
      }
    }
    await check;
  } catch (error) {
    const reason = failureReason(error);
    result.failure = { stage, reason };
  } finally {
    await client.stop();
  }
  return result;
}
