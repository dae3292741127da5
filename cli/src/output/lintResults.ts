/**
 * What `claim-lint` finds, as every output format and the checkers that fill
 * it in see it: a file's result and its messages (1-based positions, the
 * severity's name, the rule id, the claim id). Its own module so the
 * formatters and the SARIF writer both read it without importing each other.
 */

export type SeverityName = 'error' | 'warning' | 'information' | 'hint';

export interface LintMessage {
  /** 1-based, like the editor shows them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: SeverityName;
  message: string;
  ruleId: string | null;
  /** The id of the claim the finding is in; null for envelope or file-level findings. */
  claimId: string | null;
}

/** What a format needs to know of a file's findings before writing them, counted as they are found. */
export interface FindingStats {
  count: number;
  bySeverity: Record<SeverityName, number>;
  /** The widest `line:column` and severity name: the stylish report's columns. */
  positionWidth: number;
  severityWidth: number;
}

export interface FileResult {
  /** As the user named it (an operand, or a path under an operand folder). */
  filePath: string;
  /** The file's absolute path; absent for standard input without --stdin-filename. */
  absolutePath?: string;
  /** In order; read once, as they are written (they may come from a spool file: `findingSpool.ts`). */
  messages: Iterable<LintMessage>;
  stats: FindingStats;
}

/**
 * A format written a file at a time, as the files' findings are ready: what
 * comes before the files, each file's part, and what comes after (a
 * format's totals are counted as its files are written).
 */
export interface ReportWriter {
  head(): Iterable<string>;
  file(result: FileResult): Iterable<string>;
  tail(): Iterable<string>;
}
