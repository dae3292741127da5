/**
 * LSP semantic tokens decoded from their relative encoding into absolute
 * positions, with type and modifier names from the service legend.
 */
import type { SemanticTokens } from 'vscode-languageserver-types';
import { semanticTokensLegend } from '../../../server/src/service';

export interface DecodedToken {
  line: number;
  character: number;
  length: number;
  type: string;
  modifiers: string[];
}

export function decodeSemanticTokens(tokens: SemanticTokens): DecodedToken[] {
  const decoded: DecodedToken[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [lineDelta, startDelta, length, type, bits] = tokens.data.slice(i, i + 5) as [
      number,
      number,
      number,
      number,
      number,
    ];
    line += lineDelta;
    character = lineDelta === 0 ? character + startDelta : startDelta;
    const modifiers = semanticTokensLegend.tokenModifiers.filter((_, bit) => (bits & (1 << bit)) !== 0);
    decoded.push({ line, character, length, type: semanticTokensLegend.tokenTypes[type] ?? `?${type}`, modifiers });
  }
  return decoded;
}
