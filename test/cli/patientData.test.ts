/**
 * claim-lint and patient data: run on a .claim file and an 837P full of it
 * (and data files whose bad rows hold it), in every output format, in this
 * thread and in worker threads, whole and streamed, from standard input, and
 * beside a file that cannot be read and one too long to stream. Nothing on
 * stderr names patient data, a claim id or a line of the files; the report on
 * stdout names no patient data and no line of the files either.
 *
 * The report does name the claim of each finding by its claim id (the
 * `.claim` claim id, the 837's CLM01 patient account number), in jsonl only
 * (the `claimId` field), by design: in a batch of thousands of claims it is
 * how a coder finds the one to fix, and it is the organisation's own account
 * number, already in the file the report is about, not the patient's name,
 * birth date, address or member id. So a report is as confidential as the
 * file it describes (the README says so). The test holds the id to exactly
 * that field: removed from each jsonl row, it appears nowhere else, and it
 * appears in no other format.
 *
 * Every run is under the no-network preload (NODE_OPTIONS, so the worker
 * threads load it too): none may try to open a socket.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { networkGuard, type NetworkGuard } from '../support/server/networkGuard';
import {
  claimIds,
  markersIn,
  patientClaimText,
  patientDescriptorText,
  patientMarkers,
  patientMueText,
  patientX12Text,
  wholeLinesIn,
} from '../support/documents/patientData';
import { jsonlRows, type Run, runCli } from './cliRunner';

const m = patientMarkers;
const formats = ['stylish', 'json', 'jsonl', 'sarif'] as const;
const sources = [patientClaimText, patientX12Text, patientDescriptorText, patientMueText];

/** Ways to check the files: in this thread, in two worker threads, and streamed (in workers) a kilobyte at a time. */
const modes: Record<string, string[]> = {
  serial: ['--jobs', '1'],
  workers: ['--jobs', '2'],
  streamed: ['--jobs', '2', '--stream-threshold', '1', '--stream-chunk', '1K'],
};

/**
 * A .claim file whose line outruns the first piece read (1 MB) by more than
 * twice the 1K stream chunk, full of patient data: streaming refuses it with
 * a read error. Only the streamed runs name it.
 */
const longLineClaim = `claim ${claimIds[0]}\n  19283 ${`${m.patientSurname} ${m.memberId} `.repeat(60000)}\n`;

describe('claim-lint: no patient data on stderr or in the report, and no network', () => {
  let dir: string;
  let guard: NetworkGuard;
  const runs: Array<{ what: string; format: string; run: Run }> = [];

  before(function () {
    this.timeout(120000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claim-lint-phi-'));
    guard = networkGuard();
    fs.writeFileSync(path.join(dir, 'patient.claim'), patientClaimText);
    fs.writeFileSync(path.join(dir, 'patient.837'), patientX12Text);
    fs.writeFileSync(path.join(dir, 'long.claim'), longLineClaim);
    fs.writeFileSync(path.join(dir, 'descriptors.tsv'), patientDescriptorText);
    fs.writeFileSync(path.join(dir, 'mue.csv'), patientMueText);
    fs.writeFileSync(
      path.join(dir, '.claimlintrc.json'),
      JSON.stringify({
        descriptorFiles: ['descriptors.tsv', 'missing.tsv'],
        mueFile: 'mue.csv',
      }),
    );
    // A file that fails to read: a link to nothing.
    fs.symlinkSync(path.join(dir, 'no-such-target.claim'), path.join(dir, 'gone.claim'));
    for (const format of formats) {
      for (const [mode, args] of Object.entries(modes)) {
        const files = ['patient.claim', 'patient.837', 'gone.claim', ...(mode === 'streamed' ? ['long.claim'] : [])];
        const run = runCli(['--format', format, ...args, ...files], dir, undefined, guard.env);
        runs.push({ what: `${format}, ${mode}`, format, run });
      }
      runs.push({
        what: `${format}, .claim on stdin`,
        format,
        run: runCli(['--format', format, '-', '--stdin-filename', 'stdin.claim'], dir, patientClaimText, guard.env),
      });
      runs.push({
        what: `${format}, 837 on stdin, streamed`,
        format,
        run: runCli(
          ['--format', format, '--stream-threshold', '1', '--stream-chunk', '1K', '-', '--stdin-filename', 'stdin.837'],
          dir,
          patientX12Text,
          guard.env,
        ),
      });
    }
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    guard.dispose();
  });

  it('ran every format in every mode, found the planted problems and reported the read errors', () => {
    assert.equal(runs.length, formats.length * (Object.keys(modes).length + 2));
    for (const { what, run } of runs) {
      assert.ok(run.status === 1 || run.status === 2, `${what}: exit ${String(run.status)}, stderr ${run.stderr}`);
      assert.match(run.stdout, /bad-token|x12-diagnosis-code/, `${what}: no findings in ${run.stdout.slice(0, 500)}`);
    }
    const fileRuns = runs.filter(({ what }) => !what.includes('stdin'));
    assert.ok(fileRuns.every(({ run }) => /gone\.claim: no such file or directory/.test(run.stderr)));
    assert.ok(
      fileRuns
        .filter(({ what }) => what.endsWith('streamed'))
        .every(({ run }) => /long\.claim: a line is longer than/.test(run.stderr)),
    );
    assert.ok(
      fileRuns.every(({ run }) => /missing\.tsv/.test(run.stderr)),
      'the missing data file should be reported',
    );
    console.log(
      `      ${runs.length} runs; stdout ${runs.reduce((sum, { run }) => sum + run.stdout.length, 0)} characters, stderr ${runs.reduce((sum, { run }) => sum + run.stderr.length, 0)}`,
    );
  });

  it('writes no patient data, claim id or line of the files to stderr', () => {
    for (const { what, run } of runs) {
      assert.deepEqual(markersIn(run.stderr), [], `${what}: patient data on stderr`);
      assert.deepEqual(markersIn(run.stderr, claimIds), [], `${what}: a claim id on stderr`);
      for (const source of sources) {
        assert.deepEqual(wholeLinesIn(run.stderr, source), [], `${what}: a line of a file on stderr`);
      }
    }
  });

  it('reports no patient data and no line of the files on stdout', () => {
    for (const { what, run } of runs) {
      assert.deepEqual(markersIn(run.stdout), [], `${what}: patient data in the report`);
      for (const source of sources) {
        assert.deepEqual(wholeLinesIn(run.stdout, source), [], `${what}: a line of a file in the report`);
      }
    }
  });

  it("names a claim id only in jsonl's claimId field", () => {
    for (const { what, format, run } of runs) {
      if (format !== 'jsonl') {
        assert.deepEqual(markersIn(run.stdout, claimIds), [], `${what}: a claim id outside jsonl`);
        continue;
      }
      const rows = jsonlRows(run.stdout);
      assert.ok(
        rows.every((row) => row.claimId === null || (claimIds as readonly string[]).includes(row.claimId)),
        `${what}: an unexpected claimId`,
      );
      assert.ok(
        rows.some((row) => row.claimId === claimIds[0]),
        `${what}: findings should name their claim`,
      );
      const withoutIds = rows.map(({ claimId: _claimId, ...rest }) => JSON.stringify(rest)).join('\n');
      assert.deepEqual(markersIn(withoutIds, claimIds), [], `${what}: a claim id outside the claimId field`);
    }
  });

  it('opens no socket, in the main thread or the worker threads', () => {
    const records = guard.records();
    assert.deepEqual(guard.attempts(), []);
    assert.ok(
      records.some((record) => record.kind === 'loaded' && record.thread === 0),
      'the preload did not load in the main thread',
    );
    assert.ok(
      records.some((record) => record.kind === 'loaded' && record.thread > 0),
      'the preload did not load in a worker thread',
    );
  });
});
