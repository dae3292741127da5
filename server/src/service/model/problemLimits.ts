/**
 * The limits on the problems a parser reports, applied as each problem is
 * made: a line (of a `.claim` file) or a segment (of an 837) reports at most
 * `maxProblemsPerLine` problems and one notice that there are more, and a
 * parse at most `maxProblemsPerDocument` and one notice. A line of ten
 * megabytes of `-` would otherwise make a problem for each dash (about 500 MB
 * of them) before the display limit (`cptClaims.maxNumberOfProblems`) threw
 * all but a thousand away; and one noisy line would use up that limit and
 * hide the real errors after it. The limits are in docs/reliability.md.
 */
import type { Range } from 'vscode-languageserver-types';
import type { ParseProblem } from './model';

export const maxProblemsPerLine = 20;
export const maxProblemsPerDocument = 10_000;

/** The rule id of the notices: the same as the display limit's, whose page explains all three. */
export const tooManyProblemsRule = 'too-many-problems';

/** Where a parser puts its problems: a plain array keeps every one, a `CappedProblems` applies the limits. */
export interface ProblemSink {
  push(problem: ParseProblem): unknown;
}

/**
 * Problems under the limits. Problems are reported unit by unit (a line, a
 * segment) in order; a new unit number starts a new count. `report` builds a
 * problem only when the limits let it in; `push` takes one already built (a
 * parser's rarer problems) and keeps it under the same limits, by its line.
 */
export class CappedProblems implements ProblemSink {
  readonly problems: ParseProblem[] = [];
  private unit = -1;
  private onUnit = 0;
  private full = false;

  constructor(private readonly unitName: 'line' | 'segment' = 'line') {}

  /** Whether a problem of `unit` at `range` is kept; the first one past a limit becomes its notice instead. */
  private wants(unit: number, range: Range): boolean {
    if (this.full) {
      return false;
    }
    if (unit !== this.unit) {
      this.unit = unit;
      this.onUnit = 0;
    }
    this.onUnit += 1;
    if (this.onUnit > maxProblemsPerLine + 1) {
      return false;
    }
    if (this.problems.length >= maxProblemsPerDocument) {
      this.full = true;
      this.problems.push({
        ruleId: tooManyProblemsRule,
        message: `More than ${maxProblemsPerDocument.toLocaleString('en-US')} problems were found reading this file; the rest are not reported. Correct these and check again.`,
        range,
      });
      return false;
    }
    if (this.onUnit === maxProblemsPerLine + 1) {
      this.problems.push({
        ruleId: tooManyProblemsRule,
        message: `This ${this.unitName} has more than ${maxProblemsPerLine} problems; only the first ${maxProblemsPerLine} are reported. Correct them and check again.`,
        range,
      });
      return false;
    }
    return true;
  }

  report(unit: number, range: Range, make: () => Omit<ParseProblem, 'range'>): void {
    if (this.wants(unit, range)) {
      this.problems.push({ ...make(), range });
    }
  }

  /** A problem already built, of `unit` (by default its line). */
  push(problem: ParseProblem, unit = problem.range.start.line): void {
    if (this.wants(unit, problem.range)) {
      this.problems.push(problem);
    }
  }
}

/** Reports a problem of `unit` to the sink; under a `CappedProblems` past its limits, `make` is not called. */
export function reportProblem(
  sink: ProblemSink,
  unit: number,
  range: Range,
  make: () => Omit<ParseProblem, 'range'>,
): void {
  if (sink instanceof CappedProblems) {
    sink.report(unit, range, make);
  } else {
    sink.push({ ...make(), range });
  }
}
