/**
 * Claim texts and small helpers shared by the protocol tests: the spec example
 * (claim-format.md), positions found by searching the text, and readable
 * forms of hover contents and diagnostics for assertion messages.
 */
import type { Diagnostic, Hover, Position } from 'vscode-languageserver-protocol';

export { specExample } from '../support/documents/specExample';

/** The position of the `occurrence`-th (from 0) `needle` in the text, moved `offset` characters into it. */
export function positionOf(text: string, needle: string, offset = 0, occurrence = 0): Position {
  let index = -1;
  for (let i = 0; i <= occurrence; i += 1) {
    index = text.indexOf(needle, index + 1);
    if (index === -1) {
      throw new Error(`'${needle}' (occurrence ${occurrence}) is not in the test text`);
    }
  }
  const before = text.slice(0, index + offset);
  const lines = before.split('\n');
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

/** The position just after the end of the text. */
export function endOf(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
}

/** Hover contents as one string, whatever shape the server chose. */
export function hoverText(hover: Hover | null): string {
  if (!hover) {
    return '';
  }
  const parts = Array.isArray(hover.contents) ? hover.contents : [hover.contents];
  return parts.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
}

/** A diagnostic's message as text. */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** `line:col severity [rule] message`, lines and columns from 0: readable in assertion failures. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character} sev${d.severity ?? '?'} [${String(d.code)}] ${messageOf(d)}`,
    )
    .join('\n');
}
