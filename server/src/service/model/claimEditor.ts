/**
 * Edits a quick fix makes, expressed on the claim model so rules stay
 * independent of the file format. Each format implements this interface to
 * turn them into text edits (`.claim` here; the 837P one follows).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Field, ServiceLine } from './model';

export interface NewServiceLine {
  code: string;
  modifiers: readonly string[];
  units: number;
  /** Diagnosis pointers as written, copied from a neighbouring line. */
  dxPointers?: readonly string[];
  /** A line-level date of service, copied so the new line shares the anchor's date. */
  dos?: string;
}

export interface ClaimEditor {
  replaceCode(line: ServiceLine, code: string): TextEdit[];
  /** Replaces one of the line's modifiers (as read into the model) with another. */
  replaceModifier(line: ServiceLine, modifier: Field<string>, value: string): TextEdit[];
  /** Adds a modifier after the line's last one (or after the code); no edits when the line has no room for one. */
  addModifier(line: ServiceLine, modifier: string): TextEdit[];
  /** Removes one of the line's modifiers with the separator before it. */
  removeModifier(line: ServiceLine, modifier: Field<string>): TextEdit[];
  setUnits(line: ServiceLine, units: number): TextEdit[];
  insertLine(anchor: ServiceLine, where: 'before' | 'after', newLine: NewServiceLine): TextEdit[];
  deleteLine(line: ServiceLine): TextEdit[];
}

/**
 * The editor validation gives rules: diagnostics never carry fixes (code
 * actions work them out again for the lines asked about), so on a large file
 * no time goes to edits nobody will apply.
 */
export const noEditsEditor: ClaimEditor = {
  replaceCode: () => [],
  replaceModifier: () => [],
  addModifier: () => [],
  removeModifier: () => [],
  setUnits: () => [],
  insertLine: () => [],
  deleteLine: () => [],
};
