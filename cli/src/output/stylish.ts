/**
 * `stylish`, the report for people (ESLint's default format): per file its
 * name, a row per finding (`line:column  severity  message  rule-id`, the
 * columns aligned), a blank line; then a totals line. Coloured as ESLint
 * colours it when colour is wanted (colour.ts decides); the text is the same
 * either way.
 */
import { counted } from '../../../server/src/service';
import { ansiPalette, noPalette, type Palette } from './colour';
import type { FileResult, LintMessage, SeverityName } from './lintResults';
import { terminalText } from './terminalText';

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

function severityColour(palette: Palette): Record<SeverityName, (text: string) => string> {
  return { error: palette.red, warning: palette.yellow, information: palette.blue, hint: palette.dim };
}

function row(m: LintMessage, widths: readonly [number, number], palette: Palette): string {
  const position = palette.dim(`${m.line}:${m.column}`.padEnd(widths[0]));
  const severity = severityColour(palette)[m.severity](m.severity.padEnd(widths[1]));
  const rule = m.ruleId === null ? '' : `  ${palette.dim(m.ruleId)}`;
  return `  ${position}  ${severity}  ${terminalText(m.message)}${rule}`;
}

export function* stylish(results: readonly FileResult[], colour: boolean): Generator<string> {
  const palette = colour ? ansiPalette : noPalette;
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const result of results) {
    result.messages.forEach((m) => counts[m.severity]++);
    if (result.messages.length === 0) {
      continue;
    }
    const widths: [number, number] = [0, 0];
    for (const m of result.messages) {
      widths[0] = Math.max(widths[0], `${m.line}:${m.column}`.length);
      widths[1] = Math.max(widths[1], m.severity.length);
    }
    yield `${palette.underline(terminalText(result.filePath))}\n`;
    for (const m of result.messages) {
      yield `${row(m, widths, palette)}\n`;
    }
    yield '\n';
  }
  if (results.some((result) => result.messages.length > 0)) {
    const strongest = counts.error > 0 ? palette.red : counts.warning > 0 ? palette.yellow : (text: string) => text;
    yield `${palette.bold(strongest(summary(counts)))}\n`;
  }
}
