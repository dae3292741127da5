/**
 * `npm run bench`: generates claim corpora of growing size in both formats,
 * measures them in process, through the real server and through the CLI,
 * compares the 837 check with node-x12, then imports a synthetic NCCI PTP
 * quarter (the reference-data section), and prints markdown tables (stdout)
 * for docs/performance.md. Progress goes to stderr. Corpora live in a temp
 * folder that is removed at the end, so nothing is written into the repository.
 */
import * as fs from 'node:fs';
import type { Outcome } from './childProcesses';
import { type BenchOptions, BenchUsageError, parseBenchOptions, usage } from './benchOptions';
import { type FolderRuns, cliPath, runCli, runCliOnFolder } from './cliBench';
import { closestTo, type Corpus, formatNames, makeCorpusFolder, removeCorpusFolder, writeCorpus } from './corpusFiles';
import { compareWithPeerInChild, measureInChild } from './inProcessBench';
import { type EditorFeaturesResult, measureEditorFeatures } from './editorFeaturesBench';
import { measureHostileInputs, renderHostileInputs } from './hostileInputs';
import { describeMachine } from './machine';
import { describeReferenceData, measureReferenceData, renderReferenceData } from './referenceDataBench';
import { type CorpusResults, renderReport } from './report';
import { measurePushEdits, type PushEditsResult } from './pushEditsBench';
import { measureThroughServer, serverPath } from './serverBench';
import { formatMs, formatNumber, median, megabytes } from './stats';
import { targets } from './targets';

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function nameOf(corpus: Corpus): string {
  return `${corpus.label} ${formatNames[corpus.format]} (${megabytes(corpus.bytes).toFixed(1)} MB, ${corpus.serviceLines.toLocaleString('en-US')} service lines)`;
}

/** A measurement's headline on stderr as soon as it is known, so a long run shows where it is and what it found. */
function outcomeLine<T>(outcome: Outcome<T>, describe: (value: T) => string): string {
  return outcome.ok ? describe(outcome.value) : `MISS (${outcome.reason})`;
}

async function measureCorpus(corpus: Corpus): Promise<CorpusResults> {
  const name = nameOf(corpus);
  progress(`${name}: parse and validate in a child process`);
  const measured = await measureInChild(corpus);
  progress(
    `  ${outcomeLine(measured, (m) => `check ${formatMs(m.checkMs)}, retained heap ${formatNumber(m.retainedHeapBytes / corpus.bytes)}× file`)}`,
  );
  let peer;
  if (corpus.format === 'x12') {
    progress(`${name}: against node-x12`);
    peer = await compareWithPeerInChild(corpus);
    progress(`  ${outcomeLine(peer, (p) => `ours ${formatMs(p.oursCheckMs)}, node-x12 ${formatMs(p.peerParseMs)}`)}`);
  }
  progress(`${name}: through the server`);
  const server = await measureThroughServer(corpus);
  const failure = server.failure ? `; MISS at ${server.failure.stage} (${server.failure.reason})` : '';
  progress(
    `  didOpen to diagnostics ${formatMs(server.firstOpenMs ?? NaN)} first, ${formatMs(server.openToDiagnosticsMs ?? NaN)} best, edit to diagnostics ${formatMs(median(server.editToDiagnosticsMs))}${failure}`,
  );
  progress(`${name}: through the CLI`);
  const cli = await runCli([corpus.file]);
  progress(`  ${outcomeLine(cli, (c) => formatMs(c.ms))}`);
  return { corpus, measured, server, cli, ...(peer ? { peer } : {}) };
}

/** Per format, the corpus closest to 5 MB: copied into a folder for the CLI's whole-folder run, and for the editor features. */
function corporaNearFiveMB(corpora: readonly Corpus[]): Corpus[] {
  const formats = [...new Set(corpora.map((corpus) => corpus.format))];
  return formats.flatMap(
    (format) =>
      closestTo(
        targets.editTargetBytes,
        corpora.filter((corpus) => corpus.format === format),
      ) ?? [],
  );
}

async function main(args: readonly string[]): Promise<void> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(usage);
    return;
  }
  const options = parseBenchOptions(args, process.env);
  if (options.sections.includes('corpora')) {
    await measureCorpora(options);
  }
  if (options.sections.includes('reference-data')) {
    const measured = await measureReferenceData(options.ptpRows, progress);
    progress(`  ${describeReferenceData(measured)}`);
    process.stdout.write(`\n${renderReferenceData(measured)}`);
  }
  if (options.sections.includes('hostile-inputs')) {
    process.stdout.write(`\n${renderHostileInputs(await measureHostileInputs(progress))}`);
  }
}

async function measureCorpora(options: BenchOptions): Promise<void> {
  for (const built of [serverPath, cliPath]) {
    if (!fs.existsSync(built)) {
      throw new BenchUsageError(`${built} is missing: run npm run build first`);
    }
  }
  const machine = describeMachine();
  const folder = makeCorpusFolder();
  const cleanUp = () => removeCorpusFolder(folder);
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const corpora: Corpus[] = [];
    for (const size of options.sizes) {
      for (const format of options.formats) {
        progress(`generating ${size.label} ${formatNames[format]}`);
        corpora.push(writeCorpus(folder, size, format));
      }
    }
    corpora.sort((a, b) => a.format.localeCompare(b.format) || a.bytes - b.bytes);
    const results: CorpusResults[] = [];
    for (const corpus of corpora) {
      results.push(await measureCorpus(corpus));
    }
    const nearFiveMB = corporaNearFiveMB(corpora);
    const editorFeatures: EditorFeaturesResult[] = [];
    for (const corpus of nearFiveMB) {
      progress(`${nameOf(corpus)}: folding, semantic tokens and formatting through the server`);
      const measured = await measureEditorFeatures(corpus);
      const medians = Object.entries(measured.features).map(
        ([feature, timings]) => `${feature} ${formatMs(median(timings.samplesMs))}`,
      );
      progress(
        `  ${medians.join(', ')}${measured.failure ? `; MISS at ${measured.failure.feature} (${measured.failure.reason})` : ''}`,
      );
      editorFeatures.push(measured);
    }
    const pushEditsResults: PushEditsResult[] = [];
    for (const corpus of nearFiveMB) {
      progress(`${nameOf(corpus)}: one-line edits through a push client`);
      const measured = await measurePushEdits(corpus);
      progress(
        `  didOpen ${formatMs(measured.openToPublishMs ?? NaN)}, edit ${formatMs(median(measured.editToPublishMs))}${measured.failure ? `; MISS at ${measured.failure.stage} (${measured.failure.reason})` : ''}`,
      );
      pushEditsResults.push(measured);
    }
    progress('the CLI on a folder');
    const folderRuns: FolderRuns = await runCliOnFolder(folder, nearFiveMB);
    process.stdout.write(
      renderReport(
        machine,
        { corpora: results, folder: folderRuns, editorFeatures, pushEdits: pushEditsResults },
        options.formats,
      ),
    );
  } finally {
    cleanUp();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof BenchUsageError) {
    process.stderr.write(`${error.message}\n\n${usage}`);
    process.exitCode = 2;
    return;
  }
  // By type and code location only: an error's message could quote claim text.
  const frames =
    error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => line.startsWith('    at ')) : [];
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? error.name : typeof error}\n${frames.join('\n')}\n`,
  );
  process.exitCode = 1;
});
