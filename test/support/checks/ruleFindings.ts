/**
 * What the rule tests (`test/service/rules/`, one file per rule id) check a
 * rule's findings with: the one diagnostic a `.claim` text gives, the quick
 * fixes offered for a rule and the text after one, and the same for 837
 * files (a clean two-line claim to break, rule ids, the text a diagnostic
 * covers, the text after a rule's first fix).
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type ClaimToWrite, writeX12 } from '../../../server/src/service';
import {
  applyAction,
  claimDocument,
  formatDiagnostic,
  quickFixes,
  service,
  validate,
  x12Document,
} from '../documents/claimDocuments';

/** The one diagnostic of a `.claim` text, which must be the rule's (the assertion prints them all otherwise). */
export function only(text: string, ruleId: string): Diagnostic {
  const diagnostics = validate(text);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    [ruleId],
    diagnostics.map(formatDiagnostic).join('\n'),
  );
  const [diagnostic] = diagnostics;
  assert.ok(diagnostic);
  return diagnostic;
}

/** The titles of the rule's quick fixes on a `.claim` text, each with whether it is the preferred one. */
export function fixTitles(text: string, ruleId: string): Array<[string, boolean]> {
  return quickFixes(claimDocument(text))
    .filter((action) => action.diagnostics?.some((d) => d.code === ruleId))
    .map((action) => [action.title, action.isPreferred === true]);
}

/** The `.claim` text after the rule's quick fix of that title. */
export function applyFix(text: string, ruleId: string, title: string): string {
  const document = claimDocument(text);
  const action = quickFixes(document).find(
    (candidate) => candidate.title === title && candidate.diagnostics?.some((d) => d.code === ruleId),
  );
  assert.ok(action, `a fix titled ${title}`);
  return applyAction(document, action);
}

/** A claim to write as an 837, dated 2026-03-14. */
export function x12Claim(id: string, lines: ClaimToWrite['lines'], diagnoses = ['C50411']): ClaimToWrite {
  return { id, diagnoses, dos: '2026-03-14', lines };
}

/** An 837 with one clean claim, 19283-RT and 19284-RT: the rule tests break one thing in it. */
export const cleanTwoLines = writeX12([
  x12Claim('CLM-1', [
    { code: '19283', modifiers: ['RT'], charge: 350 },
    { code: '19284', modifiers: ['RT'], charge: 400 },
  ]),
]);

export function ids(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** The text of an 837 a diagnostic covers. */
export function x12TextOf(text: string, diagnostic: Diagnostic | undefined): string {
  return diagnostic ? TextDocument.create('file:///x.837', 'x12', 1, text).getText(diagnostic.range) : '';
}

/** Applies the first quick fix for a rule to an 837 and returns the new text. */
export function applyX12Fix(text: string, ruleId: string): string {
  const document = x12Document(text);
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model);
  const target = diagnostics.find((d) => d.code === ruleId);
  assert.ok(target, `a ${ruleId} diagnostic in ${diagnostics.map(formatDiagnostic).join('\n')}`);
  const action = service.getCodeActions(document, model, target.range, { diagnostics: [target] })[0];
  assert.ok(action?.edit?.changes, `a fix for ${ruleId}`);
  return TextDocument.applyEdits(document, action.edit.changes[document.uri] ?? []);
}
