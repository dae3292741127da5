/**
 * `--format json`: ESLint's JSON formatter's shape, so the tools that read
 * ESLint's report (CI annotations, code-quality converters, dashboards) read
 * claim-lint's: per file its absolute `filePath`, `messages` with 1-based
 * `line`, `column`, `endLine`, `endColumn`, `ruleId`, `message` and a numeric
 * `severity`, and ESLint's counts.
 *
 * ESLint has two severities, 2 (error) and 1 (warning). Information and hint
 * findings are given 1, the lowest severity such tools show, rather than left
 * out: a finding a tool does not see is lost, one shown as a warning is not.
 * Each message keeps claim-lint's own severity name in `claimLintSeverity`,
 * and `warningCount` counts every message of severity 1, so the counts agree
 * with the messages as a tool that counts them itself finds them.
 * claim-lint fixes nothing on the command line, so the fixable counts are 0;
 * standard input without --stdin-filename is `<text>`, as ESLint names it.
 */
import type { LintMessage, ReportWriter, SeverityName } from './lintResults';

const eslintSeverities: Record<SeverityName, 1 | 2> = { error: 2, warning: 1, information: 1, hint: 1 };

function eslintMessage(message: LintMessage) {
  return {
    ruleId: message.ruleId,
    severity: eslintSeverities[message.severity],
    message: message.message,
    line: message.line,
    column: message.column,
    endLine: message.endLine,
    endColumn: message.endColumn,
    claimLintSeverity: message.severity,
  };
}

/**
 * The array of file results, written a finding at a time: each file's object
 * as `JSON.stringify` writes it (`filePath`, then `messages`, then the
 * counts, known before the messages from the file's stats), its messages
 * written as they are read.
 */
export function eslintJsonWriter(): ReportWriter {
  let files = 0;
  return {
    head: () => ['['],
    *file(result) {
      const { stats } = result;
      yield `${files++ === 0 ? '' : ','}{"filePath":${JSON.stringify(result.absolutePath ?? '<text>')},"messages":[`;
      let first = true;
      for (const message of result.messages) {
        yield `${first ? '' : ','}${JSON.stringify(eslintMessage(message))}`;
        first = false;
      }
      const errorCount = stats.bySeverity.error;
      const counts = {
        suppressedMessages: [],
        errorCount,
        fatalErrorCount: 0,
        warningCount: stats.count - errorCount,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      };
      // The counts' object without its opening brace: the rest of the file's object.
      yield `],${JSON.stringify(counts).slice(1)}`;
    },
    tail: () => [']\n'],
  };
}
