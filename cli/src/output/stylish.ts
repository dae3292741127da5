/**
 * `stylish`, the report for people (ESLint's default format): per file its
 * name, a row per finding (`line:column  severity  message  rule-id`, the
 * columns aligned), a blank line; then a totals line. Coloured as ESLint
 * colours it when colour is wanted (colour.ts decides); the text is the same
 * either way. Written a file at a time: the widths of a file's columns are
 * counted as its findings are found (`FindingStats`), so its rows are
 * written as they are read.
 */
import { counted } from '../../../server/src/service';
import { ansiPalette, noPalette, type Palette } from './colour';
import type { LintMessage, ReportWriter, SeverityName } from './lintResults';
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

/** The report for people, a file at a time: its widths and counts are known before its rows are written. */
export function stylishWriter(colour: boolean): ReportWriter {
  const palette = colour ? ansiPalette : noPalette;
  const counts: Record<SeverityName, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let anyFindings = false;
  return {
    head: () => [],
    *file(result) {
      const { stats } = result;
      for (const severity of Object.keys(counts) as SeverityName[]) {
        counts[severity] += stats.bySeverity[severity];
      }
      if (stats.count === 0) {
        return;
      }
      anyFindings = true;
      const widths: [number, number] = [stats.positionWidth, stats.severityWidth];
      yield `${palette.underline(terminalText(result.filePath))}\n`;
      for (const m of result.messages) {
        yield `${row(m, widths, palette)}\n`;
      }
      yield '\n';
    },
    *tail() {
      if (anyFindings) {
        const strongest = counts.error > 0 ? palette.red : counts.warning > 0 ? palette.yellow : (text: string) => text;
        yield `${palette.bold(strongest(summary(counts)))}\n`;
      }
    },
  };
}
