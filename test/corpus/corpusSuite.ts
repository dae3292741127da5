/**
 * The corpus suite (`npm run test:corpus -- <folder>`): every X12 file of
 * the folder named in CLAIM_CORPUS_DIR is checked by the built `claim-lint`
 * whole and streamed at chunks of 1K, 4K and 64K, and by the built language
 * server over stdio, and must meet its expectation in
 * `real837.expectations.json`. Not part of `npm test`: it reads files the
 * project did not write and does not hold (see CONTRIBUTING.md).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { toMessage } from '../../cli/src/output/diagnosticMessages';
import { jsonlRows, runCli } from '../cli/cliRunner';
import { LspClient, stopAllClients } from '../support/server/lspClient';
import { repoRoot } from '../support/repoRoot';
import {
  type CorpusFinding,
  corpusDirVariable,
  corpusFiles,
  type FileObservation,
  type FindingKey,
  fileMismatches,
  findingDifferences,
  readExpectations,
} from './corpusExpectations';

const folder = process.env[corpusDirVariable];
const expectationsFile = path.join(repoRoot(), 'test', 'corpus', 'real837.expectations.json');
const chunks = ['1K', '4K', '64K'];

/** The text under a 1-based range, on its first line, as the CLI read the file (UTF-8, lines split at CR, LF or CRLF). */
function textAt(lines: readonly string[], row: FindingKey): string {
  const line = lines[row.line - 1] ?? '';
  const end = row.endLine === row.line ? row.endColumn - 1 : line.length;
  return line.slice(row.column - 1, Math.max(end, row.column));
}

function lint(args: readonly string[], cwd: string): { rows: ReturnType<typeof jsonlRows>; crash?: string } {
  const result = runCli(['--format', 'jsonl', ...args], cwd);
  const crash =
    result.status !== 0 && result.status !== 1
      ? `claim-lint ${args.join(' ')} exited ${String(result.status)}: ${result.stderr.trim().split('\n')[0] ?? ''}`
      : result.stderr.trim() !== ''
        ? `claim-lint ${args.join(' ')} wrote to stderr: ${result.stderr.trim().split('\n')[0] ?? ''}`
        : undefined;
  return { rows: jsonlRows(result.stdout), ...(crash !== undefined ? { crash } : {}) };
}

/** A server diagnostic as claim-lint words it (its own conversion), without the claim id the server does not give. */
function fromDiagnostic(diagnostic: Diagnostic): FindingKey {
  const { line, column, endLine, endColumn, severity, message, ruleId } = toMessage(diagnostic, null);
  return { line, column, endLine, endColumn, severity, message, ruleId };
}

describe(`the real-file corpus in ${folder ?? `(set ${corpusDirVariable})`}`, function () {
  this.timeout(180000);
  const expectations = readExpectations(expectationsFile);
  const names = folder !== undefined && fs.existsSync(folder) ? corpusFiles(fs.readdirSync(folder)) : [];
  const report: string[] = [];
  let server: LspClient;

  before(async function () {
    if (folder === undefined) {
      this.skip();
    }
    // The server's problem cap is lifted, as the CLI's is, so the two can be compared finding for finding.
    server = await LspClient.start({ settings: { maxNumberOfProblems: Number.MAX_SAFE_INTEGER } });
  });
  after(async () => {
    await stopAllClients();
    if (report.length > 0) {
      console.log(`\nCorpus mismatches (${report.length}):\n${report.join('\n')}\n`);
    }
  });

  it('has an expectation for every file it finds, and a file for every expectation', () => {
    assert.ok(names.length > 0, `no .837, .edi, .x12 or .txt file in ${folder}`);
    const missingFiles = Object.keys(expectations).filter((name) => !names.includes(name));
    assert.deepEqual(missingFiles, [], 'expectations for files that are not in the folder');
  });

  for (const name of folder !== undefined && fs.existsSync(folder) ? corpusFiles(fs.readdirSync(folder)) : []) {
    it(name, async () => {
      const dir = path.resolve(folder as string);
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const lines = text.split(/\r\n|\r|\n/);
      const whole = lint([name], dir);
      const findings: CorpusFinding[] = whole.rows.map((row) => ({ ...row, text: textAt(lines, row) }));
      const observation: FileObservation = {
        whole: findings,
        disagreements: {},
        ...(whole.crash !== undefined ? { crash: whole.crash } : {}),
      };
      for (const chunk of chunks) {
        const streamed = lint(['--stream-threshold', '1', '--stream-chunk', chunk, name], dir);
        if (streamed.crash !== undefined) {
          observation.crash = streamed.crash;
        }
        const differences = findingDifferences(whole.rows, streamed.rows);
        if (differences.length > 0) {
          observation.disagreements[`streamed at ${chunk}`] = differences;
        }
      }
      const uri = pathToFileURL(path.join(dir, name)).toString();
      await server.open(uri, text, 1, 'x12');
      const published = await server.nextDiagnostics(uri, 1, 60000);
      const fromServer = published.diagnostics.map(fromDiagnostic);
      const withoutClaimIds = whole.rows.map(({ claimId: _claimId, file: _file, ...row }) => row);
      const serverDifferences = findingDifferences(withoutClaimIds, fromServer, false);
      if (serverDifferences.length > 0) {
        observation.disagreements['the language server'] = serverDifferences;
      }
      await server.close(uri);
      const mismatches = fileMismatches(expectations[name], observation);
      report.push(...mismatches.map((mismatch) => `${name}: ${mismatch}`));
      if (mismatches.length > 0) {
        assert.fail(`${name} does not meet its expectation:\n  ${mismatches.join('\n  ')}`);
      }
    });
  }
});
