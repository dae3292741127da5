/**
 * Semantic tokens: procedure codes and their modifiers, marked with what a
 * coder must notice at a glance (an add-on code, a deleted code, a side, a
 * distinct-service modifier), so a theme can colour them apart. The TextMate
 * grammars still colour everything else; package.json maps each token type
 * and modifier to TextMate scopes for themes without semantic colours.
 * `.claim` files are read from the model's service lines; X12 files from the
 * SV1 segments in the range asked for, so a range request on a large batch
 * reads only the segments it shows.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, SemanticTokens, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import type { Claim, ClaimDocumentModel, Field, X12Structure } from '../../model/model';
import { codeKindOf, modifierPattern } from '../../reference/codeShapes';
import type { X12Segments } from '../../x12/x12Types';
import { components } from '../../x12/x12Lexer';
import { parseClaimAround } from '../../claimText/claimSlice';

/** Standard LSP token types, so every theme has a colour for them. */
const tokenTypes = ['function', 'modifier'] as const;
/** `deprecated` is standard; the others are declared in package.json (`semanticTokenModifiers`). */
const tokenModifiers = ['deprecated', 'addOn', 'laterality', 'distinctService'] as const;

type TokenType = (typeof tokenTypes)[number];
type TokenModifier = (typeof tokenModifiers)[number];

export const semanticTokensLegend: SemanticTokensLegend = {
  tokenTypes: [...tokenTypes],
  tokenModifiers: [...tokenModifiers],
};

/** One token before encoding: single-line, as LSP requires unless the client says otherwise. */
interface ClaimToken {
  line: number;
  character: number;
  length: number;
  type: TokenType;
  modifiers: TokenModifier[];
}

/** A span of text by offsets, as X12 segments give them. */
interface OffsetSpan {
  start: number;
  end: number;
  text: string;
}

function codeModifiers(code: string, reference: CodeReference): TokenModifier[] {
  const info = reference.code(code);
  const modifiers: TokenModifier[] = [];
  if (info?.deleted) {
    modifiers.push('deprecated');
  }
  if (info?.addOnTo !== undefined) {
    modifiers.push('addOn');
  }
  return modifiers;
}

function modifierModifiers(modifier: string, reference: CodeReference): TokenModifier[] {
  const category = reference.modifier(modifier)?.category;
  return category === 'laterality' ? ['laterality'] : category === 'distinct-service' ? ['distinctService'] : [];
}

function overlaps(range: Range, within: Range | undefined): boolean {
  if (!within) {
    return true;
  }
  const startsBeforeEnd =
    range.start.line < within.end.line ||
    (range.start.line === within.end.line && range.start.character < within.end.character);
  const endsAfterStart =
    range.end.line > within.start.line ||
    (range.end.line === within.start.line && range.end.character > within.start.character);
  return startsBeforeEnd && endsAfterStart;
}

/** A token for a field's range, or none when the range is empty, spans lines or lies outside `within`. */
function tokenOf(
  range: Range,
  type: TokenType,
  modifiers: TokenModifier[],
  within: Range | undefined,
): ClaimToken | undefined {
  const length = range.end.character - range.start.character;
  if (range.start.line !== range.end.line || length <= 0 || !overlaps(range, within)) {
    return undefined;
  }
  return { line: range.start.line, character: range.start.character, length, type, modifiers };
}

function claimTokens(claim: Claim, reference: CodeReference, within: Range | undefined, into: ClaimToken[]): void {
  const push = (token: ClaimToken | undefined) => token && into.push(token);
  for (const line of claim.lines) {
    if (within && (line.range.end.line < within.start.line || line.range.start.line > within.end.line)) {
      continue;
    }
    // Text without a code's shape is left to the grammar: it is not coloured as a code.
    if (codeKindOf(line.code.value) !== undefined) {
      push(tokenOf(line.code.range, 'function', codeModifiers(line.code.value, reference), within));
    }
    line.modifiers
      .filter((modifier: Field<string>) => modifierPattern.test(modifier.value))
      .forEach((modifier) =>
        push(tokenOf(modifier.range, 'modifier', modifierModifiers(modifier.value, reference), within)),
      );
  }
}

/** The first segment ordinal whose end is at or after `offset` (segments are in offset order). */
function firstEndingAtOrAfter(segments: X12Segments, offset: number): number {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (segments.endAt(middle) < offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** SV101's code (component 2) and modifiers (components 3-6) of every SV1, one outside a claim too: it still holds a code. */
function x12Tokens(x12: X12Structure, reference: CodeReference, within: Range | undefined, into: ClaimToken[]): void {
  const { segments, separators } = x12.interchange;
  const first = within ? firstEndingAtOrAfter(segments, x12.lines.offsetAt(within.start)) : 0;
  const endOffset = within ? x12.lines.offsetAt(within.end) : Number.POSITIVE_INFINITY;
  const push = (span: OffsetSpan, type: TokenType, modifiers: TokenModifier[]) => {
    const token = tokenOf(x12.lines.range(span.start, span.end), type, modifiers, within);
    if (token) {
      into.push(token);
    }
  };
  for (let ordinal = first; ordinal < segments.length && segments.startAt(ordinal) <= endOffset; ordinal++) {
    if (segments.idAt(ordinal) !== 'SV1') {
      continue;
    }
    const procedure = segments.at(ordinal)?.elements[0];
    const [, code, ...modifiers] = procedure ? components(procedure, separators.component) : [];
    const upper = code?.text.toUpperCase() ?? '';
    if (code && codeKindOf(upper) !== undefined) {
      push(code, 'function', codeModifiers(upper, reference));
    }
    for (const modifier of modifiers.slice(0, 4)) {
      const upper = modifier.text.toUpperCase();
      if (modifierPattern.test(upper)) {
        push(modifier, 'modifier', modifierModifiers(upper, reference));
      }
    }
  }
}

function compareTokens(a: ClaimToken, b: ClaimToken): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The tokens of the document, or of the lines `within` touches, in document
 * order. A range of a `.claim` file is read from the claims around it, never
 * from the whole model: a whole model not yet read would read every claim.
 */
function claimSemanticTokens(
  document: TextDocument,
  model: ClaimDocumentModel,
  reference: CodeReference,
  within?: Range,
): ClaimToken[] {
  const tokens: ClaimToken[] = [];
  const source = model.x12 || !within ? model : parseClaimAround(document, within.start.line, within.end.line);
  if (source.x12) {
    x12Tokens(source.x12, reference, within, tokens);
  } else if (source.readClaims) {
    source.readClaims((claim) => claimTokens(claim, reference, within, tokens));
  } else {
    source.claims.forEach((claim) => claimTokens(claim, reference, within, tokens));
  }
  tokens.sort(compareTokens);
  // A model a little behind the text could point past a line's end; such tokens are dropped, never sent.
  const kept: ClaimToken[] = [];
  let lengthLine = -1;
  let lineLength = 0;
  for (const token of tokens) {
    if (token.line !== lengthLine) {
      lengthLine = token.line;
      lineLength =
        token.line < document.lineCount
          ? document.offsetAt({ line: token.line, character: Number.MAX_SAFE_INTEGER }) -
            document.offsetAt({ line: token.line, character: 0 })
          : -1;
    }
    const previous = kept[kept.length - 1];
    const afterPrevious =
      !previous || previous.line < token.line || previous.character + previous.length <= token.character;
    if (token.character + token.length <= lineLength && afterPrevious) {
      kept.push(token);
    }
  }
  return kept;
}

/** LSP's relative encoding: five integers a token (line delta, start delta, length, type, modifier bits). */
function encodeSemanticTokens(tokens: readonly ClaimToken[]): SemanticTokens {
  const data: number[] = [];
  let line = 0;
  let character = 0;
  for (const token of tokens) {
    const lineDelta = token.line - line;
    data.push(
      lineDelta,
      lineDelta === 0 ? token.character - character : token.character,
      token.length,
      tokenTypes.indexOf(token.type),
      modifierBits(token.modifiers),
    );
    line = token.line;
    character = token.character;
  }
  return { data };
}

function modifierBits(modifiers: readonly TokenModifier[]): number {
  return modifiers.reduce((bits, modifier) => bits | (1 << tokenModifiers.indexOf(modifier)), 0);
}

export function getSemanticTokens(
  document: TextDocument,
  model: ClaimDocumentModel,
  reference: CodeReference,
  within?: Range,
): SemanticTokens {
  return encodeSemanticTokens(claimSemanticTokens(document, model, reference, within));
}
