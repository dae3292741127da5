/**
 * Output of `claim-lint`: `stylish` for people, `json` (one array of file
 * results), `jsonl` (one finding per line, with file and claim id) and
 * `sarif` (code-scanning tools) for tools. Only the problem messages are printed, never the claim text.
 */
import type { OutputFormat } from './options';
import { sarif, type SarifContext } from './sarif';

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
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function stylish(results: readonly FileResult[]): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let problems = 0;
  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    problems += result.messages.length;
    if (result.messages.length === 0) {
      continue;
    }
    const rows = result.messages.map((m) => [`${m.line}:${m.column}`, m.severity, m.message, m.ruleId ?? '']);
    const widths = [0, 1].map((column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
    out.push(result.filePath);
    for (const [position = '', severity = '', message = '', ruleId = ''] of rows) {
      out.push(`  ${position.padEnd(widths[0] ?? 0)}  ${severity.padEnd(widths[1] ?? 0)}  ${message}  ${ruleId}`.trimEnd());
    }
    out.push('');
  }
  if (problems > 0) {
    out.push(`${plural(problems, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`);
    return `${out.join('\n')}\n`;
  }
  return '';
}

function json(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    results.map((result) => ({
      filePath: result.filePath,
      messages: result.messages.map(({ line, column, endLine, endColumn, severity, message, ruleId }) => ({ line, column, endLine, endColumn, severity, message, ruleId })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    })),
  )}\n`;
}

function jsonl(results: readonly FileResult[]): string {
  return results
    .flatMap((result) => result.messages.map((message) => `${JSON.stringify({ file: result.filePath, ...message })}\n`))
    .join('');
}

export function formatResults(format: OutputFormat, results: readonly FileResult[], context: SarifContext): string {
  switch (format) {
    case 'sarif':
      return sarif(results, context);
    case 'json':
      return json(results);
    case 'jsonl':
      return jsonl(results);
    case 'stylish':
      return stylish(results);
  }
}
