/**
 * Forked per 837 corpus: our check (parse + validate) and node-x12's parse of
 * the same text, side by side in one process, alternating which goes first
 * each round so neither always runs on a warmer or cooler machine. The best
 * of three of each is kept; the ratio is only meaningful within one run.
 */
import { performance } from 'node:perf_hooks';
import { X12Parser } from 'node-x12';
import { getLanguageService } from '../server/src/service';
import { answerParent, collectGarbage } from './childProcesses';
import { corpusDocument, readCorpusText, unlimitedSettings } from './corpusDocument';

export interface PeerResult {
  oursCheckMs: number;
  peerParseMs: number;
  /** Segments node-x12 read, to show it parsed the whole file. */
  peerSegments: number;
}

const rounds = 3;

function countSegments(parsed: ReturnType<X12Parser['parse']>): number {
  let segments = 0;
  if ('functionalGroups' in parsed) {
    for (const group of parsed.functionalGroups) {
      for (const transaction of group.transactions) {
        segments += transaction.segments.length;
      }
    }
  }
  return segments;
}

function compare(file: string): PeerResult {
  const service = getLanguageService();
  const text = readCorpusText(file);
  const result: PeerResult = { oursCheckMs: Infinity, peerParseMs: Infinity, peerSegments: 0 };
  const ours = (round: number) => {
    const document = corpusDocument(text, 'x12', round + 1);
    const start = performance.now();
    service.doValidation(document, service.parse(document), unlimitedSettings);
    result.oursCheckMs = Math.min(result.oursCheckMs, performance.now() - start);
  };
  const peer = () => {
    const start = performance.now();
    const parsed = new X12Parser(false).parse(text);
    result.peerParseMs = Math.min(result.peerParseMs, performance.now() - start);
    result.peerSegments = countSegments(parsed);
  };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? [ours, peer] : [peer, ours];
    for (const run of order) {
      collectGarbage();
      run(round);
    }
  }
  return result;
}

const [file] = process.argv.slice(2);
if (file === undefined) {
  throw new Error('usage: peerChild <837 file>');
}
answerParent(() => compare(file));
