/**
 * Forked per corpus (see childProcesses.ts): parse and validate one file
 * three times through the public language service; report the best time of
 * each step, and the memory of the first round: heap still held after
 * parse+validate (text, model and diagnostics alive, after a full GC) and the
 * process's peak RSS, both above what the idle process held before reading.
 */
import { performance } from 'node:perf_hooks';
import { getLanguageService } from '../server/src/service/languageService';
import { answerParent, collectGarbage } from './childProcesses';
import { corpusDocument, isCorpusFormat, readCorpusText, unlimitedSettings } from './corpusDocument';

export interface MeasureResult {
  parseMs: number;
  validateMs: number;
  /** Best round of parse and validate together, as a checker runs them. */
  checkMs: number;
  findings: number;
  findingsByRule: Record<string, number>;
  retainedHeapBytes: number;
  peakRssBytes: number;
  peakRssGrowthBytes: number;
}

const rounds = 3;

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
    findings: 0,
    findingsByRule: {},
    retainedHeapBytes: 0,
    peakRssBytes: 0,
    peakRssGrowthBytes: 0,
  };
  for (let round = 0; round < rounds; round++) {
    const document = corpusDocument(text, format, round + 1);
    const parseStart = performance.now();
    const model = service.parse(document);
    const validateStart = performance.now();
    const diagnostics = service.doValidation(document, model, unlimitedSettings);
    const end = performance.now();
    result.parseMs = Math.min(result.parseMs, validateStart - parseStart);
    result.validateMs = Math.min(result.validateMs, end - validateStart);
    result.checkMs = Math.min(result.checkMs, end - parseStart);
    if (round === 0) {
      collectGarbage();
      result.retainedHeapBytes = process.memoryUsage().heapUsed - baselineHeap;
      // maxRSS is in kilobytes; the high-water mark so far is the first round's.
      result.peakRssBytes = process.resourceUsage().maxRSS * 1024;
      result.peakRssGrowthBytes = result.peakRssBytes - baselineRss;
      // Read after the GC so text, model and diagnostics are alive while heap is measured.
      result.findings = diagnostics.length;
      for (const diagnostic of diagnostics) {
        const rule = String(diagnostic.code);
        result.findingsByRule[rule] = (result.findingsByRule[rule] ?? 0) + 1;
      }
      void model.claims.length;
    }
    collectGarbage();
  }
  void text.length;
  return result;
}

const [file, format] = process.argv.slice(2);
if (file === undefined || !isCorpusFormat(format)) {
  throw new Error('usage: measureChild <file> <claim|x12>');
}
answerParent(() => measure(file, format));
