/**
 * Output of `claim-lint`: `stylish` for people, `json` (one array of file
 * results), `jsonl` (one finding per line, with file and claim id) and
 * `sarif` (code-scanning tools) for tools. Only the problem messages are printed, never the claim text.
 */
import type { OutputFormat } from '../options';
import type { FileResult } from './lintResults';
import { sarif, type SarifContext } from './sarif';
import { counted } from '../../../server/src/service';

/** Per file: its name, a row per finding with aligned columns, a blank line; then the totals. */
function* stylish(results: readonly FileResult[]): Generator<string> {
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
    const widths = [0, 0];
    for (const m of result.messages) {
      widths[0] = Math.max(widths[0] ?? 0, `${m.line}:${m.column}`.length);
      widths[1] = Math.max(widths[1] ?? 0, m.severity.length);
    }
    yield `${result.filePath}\n`;
    for (const m of result.messages) {
      yield `${`  ${`${m.line}:${m.column}`.padEnd(widths[0] ?? 0)}  ${m.severity.padEnd(widths[1] ?? 0)}  ${m.message}  ${m.ruleId ?? ''}`.trimEnd()}\n`;
    }
    yield '\n';
  }
  if (problems > 0) {
    yield `${counted(problems, 'problem')} (${counted(errors, 'error')}, ${counted(warnings, 'warning')})\n`;
  }
}

function* json(results: readonly FileResult[]): Generator<string> {
  yield '[';
  for (const [index, result] of results.entries()) {
    yield `${index === 0 ? '' : ','}${JSON.stringify({
      filePath: result.filePath,
      messages: result.messages.map(({ line, column, endLine, endColumn, severity, message, ruleId }) => ({
        line,
        column,
        endLine,
        endColumn,
        severity,
        message,
        ruleId,
      })),
      errorCount: result.errorCount,
      warningCount: result.warningCount,
    })}`;
  }
  yield ']\n';
}

function* jsonl(results: readonly FileResult[]): Generator<string> {
  for (const result of results) {
    for (const message of result.messages) {
      yield `${JSON.stringify({ file: result.filePath, ...message })}\n`;
    }
  }
}

/**
 * The output in pieces, so a batch with a million findings is written
 * without first being built as one string.
 */
export function formatResults(
  format: OutputFormat,
  results: readonly FileResult[],
  context: SarifContext,
): Iterable<string> {
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
