/**
 * The pure claim language service: parse, validate, hover, complete and code
 * actions on a `TextDocument`, returning LSP types. It knows nothing of the
 * connection or the file system, so the server, the tests and a command-line
 * checker all use it alike.
 *
 * This module only composes the service: it decides a document's format in
 * one place (`isX12`), builds the code reference and the validation context
 * once, and hands each request to the module that does it (`features/<feature>/`,
 * `validation/`, the parsers).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  LocationLink,
  Position,
  Range,
  ReferenceContext,
  SemanticTokens,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import { bundledCodes } from './reference/bundledCodes';
import { CodeReference, type DescriptorSource } from './reference/codeReference';
import { bundledModifiers } from './reference/modifiers';
import { getCodeActions } from './features/codeActions/codeActions';
import { doComplete } from './features/completion/completion';
import { doHover } from './features/hover/hover';
import {
  getDocumentSymbols,
  getDocumentSymbolsInSteps,
  type OutlineLimits,
} from './features/documentSymbols/documentSymbols';
import { getSemanticTokens } from './features/semanticTokens/semanticTokens';
import {
  type CodeReferences,
  findCodeOccurrences,
  findCodeReferences,
  type ReferencedCode,
} from './features/references/codeReferences';
import { findDefinition } from './features/definition/definition';
import { getFoldingRanges } from './features/folding/foldingRanges';
import { type ClaimIdRange, prepareClaimRename, renameClaim, type RenameRefusal } from './features/rename/rename';
import { formatDocument, type FormatRequest } from './features/formatting/formatDocument';
import { getInlayHints } from './features/inlayHints/inlayHints';
import { getCodeLenses, getCodeLensesInSteps, resolveCodeLens } from './features/codeLens/claimLens';
import { doX12Complete } from './features/completion/x12Completion';
import { doX12Hover } from './features/hover/x12Hover';
import type { ClaimDocumentModel } from './model/model';
import type { AnswerRun } from './validation/validationSteps';
import { parseClaimText } from './claimText/claimTextParser';
import { parseClaimAround } from './claimText/claimSlice';
import { looksLikeX12, parseX12Text } from './x12/x12ClaimParser';
import { reparseX12Text } from './x12/x12Reparse';
import type { MueEntry } from './reference/mueFile';
import { type FileProcedures, procedureFactsOf } from './rules/procedureFacts';
import type { WorkspaceProcedures } from './rules/ruleTypes';
import type { OfficialData } from './reference/official/officialData';
import {
  createDocumentValidator,
  type DocumentValidator,
  validateModel,
  type ValidationContext,
} from './validation/documentValidator';
import { type ClaimSettings, defaultSettings } from './settings';
import { claimTo837 } from './features/conversion/claimTo837';
import { x12ToClaim } from './features/conversion/x12ToClaim';
import type { ConversionResult, ConvertTo837Options } from './features/conversion/conversionTypes';

export interface ClaimLanguageService {
  parse(document: TextDocument): ClaimDocumentModel;
  /**
   * `parse` of a new version given the model of an earlier one: an X12
   * file's segments the edit left alone are copied, not read again.
   */
  reparse(document: TextDocument, previous: ClaimDocumentModel | undefined): ClaimDocumentModel;
  /**
   * The model of just the claim around a line: enough for hover and completion
   * there, and far cheaper than `parse` on a large document that has just changed.
   */
  parseClaimAround(document: TextDocument, line: number, lastLine?: number): ClaimDocumentModel;
  doValidation(document: TextDocument, model: ClaimDocumentModel, settings?: ClaimSettings): Diagnostic[];
  doHover(document: TextDocument, model: ClaimDocumentModel, position: Position): Hover | null;
  doComplete(document: TextDocument, model: ClaimDocumentModel, position: Position): CompletionList;
  getCodeActions(
    document: TextDocument,
    model: ClaimDocumentModel,
    range: Range,
    context: CodeActionContext,
    settings?: ClaimSettings,
  ): CodeAction[];
  /**
   * The outline: claims and service lines, and for X12 the interchange, group and transaction around them. Capped at
   * `limits.maxSymbols` (default 5,000): the claims past it are counted in one last symbol.
   */
  findDocumentSymbols(document: TextDocument, model: ClaimDocumentModel, limits?: OutlineLimits): DocumentSymbol[];
  /**
   * `findDocumentSymbols` in steps, a slice of claims or segments each, for a server to drive between requests.
   * `model` is asked for only for an 837: a `.claim` outline is read from the text a claim at a time.
   */
  findDocumentSymbolsInSteps(
    document: TextDocument,
    model: () => ClaimDocumentModel,
    limits?: OutlineLimits,
  ): AnswerRun<DocumentSymbol[]>;
  /**
   * Semantic tokens (legend: `semanticTokensLegend`) of codes and modifiers, of the whole document or of the
   * lines `range` touches. For a range of a `.claim` file only the claims around it are read (not `model`).
   */
  getSemanticTokens(document: TextDocument, model: ClaimDocumentModel, range?: Range): SemanticTokens;
  /** Folds: claims and comment blocks; for X12 the envelopes, HL levels, claims and service lines. At most `rangeLimit`, outermost first. */
  getFoldingRanges(document: TextDocument, model: ClaimDocumentModel, rangeLimit?: number): FoldingRange[];
  /** From a diagnosis pointer to its diagnosis, from an add-on code to its primary's lines on the claim. */
  findDefinition(document: TextDocument, model: ClaimDocumentModel, position: Position): LocationLink[];
  /** The claim id at the position and its text, or why there is nothing to rename there. */
  prepareRename(document: TextDocument, model: ClaimDocumentModel, position: Position): ClaimIdRange | RenameRefusal;
  /** The edit renaming the claim id at the position, or why the new id is refused. */
  doRename(
    document: TextDocument,
    model: ClaimDocumentModel,
    position: Position,
    newName: string,
  ): WorkspaceEdit | RenameRefusal;
  /**
   * Inlay hints in `range`: a code's short summary, and "2 lesions of 3" on lesion-counted lines (at a `.claim` line's end).
   * Reads only the claims the range touches (a `.claim` range is parsed from the text; `model` serves 837s).
   */
  getInlayHints(document: TextDocument, model: ClaimDocumentModel, range: Range, settings?: ClaimSettings): InlayHint[];
  /**
   * One CodeLens per claim, on its first line, without a title: finding them parses nothing. The first `limit`
   * claims (default 5,000) get one; the next claim gets a resolved lens saying they stop there.
   */
  getCodeLenses(document: TextDocument, model: ClaimDocumentModel, limit?: number): CodeLens[];
  /** `getCodeLenses` in steps, for a server to drive between requests. */
  getCodeLensesInSteps(document: TextDocument, model: ClaimDocumentModel, limit?: number): AnswerRun<CodeLens[]>;
  /** A lens's title (lesions documented versus billed, total charge, problems), reading its claim alone. */
  resolveCodeLens(
    document: TextDocument,
    model: ClaimDocumentModel,
    lens: CodeLens,
    settings?: ClaimSettings,
  ): CodeLens;
  /**
   * A validator for one open document, for editors: called again after each
   * edit, it reads only the claims the edit touched and gives the same
   * diagnostics as `doValidation` on the whole. (The envelope rules of an
   * X12 file still walk all its segments.)
   */
  createDocumentValidator(): DocumentValidator;
  /** A `.claim` file as an X12 837P interchange, with notes on the placeholders it holds. */
  convertTo837(document: TextDocument, model: ClaimDocumentModel, options: ConvertTo837Options): ConversionResult;
  /** An X12 837P file as `.claim` text, with notes on what a `.claim` file cannot hold. */
  convertToClaim(document: TextDocument, model: ClaimDocumentModel): ConversionResult;
  /**
   * What the document gives the workspace's `WorkspaceProcedures` (`ProcedureIndex`): its patients (hashed) and its
   * procedures with a global surgery period. Empty, without reading the claims, when no fee schedule is loaded.
   */
  procedureFacts(document: TextDocument, model: ClaimDocumentModel): FileProcedures;
  /**
   * The procedure code under the cursor and every service line of the document billing it (the cursor's own
   * occurrence left out when `context.includeDeclaration` is false); or the diagnosis under the cursor (a list
   * entry, or a pointer at one) and its list entries (only when `includeDeclaration`) and the pointers at them.
   * Null off a code. The server adds other files.
   */
  findCodeReferences(
    document: TextDocument,
    model: ClaimDocumentModel,
    position: Position,
    context?: ReferenceContext,
  ): CodeReferences | null;
  /** Every occurrence of the code `findCodeReferences` found, in another document: for the other files it searches. */
  findCodeOccurrences(document: TextDocument, model: ClaimDocumentModel, code: ReferencedCode): Location[];
  /**
   * Formatting edits, each replacing only spaces, tabs or line ends: `.claim`
   * service lines in columns, an X12 file a segment per line or on one line.
   * `model` is asked for only for X12 files (a `.claim` file is read as text).
   */
  format(document: TextDocument, model: () => ClaimDocumentModel, request: FormatRequest): TextEdit[];
}

export interface LanguageServiceOptions {
  /** Licensed descriptor files; their text wins over our summaries in hover and completion. */
  descriptorSources?: readonly DescriptorSource[];
  /** The official code sets and CMS edit files of the user's data folder; the rules that need them are silent without. */
  officialData?: OfficialData;
  /** Entries of a CMS MUE file, by code; the MUE rule is silent without them. */
  mue?: ReadonlyMap<string, MueEntry>;
  /**
   * The URI of the rule pages (`docs/rules/`), ending in `/`: each diagnostic then links to
   * `<rulesDocsBase><rule-id>.md` through `codeDescription`. The server knows where they are; the service never looks.
   */
  rulesDocsBase?: string;
  /**
   * The procedures of the workspace's claim files by patient, which the caller keeps up to date (a `ProcedureIndex`
   * filled from `procedureFacts`): `global-surgery` compares a visit with them too.
   */
  workspaceProcedures?: WorkspaceProcedures;
}

/** The language id VS Code gives X12 files; any document whose text starts with ISA is read as X12 too. */
export const x12LanguageId = 'x12';

/** Which format a document is in: the one place the service decides it; what differs by format asks here. */
function isX12(document: TextDocument): boolean {
  return document.languageId === x12LanguageId || looksLikeX12(document.getText());
}

/** Reading a document into its model, for each format. */
interface DocumentReader {
  parse(document: TextDocument): ClaimDocumentModel;
  reparse(document: TextDocument, previous: ClaimDocumentModel | undefined): ClaimDocumentModel;
  parseClaimAround(document: TextDocument, line: number, lastLine?: number): ClaimDocumentModel;
}

const claimTextReader: DocumentReader = {
  parse: (document) => parseClaimText(document.getText()),
  reparse: (document) => parseClaimText(document.getText()),
  parseClaimAround,
};

const x12Reader: DocumentReader = {
  parse: (document) => parseX12Text(document.getText()),
  reparse: (document, previous) => reparseX12Text(previous, document.getText()),
  // An X12 claim has no line of its own to start from, so X12 files are parsed whole.
  parseClaimAround: (document) => parseX12Text(document.getText()),
};

const readerFor = (document: TextDocument): DocumentReader => (isX12(document) ? x12Reader : claimTextReader);

export function getLanguageService(options: LanguageServiceOptions = {}): ClaimLanguageService {
  const reference = new CodeReference(
    { codes: bundledCodes, modifiers: bundledModifiers },
    options.descriptorSources,
    options.officialData,
  );
  const validation: ValidationContext = {
    reference,
    mue: options.mue,
    rulesDocsBase: options.rulesDocsBase,
    // Without a fee schedule no procedure has a global period: validation then pays nothing for the workspace's.
    procedures: (options.officialData?.feeSchedules.length ?? 0) > 0 ? options.workspaceProcedures : undefined,
  };
  return {
    parse: (document) => readerFor(document).parse(document),
    reparse: (document, previous) => readerFor(document).reparse(document, previous),
    parseClaimAround: (document, line, lastLine) => readerFor(document).parseClaimAround(document, line, lastLine),
    doValidation: (document, model, settings = defaultSettings) =>
      validateModel(model, settings, validation, document.uri),
    createDocumentValidator: () => createDocumentValidator(validation, isX12),
    getCodeActions: (document, model, range, context, settings = defaultSettings) =>
      getCodeActions(document, model, range, context, settings, validation),
    doHover: (_document, model, position) =>
      model.x12 ? doX12Hover(model, position, reference) : doHover(model, position, reference),
    doComplete: (document, model, position) =>
      model.format === 'x12-837p'
        ? doX12Complete(document, model, position, reference)
        : doComplete(document, model, position, reference),
    findDocumentSymbols: getDocumentSymbols,
    findDocumentSymbolsInSteps: (document, model, limits) =>
      getDocumentSymbolsInSteps(document, isX12(document), model, limits),
    getSemanticTokens: (document, model, range) => getSemanticTokens(document, model, reference, range),
    convertTo837: claimTo837,
    convertToClaim: x12ToClaim,
    procedureFacts: (document, model) => procedureFactsOf(document.uri, model, reference),
    findCodeReferences,
    findCodeOccurrences,
    getFoldingRanges,
    findDefinition: (document, model, position) => findDefinition(document, model, position, reference),
    prepareRename: prepareClaimRename,
    doRename: renameClaim,
    getInlayHints: (document, model, range, settings = defaultSettings) =>
      getInlayHints(document, model, range, reference, settings.inlayHints),
    getCodeLenses,
    getCodeLensesInSteps,
    resolveCodeLens: (document, model, lens, settings = defaultSettings) =>
      resolveCodeLens(document, model, lens, {
        reference,
        settings,
        ...(options.mue ? { mue: options.mue } : {}),
        procedures: validation.procedures,
        documentUri: document.uri,
      }),
    format: (document, model, request) => formatDocument(document, isX12(document), model, request),
  };
}
