/**
 * The report formats written a file and a finding at a time, from findings
 * kept in a spool file, give byte for byte what the whole-document formats
 * gave (wholeDocumentReports.ts, the oracle), for several files: with and
 * without findings, from standard input, with every severity, no rule id,
 * long positions, control characters and characters outside ASCII.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatResults } from '../../cli/src/output/formatters';
import { storedFrom, storedMessages } from '../../cli/src/output/findingSpool';
import type { FileResult, LintMessage, SeverityName } from '../../cli/src/output/lintResults';
import type { OutputFormat } from '../../cli/src/options';
import { type WholeFileResult, wholeDocumentReport } from './wholeDocumentReports';

const severities: SeverityName[] = ['error', 'warning', 'information', 'hint'];
const rules = ['addon-without-primary', 'lesion-units', null, 'x12-control-numbers', 'not-a-rule-id'];

function messagesOf(count: number, seed: number): LintMessage[] {
  return Array.from({ length: count }, (_, n) => ({
    line: 1 + n * (seed + 7),
    column: 1 + ((n * 13) % (seed + 90)),
    endLine: 1 + n * (seed + 7),
    endColumn: 40,
    severity: severities[(n + seed) % 4] ?? 'error',
    message: n % 5 === 0 ? `Code “1928${n % 9}” \u001b[31mé 🦷\tquoted` : `Finding ${n} of file ${seed}`,
    ruleId: rules[(n * seed) % rules.length] ?? null,
    claimId: n % 3 === 0 ? null : `CLM-${seed}-${n}`,
  }));
}

const files: WholeFileResult[] = [
  { filePath: 'claims/a.claim', absolutePath: '/work/claims/a.claim', messages: messagesOf(40, 1) },
  { filePath: 'clean.claim', absolutePath: '/work/clean.claim', messages: [] },
  { filePath: 'batch one.837', absolutePath: '/work/batch one.837', messages: messagesOf(2500, 2) },
  { filePath: '<stdin>', messages: messagesOf(3, 3) },
  { filePath: 'odd\nname.claim', absolutePath: '/work/odd\nname.claim', messages: messagesOf(1, 4) },
];

const context = { version: '9.9.9', rulesDocsBase: 'https://example.test/rules/' };

describe('claim-lint report writers, a finding at a time', () => {
  let folder = '';
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writers-'));
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  /** The files as the run gives them to the writers: findings kept (spooled, past a few) and read back once. */
  const streamedResults = (inputs: readonly WholeFileResult[]): FileResult[] =>
    inputs.map((input) => {
      const stored = storedFrom(input.messages, folder);
      return {
        filePath: input.filePath,
        ...(input.absolutePath === undefined ? {} : { absolutePath: input.absolutePath }),
        stats: stored.stats,
        messages: storedMessages(stored),
      };
    });

  for (const format of ['stylish', 'json', 'jsonl', 'sarif'] as OutputFormat[]) {
    for (const colour of format === 'stylish' ? [false, true] : [false]) {
      it(`writes ${format}${colour ? ' in colour' : ''} as the whole-document format did`, () => {
        const written = [...formatResults(format, streamedResults(files), { ...context, colour })].join('');
        assert.equal(written, wholeDocumentReport(format, files, { ...context, colour }));
      });
    }
    it(`writes ${format} as the whole-document format did for files without findings, and for none`, () => {
      const quiet = files.map((file) => ({ ...file, messages: [] }));
      for (const inputs of [quiet, []]) {
        const written = [...formatResults(format, streamedResults(inputs), { ...context, colour: false })].join('');
        assert.equal(written, wholeDocumentReport(format, inputs, { ...context, colour: false }));
      }
    });
  }

  it('spools the findings of a large file and removes the spool once it is read', () => {
    // Some 2 MB of spool: read back in 1 MB blocks, with characters of several bytes on the way.
    const many = messagesOf(30000, 5);
    const stored = storedFrom(many, folder);
    assert.ok(stored.file !== undefined && fs.statSync(stored.file).size > 1024 * 1024, 'spooled');
    assert.equal(stored.inline.length, 0);
    assert.deepEqual([...storedMessages(stored)], many);
    assert.equal(fs.existsSync(stored.file), false);
  });

  it('keeps the findings of a small file in memory', () => {
    const stored = storedFrom(files[0]?.messages ?? [], folder);
    assert.equal(stored.file, undefined);
    assert.deepEqual([...storedMessages(stored)], files[0]?.messages);
    assert.deepEqual(fs.readdirSync(folder), []);
  });
});
