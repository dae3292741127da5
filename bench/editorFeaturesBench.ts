/**
 * Editor features through the real server (dist/server.js over stdio) on the
 * corpus of each format closest to 5 MB: folding ranges, semantic tokens of
 * the whole document and of one screenful (50 lines in the middle, as an
 * editor asks for its visible range), and document formatting; for an 837
 * also formatting with `cptClaims.x12.layout` set to one line (the default,
 * `keep`, leaves a file of one segment per line as it is). One fresh server
 * per corpus and settings; the file is opened and its diagnostics pulled
 * first, so the check is over and every request reads the model as an
 * editor's would. The edits are never applied: every request formats the
 * same text.
 *
 * By default the server declines whole-document tokens above
 * `cptClaims.backgroundCheckAboveMB` (1 MB) and the editor asks by range; to
 * measure what a whole-document request costs, this session raises that
 * setting above the file's size. Nothing else measured here reads it.
 */
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { languageIds, readCorpusText } from './corpusDocument';
import type { Corpus } from './corpusFiles';
import { LspStdioClient, failureReason } from './lspStdioClient';
import { serverPath } from './serverBench';

export type EditorFeature =
  | 'folding ranges'
  | 'semantic tokens, whole document'
  | 'semantic tokens, one screenful'
  | 'document formatting'
  | 'document formatting, 837 to one line';

export interface FeatureTimings {
  samplesMs: number[];
  /** What the answer held: folding ranges, tokens (5 numbers each) or edits. */
  items: number;
}

export interface EditorFeaturesResult {
  corpus: Corpus;
  features: Partial<Record<EditorFeature, FeatureTimings>>;
  failure?: { feature: EditorFeature | 'open'; reason: string };
}

/** Requests of each kind; the median and the slowest are reported. */
export const featureSamples = 5;
export const screenfulLines = 50;
const timeoutMs = 5 * 60 * 1000;

interface FeatureRequest {
  feature: EditorFeature;
  method: string;
  params: unknown;
  count(answer: unknown): number;
}

function arrayLength(answer: unknown): number {
  return Array.isArray(answer) ? answer.length : 0;
}

function tokenCount(answer: unknown): number {
  const data = (answer as { data?: unknown } | null)?.data;
  return Array.isArray(data) ? data.length / 5 : 0;
}

const formattingOptions = { tabSize: 2, insertSpaces: true };

function requestsFor(uri: string, lineCount: number): FeatureRequest[] {
  const textDocument = { uri };
  const first = Math.max(0, Math.floor(lineCount / 2) - screenfulLines / 2);
  const range = { start: { line: first, character: 0 }, end: { line: first + screenfulLines, character: 0 } };
  return [
    { feature: 'folding ranges', method: 'textDocument/foldingRange', params: { textDocument }, count: arrayLength },
    {
      feature: 'semantic tokens, whole document',
      method: 'textDocument/semanticTokens/full',
      params: { textDocument },
      count: tokenCount,
    },
    {
      feature: 'semantic tokens, one screenful',
      method: 'textDocument/semanticTokens/range',
      params: { textDocument, range },
      count: tokenCount,
    },
    {
      feature: 'document formatting',
      method: 'textDocument/formatting',
      params: { textDocument, options: formattingOptions },
      count: arrayLength,
    },
  ];
}

function lineCountOf(text: string): number {
  let lineCount = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    lineCount++;
  }
  return lineCount;
}

/** One server with `settings`: the file opened and checked, then each request `featureSamples` times, into `result`. */
async function measureSession(
  corpus: Corpus,
  text: string,
  settings: Record<string, unknown>,
  requests: (uri: string) => FeatureRequest[],
  result: EditorFeaturesResult,
): Promise<void> {
  const client = new LspStdioClient(serverPath, settings);
  let stage: EditorFeature | 'open' = 'open';
  try {
    await client.initialize();
    const uri = `file:///bench/${path.basename(corpus.file)}`;
    await client.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: languageIds[corpus.format], version: 1, text },
    });
    await client.request('textDocument/diagnostic', { textDocument: { uri } }, timeoutMs);
    for (const request of requests(uri)) {
      stage = request.feature;
      const timings: FeatureTimings = { samplesMs: [], items: 0 };
      for (let i = 0; i < featureSamples; i++) {
        const start = performance.now();
        const answer = await client.request<unknown>(request.method, request.params, timeoutMs);
        timings.samplesMs.push(performance.now() - start);
        timings.items = request.count(answer);
      }
      result.features[request.feature] = timings;
    }
  } catch (error) {
    const reason = failureReason(error);
    result.failure = { feature: stage, reason };
  } finally {
    await client.stop();
  }
}

export async function measureEditorFeatures(corpus: Corpus): Promise<EditorFeaturesResult> {
  const result: EditorFeaturesResult = { corpus, features: {} };
  const text = readCorpusText(corpus.file);
  const lineCount = lineCountOf(text);
  const wholeDocumentTokens = { backgroundCheckAboveMB: Math.ceil(text.length / 1e6) + 1 };
  await measureSession(corpus, text, wholeDocumentTokens, (uri) => requestsFor(uri, lineCount), result);
  if (corpus.format === 'x12' && !result.failure) {
    const toOneLine = (uri: string): FeatureRequest => ({
      feature: 'document formatting, 837 to one line',
      method: 'textDocument/formatting',
      params: { textDocument: { uri }, options: formattingOptions },
      count: arrayLength,
    });
    await measureSession(corpus, text, { x12: { layout: 'oneLine' } }, (uri) => [toOneLine(uri)], result);
  }
  return result;
}
