/**
 * Forked per corpus (see childProcesses.ts): check one file three times
 * through the public language service (parse + validate, claims read during
 * validation and let go), and apart from that, parse with every claim read
 * into the model and validate that model; report the best time of each, and
 * the memory of the first check: heap still held after it (text and
 * diagnostics alive, after a full GC) and the process's peak RSS, both above
 * what the idle process held before reading.
 */
import { performance } from 'node:perf_hooks';
import { getLanguageService } from '../server/src/service';
import { answerParent, collectGarbage } from './childProcesses';
import { corpusDocument, isCorpusFormat, readCorpusText, unlimitedSettings } from './corpusDocument';

export interface MeasureResult {
  parseMs: number;
  validateMs: number;
  /** Best round of parse and validate together, as a checker runs them. */
  checkMs: number;
  /** Best round of a bare scan of the text's lines (each line found, nothing read): the yardstick of a `.claim` open. */
  lineScanMs: number;
  findings: number;
  findingsByRule: Record<string, number>;
  retainedHeapBytes: number;
  peakRssBytes: number;
  peakRssGrowthBytes: number;
}

const rounds = 3;

/**
 * A bare scan of the text's lines, as the plainest line reader makes one: the text split at its line ends and
 * each line's length read, nothing parsed (the yardstick issue 18 compares a `.claim` open with).
 */
function lineScanMs(text: string): number {
  const start = performance.now();
  let longest = 0;
  for (const line of text.split(/\r\n|\r|\n/)) {
    longest = Math.max(longest, line.length);
  }
  const ms = performance.now() - start;
  // Read, so the scan is not optimised away.
  return longest >= 0 ? ms : NaN;
}

function measure(file: string, format: 'claim' | 'x12'): MeasureResult {
  const service = getLanguageService();
  collectGarbage();
  const baselineHeap = process.memoryUsage().heapUsed;
  const baselineRss = process.memoryUsage().rss;
  const text = readCorpusText(file);
  const result: MeasureResult = {
    parseMs: Infinity,
    validateMs: Infinity,
    checkMs: Infinity,
    lineScanMs: Infinity,
    findings: 0,
    findingsByRule: {},
    retainedHeapBytes: 0,
    peakRssBytes: 0,
    peakRssGrowthBytes: 0,
  };
  for (let round = 0; round < rounds; round++) {
    // The check as a checker runs it: parse, then validate, which reads each claim and lets it go.
    const document = corpusDocument(text, format, round + 1);
    const checkStart = performance.now();
    const diagnostics = service.doValidation(document, service.parse(document), unlimitedSettings);
    result.checkMs = Math.min(result.checkMs, performance.now() - checkStart);
    if (round === 0) {
      collectGarbage();
      result.retainedHeapBytes = process.memoryUsage().heapUsed - baselineHeap;
      // maxRSS is in kilobytes; the high-water mark so far is the check's.
      result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
      result.peakRssGrowthBytes = result.peakRssBytes - baselineRss;
      // Read after the GC so text and diagnostics are alive while heap is measured.
      result.findings = diagnostics.length;
      for (const diagnostic of diagnostics) {
        const rule = String(diagnostic.code);
        result.findingsByRule[rule] = (result.findingsByRule[rule] ?? 0) + 1;
      }
    }
    collectGarbage();
    // The two steps apart: parse and read every claim into the model (as hover and the outline
    // need it), then validate that model (the rules alone).
    const splitDocument = corpusDocument(text, format, round + 1);
    const parseStart = performance.now();
    const model = service.parse(splitDocument);
    void model.claims.length;
    const validateStart = performance.now();
    service.doValidation(splitDocument, model, unlimitedSettings);
    const end = performance.now();
    result.parseMs = Math.min(result.parseMs, validateStart - parseStart);
    result.validateMs = Math.min(result.validateMs, end - validateStart);
    collectGarbage();
    result.lineScanMs = Math.min(result.lineScanMs, lineScanMs(text));
  }
  void text.length;
  return result;
}

const [file, format] = process.argv.slice(2);
if (file === undefined || !isCorpusFormat(format)) {
  throw new Error('usage: measureChild <file> <claim|x12>');
}
answerParent(() => measure(file, format));
