/**
 * Diagnostics for a document: `validateModel` checks a whole model at once
 * (the service's `doValidation`), and `createDocumentValidator` gives an
 * editor's validator for one open document, which after an edit reads again
 * only the claims the edit touched. That validator holds both incremental
 * validators, the `.claim` one (by chunks of text) and the X12 one (by
 * claims of the 837), and picks one on each run by the document's format
 * (which an edit can change: text that starts to read `ISA` becomes X12).
 *
 * Either way the result is what `validateModel` gives on the whole document.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { noEditsEditor } from '../model/claimEditor';
import type { ClaimDocumentModel } from '../model/model';
import type { CodeReference } from '../reference/codeReference';
import type { MueEntry } from '../reference/mueFile';
import type { Finding, WorkspaceProcedures } from '../rules/ruleTypes';
import { type ClaimSettings, defaultSettings } from '../settings';
import { X12DocumentModel } from '../x12/x12ClaimParser';
import { reparseX12Text } from '../x12/x12Reparse';
import { claimChecker, collectFindings, documentFindings, type FindingOptions } from './findings';
import { IncrementalClaimValidation } from './incrementalValidation';
import { IncrementalX12Validation } from './incrementalX12Validation';
import { findingsToDiagnostics } from './validation';
import { runToEnd, type StepSize, type ValidationRun, wholeRun } from './validationSteps';

export interface DocumentValidator {
  /**
   * `currentModel`, when given, gives the document's current model (a server
   * keeps one per version for hover), so an X12 file is not read a second
   * time. It is not asked for `.claim` files, which are read by claim.
   */
  validate(document: TextDocument, settings?: ClaimSettings, currentModel?: () => ClaimDocumentModel): Diagnostic[];
  /**
   * `validate` in steps of at most `size.claimsPerStep` claims read, for a
   * server that answers other requests between steps: each `next()` does one
   * step and reports the share done; the last returns exactly what `validate`
   * would. Starting a run (or calling `validate`) abandons the runs started
   * before it: they keep nothing, and resuming one throws.
   */
  validateInSteps(
    document: TextDocument,
    settings: ClaimSettings,
    currentModel: (() => ClaimDocumentModel) | undefined,
    size: StepSize,
  ): ValidationRun<Diagnostic[]>;
  /** How many claims the last finished run read again; the rest were reused. */
  readonly lastClaimsRead: number;
}

/** What validation reads besides the document and the settings. */
export interface ValidationContext {
  reference: CodeReference;
  /** Entries of a CMS MUE file, by code; the MUE rule is silent without them. */
  mue?: ReadonlyMap<string, MueEntry> | undefined;
  /** The URI of the rule pages, ending in `/`, for each diagnostic's `codeDescription`. */
  rulesDocsBase?: string | undefined;
  /** The workspace's procedures by patient (`global-surgery` compares a visit with them); absent outside a workspace. */
  procedures?: WorkspaceProcedures | undefined;
}

/** The rules' options for validation: it never offers fixes (diagnostics do not carry them), so rules get an editor that makes none. */
function findingOptions(context: ValidationContext, settings: ClaimSettings, documentUri?: string): FindingOptions {
  return {
    reference: context.reference,
    editor: noEditsEditor,
    settings,
    ...(context.mue ? { mue: context.mue } : {}),
    ...(context.procedures ? { procedures: context.procedures } : {}),
    ...(documentUri !== undefined ? { documentUri } : {}),
  };
}

/** The diagnostics of a whole model, checked at once. */
export function validateModel(
  model: ClaimDocumentModel,
  settings: ClaimSettings,
  context: ValidationContext,
  documentUri?: string,
): Diagnostic[] {
  return findingsToDiagnostics(
    collectFindings(model, findingOptions(context, settings, documentUri)),
    settings,
    context.rulesDocsBase,
  );
}

/** A validator for one open document; `isX12` says which format the document is in, on each run. */
export function createDocumentValidator(
  context: ValidationContext,
  isX12: (document: TextDocument) => boolean,
): DocumentValidator {
  // The document of the run in progress: the rules tell its own claims' procedures from the workspace's by it.
  let documentUri: string | undefined;
  const claimText = new IncrementalClaimValidation((model, settings) =>
    collectFindings(model, findingOptions(context, settings, documentUri)),
  );
  const x12 = new IncrementalX12Validation({
    claim: (model, settings, into) => claimChecker(model, findingOptions(context, settings, documentUri), into),
    document: (model, settings) => documentFindings(model, findingOptions(context, settings, documentUri)),
  });
  let previousX12: ClaimDocumentModel | undefined;
  let latestRun = 0;
  let lastClaimsRead = 0;

  function* findingsInSteps(
    document: TextDocument,
    settings: ClaimSettings,
    currentModel: (() => ClaimDocumentModel) | undefined,
    size: StepSize,
  ): ValidationRun<Finding[]> {
    documentUri = document.uri;
    // Findings kept under another stamp of the workspace's procedures may be stale: everything is read again.
    const procedures = context.procedures ? { stamp: context.procedures.stampFor(document.uri) } : undefined;
    if (!isX12(document)) {
      const findings = yield* claimText.findingsInSteps(document, settings, size, procedures?.stamp);
      lastClaimsRead = claimText.lastChunksRead;
      return findings;
    }
    const model = currentModel?.() ?? reparseX12Text(previousX12, document.getText());
    previousX12 = model;
    if (!(model instanceof X12DocumentModel)) {
      // No readable ISA: the model holds only that problem.
      yield { fraction: 1, claimsRead: 0 };
      lastClaimsRead = 0;
      return collectFindings(model, findingOptions(context, settings, documentUri));
    }
    const findings = yield* x12.findingsInSteps(model, document.getText(), settings, size, procedures);
    lastClaimsRead = x12.lastClaimsRead;
    return findings;
  }

  function* validateInSteps(
    document: TextDocument,
    settings: ClaimSettings,
    currentModel: (() => ClaimDocumentModel) | undefined,
    size: StepSize,
  ): ValidationRun<Diagnostic[]> {
    const run = ++latestRun;
    const steps = findingsInSteps(document, settings, currentModel, size);
    for (;;) {
      if (run !== latestRun) {
        // The validators keep what a run found only at its end; a later run has moved them on since.
        throw new Error('A validation run was resumed after a later one started.');
      }
      const step = steps.next();
      if (step.done === true) {
        return findingsToDiagnostics(step.value, settings, context.rulesDocsBase);
      }
      yield step.value;
    }
  }

  return {
    validate: (document, settings = defaultSettings, currentModel) =>
      runToEnd(validateInSteps(document, settings, currentModel, wholeRun)),
    validateInSteps,
    get lastClaimsRead() {
      return lastClaimsRead;
    },
  };
}
