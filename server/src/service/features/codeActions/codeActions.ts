/**
 * Quick fixes for the diagnostics in a range. The fixes are recomputed from
 * the claims the range touches, so they always match the current text, and
 * each action names the diagnostic it resolves.
 */
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { Finding } from '../../rules/ruleTypes';
import type { ClaimSettings } from '../../settings';
import { findingsToDiagnostics } from '../../validation/validation';

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function matchingDiagnostic(
  finding: Finding,
  context: CodeActionContext,
  settings: ClaimSettings,
): Diagnostic | undefined {
  if (context.diagnostics.length > 0) {
    return context.diagnostics.find((d) => d.code === finding.ruleId && sameRange(d.range, finding.range));
  }
  // A client that sends no diagnostics still gets the fixes for the range it asked about.
  return findingsToDiagnostics([finding], { ...settings, maxNumberOfProblems: 1 })[0];
}

export function getCodeActions(
  uri: string,
  findings: readonly Finding[],
  context: CodeActionContext,
  settings: ClaimSettings,
): CodeAction[] {
  if (
    context.only &&
    !context.only.some(
      (kind) =>
        kind === CodeActionKind.QuickFix ||
        CodeActionKind.QuickFix.startsWith(`${kind}.`) ||
        kind === CodeActionKind.Empty,
    )
  ) {
    return [];
  }
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    const diagnostic =
      finding.fixes && finding.fixes.length > 0 ? matchingDiagnostic(finding, context, settings) : undefined;
    if (!diagnostic) {
      continue;
    }
    for (const fix of finding.fixes ?? []) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix.preferred === true,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
  }
  return actions;
}
