/**
 * The shapes of codes on a claim (domain.md, "Code shapes"). A code's kind is
 * read from its shape, so hover can name the kind of a code no data knows.
 */
import type { CodeKind } from './codeTypes';

const shapes: ReadonlyArray<{ kind: CodeKind; pattern: RegExp; label: string }> = [
  { kind: 'cpt1', pattern: /^\d{5}$/, label: 'CPT Category I' },
  { kind: 'cpt2', pattern: /^\d{4}F$/, label: 'CPT Category II (performance measure)' },
  { kind: 'cpt3', pattern: /^\d{4}T$/, label: 'CPT Category III (emerging technology)' },
  { kind: 'hcpcs', pattern: /^[A-V]\d{4}$/, label: 'HCPCS Level II' },
];

/** The kind of a well-formed, upper-case code, or undefined when it has no valid shape. */
export function codeKindOf(code: string): CodeKind | undefined {
  return shapes.find((shape) => shape.pattern.test(code))?.kind;
}

export function codeKindLabel(kind: CodeKind): string {
  return shapes.find((shape) => shape.kind === kind)?.label ?? kind;
}

/** ICD-10-CM, with or without the decimal point after the third character. */
export const icd10Pattern = /^[A-Z]\d[0-9A-Z](\.?[0-9A-Z]{1,4})?$/;

/** Modifiers are two letters or digits. */
export const modifierPattern = /^[A-Z0-9]{2}$/;
