/**
 * The parent's side of the in-process measurements: one forked child per
 * corpus for our parse/validate/memory figures, and one per 837 corpus for
 * the side-by-side comparison with node-x12 (see measureChild.ts, peerChild.ts).
 */
import * as path from 'node:path';
import { type Outcome, runChild } from './childProcesses';
import type { Corpus } from './corpusFiles';
import type { MeasureResult } from './measureChild';
import type { PeerResult } from './peerChild';

export function measureInChild(corpus: Corpus): Promise<Outcome<MeasureResult>> {
  return runChild<MeasureResult>(path.join(__dirname, 'measureChild.js'), [corpus.file, corpus.format]);
}

export function compareWithPeerInChild(corpus: Corpus): Promise<Outcome<PeerResult>> {
  return runChild<PeerResult>(path.join(__dirname, 'peerChild.js'), [corpus.file]);
}
