/**
 * The limits on parse problems (`model/problemLimits.ts`, docs/reliability.md):
 * at most 20 problems a line of a `.claim` file or a segment of an 837, then
 * one notice; at most 10,000 a document, then one notice. Limited as the
 * problems are made: the tests count the problems a parser *builds* on a long
 * line, which a limit applied afterwards would not change. A noisy line no
 * longer hides the problems after it, and a one-line 837 is limited by
 * segment, not by its one line.
 */
import * as assert from 'node:assert/strict';
import type { Range } from 'vscode-languageserver-types';
import { parseClaimText } from '../../../server/src/service/claimText/claimTextParser';
import { tokenize } from '../../../server/src/service/claimText/lineTokens';
import { parseServiceLine } from '../../../server/src/service/claimText/serviceLineParser';
import type { ParseProblem } from '../../../server/src/service/model/model';
import {
  CappedProblems,
  maxProblemsPerDocument,
  maxProblemsPerLine,
} from '../../../server/src/service/model/problemLimits';
import { parseX12Text } from '../../../server/src/service/x12/x12ClaimParser';
import { x12Text } from '../../support/documents/ruleDocExamples';

/** A `CappedProblems` that counts the problems it has built. */
class CountingProblems extends CappedProblems {
  built = 0;

  override report(unit: number, range: Range, make: () => Omit<ParseProblem, 'range'>): void {
    super.report(unit, range, () => {
      this.built += 1;
      return make();
    });
  }
}

function problemsOn(problems: readonly ParseProblem[], line: number): ParseProblem[] {
  return problems.filter((problem) => problem.range.start.line === line);
}

describe('limits on parse problems', () => {
  it('builds at most 20 problems for a line of 100,000 dashes', () => {
    const sink = new CountingProblems();
    parseServiceLine(0, tokenize(`19283${'-'.repeat(100_000)}`), sink);
    assert.equal(sink.built, maxProblemsPerLine);
    assert.equal(sink.problems.length, maxProblemsPerLine + 1);
    assert.deepEqual(sink.problems.at(-1)?.ruleId, 'too-many-problems');
  });

  it('builds at most 20 problems for a line of 19283-RT-RT-... and of blank-separated junk', () => {
    for (const line of [`19283${'-RT'.repeat(50_000)}`, `19283${' -'.repeat(50_000)}`]) {
      const sink = new CountingProblems();
      parseServiceLine(0, tokenize(line), sink);
      assert.equal(sink.built, maxProblemsPerLine, line.slice(0, 12));
    }
  });

  it('reports the problems after a noisy line, and the notice says the line has more', () => {
    const text = `claim A\n  19283${'-'.repeat(5000)}\n  19284-ZZZ x1\n`;
    const { problems } = parseClaimText(text);
    const noisy = problemsOn(problems, 1);
    assert.equal(noisy.length, maxProblemsPerLine + 1);
    assert.match(noisy.at(-1)?.message ?? '', /This line has more than 20 problems; only the first 20 are reported/);
    assert.deepEqual(
      problemsOn(problems, 2).map((problem) => problem.ruleId),
      ['bad-modifier'],
    );
  });

  it('keeps every problem of a line with exactly 20, and gives no notice', () => {
    const { problems } = parseClaimText(`claim A\n  19283${'-'.repeat(maxProblemsPerLine)}\n`);
    assert.equal(problemsOn(problems, 1).length, maxProblemsPerLine);
    assert.ok(problems.every((problem) => problem.ruleId !== 'too-many-problems'));
  });

  it('stops at 10,000 problems a document with one notice, reading on to the end', () => {
    const badLine = `  19283${' $x'.repeat(10)}\n`;
    const lines = Math.ceil(maxProblemsPerDocument / 10) + 50;
    const text = `claim A\n${badLine.repeat(lines)}  19284-RT x1\n`;
    const model = parseClaimText(text);
    const { problems } = model;
    assert.equal(problems.length, maxProblemsPerDocument + 1);
    const notices = problems.filter((problem) => problem.ruleId === 'too-many-problems');
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.message ?? '', /More than 10,000 problems were found reading this file/);
    // The claim is still read to its last line.
    assert.equal(model.claims[0]?.lines.at(-1)?.code.value, '19284');
  });

  it('limits an 837 by segment: 20 problems of one HI, every problem of a one-line file', () => {
    const hi = `HI*ABK:C50411${'*ABF:x'.repeat(200)}`;
    const oneHi = parseX12Text(x12Text(`CLM*A*1***11:B:1*Y*A*Y*Y~\n${hi}~\nLX*1~\nSV1*HC:19283:RT*1*UN*1***1~`));
    const fromHi = oneHi.problems.filter((problem) => problem.ruleId === 'x12-diagnosis-code');
    assert.equal(fromHi.length, maxProblemsPerLine);
    assert.match(oneHi.problems.at(-1)?.message ?? '', /This segment has more than 20 problems/);

    // 30 claims on one line, each with one bad diagnosis: 30 problems, though all are on line 0.
    const claims = Array.from({ length: 30 }, (_, i) => `CLM*C${i}*1***11:B:1*Y*A*Y*Y~HI*ABK:x~LX*1~`).join('');
    const oneLine = parseX12Text(x12Text(claims).replace(/\n/g, ''));
    const bad = oneLine.problems.filter((problem) => problem.ruleId === 'x12-diagnosis-code');
    assert.equal(bad.length, 30);
    assert.ok(oneLine.problems.every((problem) => problem.range.start.line === 0));
  });
});
