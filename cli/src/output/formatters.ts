/**
 * Output of `claim-lint`: `stylish` for people (stylish.ts); `json` (ESLint's JSON, one
 * array of file results: eslintJson.ts), `jsonl` (one finding per line, with
 * file and claim id) and `sarif` (code-scanning tools) for tools. Only the
 * problem messages are printed, never the claim text. Each is written a file
 * at a time and a finding at a time, as the files' findings are ready, never
 * built whole: a batch with a million findings is never one string, nor a
 * million objects.
 */
import type { OutputFormat } from '../options';
import { eslintJsonWriter } from './eslintJson';
import type { FileResult, ReportWriter } from './lintResults';
import { sarifWriter, type SarifContext } from './sarif';
import { stylishWriter } from './stylish';

function jsonlWriter(): ReportWriter {
  return {
    head: () => [],
    *file(result) {
      for (const message of result.messages) {
        yield `${JSON.stringify({ file: result.filePath, ...message })}\n`;
      }
    },
    tail: () => [],
  };
}

export function reportWriter(format: OutputFormat, context: SarifContext & { colour: boolean }): ReportWriter {
  switch (format) {
    case 'sarif':
      return sarifWriter(context);
    case 'json':
      return eslintJsonWriter();
    case 'jsonl':
      return jsonlWriter();
    case 'stylish':
      return stylishWriter(context.colour);
  }
}

/** The whole report of `results` in pieces, in order. */
export function* formatResults(
  format: OutputFormat,
  results: Iterable<FileResult>,
  context: SarifContext & { colour: boolean },
): Generator<string> {
  const writer = reportWriter(format, context);
  yield* writer.head();
  for (const result of results) {
    yield* writer.file(result);
  }
  yield* writer.tail();
}
