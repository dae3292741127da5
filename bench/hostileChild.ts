/**
 * Forked per hostile input (hostileInputs.ts): builds the input's text,
 * checks it once through the language service with the default settings,
 * and reports the time, the diagnostics and the peak RSS above the idle process.
 */
import { performance } from 'node:perf_hooks';
import { defaultSettings, getLanguageService } from '../server/src/service';
import { answerParent, collectGarbage } from './childProcesses';
import { corpusDocument } from './corpusDocument';
import { type HostileResult, hostileInputs } from './hostileInputs';

function measure(name: string): HostileResult {
  const input = hostileInputs[name];
  if (!input) {
    throw new Error(`no hostile input ${name}`);
  }
  const service = getLanguageService();
  collectGarbage();
  const baselineRss = process.memoryUsage().rss;
  const text = input.text();
  const document = corpusDocument(text, input.format);
  const start = performance.now();
  const diagnostics = service.doValidation(document, service.parse(document), defaultSettings);
  const checkMs = performance.now() - start;
  return {
    bytes: text.length,
    checkMs,
    diagnostics: diagnostics.length,
    peakRssGrowthBytes: process.resourceUsage().maxRSS * 1024 - baselineRss,
  };
}

answerParent(() => measure(process.argv[2] ?? ''));
