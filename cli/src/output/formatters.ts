/**
 * Output of `claim-lint`: `stylish` for people; `json` (ESLint's JSON, one
 * array of file results: eslintJson.ts), `jsonl` (one finding per line, with
 * file and claim id) and `sarif` (code-scanning tools) for tools. Only the
 * problem messages are printed, never the claim text.
 */
import type { OutputFormat } from '../options';
import { eslintJson } from './eslintJson';
import type { FileResult, SeverityName } from './lintResults';
import { sarif, type SarifContext } from './sarif';
import { counted } from '../../../server/src/service';

/** The totals line: every severity printed is counted, errors and warnings always (as ESLint does). */
function summary(counts: Record<SeverityName, number>): string {
  const total = counts.error + counts.warning + counts.information + counts.hint;
  const parts = [counted(counts.error, 'error'), counted(counts.warning, 'warning')];
  if (counts.information > 0) {
    parts.push(`${counts.information} information`);
  }
  if (counts.hint > 0) {
    parts.push(counted(counts.hint, 'hint'));
  }
  return `${counted(total, 'problem')} (${parts.join(', ')})`;
}

/** Per file: its name, a row per finding with aligned columns, a blank line; then the totals. */
function* stylish(results: readonly FileResult[]): Generator<string> {
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    result.messages.forEach((m) => counts[m.severity]++);
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
  if (results.some((result) => result.messages.length > 0)) {
    yield `${summary(counts)}\n`;
  }
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
      return eslintJson(results);
    case 'jsonl':
      return jsonl(results);
    case 'stylish':
      return stylish(results);
  }
}
