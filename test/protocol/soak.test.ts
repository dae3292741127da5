/**
 * Soak: half an hour of a coder's editing of a 5 MB file, compressed into a
 * bounded run, for `.claim` and 837P, with pull and with push diagnostics.
 * The real server code runs in this process (test/support/server/inProcessServer.ts)
 * so its heap can be measured and its per-document state reached:
 *
 * - diagnostics always belong to the latest version: at every pull (or
 *   awaited publish) every range lies inside the latest text, and at
 *   checkpoints they equal whole-document validation of it; a push client
 *   never gets an older version after a newer one, nor a version whose
 *   validation a keystroke overtook;
 * - closing the document lets go of everything: the server holds nothing
 *   for its uri, the document, model and validator it held are collected,
 *   and the heap is back within a small margin of its baseline.
 *
 * Deterministic: the session is drawn from a printed seed (SOAK_SEED replays
 * it); SOAK_EDITS changes how many keystrokes each run makes.
 */
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { claimCoderActions } from '../support/soak/claimCoderActions';
import { type CoderAction, largeBatch, runSession, settingsVariants } from '../support/soak/coderSession';
import { type InProcessServer, startInProcessServer } from '../support/server/inProcessServer';
import { SeededRandom } from '../support/soak/keystrokes';
import { pullClientCapabilities, pushClientCapabilities } from '../support/server/lspClient';
import { SoakEditor } from '../support/soak/soakEditor';
import { x12CoderActions } from '../support/soak/x12CoderActions';
import type { Diagnostic } from 'vscode-languageserver-types';

const seed = Number(process.env.SOAK_SEED ?? 20261125);
/**
 * Keystroke-sized edits of a pull run; a push run makes a sixth as many (each of its bursts waits out the
 * 200 ms push delay). Together, at a coder's pace of a key every half second or so while editing, about
 * half an hour's work; each keystroke costs the server a copy of the 5 MB text (TextDocument.update).
 */
const pullEdits = Number(process.env.SOAK_EDITS ?? 2000);
const pushEdits = Math.ceil(pullEdits / 6);
const fileMegabytes = 5;
/**
 * How far above its baseline the heap may settle after the close. The file is 5 MB (as a string, 5 MB more
 * in the client's copy) and its models and findings take tens of megabytes at the peak, so keeping any of
 * them exceeds this; what remains below it is the code V8 compiled and the inline caches it grew for paths
 * the warm-up did not take.
 */
const heapMarginBytes = 1024 * 1024;
const initialSettings = settingsVariants[0] ?? {};

type Format = 'claim' | 'x12';

function exposedGc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}
const gc = exposedGc();

/** The heap still in use once garbage is collected (a second collection frees what the first only found). */
function liveHeapUsed(collections = 2): number {
  for (let n = 0; n < collections; n++) {
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/**
 * The same, after the current job (weak references are cleared only once it has ended), and after a
 * regular expression has matched a short string: V8 keeps the subject of the last successful match alive
 * for the legacy `RegExp.input` (`RegExp.$_`), which after a close may be the whole document's text.
 * It is one string, let go at the next match anywhere; a heap snapshot showed it as the only thing left.
 */
async function settledHeapUsed(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  /x/.exec('x');
  return liveHeapUsed();
}

function actionsFor(format: Format, editor: { lastDiagnostics: readonly Diagnostic[] }): CoderAction[] {
  const lastDiagnostics = () => editor.lastDiagnostics;
  return format === 'claim' ? claimCoderActions(lastDiagnostics) : x12CoderActions(lastDiagnostics);
}

interface SessionResult {
  counts: SoakEditor['counts'];
  /** The most heap in use at a checkpoint, garbage collected first: the server and the test's copy of the document, open. */
  peakLiveHeap: number;
  actions: Map<string, number>;
  /** The document, model and validator the server held just before the close. */
  held: Array<{ what: string; ref: WeakRef<object> }>;
  staleness: string[];
  pullOutcomes: string[];
}

/**
 * Opens the text, runs the session, checks the last diagnostics against whole-document validation, closes.
 * Returns only counts and weak references, so nothing of the document stays reachable from the test.
 */
async function session(
  running: InProcessServer,
  format: Format,
  mode: 'pull' | 'push',
  text: string,
  uri: string,
  random: SeededRandom,
  edits: number,
  checkpoints: number,
): Promise<SessionResult> {
  const editor = new SoakEditor(
    running,
    uri,
    format,
    text,
    random,
    mode,
    Math.ceil(edits / checkpoints),
    initialSettings,
  );
  let peakLiveHeap = 0;
  editor.onCheckpoint = () => {
    peakLiveHeap = Math.max(peakLiveHeap, liveHeapUsed(1));
  };
  await editor.open();
  await editor.pull();
  const actions = await runSession(editor, actionsFor(format, editor), edits, () => editor.counts.edits);
  // The coder's settings back as they were: every run has a validation overtaken by a keystroke.
  await editor.changeSettings(initialSettings);
  editor.checkpoint(await editor.pull());
  const pullOutcomes = await editor.settledPulls();
  const state = running.server.heldFor(uri);
  const candidates: Array<[string, object | undefined]> = [
    ['document', state.document],
    ['model', state.model],
    ['validator', state.validator],
  ];
  const held = candidates.flatMap(([what, value]) => (value ? [{ what, ref: new WeakRef(value) }] : []));
  await editor.close();
  return { counts: editor.counts, peakLiveHeap, actions, held, staleness: editor.staleness, pullOutcomes };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

async function soak(format: Format, mode: 'pull' | 'push', runSeed: number): Promise<void> {
  const running = await startInProcessServer(
    mode === 'pull' ? pullClientCapabilities() : pushClientCapabilities(),
    (params) => params.items.map(() => initialSettings),
  );
  try {
    // Warm-up on a small file of the same format: the code paths are compiled and any lazy module data loaded, so the baseline includes them.
    const small = largeBatch(format, 0.05);
    await session(
      running,
      format,
      mode,
      small,
      `file:///soak/warm-up.${format}`,
      new SeededRandom(runSeed),
      mode === 'pull' ? 300 : 100,
      3,
    );
    running.publishes.length = 0;
    const baseline = await settledHeapUsed();

    const uri = `file:///soak/coder.${format}`;
    const result = await session(
      running,
      format,
      mode,
      largeBatch(format, fileMegabytes),
      uri,
      new SeededRandom(runSeed),
      mode === 'pull' ? pullEdits : pushEdits,
      mode === 'pull' ? 10 : 3,
    );
    running.publishes.length = 0;
    const after = await settledHeapUsed();
    const { counts } = result;
    console.log(
      `      ${format} ${mode} (seed ${runSeed}): ${counts.edits} edits, ${counts.pulls} ${mode === 'pull' ? 'pulls' : 'awaited publishes'} checked (${Math.round(counts.diagnostics / counts.pulls)} diagnostics each on average), ${counts.checkpoints} checkpoints equal to whole validation, ` +
        `${counts.cancelledPulls} pulls cancelled mid-typing, ${counts.requests} hover/completion/code-action requests, ${counts.quickFixes} quick fixes applied, ` +
        `${counts.settingsChanges} settings changes (${counts.overtaken} validations overtaken by a keystroke); ` +
        `heap baseline ${megabytes(baseline)}, peak at a checkpoint ${megabytes(result.peakLiveHeap)}, after close ${megabytes(after)} (${after >= baseline ? '+' : ''}${((after - baseline) / 1024).toFixed(0)} KB)`,
    );
    console.log(`      actions: ${[...result.actions].map(([name, count]) => `${name} ${count}`).join(', ')}`);

    assert.ok(counts.edits >= (mode === 'pull' ? pullEdits : pushEdits));
    // A checkpoint when the file is opened, after each tenth of a pull run's edits (a third of a push run's), and at the end (12, and 4 or 5, with the default counts).
    assert.ok(counts.checkpoints >= (mode === 'pull' ? 10 : 3), `only ${counts.checkpoints} checkpoints`);
    assert.ok(counts.overtaken >= 1, 'a validation was overtaken by a keystroke');
    // The generated file has thousands of planted problems: an average below a thousand means the session left it unreadable.
    assert.ok(
      counts.diagnostics / counts.pulls > 1000,
      `${Math.round(counts.diagnostics / counts.pulls)} diagnostics a pull`,
    );
    assert.deepEqual(result.staleness, []);
    assert.deepEqual(
      result.pullOutcomes.filter((outcome) => outcome !== 'answered or cancelled'),
      [],
    );
    assert.deepEqual(running.errorsLogged, [], 'no handler failed');
    assert.deepEqual(running.server.heldUris(), [], 'the server holds nothing for a closed document');
    // A .claim file's validator reads it by claim, so only an 837 keeps a whole-document model.
    const expectedHeld = format === 'x12' ? ['document', 'model', 'validator'] : ['document', 'validator'];
    assert.deepEqual(
      result.held.map(({ what }) => what),
      expectedHeld,
      'what the server held while the document was open',
    );
    assert.deepEqual(
      result.held.filter(({ ref }) => ref.deref() !== undefined).map(({ what }) => what),
      [],
      'collected after the close',
    );
    assert.ok(
      after - baseline < heapMarginBytes,
      `the heap settled ${megabytes(after - baseline)} above its baseline (margin ${megabytes(heapMarginBytes)})`,
    );
  } finally {
    await running.stop();
  }
}

describe(`soak: a coder's half hour on a ${fileMegabytes} MB file (seed ${seed}; replay with SOAK_SEED, SOAK_EDITS)`, function () {
  // Bounded work, not a speed target: a few thousand keystrokes on 5 MB and whole-document validations at checkpoints.
  this.timeout(240_000);

  it(`.claim, pull diagnostics: ${pullEdits} keystrokes, diagnostics of the latest text, memory back to baseline after close`, () =>
    soak('claim', 'pull', seed));
  it(`837P, pull diagnostics: ${pullEdits} keystrokes, diagnostics of the latest text, memory back to baseline after close`, () =>
    soak('x12', 'pull', seed + 1));
  it(`.claim, push diagnostics: ${pushEdits} keystrokes, never a stale publish, memory back to baseline after close`, () =>
    soak('claim', 'push', seed + 2));
  it(`837P, push diagnostics: ${pushEdits} keystrokes, never a stale publish, memory back to baseline after close`, () =>
    soak('x12', 'push', seed + 3));
});
