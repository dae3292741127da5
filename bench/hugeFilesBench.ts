/**
 * `npm run bench:huge`: the outline, CodeLens and formatting of huge files
 * through the built server over stdio (issue 20), with what each costs and
 * whether other requests were answered meanwhile. Two files are generated in
 * a temp folder (removed at the end): a `.claim` of 1.3 million one-line
 * claims (`claim C0000001` and one code, about 30 MB) and an 837P of about
 * 57 MB written by the benchmark's corpus writer. For each file and request,
 * one fresh server opens the file (diagnostics are not pulled, so no check
 * runs beside the request), then the request is sent and hovers are sent one
 * after the other until it is answered: the table gives its time, the
 * server's peak RSS during it (Linux: `/proc/<pid>/status` VmHWM, reset
 * through `clear_refs` before the request), its answer's size, and how many
 * hovers were answered meanwhile and the slowest of them.
 *
 * Prints a markdown table (stdout) for docs/reliability.md; progress on
 * stderr. Rule ids, counts and timings only, never claim text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { languageIds, readCorpusText } from './corpusDocument';
import { type Corpus, makeCorpusFolder, removeCorpusFolder, writeCorpus } from './corpusFiles';
import { LspStdioClient, failureReason } from './lspStdioClient';
import { describeMachine } from './machine';
import { markdownTable } from './markdownTable';
import { serverPath } from './serverBench';
import { formatMs, megabytes } from './stats';

const oneLineClaims = 1_300_000;
const x12Megabytes = 57;
const timeoutMs = 10 * 60 * 1000;
const formattingOptions = { tabSize: 2, insertSpaces: true };

interface HugeFile {
  name: string;
  file: string;
  format: Corpus['format'];
  bytes: number;
  /** Where hover asks: on a code near the start. */
  hoverAt: { line: number; character: number };
}

interface Measured {
  file: HugeFile;
  request: string;
  ms: number;
  peakRssBytes: number | undefined;
  rssBeforeBytes: number | undefined;
  answer: string;
  hovers: number;
  slowestHoverMs: number;
  failure?: string;
}

function progress(message: string): void {
  process.stderr.write(`[bench:huge] ${message}\n`);
}

/** `claim C0000001` then one code on its own line, 1.3 million times: about 30 MB. */
function writeOneLineClaims(folder: string): HugeFile {
  const file = path.join(folder, 'one-line-claims.claim');
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    const perChunk = 10_000;
    for (let first = 0; first < oneLineClaims; first += perChunk) {
      let chunk = '';
      for (let n = first; n < Math.min(oneLineClaims, first + perChunk); n++) {
        chunk += `claim C${String(n).padStart(7, '0')}\n  G0279\n`;
      }
      bytes += chunk.length;
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return {
    name: `.claim, ${(oneLineClaims / 1e6).toFixed(1)} million one-line claims`,
    file,
    format: 'claim',
    bytes,
    hoverAt: { line: 1, character: 3 },
  };
}

function write837(folder: string): HugeFile {
  const corpus = writeCorpus(folder, { label: `${x12Megabytes}MB`, megabytes: x12Megabytes }, 'x12');
  const text = fs.readFileSync(corpus.file, 'utf8');
  const lines = text.split('\n', 200);
  const sv1 = lines.findIndex((line) => line.startsWith('SV1*'));
  return {
    name: `837P, ${corpus.serviceLines.toLocaleString('en-US')} service lines`,
    file: corpus.file,
    format: 'x12',
    bytes: corpus.bytes,
    hoverAt: { line: Math.max(0, sv1), character: 8 },
  };
}

/** The process's resident set now and its peak since the last reset, from /proc (Linux), in bytes. */
function memoryOf(pid: number | undefined): { rss?: number; peak?: number } {
  if (pid === undefined) {
    return {};
  }
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return {};
  }
}

/** Resets the process's peak RSS to its current RSS (Linux ≥ 4.0), so the peak read afterwards is the request's. */
function resetPeak(pid: number | undefined): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // Not Linux, or not allowed: the peak then counts from the process's start.
  }
}

function describeAnswer(request: string, answer: unknown): string {
  if (!Array.isArray(answer)) {
    return 'none';
  }
  if (request === 'textDocument/documentSymbol') {
    const last = answer.at(-1) as { name?: string } | undefined;
    return `${answer.length.toLocaleString('en-US')} root symbols; last: ${last?.name ?? 'none'}`;
  }
  if (request === 'textDocument/codeLens') {
    const last = answer.at(-1) as { command?: { title?: string } } | undefined;
    return `${answer.length.toLocaleString('en-US')} lenses${last?.command?.title ? `; last: ${last.command.title}` : ''}`;
  }
  return `${answer.length.toLocaleString('en-US')} edits`;
}

async function measure(file: HugeFile, text: string, request: string, params: object): Promise<Measured> {
  const client = new LspStdioClient(serverPath);
  const result: Measured = {
    file,
    request,
    ms: NaN,
    peakRssBytes: undefined,
    rssBeforeBytes: undefined,
    answer: '',
    hovers: 0,
    slowestHoverMs: 0,
  };
  client.onNotification('window/showMessage', (params) => {
    const message = (params as { message?: unknown } | null)?.message;
    // Our own notice, which names the file and the setting: its first sentence.
    result.answer = `declined: ${(typeof message === 'string' ? message : '').split(':')[0] ?? ''}`;
  });
  try {
    await client.initialize();
    const uri = `file:///bench/${path.basename(file.file)}`;
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[file.format], version: 1, text },
    });
    // A first hover: the document is open and read before the request is timed.
    await client.request('textDocument/hover', { textDocument: { uri }, position: file.hoverAt }, timeoutMs);
    resetPeak(client.pid);
    result.rssBeforeBytes = memoryOf(client.pid).rss;
    const start = performance.now();
    let answered = false;
    const answer = client.request<unknown>(request, { textDocument: { uri }, ...params }, timeoutMs).finally(() => {
      answered = true;
      result.ms = performance.now() - start;
    });
    answer.catch(() => undefined);
    while (!answered) {
      const sent = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: file.hoverAt }, timeoutMs);
      if (!answered) {
        result.hovers++;
        result.slowestHoverMs = Math.max(result.slowestHoverMs, performance.now() - sent);
      }
    }
    const value = await answer;
    result.peakRssBytes = memoryOf(client.pid).peak;
    if (result.answer === '') {
      result.answer = describeAnswer(request, value);
    }
  } catch (error) {
    result.failure = failureReason(error);
  } finally {
    await client.stop();
  }
  return result;
}

const requests: Array<{ label: string; method: string; params: object }> = [
  { label: 'outline', method: 'textDocument/documentSymbol', params: {} },
  { label: 'CodeLens', method: 'textDocument/codeLens', params: {} },
  { label: 'formatting', method: 'textDocument/formatting', params: { options: formattingOptions } },
];

async function main(): Promise<void> {
  if (!fs.existsSync(serverPath)) {
    throw new Error(`${serverPath} is missing: run npm run build first`);
  }
  const folder = makeCorpusFolder();
  const results: Measured[] = [];
  try {
    progress('writing the files');
    const files = [writeOneLineClaims(folder), write837(folder)];
    for (const file of files) {
      const text = readCorpusText(file.file);
      for (const request of requests) {
        progress(`${file.name} (${megabytes(file.bytes).toFixed(1)} MB): ${request.label}`);
        const measured = await measure(file, text, request.method, request.params);
        progress(
          `  ${measured.failure ?? `${formatMs(measured.ms)}, peak RSS ${megabytes(measured.peakRssBytes ?? NaN).toFixed(0)} MB, ${measured.hovers} hovers meanwhile`}`,
        );
        results.push({ ...measured, request: request.label });
      }
    }
  } finally {
    removeCorpusFolder(folder);
  }
  const lines = [
    ...describeMachine(),
    '',
    markdownTable(
      ['file', 'request', 'time', 'peak RSS (before)', 'answer', 'hovers answered meanwhile (slowest)'],
      results.map((r) => [
        `${r.file.name} (${megabytes(r.file.bytes).toFixed(1)} MB)`,
        r.request,
        r.failure ? `MISS (${r.failure})` : formatMs(r.ms),
        `${megabytes(r.peakRssBytes ?? NaN).toFixed(0)} MB (${megabytes(r.rssBeforeBytes ?? NaN).toFixed(0)} MB)`,
        r.answer,
        `${r.hovers} (${formatMs(r.slowestHoverMs)})`,
      ]),
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:huge] failed: ${error instanceof Error ? error.name : 'error'}\n`);
  process.exitCode = 1;
});
