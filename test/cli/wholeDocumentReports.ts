/**
 * The report formats as claim-lint wrote them before they were written a
 * finding at a time: each built from every file's whole list of messages
 * (the stylish widths and counts from the messages themselves, ESLint's
 * objects and the SARIF log stringified whole). Only the tests use them, as
 * the oracle the streamed writers must equal byte for byte.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, counted } from '../../server/src/service';
import { ansiPalette, noPalette } from '../../cli/src/output/colour';
import type { LintMessage, SeverityName } from '../../cli/src/output/lintResults';
import { terminalText } from '../../cli/src/output/terminalText';
import type { OutputFormat } from '../../cli/src/options';

export interface WholeFileResult {
  filePath: string;
  absolutePath?: string;
  messages: LintMessage[];
}

function stylish(results: readonly WholeFileResult[], colour: boolean): string {
  const palette = colour ? ansiPalette : noPalette;
  const colours = { error: palette.red, warning: palette.yellow, information: palette.blue, hint: palette.dim };
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let out = '';
  for (const result of results) {
    result.messages.forEach((m) => counts[m.severity]++);
    if (result.messages.length === 0) {
      continue;
    }
    const positionWidth = Math.max(...result.messages.map((m) => `${m.line}:${m.column}`.length));
    const severityWidth = Math.max(...result.messages.map((m) => m.severity.length));
    out += `${palette.underline(terminalText(result.filePath))}\n`;
    for (const m of result.messages) {
      const position = palette.dim(`${m.line}:${m.column}`.padEnd(positionWidth));
      const severity = colours[m.severity](m.severity.padEnd(severityWidth));
      const rule = m.ruleId === null ? '' : `  ${palette.dim(m.ruleId)}`;
      out += `  ${position}  ${severity}  ${terminalText(m.message)}${rule}\n`;
    }
    out += '\n';
  }
  if (results.some((result) => result.messages.length > 0)) {
    const total = counts.error + counts.warning + counts.information + counts.hint;
    const parts = [counted(counts.error, 'error'), counted(counts.warning, 'warning')];
    if (counts.information > 0) {
      parts.push(`${counts.information} information`);
    }
    if (counts.hint > 0) {
      parts.push(counted(counts.hint, 'hint'));
    }
    const strongest = counts.error > 0 ? palette.red : counts.warning > 0 ? palette.yellow : (text: string) => text;
    out += `${palette.bold(strongest(`${counted(total, 'problem')} (${parts.join(', ')})`))}\n`;
  }
  return out;
}

function eslintJson(results: readonly WholeFileResult[]): string {
  const files = results.map((result) => {
    const messages = result.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: m.severity === 'error' ? 2 : 1,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      claimLintSeverity: m.severity,
    }));
    const errorCount = messages.filter((message) => message.severity === 2).length;
    return {
      filePath: result.absolutePath ?? '<text>',
      messages,
      suppressedMessages: [],
      errorCount,
      fatalErrorCount: 0,
      warningCount: messages.length - errorCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(files)}\n`;
}

const levels = { error: 'error', warning: 'warning', information: 'note', hint: 'note' } as const;

function sarif(results: readonly WholeFileResult[], version: string, rulesDocsBase: string): string {
  const ruleIndex = new Map(allRules.map((rule, index) => [rule.id, index]));
  const uri = (filePath: string) =>
    path.isAbsolute(filePath)
      ? pathToFileURL(filePath).href
      : filePath.split(path.sep).map(encodeURIComponent).join('/');
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'claim-lint',
            version,
            rules: allRules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              helpUri: `${rulesDocsBase}${rule.id}.md`,
              defaultConfiguration: { level: levels[rule.defaultSeverity] },
            })),
          },
        },
        results: results.flatMap((result) =>
          result.messages.map((m) => ({
            ruleId: m.ruleId ?? 'claim-lint',
            ...(m.ruleId !== null && ruleIndex.has(m.ruleId) ? { ruleIndex: ruleIndex.get(m.ruleId) } : {}),
            level: levels[m.severity],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: uri(result.filePath) },
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(log)}\n`;
}

export function wholeDocumentReport(
  format: OutputFormat,
  results: readonly WholeFileResult[],
  context: { version: string; rulesDocsBase: string; colour: boolean },
): string {
  switch (format) {
    case 'stylish':
      return stylish(results, context.colour);
    case 'json':
      return eslintJson(results);
    case 'jsonl':
      return results
        .flatMap((result) => result.messages.map((m) => `${JSON.stringify({ file: result.filePath, ...m })}\n`))
        .join('');
    case 'sarif':
      return sarif(results, context.version, context.rulesDocsBase);
  }
}
