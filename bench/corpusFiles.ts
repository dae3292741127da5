/**
 * Benchmark corpora on disk, in a temporary folder under the OS temp dir:
 * never in the repository, removed when the run ends. A size is a number of
 * service lines, counted exactly, or a number of megabytes, turned into the
 * line count that comes closest for that format.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { planClaims } from './claimPlan';
import { corpusChunks, type CorpusFormat } from './corpusWriters';

export type CorpusSize = { label: string; serviceLines: number } | { label: string; megabytes: number };

export interface Corpus {
  /** The size as asked for: '10k', '1M', '5MB'. */
  label: string;
  format: CorpusFormat;
  file: string;
  bytes: number;
  serviceLines: number;
  claims: number;
}

export const formatNames: Record<CorpusFormat, string> = { claim: '.claim', x12: '837P' };

const extensions: Record<CorpusFormat, string> = { claim: '.claim', x12: '.837' };

/** Bytes per service line of a format, measured on 10k lines of the same plan. */
function bytesPerServiceLine(format: CorpusFormat): number {
  const sampleLines = 10_000;
  let bytes = 0;
  for (const chunk of corpusChunks(format, planClaims(sampleLines))) {
    bytes += chunk.length;
  }
  return bytes / sampleLines;
}

export function serviceLinesFor(size: CorpusSize, format: CorpusFormat): number {
  return 'serviceLines' in size ? size.serviceLines : Math.round((size.megabytes * 1e6) / bytesPerServiceLine(format));
}

/** The corpus whose size is closest to `bytes`, by ratio (5.0 MB is nearer 5 MB than 7.8 MB is). */
export function closestTo(bytes: number, corpora: readonly Corpus[]): Corpus | undefined {
  const distance = (corpus: Corpus) => Math.abs(Math.log(corpus.bytes / bytes));
  return corpora.reduce<Corpus | undefined>(
    (best, corpus) => (best && distance(best) <= distance(corpus) ? best : corpus),
    undefined,
  );
}

export function makeCorpusFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'claim-bench-'));
}

export function removeCorpusFolder(folder: string): void {
  fs.rmSync(folder, { recursive: true, force: true });
}

export function writeCorpus(folder: string, size: CorpusSize, format: CorpusFormat): Corpus {
  const serviceLines = serviceLinesFor(size, format);
  const file = path.join(folder, `${size.label}${extensions[format]}`);
  let claims = 0;
  const counted = (function* () {
    for (const claim of planClaims(serviceLines)) {
      claims++;
      yield claim;
    }
  })();
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  try {
    for (const chunk of corpusChunks(format, counted)) {
      // Generated text is ASCII, so its length is its size in bytes.
      bytes += chunk.length;
      fs.writeSync(fd, chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { label: size.label, format, file, bytes, serviceLines, claims };
}
