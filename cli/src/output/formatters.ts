/**
 * Output of `claim-lint`: `stylish` for people (stylish.ts); `json` (ESLint's JSON, one
 * array of file results: eslintJson.ts), `jsonl` (one finding per line, with
 * file and claim id) and `sarif` (code-scanning tools) for tools. Only the
 * problem messages are printed, never the claim text.
 */
import type { OutputFormat } from '../options';
import { eslintJson } from './eslintJson';
import type { FileResult } from './lintResults';
import { sarif, type SarifContext } from './sarif';
import { stylish } from './stylish';

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
  context: SarifContext & { colour: boolean },
): Iterable<string> {
  switch (format) {
    case 'sarif':
      return sarif(results, context);
    case 'json':
      return eslintJson(results);
    case 'jsonl':
      return jsonl(results);
    case 'stylish':
      return stylish(results, context.colour);
  }
}
