/**
 * Quick fixes for the diagnostics in a range. The fixes are recomputed from
 * the claims the range touches, so they always match the current text, and
 * each action names the diagnostic it resolves. The rules make their fixes
 * with the document's editor (`.claim` text or X12 segments).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, Diagnostic, Range } from 'vscode-languageserver-types';
import { CodeActionKind } from 'vscode-languageserver-types';
import { ClaimTextEditor } from '../../claimText/claimTextEditor';
import type { ClaimEditor } from '../../model/claimEditor';
import type { ClaimDocumentModel } from '../../model/model';
import type { Finding } from '../../rules/ruleTypes';
import { rangesEqual } from '../../position/locate';
import type { ClaimSettings } from '../../settings';
import type { ValidationContext } from '../../validation/documentValidator';
import { collectFindings } from '../../validation/findings';
import { findingsToDiagnostics } from '../../validation/validation';
import { X12Editor } from '../../x12/x12Editor';

function matchingDiagnostic(
  finding: Finding,
  context: CodeActionContext,
  settings: ClaimSettings,
): Diagnostic | undefined {
  if (context.diagnostics.length > 0) {
    return context.diagnostics.find((d) => d.code === finding.ruleId && rangesEqual(d.range, finding.range));
  }
  // A client that sends no diagnostics still gets the fixes for the range it asked about.
  return findingsToDiagnostics([finding], { ...settings, maxNumberOfProblems: 1 })[0];
}

/** The editor of the format; an 837's makes the fixes of lines outside `range` only within its budget. */
function editorFor(document: TextDocument, model: ClaimDocumentModel, range: Range): ClaimEditor {
  return model.x12 ? new X12Editor(document, model.x12, range) : new ClaimTextEditor(document);
}

/** The quick fixes of the findings on the claims and problems `range` touches. */
export function getCodeActions(
  document: TextDocument,
  model: ClaimDocumentModel,
  range: Range,
  context: CodeActionContext,
  settings: ClaimSettings,
  rules: Pick<ValidationContext, 'reference' | 'mue' | 'procedures'>,
): CodeAction[] {
  const findings = collectFindings(model, {
    reference: rules.reference,
    editor: editorFor(document, model, range),
    settings,
    within: range,
    ...(rules.mue ? { mue: rules.mue } : {}),
    ...(rules.procedures ? { procedures: rules.procedures } : {}),
    documentUri: document.uri,
  });
  return actionsFor(document.uri, findings, context, settings);
}

function actionsFor(
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
    // A fix with no edits does nothing: not offered.
    for (const fix of (finding.fixes ?? []).filter((candidate) => candidate.edits.length > 0)) {
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
