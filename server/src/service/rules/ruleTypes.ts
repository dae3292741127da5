/**
 * What a rule is: a stable id (the diagnostic's `code`, the key of its
 * severity setting and of suppressions), a default severity, and a check that
 * reads one claim of the model and returns findings with their quick fixes.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { CodeReference } from '../reference/codeReference';
import type { MueEntry } from '../reference/mueFile';
import type { ClaimEditor } from '../model/claimEditor';
import type { Claim, ClaimDocumentModel, ClaimFileFormat, Severity } from '../model/model';
import type { PatientKey } from '../model/patientKey';

export interface QuickFix {
  title: string;
  edits: TextEdit[];
  /** The fix a coder most likely wants; editors apply it with one key. */
  preferred?: boolean;
}

export interface Finding {
  ruleId: string;
  range: Range;
  message: string;
  /** For rules whose severity depends on the case (MUE by indicator); a user's setting for the rule still wins. */
  severity?: Severity;
  fixes?: QuickFix[];
}

export interface RuleContext {
  reference: CodeReference;
  editor: ClaimEditor;
  format: ClaimFileFormat;
  /** Entries of the CMS MUE file the user loaded, by code; absent when none is loaded. */
  mue?: ReadonlyMap<string, MueEntry>;
  /** The procedures of the workspace's files by patient, for rules that look past one claim; absent outside a workspace. */
  procedures?: WorkspaceProcedures;
  /** The URI of the document checked, when known: its own claims' procedures are told apart by it. */
  documentUri?: string;
}

/** A procedure with a global surgery period, billed somewhere in the workspace (`procedureFacts.ts`). */
export interface ProcedureFact {
  patient: PatientKey;
  /** The date of service, YYYY-MM-DD. */
  date: string;
  code: string;
  uri: string;
  /** The file's name (no folder), to say where the procedure is. */
  fileName: string;
  claimId?: string;
  /** The line its claim starts at: with `uri`, what tells the claim being checked from the others. */
  claimLine: number;
}

/** The procedures of every claim file of a workspace, by patient. */
export interface WorkspaceProcedures {
  /** The procedures of the patients with this hashed name (`PatientKey.name`), in every file including the one checked. */
  proceduresOf(patientName: string): readonly ProcedureFact[];
  /** Changes whenever `proceduresOf` changes for a patient of the document: findings kept under another stamp are stale. */
  stampFor(uri: string): string;
}

/** Facts about a rule, shared by claim rules and the parser's own checks. */
export interface RuleDescription {
  id: string;
  defaultSeverity: Severity;
  /** One line for the README and settings. */
  description: string;
}

export interface ClaimRule extends RuleDescription {
  check(claim: Claim, context: RuleContext): Finding[];
}

/** A rule about the document as a whole rather than one claim, such as an X12 envelope's counts. */
export interface DocumentRule extends RuleDescription {
  /** The format of the documents the rule reads: it is not run on the other's. */
  format: ClaimFileFormat;
  check(model: ClaimDocumentModel, context: RuleContext): Finding[];
}
