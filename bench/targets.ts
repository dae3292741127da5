/**
 * The targets of issue 6, printed next to the figures as PASS or MISS. They
 * are read from one run on one machine, never asserted in a test: the
 * machine is noisy, so ratios within a run are what compare.
 */

export const targets = {
  /** Our check (parse + validate) of an 837 over node-x12's parse alone. */
  peerRatio: 0.2,
  /** Hover and completion p99 on the largest document of each format, through the server. */
  latencyP99Ms: 10,
  /** The slowest hover on the largest document of each format, through the server (issue 18). */
  hoverMaxMs: 20,
  /** A `.claim` file's didOpen to diagnostics through the server, over a bare scan of its lines (issue 18). */
  claimOpenOverLineScan: 10,
  /** A one-line edit to fresh diagnostics on a file of about 5 MB, through the server, pulled and pushed. */
  editToDiagnosticsMs: 50,
  /** A repeated pull of an unchanged document's diagnostics, answered "unchanged", on the largest file (issue 18). */
  unchangedPullMs: 5,
  /** Memory as a multiple of the file's size. */
  memoryMultiple: 5,
  /** The file size the edit target is read on. */
  editTargetBytes: 5e6,
} as const;

export type Verdict = 'PASS' | 'MISS';

export function verdict(pass: boolean): Verdict {
  return pass ? 'PASS' : 'MISS';
}
