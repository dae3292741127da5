/**
 * The real-file corpus: what each file of a folder of X12 files must and
 * must not give, written by reading the file against the 837P 005010X222A1
 * implementation guide (not by running the product), and the comparison of
 * one file's findings with its expectation. The comparison is a pure
 * function, so a unit test can plant a mismatch and see it reported
 * (`corpusExpectations.test.ts`); `corpusSuite.ts` runs it over a folder.
 */
import * as fs from 'node:fs';
import type { JsonlRow } from '../cli/cliRunner';

/** The environment variable naming the folder the suite reads (set by runCorpus.ts from its argument). */
export const corpusDirVariable = 'CLAIM_CORPUS_DIR';

/** One finding, as `claim-lint --format jsonl` gives it, with the file's text under its range. */
export type CorpusFinding = Omit<JsonlRow, 'file' | 'claimId'> & {
  /** The text of the file the range covers (its first line only, for a range over several lines). */
  text: string;
};

/** A rule that must (or must not) report, anywhere or on a range whose text contains `on`. */
export interface RuleExpectation {
  rule: string;
  on?: string;
  /** Why, from the guide: shown when the expectation fails. */
  why: string;
}

/**
 * Whether the file is refused as not 837P 005010X222A1: `false` (it is checked), `"either"` (the
 * guide leaves it to the product, see docs/x12-structure.md), or refused with one finding whose
 * message names `as` (837I, 837D, 4010, UTF-16, ...; absent when the file itself hides what it is).
 */
export type Refusal = false | 'either' | { as?: string };

export interface FileExpectation {
  /** What the file is, as read against the guide. */
  what: string;
  refused: Refusal;
  mustFind?: RuleExpectation[];
  mustNotFind?: RuleExpectation[];
}

export type CorpusExpectations = Record<string, FileExpectation>;

/** What the suite saw for one file. */
export interface FileObservation {
  /** Findings of `claim-lint` reading the file whole. */
  whole: CorpusFinding[];
  /** Why the file counts as crashed (exit code 2, a thrown error, text on stderr), if it does. */
  crash?: string;
  /** Differences between the whole-file findings and another way of checking the file, by its name. */
  disagreements: Record<string, string[]>;
}

/** Words of the `.claim` format that an 837 message must not use (issue 16: "dx=2 ... dx list"). */
export const claimFormatWords: readonly RegExp[] = [/\bdx=/, /\bdx list\b/, /\bdx:/];

const fileNamePattern = /\.(837|edi|x12|txt)$/i;

/** The X12 files of a folder the suite checks, by name, sorted. */
export function corpusFiles(names: readonly string[]): string[] {
  return names.filter((name) => fileNamePattern.test(name)).sort();
}

export function readExpectations(file: string): CorpusExpectations {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as CorpusExpectations;
}

function describeFinding(finding: CorpusFinding): string {
  // JSON quoting shows control characters (a UTF-16 file read as UTF-8 is full of NULs) as escapes.
  return `${finding.line}:${finding.column} ${finding.ruleId ?? '(no rule)'} on ${JSON.stringify(finding.text)}: ${finding.message}`;
}

function matches(finding: CorpusFinding, expectation: RuleExpectation): boolean {
  return finding.ruleId === expectation.rule && (expectation.on === undefined || finding.text.includes(expectation.on));
}

function where(expectation: RuleExpectation): string {
  return expectation.on === undefined ? expectation.rule : `${expectation.rule} on "${expectation.on}"`;
}

function refusalMismatches(refused: Refusal, whole: readonly CorpusFinding[]): string[] {
  if (refused === 'either') {
    return [];
  }
  if (refused === false) {
    return [];
  }
  const label = refused.as === undefined ? 'refused' : `refused as ${refused.as}`;
  if (whole.length !== 1) {
    const shown = whole.slice(0, 3).map(describeFinding);
    return [
      `should be ${label} with one finding, but has ${whole.length}${shown.length ? `: ${shown.join(' | ')}` : ''}`,
    ];
  }
  const [only] = whole;
  if (only && refused.as !== undefined && !only.message.toLowerCase().includes(refused.as.toLowerCase())) {
    return [`should be ${label}, but its one finding does not name ${refused.as}: ${describeFinding(only)}`];
  }
  return [];
}

/** Every way the observation of one file departs from its expectation; empty when it meets it. */
export function fileMismatches(expectation: FileExpectation | undefined, observation: FileObservation): string[] {
  const mismatches: string[] = [];
  if (observation.crash !== undefined) {
    mismatches.push(`crashed: ${observation.crash}`);
  }
  for (const [how, differences] of Object.entries(observation.disagreements)) {
    for (const difference of differences.slice(0, 5)) {
      mismatches.push(`${how} differs from the whole-file check: ${difference}`);
    }
    if (differences.length > 5) {
      mismatches.push(`${how}: ${differences.length - 5} more differences`);
    }
  }
  if (!expectation) {
    mismatches.push('has no expectation: read it against the guide and add one to the expectations file');
    return mismatches;
  }
  mismatches.push(...refusalMismatches(expectation.refused, observation.whole));
  for (const must of expectation.mustFind ?? []) {
    if (!observation.whole.some((finding) => matches(finding, must))) {
      mismatches.push(`must find ${where(must)}, but it is not reported (${must.why})`);
    }
  }
  for (const mustNot of expectation.mustNotFind ?? []) {
    const found = observation.whole.filter((finding) => matches(finding, mustNot));
    if (found.length > 0) {
      const first = found[0] as CorpusFinding;
      mismatches.push(
        `must not find ${where(mustNot)} (${mustNot.why}), but it is reported ${found.length} time(s), first ${describeFinding(first)}`,
      );
    }
  }
  const wrongWords = observation.whole.filter((finding) => claimFormatWords.some((word) => word.test(finding.message)));
  if (wrongWords.length > 0) {
    mismatches.push(
      `${wrongWords.length} message(s) use words of the .claim format, first ${describeFinding(wrongWords[0] as CorpusFinding)}`,
    );
  }
  return mismatches;
}

/**
 * The differences between two lists of findings, as readable lines (rule, range, severity and message);
 * `ordered` also requires the same order (claim-lint's output is in file order, an editor's need not be).
 */
export function findingDifferences(
  expected: readonly FindingKey[],
  actual: readonly FindingKey[],
  ordered = true,
): string[] {
  const key = (f: FindingKey) =>
    `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId ?? '(no rule)'}: ${f.message}` +
    (f.claimId === undefined ? '' : ` [claim ${f.claimId ?? 'none'}]`);
  const count = (list: readonly FindingKey[]) => {
    const counts = new Map<string, number>();
    for (const f of list) {
      counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
    }
    return counts;
  };
  const want = count(expected);
  const got = count(actual);
  const differences: string[] = [];
  for (const [k, n] of want) {
    const m = got.get(k) ?? 0;
    if (m < n) {
      differences.push(`missing ${n - m}× ${k}`);
    }
  }
  for (const [k, n] of got) {
    const m = want.get(k) ?? 0;
    if (n > m) {
      differences.push(`extra ${n - m}× ${k}`);
    }
  }
  if (ordered && differences.length === 0 && expected.map(key).join('\n') !== actual.map(key).join('\n')) {
    differences.push('the same findings in another order');
  }
  return differences;
}

/** A finding as compared between two ways of checking a file; the claim id only where both give one. */
export type FindingKey = Pick<
  CorpusFinding,
  'line' | 'column' | 'endLine' | 'endColumn' | 'severity' | 'message' | 'ruleId'
> & { claimId?: string | null };
