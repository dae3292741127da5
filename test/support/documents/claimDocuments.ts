/**
 * Helpers for language-service tests: in-memory documents, a `|` marking the
 * cursor, diagnostics printed as readable `line:col severity message [rule]`
 * strings, and applying a code action's edits to get the fixed text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { type ClaimSettings, getLanguageService } from '../../../server/src/service';

export const service = getLanguageService();

let documentCount = 0;

export function claimDocument(text: string): TextDocument {
  documentCount += 1;
  return TextDocument.create(`file:///test/doc${documentCount}.claim`, 'claim', 1, text);
}

/** An X12 837P document (its text need not start with ISA: the language id says X12). */
export function x12Document(text: string): TextDocument {
  documentCount += 1;
  return TextDocument.create(`file:///test/doc${documentCount}.837`, 'x12', 1, text);
}

/** Diagnostics of an X12 document. */
export function validateX12(text: string, settings?: ClaimSettings): Diagnostic[] {
  const document = x12Document(text);
  return service.doValidation(document, service.parse(document), settings);
}

/** A document and the position of the `|` in its text (removed from the document). */
export function withCursor(textWithCursor: string): { document: TextDocument; position: Position } {
  const offset = textWithCursor.indexOf('|');
  if (offset === -1) {
    throw new Error('test text needs a | for the cursor');
  }
  const document = claimDocument(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1));
  return { document, position: document.positionAt(offset) };
}

/** A diagnostic's message as plain text (LSP 3.18 allows markup too). */
export function messageOf(diagnostic: Diagnostic | undefined): string {
  const message = diagnostic?.message ?? '';
  return typeof message === 'string' ? message : message.value;
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

/** `3:2 error +19284 is an add-on code… [addon-without-primary]`, lines and columns from 1. */
export function formatDiagnostic(diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `${line + 1}:${character + 1} ${severityNames[diagnostic.severity ?? 1]} ${messageOf(diagnostic)} [${String(diagnostic.code)}]`;
}

export function validate(text: string, settings?: ClaimSettings): Diagnostic[] {
  const document = claimDocument(text);
  return service.doValidation(document, service.parse(document), settings);
}

/** Rule ids of the diagnostics, in document order. */
export function ruleIds(text: string, settings?: ClaimSettings): string[] {
  return validate(text, settings).map((d) => String(d.code));
}

/** The quick fixes offered for every diagnostic of the document. */
export function quickFixes(document: TextDocument): CodeAction[] {
  const model = service.parse(document);
  const diagnostics = service.doValidation(document, model);
  const whole = { start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) };
  return service.getCodeActions(document, model, whole, { diagnostics });
}

export function applyAction(document: TextDocument, action: CodeAction): string {
  const edits: TextEdit[] = action.edit?.changes?.[document.uri] ?? [];
  return TextDocument.applyEdits(document, edits);
}

/** The text in the document at the diagnostic's range. */
export function textAt(text: string, diagnostic: Diagnostic): string {
  const document = TextDocument.create('file:///t.claim', 'claim', 1, text);
  return document.getText(diagnostic.range);
}
