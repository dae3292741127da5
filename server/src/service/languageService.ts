/**
 * The pure claim language service: parse, validate, hover, complete and code
 * actions on a `TextDocument`, returning LSP types. It knows nothing of the
 * connection or the file system, so the server, the tests and a command-line
 * checker all use it alike.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CodeActionContext, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-types';
import { bundledCodes } from './data/bundledCodes';
import { CodeReference, type DescriptorSource } from './data/codeReference';
import { bundledModifiers } from './data/modifiers';
import { ClaimTextEditor } from './edit/claimTextEditor';
import { getCodeActions } from './features/codeActions';
import { doComplete } from './features/completion';
import { collectFindings } from './features/findings';
import { doHover } from './features/hover';
import { findingsToDiagnostics } from './features/validation';
import type { ClaimDocumentModel } from './model';
import { parseClaimText } from './parser/claimTextParser';
import { parseClaimAround } from './parser/claimSlice';
import { type ClaimSettings, defaultSettings } from './settings';

export interface ClaimLanguageService {
  parse(document: TextDocument): ClaimDocumentModel;
  /**
   * The model of just the claim around a line: enough for hover and completion
   * there, and far cheaper than `parse` on a large document that has just changed.
   */
  parseClaimAround(document: TextDocument, line: number): ClaimDocumentModel;
  doValidation(document: TextDocument, model: ClaimDocumentModel, settings?: ClaimSettings): Diagnostic[];
  doHover(document: TextDocument, model: ClaimDocumentModel, position: Position): Hover | null;
  doComplete(document: TextDocument, model: ClaimDocumentModel, position: Position): CompletionList;
  getCodeActions(document: TextDocument, model: ClaimDocumentModel, range: Range, context: CodeActionContext, settings?: ClaimSettings): CodeAction[];
}

export interface LanguageServiceOptions {
  /** Licensed descriptor files; their text wins over our summaries in hover and completion. */
  descriptorSources?: readonly DescriptorSource[];
}

export function getLanguageService(options: LanguageServiceOptions = {}): ClaimLanguageService {
  const reference = new CodeReference({ codes: bundledCodes, modifiers: bundledModifiers }, options.descriptorSources);
  return {
    parse: (document) => parseClaimText(document.getText()),
    parseClaimAround,
    doValidation(document, model, settings = defaultSettings) {
      const findings = collectFindings(model, { reference, editor: new ClaimTextEditor(document), settings });
      return findingsToDiagnostics(findings, settings);
    },
    doHover: (_document, model, position) => doHover(model, position, reference),
    doComplete: (document, model, position) => doComplete(document, model, position, reference),
    getCodeActions(document, model, range, context, settings = defaultSettings) {
      const findings = collectFindings(model, { reference, editor: new ClaimTextEditor(document), settings, within: range });
      return getCodeActions(document.uri, findings, context, settings);
    },
  };
}

export type { ClaimDocumentModel } from './model';
export { type ClaimSettings, defaultSettings, readSettings } from './settings';
export { allRules } from './rules/ruleCatalog';
