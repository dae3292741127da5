/**
 * The shapes of codes on a claim (domain.md, "Code shapes"). A code's kind is
 * read from its shape, so hover can name the kind of a code no data knows.
 */
import type { CodeKind } from './codeTypes';

/** Each kind's label; its shape is read by `codeKindOf`: 5 digits, 4 digits and F, 4 digits and T, a letter A-V and 4 digits. */
const shapes: ReadonlyArray<{ kind: CodeKind; label: string }> = [
  { kind: 'cpt1', label: 'CPT Category I' },
  { kind: 'cpt2', label: 'CPT Category II (performance measure)' },
  { kind: 'cpt3', label: 'CPT Category III (emerging technology)' },
  { kind: 'hcpcs', label: 'HCPCS Level II' },
];

function isDigitAt(code: string, index: number): boolean {
  const c = code.charCodeAt(index);
  return c >= 48 && c <= 57;
}

/**
 * The kind of a well-formed, upper-case code, or undefined when it has no valid shape. Read
 * character by character: every rule asks it of every line, and four pattern tests cost more than the rules.
 */
export function codeKindOf(code: string): CodeKind | undefined {
  if (code.length !== 5 || !isDigitAt(code, 1) || !isDigitAt(code, 2) || !isDigitAt(code, 3)) {
    return undefined;
  }
  const last = code.charCodeAt(4);
  if (isDigitAt(code, 0)) {
    return isDigitAt(code, 4) ? 'cpt1' : last === 70 /* F */ ? 'cpt2' : last === 84 /* T */ ? 'cpt3' : undefined;
  }
  const first = code.charCodeAt(0);
  return first >= 65 /* A */ && first <= 86 /* V */ && isDigitAt(code, 4) ? 'hcpcs' : undefined;
}

export function codeKindLabel(kind: CodeKind): string {
  return shapes.find((shape) => shape.kind === kind)?.label ?? kind;
}

/** ICD-10-CM, with or without the decimal point after the third character. */
export const icd10Pattern = /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

/** Modifiers are two letters or digits. */
export const modifierPattern = /^[A-Z0-9]{2}$/;
