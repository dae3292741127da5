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
  check(model: ClaimDocumentModel, context: RuleContext): Finding[];
}
