/**
 * Completion at the cursor of a `.claim` document: codes (by digits or words),
 * modifiers, service-line fields, `dx=` pointers, header keys and a claim
 * snippet. It reads the line's text up to the cursor, because the text being
 * typed is by nature not yet a well-formed model; the model supplies the
 * claim's diagnosis list.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import { owningClaim } from '../../position/locate';
import type { ClaimDocumentModel } from '../../model/model';
import { headerKeys } from '../../claimText/headerParser';
import { contentLength, rangeOnLine, tokenize } from '../../claimText/lineTokens';
import { pointerIndex, serviceFieldKeys } from '../../claimText/serviceLineParser';
import { codeItems, modifierItems } from './completionItems';
import { diagnosisItems } from './diagnosisItems';
import { diagnosisDateOf, diagnosisEdition } from '../../reference/official/diagnosisFacts';

/**
 * The claim skeleton: the same text as the `Claim` snippet of `snippets/claim.code-snippets`, so it
 * expands, with its defaults, to a claim with no problems (`test/client/snippets.test.ts` checks both).
 * The date is today's, from the snippet variables VS Code and Neovim fill in.
 */
const claimSnippet = [
  'claim ${1:CLM-0001}',
  '  patient: ${2:LAST, FIRST}',
  '  dos: ${3:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}',
  '  dx: ${4:C50.411}',
  '',
  '  ${5:99213}   x${6:1}   \\$${7:100.00}   dx=${8:A}',
  '$0',
].join('\n');

/** At most four `dx=` pointers on a line (claim-format.md). */
const maxPointers = 4;

/**
 * Header key items. `newText` is the key and `: ` for a new header line, the
 * bare key when an existing key is edited (its colon and value stay).
 * `sortFirst` ranks them above codes found by words.
 */
function headerKeyItems(range: Range, withColon: boolean, sortFirst: boolean): CompletionItem[] {
  return headerKeys.map((header) => ({
    label: header.key,
    kind: CompletionItemKind.Property,
    detail: `claim header, e.g. ${header.key}: ${header.example}`,
    documentation: { kind: 'markdown', value: header.summary },
    textEdit: { range, newText: withColon ? `${header.key}: ` : header.key },
    sortText: `${sortFirst ? '0' : '3'}${header.key}`,
  }));
}

function claimSnippetItem(range: Range): CompletionItem {
  return {
    label: 'claim',
    kind: CompletionItemKind.Snippet,
    detail: 'New claim with headers and a service line',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: claimSnippet },
    sortText: '0claim',
  };
}

function fieldItems(range: Range): CompletionItem[] {
  return serviceFieldKeys.map((field) => ({
    label: `${field.key}=`,
    kind: CompletionItemKind.Field,
    detail: field.summary,
    textEdit: { range, newText: `${field.key}=` },
    sortText: `4${field.key}`,
  }));
}

function pointerItems(
  model: ClaimDocumentModel,
  position: Position,
  range: Range,
  used: ReadonlySet<number>,
): CompletionItem[] {
  const claim = owningClaim(model.claims, position);
  const items: CompletionItem[] = [];
  (claim?.diagnoses ?? []).forEach((diagnosis, index) => {
    if (used.has(index)) {
      return;
    }
    // Letters run out at Z; later diagnoses are pointed to by number.
    const letter = index < 26 ? String.fromCharCode('A'.charCodeAt(0) + index) : String(index + 1);
    items.push({
      label: letter,
      kind: CompletionItemKind.Reference,
      detail: diagnosis.code,
      documentation: `Diagnosis ${index + 1} of the claim's dx list: ${diagnosis.code}`,
      textEdit: { range, newText: letter },
      sortText: String(index).padStart(3, '0'),
    });
  });
  return items;
}

/**
 * The modifiers already written on the line (joined to the code or as
 * separate tokens), except the one the cursor is in: offering them again
 * would only make a duplicate.
 */
function modifiersOnLine(content: string, cursor: number): Set<string> {
  const found = new Set<string>();
  tokenize(content).forEach((token, i) => {
    const parts = i === 0 ? token.text.split('-').slice(1) : [token.text];
    let column = i === 0 ? token.start + (token.text.split('-')[0]?.length ?? 0) + 1 : token.start;
    for (const part of parts) {
      const inPart = column <= cursor && cursor <= column + part.length;
      if (!inPart && /^[A-Za-z0-9]{2}$/.test(part)) {
        found.add(part.toUpperCase());
      }
      column += part.length + 1;
    }
  });
  return found;
}

/** Units as the parser reads them: a lower-case `x` (or `×`) and digits. */
const unitsPattern = /^[x×]\d/;

/** Completion on the first token of a line: codes, header keys, or a new claim. */
function firstTokenItems(
  content: string,
  lineNumber: number,
  start: number,
  cursor: number,
  reference: CodeReference,
): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const typed = content.slice(start, cursor);
  const wholeFirstToken = /^\S*/.exec(content.slice(start))?.[0] ?? '';
  if (
    /^claim$/i.test(wholeFirstToken) &&
    (cursor < start + wholeFirstToken.length || content.slice(start + wholeFirstToken.length).trim() !== '')
  ) {
    // Inside the `claim` keyword of an existing claim line: nothing code-like belongs here.
    return empty;
  }
  const header = /^([A-Za-z][\w-]*)\s*:/.exec(content.slice(start));
  if (header && !/\s/.test(typed)) {
    const keyEnd = start + (header[1]?.length ?? 0);
    // Editing the key of an existing header: only header keys, replacing the key alone.
    return cursor <= keyEnd
      ? { isIncomplete: false, items: headerKeyItems(rangeOnLine(lineNumber, start, keyEnd), false, true) }
      : empty;
  }
  // The rest of the token after the cursor is replaced too, so editing inside a code leaves no stray digits.
  const rest = /\s/.test(typed) ? '' : (/^[^\s-]*/.exec(content.slice(cursor))?.[0] ?? '');
  const range = rangeOnLine(lineNumber, start, cursor + rest.length);
  const items: CompletionItem[] = [];
  if (/^[A-Za-z]*$/.test(typed)) {
    if ('claim'.startsWith(typed.toLowerCase())) {
      items.push(claimSnippetItem(range));
    }
    items.push(
      ...headerKeyItems(range, true, typed !== '').filter((item) => item.label.startsWith(typed.toLowerCase())),
    );
  }
  items.push(...codeItems(typed, reference, range));
  // Word queries grow with each word typed, and an empty query turns into one, so the client must ask again.
  return { isIncomplete: typed === '' || /[A-Za-z]/.test(typed), items };
}

/**
 * In a `dx:` header's list: diagnoses of the ICD-10-CM edition for the claim's date, by code or words, for the
 * item at the cursor (after the colon or the last comma). Nothing without an edition loaded: the list is free
 * to write, and the bundled data holds no code set.
 */
function dxListItems(
  model: ClaimDocumentModel,
  position: Position,
  before: string,
  content: string,
  cursor: number,
  keyStart: number,
  reference: CodeReference,
): CompletionList {
  const set = diagnosisEdition(reference, diagnosisDateOf(owningClaim(model.claims, position)));
  if (!set) {
    return { isIncomplete: false, items: [] };
  }
  let itemStart = Math.max(keyStart + before.slice(keyStart).indexOf(':') + 1, before.lastIndexOf(',') + 1);
  while (itemStart < cursor && /\s/.test(before.charAt(itemStart))) {
    itemStart++;
  }
  const query = before.slice(itemStart, cursor);
  // A code being edited is replaced whole; words typed after the cursor are left alone.
  const rest = /^[^,\s]*/.exec(content.slice(cursor))?.[0].length ?? 0;
  const range = rangeOnLine(position.line, itemStart, cursor + rest);
  // Each word typed changes the search, so the client must ask again.
  return { isIncomplete: true, items: diagnosisItems(query, set, range, true) };
}

export function doComplete(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
  reference: CodeReference,
): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const lineText = document.getText(rangeOnLine(position.line, 0, Number.MAX_SAFE_INTEGER)).replace(/\r?\n$|\r$/, '');
  const cursor = Math.min(position.character, lineText.length);
  const content = lineText.slice(0, contentLength(lineText));
  if (content.length < cursor) {
    return empty;
  }
  const before = content.slice(0, cursor);
  const tokens = tokenize(before);
  const first = tokens[0];
  if (!first) {
    return firstTokenItems(content, position.line, cursor, cursor, reference);
  }
  const firstCodeLike = /\d/.test(first.text.replace(/-.*$/, ''));
  const current = /\S*$/.exec(before)?.[0] ?? '';
  const currentStart = cursor - current.length;
  const after = /^\S*/.exec(content.slice(cursor))?.[0] ?? '';
  if (currentStart === first.start) {
    if (current.includes('-') && firstCodeLike) {
      // `19283-R|`: a modifier joined to the code.
      const modifierStart = first.start + current.lastIndexOf('-') + 1;
      const modifierEnd = cursor + (/^[^-]*/.exec(after)?.[0].length ?? 0);
      const range = rangeOnLine(position.line, modifierStart, modifierEnd);
      const typed = current.slice(current.lastIndexOf('-') + 1);
      return { isIncomplete: false, items: modifierItems(reference, range, modifiersOnLine(content, cursor), typed) };
    }
    return firstTokenItems(content, position.line, first.start, cursor, reference);
  }
  if (/^dx\s*:/i.test(before.slice(first.start))) {
    return dxListItems(model, position, before, content, cursor, first.start, reference);
  }
  if (/^claim$/i.test(first.text) || /^[A-Za-z][\w-]*\s*:/.test(before.slice(first.start))) {
    // A claim id or a header value: free text.
    return empty;
  }
  if (!firstCodeLike) {
    // Several words typed at the start of a line: a word search for a code.
    return firstTokenItems(content, position.line, first.start, cursor, reference);
  }
  const dxMatch = /^dx=((?:[^,]*,)*)([^,]*)$/i.exec(current);
  if (dxMatch) {
    const written = `${dxMatch[1] ?? ''}${dxMatch[2] ?? ''}${after}`.split(',');
    const atCursor = (dxMatch[1] ?? '').split(',').length - 1;
    if (written.length > maxPointers || /^\d/.test(dxMatch[2] ?? '')) {
      // A fifth pointer, or one written as a number (dx=1): the letters offered would not match it.
      return empty;
    }
    const used = new Set(
      written
        .filter((_, i) => i !== atCursor)
        .map(pointerIndex)
        .filter((index) => index !== -1),
    );
    const pointerStart = cursor - (dxMatch[2] ?? '').length;
    const pointerEnd = cursor + (/^[^,]*/.exec(after)?.[0].length ?? 0);
    return {
      isIncomplete: false,
      items: pointerItems(model, position, rangeOnLine(position.line, pointerStart, pointerEnd), used),
    };
  }
  const token = current + after;
  const equals = token.indexOf('=');
  if (equals >= current.length && /^[A-Za-z]*$/.test(token.slice(0, equals))) {
    // `d|x=A`: editing the key of a field; the value stays.
    return {
      isIncomplete: false,
      items: fieldItems(rangeOnLine(position.line, currentStart, currentStart + equals + 1)),
    };
  }
  const previous = tokens[tokens.length - (current === '' ? 1 : 2)]?.text ?? '';
  if (unitsPattern.test(current) || (/^[x×]$/.test(previous) && /^\d*$/.test(current))) {
    // Units being written (`x12`, `x 2`): a count, nothing to offer.
    return empty;
  }
  if (/^[A-Za-z0-9]{0,2}$/.test(current) || /^[a-z]+$/i.test(current)) {
    const range = rangeOnLine(position.line, currentStart, cursor + (/^[A-Za-z0-9]*/.exec(after)?.[0].length ?? 0));
    const modifiers = modifierItems(reference, range, modifiersOnLine(content, cursor), current);
    // No field key starts with a digit.
    return { isIncomplete: false, items: /^\d/.test(current) ? modifiers : [...modifiers, ...fieldItems(range)] };
  }
  return empty;
}
