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

export interface FileResult {
  /** As the user named it (an operand, or a path under an operand folder). */
  filePath: string;
  /** The file's absolute path; absent for standard input without --stdin-filename. */
  absolutePath?: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}
