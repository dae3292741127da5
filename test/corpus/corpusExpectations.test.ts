/**
 * The corpus suite's own checks (the suite itself runs only with a folder,
 * `npm run test:corpus -- <folder>`): a planted mismatch of each kind is
 * reported, a file that meets its expectation reports nothing, and the
 * committed expectations name only rules that exist.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../support/repoRoot';
import {
  type CorpusFinding,
  corpusFiles,
  type FileExpectation,
  type FileObservation,
  fileMismatches,
  findingDifferences,
  readExpectations,
} from './corpusExpectations';

function finding(ruleId: string, text: string, message = `${ruleId} here`): CorpusFinding {
  return { line: 3, column: 5, endLine: 3, endColumn: 5 + text.length, severity: 'error', message, ruleId, text };
}

const observed = (whole: CorpusFinding[], extra: Partial<FileObservation> = {}): FileObservation => ({
  whole,
  disagreements: {},
  ...extra,
});

const checkedFile: FileExpectation = {
  what: 'an invented 837P file',
  refused: false,
  mustFind: [{ rule: 'x12-claim-total', why: 'CLM02 is not the sum' }],
  mustNotFind: [{ rule: 'x12-diagnosis-code', on: '5559', why: 'ICD-9-CM before 2015-10-01' }],
};

describe('the corpus suite', () => {
  it('reports nothing for a file that meets its expectation', () => {
    const whole = [finding('x12-claim-total', '500'), finding('x12-diagnosis-code', 'BK')];
    assert.deepEqual(fileMismatches(checkedFile, observed(whole)), []);
  });

  it('reports a rule that must appear and does not, with the reason from the guide', () => {
    const [mismatch, ...rest] = fileMismatches(checkedFile, observed([]));
    assert.equal(rest.length, 0);
    assert.match(mismatch ?? '', /must find x12-claim-total, but it is not reported \(CLM02 is not the sum\)/);
  });

  it('reports a rule that must not appear on the text it names, and only there', () => {
    const whole = [finding('x12-claim-total', '500'), finding('x12-diagnosis-code', 'BF:5559')];
    const mismatches = fileMismatches(checkedFile, observed(whole));
    assert.equal(mismatches.length, 1);
    assert.match(mismatches[0] ?? '', /must not find x12-diagnosis-code on "5559" .* reported 1 time\(s\), first 3:5/);
  });

  it('reports a file that should be refused as 837I but is checked, or refused without naming it', () => {
    const refused: FileExpectation = { what: 'an 837I', refused: { as: '837I' } };
    assert.match(
      fileMismatches(refused, observed([finding('x12-claim-total', '1'), finding('unknown-code', 'X')]))[0] ?? '',
      /should be refused as 837I with one finding, but has 2/,
    );
    assert.match(
      fileMismatches(refused, observed([finding('x12-envelope', 'ISA', 'This is not an 837P file.')]))[0] ?? '',
      /does not name 837I/,
    );
    assert.deepEqual(
      fileMismatches(refused, observed([finding('x12-envelope', 'ST', 'This is an 837I (institutional) file.')])),
      [],
    );
  });

  it('reports crashes, disagreements with streaming or the server, .claim words, and files with no expectation', () => {
    const mismatches = fileMismatches(
      undefined,
      observed([finding('dx-pointer', '3', 'dx=3 points past the dx list')], {
        crash: 'claim-lint exited 2',
        disagreements: { 'streamed at 1K': ['missing 1× 3:5 dx-pointer'] },
      }),
    );
    assert.deepEqual(
      mismatches.map((m) => m.split(':')[0]),
      ['crashed', 'streamed at 1K differs from the whole-file check', 'has no expectation'],
    );
    const words = fileMismatches(
      { what: 'x', refused: false },
      observed([finding('dx-pointer', '3', 'dx=3 points past the dx list')]),
    );
    assert.match(words[0] ?? '', /use words of the \.claim format/);
  });

  it('tells missing, extra and reordered findings apart, and ignores order when asked', () => {
    const a = finding('x12-claim-total', '500');
    const b = finding('code-shape', '478331');
    assert.deepEqual(findingDifferences([a, b], [a, b]), []);
    assert.deepEqual(findingDifferences([a, b], [b, a]), ['the same findings in another order']);
    assert.deepEqual(findingDifferences([a, b], [b, a], false), []);
    const [missing, extra] = findingDifferences([a], [b]);
    assert.match(missing ?? '', /^missing 1× 3:5-3:8 error x12-claim-total/);
    assert.match(extra ?? '', /^extra 1× 3:5-3:11 error code-shape/);
  });

  it('takes the X12 files of a folder by extension, sorted', () => {
    assert.deepEqual(corpusFiles(['b.edi', 'SOURCES.md', 'a.837', 'c.X12', 'd.txt', 'e.claim']), [
      'a.837',
      'b.edi',
      'c.X12',
      'd.txt',
    ]);
  });

  it('commits expectations that each say what the file is and name only rules that have a page', () => {
    const expectations = readExpectations(path.join(repoRoot(), 'test', 'corpus', 'real837.expectations.json'));
    const rulePages = new Set(
      fs.readdirSync(path.join(repoRoot(), 'docs', 'rules')).map((f) => f.replace(/\.md$/, '')),
    );
    assert.ok(Object.keys(expectations).length > 0);
    for (const [name, expectation] of Object.entries(expectations)) {
      assert.ok(expectation.what.length > 10, `${name}: what it is`);
      for (const rule of [...(expectation.mustFind ?? []), ...(expectation.mustNotFind ?? [])]) {
        assert.ok(rulePages.has(rule.rule), `${name}: ${rule.rule} is a rule`);
        assert.ok(rule.why.length > 5, `${name}: why ${rule.rule}`);
      }
    }
  });
});
