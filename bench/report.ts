/**
 * The benchmark's figures as markdown tables, ready to paste into
 * docs/performance.md. A measurement that failed (out of memory, timed out,
 * the server died) shows as MISS with its reason instead of figures.
 */
import type { Outcome } from './childProcesses';
import type { CliRun, FolderRuns } from './cliBench';
import { closestTo, type Corpus, formatNames } from './corpusFiles';
import type { CorpusFormat } from './corpusWriters';
import { type EditorFeature, type EditorFeaturesResult, featureSamples, screenfulLines } from './editorFeaturesBench';
import { markdownTable } from './markdownTable';
import type { MeasureResult } from './measureChild';
import type { PeerResult } from './peerChild';
import { pushEdits, type PushEditsResult } from './pushEditsBench';
import { opens, type ServerResult, type ServerStage, typedEdits } from './serverBench';
import { formatMs, formatNumber, median, megabytes, percentile, perSecond } from './stats';
import { targets, verdict } from './targets';

export interface CorpusResults {
  corpus: Corpus;
  measured: Outcome<MeasureResult>;
  /** 837 corpora only. */
  peer?: Outcome<PeerResult>;
  server: ServerResult;
  cli: Outcome<CliRun>;
}

export interface BenchResults {
  corpora: CorpusResults[];
  folder?: FolderRuns;
  /** The corpus of each format closest to 5 MB. */
  editorFeatures?: EditorFeaturesResult[];
  /** The same corpora, through a client that does not pull diagnostics. */
  pushEdits?: PushEditsResult[];
}

function corpusName(corpus: Corpus): string {
  return `${corpus.label} ${formatNames[corpus.format]}`;
}

function corpusCells(corpus: Corpus): string[] {
  return [corpusName(corpus), megabytes(corpus.bytes).toFixed(1), corpus.serviceLines.toLocaleString('en-US')];
}

/** Cells from a measurement, or a MISS with its reason in the first cell and the rest empty. */
function outcomeCells<T>(outcome: Outcome<T> | undefined, columns: number, cells: (value: T) => string[]): string[] {
  if (outcome === undefined) {
    return Array<string>(columns).fill('not run');
  }
  return outcome.ok ? cells(outcome.value) : [`MISS: ${outcome.reason}`, ...Array<string>(columns - 1).fill('')];
}

function p50p99(samples: readonly number[]): string {
  return `${formatMs(percentile(samples, 50))} / ${formatMs(percentile(samples, 99))}`;
}

function largestOf(results: readonly CorpusResults[], format: CorpusFormat): CorpusResults | undefined {
  return results
    .filter((r) => r.corpus.format === format)
    .reduce<CorpusResults | undefined>((a, b) => (a && a.corpus.bytes >= b.corpus.bytes ? a : b), undefined);
}

function editTargetOf(results: readonly CorpusResults[], format: CorpusFormat): CorpusResults | undefined {
  const corpus = closestTo(
    targets.editTargetBytes,
    results.map((r) => r.corpus).filter((c) => c.format === format),
  );
  return results.find((r) => r.corpus === corpus);
}

function memoryMultiples(corpus: Corpus, measured: MeasureResult): { heap: number; rss: number } {
  return { heap: measured.retainedHeapBytes / corpus.bytes, rss: measured.peakRssGrowthBytes / corpus.bytes };
}

function inProcessTable(results: readonly CorpusResults[]): string {
  const headers = [
    'corpus',
    'size MB',
    'service lines',
    'parse (all claims) MB/s',
    'parse lines/s',
    'validate (rules) MB/s',
    'validate lines/s',
    'check (parse+validate)',
    'check MB/s',
    'check lines/s',
    'findings',
  ];
  return markdownTable(
    headers,
    results.map(({ corpus, measured }) => [
      ...corpusCells(corpus),
      ...outcomeCells(measured, 8, (m) => [
        formatNumber(perSecond(megabytes(corpus.bytes), m.parseMs)),
        formatNumber(perSecond(corpus.serviceLines, m.parseMs)),
        formatNumber(perSecond(megabytes(corpus.bytes), m.validateMs)),
        formatNumber(perSecond(corpus.serviceLines, m.validateMs)),
        formatMs(m.checkMs),
        formatNumber(perSecond(megabytes(corpus.bytes), m.checkMs)),
        formatNumber(perSecond(corpus.serviceLines, m.checkMs)),
        m.findings.toLocaleString('en-US'),
      ]),
    ]),
  );
}

function memoryTable(results: readonly CorpusResults[]): string {
  const headers = [
    'corpus',
    'size MB',
    'service lines',
    'retained heap MB',
    'heap × file',
    'peak RSS MB',
    'RSS growth × file',
    `< ${targets.memoryMultiple}× file`,
  ];
  return markdownTable(
    headers,
    results.map(({ corpus, measured }) => [
      ...corpusCells(corpus),
      ...outcomeCells(measured, 5, (m) => {
        const multiples = memoryMultiples(corpus, m);
        return [
          formatNumber(megabytes(m.retainedHeapBytes)),
          `${formatNumber(multiples.heap)}×`,
          formatNumber(megabytes(m.peakRssBytes)),
          `${formatNumber(multiples.rss)}×`,
          verdict(Math.max(multiples.heap, multiples.rss) < targets.memoryMultiple),
        ];
      }),
    ]),
  );
}

/** A server figure, or why it is missing: the stage that failed (MISS) or an earlier failure (not run). */
function serverCell(
  server: ServerResult,
  stage: ServerStage,
  samples: readonly number[],
  render: () => string,
): string {
  const failedHere =
    server.failure &&
    (server.failure.stage === stage || (server.failure.stage === 'initialize' && stage === 'didOpen to diagnostics'));
  if (failedHere && server.failure) {
    return `MISS: ${server.failure.reason}`;
  }
  return samples.length === 0 ? 'not run' : render();
}

function serverTable(results: readonly CorpusResults[]): string {
  const headers = [
    'corpus',
    'size MB',
    'service lines',
    `didOpen → diagnostics (first; best of ${opens})`,
    'pull again, unchanged: p50 / max (unchanged of 20)',
    `edit → diagnostics (first; median / max of ${typedEdits})`,
    'hover p50 / p99',
    'completion p50 / p99',
    'right after an edit: hover / completion (max of 5)',
    'hover during a background check: p50 / max (hovers)',
  ];
  return markdownTable(
    headers,
    results.map(({ corpus, server: s }) => [
      ...corpusCells(corpus),
      serverCell(
        s,
        'didOpen to diagnostics',
        s.openToDiagnosticsMs === undefined ? [] : [s.openToDiagnosticsMs],
        () =>
          `${formatMs(s.firstOpenMs ?? NaN)}; ${formatMs(s.openToDiagnosticsMs ?? NaN)} (${(s.openDiagnostics ?? 0).toLocaleString('en-US')} diagnostics)`,
      ),
      serverCell(
        s,
        'pull again, unchanged',
        s.repeatPullMs,
        () =>
          `${formatMs(median(s.repeatPullMs))} / ${formatMs(Math.max(...s.repeatPullMs))} (${s.repeatPullsUnchanged})`,
      ),
      serverCell(s, 'one-line edit to diagnostics', s.editToDiagnosticsMs, () => firstMedianMax(s.editToDiagnosticsMs)),
      serverCell(s, 'hover and completion', s.hoverMs, () => p50p99(s.hoverMs)),
      serverCell(s, 'hover and completion', s.completionMs, () => p50p99(s.completionMs)),
      serverCell(
        s,
        'right after an edit',
        s.hoverAfterEditMs,
        () => `${formatMs(Math.max(...s.hoverAfterEditMs))} / ${formatMs(Math.max(...s.completionAfterEditMs))}`,
      ),
      serverCell(
        s,
        'during a background check',
        s.hoverDuringCheckMs,
        () =>
          `${formatMs(median(s.hoverDuringCheckMs))} / ${formatMs(Math.max(...s.hoverDuringCheckMs))} (${s.hoverDuringCheckMs.length})`,
      ),
    ]),
  );
}

function peerTable(results: readonly CorpusResults[]): string {
  const headers = [
    'corpus',
    'size MB',
    'service lines',
    'our check (best of 3)',
    'node-x12 parse (best of 3)',
    'ratio',
    `≤ ${targets.peerRatio}`,
    `through the server: didOpen → diagnostics (best of ${opens})`,
    'server ratio',
    `≤ ${targets.peerRatio}`,
  ];
  return markdownTable(
    headers,
    results
      .filter((r) => r.peer !== undefined)
      .map(({ corpus, peer, server }) => [
        ...corpusCells(corpus),
        ...outcomeCells(peer, 7, (p) => {
          // The editor's path in the same run: the server's didOpen to pulled diagnostics over node-x12's parse alone.
          const serverMs = server.openToDiagnosticsMs;
          const serverRatio = serverMs === undefined ? undefined : serverMs / p.peerParseMs;
          return [
            formatMs(p.oursCheckMs),
            formatMs(p.peerParseMs),
            formatNumber(p.oursCheckMs / p.peerParseMs),
            verdict(p.oursCheckMs / p.peerParseMs <= targets.peerRatio),
            serverMs === undefined ? `MISS: ${server.failure?.reason ?? 'not run'}` : formatMs(serverMs),
            serverRatio === undefined ? '' : formatNumber(serverRatio),
            serverRatio === undefined ? 'MISS' : verdict(serverRatio <= targets.peerRatio),
          ];
        }),
      ]),
  );
}

function cliRunCells(run: Outcome<CliRun> | undefined, bytes: number): string[] {
  return outcomeCells(run, 3, (c) => [
    formatMs(c.ms),
    formatNumber(perSecond(megabytes(bytes), c.ms)),
    c.findings.toLocaleString('en-US'),
  ]);
}

function cliTable(results: readonly CorpusResults[], folder: FolderRuns | undefined): string {
  const rows = results.map(({ corpus, cli }) => [...corpusCells(corpus), ...cliRunCells(cli, corpus.bytes)]);
  if (folder) {
    const name = `folder of ${folder.files} files`;
    rows.push([name, megabytes(folder.bytes).toFixed(1), '', ...cliRunCells(folder.parallel, folder.bytes)]);
    if (folder.oneJob) {
      rows.push([
        `${name}, --jobs 1`,
        megabytes(folder.bytes).toFixed(1),
        '',
        ...cliRunCells(folder.oneJob, folder.bytes),
      ]);
    }
  }
  return markdownTable(['input', 'size MB', 'service lines', 'wall time', 'MB/s', 'findings (jsonl lines)'], rows);
}

const editorFeatureColumns: readonly [EditorFeature, string][] = [
  ['folding ranges', 'ranges'],
  ['semantic tokens, whole document', 'tokens'],
  ['semantic tokens, one screenful', 'tokens'],
  ['document formatting', 'edits'],
  ['document formatting, 837 to one line', 'edits'],
];

/** `median / max (n items)`, or why the feature was not measured. */
function editorFeatureCell(result: EditorFeaturesResult, feature: EditorFeature, items: string): string {
  const timings = result.features[feature];
  if (timings) {
    return `${formatMs(median(timings.samplesMs))} / ${formatMs(Math.max(...timings.samplesMs))} (${timings.items.toLocaleString('en-US')} ${items})`;
  }
  if (feature === 'document formatting, 837 to one line' && result.corpus.format !== 'x12') {
    return '';
  }
  return result.failure?.feature === feature ? `MISS: ${result.failure.reason}` : 'not run';
}

function editorFeaturesTable(results: readonly EditorFeaturesResult[]): string {
  const headers = [
    'corpus',
    'size MB',
    'service lines',
    ...editorFeatureColumns.map(([feature]) =>
      feature === 'semantic tokens, one screenful' ? `semantic tokens, ${screenfulLines} lines` : feature,
    ),
  ];
  return markdownTable(
    headers,
    results.map((result) => [
      ...corpusCells(result.corpus),
      ...editorFeatureColumns.map(([feature, items]) => editorFeatureCell(result, feature, items)),
    ]),
  );
}

/** Edits one after another: the first (the edit path not yet compiled), then the median and max of all. */
function firstMedianMax(samples: readonly number[]): string {
  return `${formatMs(samples[0] ?? NaN)}; ${formatMs(median(samples))} / ${formatMs(Math.max(...samples))}`;
}

/** A target row's measure of edits: the median (what the target is of), and the first edit beside it. */
function typedEditsCell(samples: readonly number[]): string {
  return `${formatMs(median(samples))} (median of ${samples.length}; the first ${formatMs(samples[0] ?? NaN)})`;
}

function pushEditsTable(results: readonly PushEditsResult[]): string {
  return markdownTable(
    [
      'corpus',
      'size MB',
      'service lines',
      'didOpen → published diagnostics',
      `one-line edit → published diagnostics (first; median / max of ${pushEdits})`,
    ],
    results.map((r) => [
      ...corpusCells(r.corpus),
      r.openToPublishMs === undefined ? `MISS: ${r.failure?.reason ?? 'not run'}` : formatMs(r.openToPublishMs),
      r.editToPublishMs.length === 0 ? `MISS: ${r.failure?.reason ?? 'not run'}` : firstMedianMax(r.editToPublishMs),
    ]),
  );
}

function targetRows(
  results: readonly CorpusResults[],
  formats: readonly CorpusFormat[],
  pushEditsResults: readonly PushEditsResult[],
): string[][] {
  const rows: string[][] = [];
  const missing = (target: string, r: CorpusResults, outcome: Outcome<unknown>) =>
    outcome.ok ? [] : [[target, corpusName(r.corpus), `MISS: ${outcome.reason}`, 'MISS']];
  for (const r of results) {
    if (r.peer) {
      const target = `837 check ≤ ${targets.peerRatio} × node-x12 parse`;
      rows.push(
        ...(r.peer.ok
          ? [
              [
                target,
                corpusName(r.corpus),
                formatNumber(r.peer.value.oursCheckMs / r.peer.value.peerParseMs),
                verdict(r.peer.value.oursCheckMs / r.peer.value.peerParseMs <= targets.peerRatio),
              ],
            ]
          : missing(target, r, r.peer)),
      );
      const serverTarget = `837 through the server: didOpen → diagnostics (best of ${opens}) ≤ ${targets.peerRatio} × node-x12 parse`;
      const serverMs = r.server.openToDiagnosticsMs;
      rows.push(
        ...(r.peer.ok && serverMs !== undefined
          ? [
              [
                serverTarget,
                corpusName(r.corpus),
                `${formatNumber(serverMs / r.peer.value.peerParseMs)} (the first open ${formatNumber((r.server.firstOpenMs ?? NaN) / r.peer.value.peerParseMs)})`,
                verdict(serverMs / r.peer.value.peerParseMs <= targets.peerRatio),
              ],
            ]
          : [[serverTarget, corpusName(r.corpus), `MISS: ${r.server.failure?.reason ?? 'not run'}`, 'MISS']]),
      );
    }
    if (r.corpus.format === 'claim' && r.measured.ok) {
      const serverMs = r.server.openToDiagnosticsMs;
      const ratio = serverMs === undefined ? undefined : serverMs / r.measured.value.lineScanMs;
      rows.push([
        `.claim through the server: didOpen → diagnostics (best of ${opens}) ≤ ${targets.claimOpenOverLineScan} × a line scan`,
        corpusName(r.corpus),
        ratio === undefined
          ? `MISS: ${r.server.failure?.reason ?? 'not run'}`
          : `${formatNumber(ratio)}× (${formatMs(serverMs ?? NaN)} / ${formatMs(r.measured.value.lineScanMs)}; the first open ${formatMs(r.server.firstOpenMs ?? NaN)})`,
        verdict(ratio !== undefined && ratio <= targets.claimOpenOverLineScan),
      ]);
    }
  }
  for (const format of formats) {
    const largest = largestOf(results, format);
    const edit = editTargetOf(results, format);
    if (largest) {
      const server = largest.server;
      for (const [name, samples] of [
        ['hover', server.hoverMs],
        ['completion', server.completionMs],
      ] as const) {
        const target = `${name} p99 < ${targets.latencyP99Ms} ms (largest)`;
        const p99 = percentile(samples, 99);
        rows.push([
          target,
          corpusName(largest.corpus),
          samples.length > 0 ? formatMs(p99) : `MISS: ${server.failure?.reason ?? 'not run'}`,
          verdict(p99 < targets.latencyP99Ms),
        ]);
      }
    }
    if (largest) {
      const samples = largest.server.hoverMs;
      const max = Math.max(...samples);
      rows.push([
        `hover max < ${targets.hoverMaxMs} ms (largest, ${samples.length} hovers)`,
        corpusName(largest.corpus),
        samples.length > 0 ? formatMs(max) : `MISS: ${largest.server.failure?.reason ?? 'not run'}`,
        verdict(samples.length > 0 && max < targets.hoverMaxMs),
      ]);
    }
    if (largest) {
      // The issue asks the same of requests during a background check (GC pauses and the check's slices count).
      const samples = largest.server.hoverDuringCheckMs;
      const p99 = percentile(samples, 99);
      const max = Math.max(...samples);
      rows.push([
        `hover during a background check: p99 < ${targets.latencyP99Ms} ms, max < ${targets.hoverMaxMs} ms (largest)`,
        corpusName(largest.corpus),
        samples.length > 0
          ? `${formatMs(p99)} / ${formatMs(max)} (${samples.length} hovers)`
          : `MISS: ${largest.server.failure?.reason ?? 'no hover during the check'}`,
        verdict(samples.length > 0 && p99 < targets.latencyP99Ms && max < targets.hoverMaxMs),
      ]);
    }
    if (largest) {
      const { repeatPullMs, repeatPullsUnchanged } = largest.server;
      const ms = Math.max(...repeatPullMs);
      rows.push([
        `pull again of an unchanged document: "unchanged" in < ${targets.unchangedPullMs} ms (largest, max)`,
        corpusName(largest.corpus),
        repeatPullMs.length > 0
          ? `${formatMs(ms)}, ${repeatPullsUnchanged} of ${repeatPullMs.length} unchanged`
          : `MISS: ${largest.server.failure?.reason ?? 'not run'}`,
        verdict(
          repeatPullMs.length > 0 && repeatPullsUnchanged === repeatPullMs.length && ms < targets.unchangedPullMs,
        ),
      ]);
    }
    if (edit) {
      const samples = edit.server.editToDiagnosticsMs;
      const target = `one-line edit → diagnostics < ${targets.editToDiagnosticsMs} ms (~5 MB)`;
      const ms = median(samples);
      rows.push([
        target,
        `${corpusName(edit.corpus)} (${megabytes(edit.corpus.bytes).toFixed(1)} MB)`,
        samples.length > 0 ? typedEditsCell(samples) : `MISS: ${edit.server.failure?.reason ?? 'not run'}`,
        verdict(ms < targets.editToDiagnosticsMs),
      ]);
    }
    const push = pushEditsResults.find((result) => result.corpus.format === format);
    if (push) {
      const ms = median(push.editToPublishMs);
      rows.push([
        `push client: one-line edit → diagnostics < ${targets.editToDiagnosticsMs} ms (~5 MB)`,
        `${corpusName(push.corpus)} (${megabytes(push.corpus.bytes).toFixed(1)} MB)`,
        push.editToPublishMs.length > 0
          ? typedEditsCell(push.editToPublishMs)
          : `MISS: ${push.failure?.reason ?? 'not run'}`,
        verdict(push.editToPublishMs.length > 0 && ms < targets.editToDiagnosticsMs),
      ]);
    }
    if (largest?.measured.ok) {
      const multiples = memoryMultiples(largest.corpus, largest.measured.value);
      rows.push([
        `retained heap < ${targets.memoryMultiple}× file (largest)`,
        corpusName(largest.corpus),
        `${formatNumber(multiples.heap)}×`,
        verdict(multiples.heap < targets.memoryMultiple),
      ]);
      rows.push([
        `peak RSS growth < ${targets.memoryMultiple}× file (largest)`,
        corpusName(largest.corpus),
        `${formatNumber(multiples.rss)}×`,
        verdict(multiples.rss < targets.memoryMultiple),
      ]);
    } else if (largest) {
      rows.push(...missing(`memory < ${targets.memoryMultiple}× file (largest)`, largest, largest.measured));
    }
  }
  return rows;
}

export function renderReport(
  machine: readonly string[],
  results: BenchResults,
  formats: readonly CorpusFormat[],
): string {
  const sections = [
    ['Machine', machine.join('\n')],
    [
      'Targets',
      markdownTable(
        ['target', 'corpus', 'measured', 'verdict'],
        targetRows(results.corpora, formats, results.pushEdits ?? []),
      ),
    ],
    ['Parse and validate in process (best of 3)', inProcessTable(results.corpora)],
    ['Memory (the first check)', memoryTable(results.corpora)],
    ['Through the server (dist/server.js over stdio, pull diagnostics)', serverTable(results.corpora)],
    ['837P against node-x12 (same process, alternating, best of 3)', peerTable(results.corpora)],
    ['Command line (dist/claim-lint.js --format jsonl)', cliTable(results.corpora, results.folder)],
  ];
  if (results.pushEdits && results.pushEdits.length > 0) {
    sections.push([
      `A push client through the server (~5 MB files; each edit after a pause in typing)`,
      pushEditsTable(results.pushEdits),
    ]);
  }
  if (results.editorFeatures && results.editorFeatures.length > 0) {
    sections.push([
      `Editor features through the server (~5 MB files; median / max of ${featureSamples})`,
      editorFeaturesTable(results.editorFeatures),
    ]);
  }
  return sections.map(([title, body]) => `### ${title}\n\n${body}\n`).join('\n');
}
