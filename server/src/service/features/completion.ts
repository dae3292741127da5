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
  CompletionItemTag,
  type CompletionList,
  InsertTextFormat,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { CodeInfo } from '../data/codeTypes';
import type { CodeReference } from '../data/codeReference';
import { owningClaim } from '../locate';
import type { ClaimDocumentModel } from '../model';
import { headerKeys } from '../parser/headerParser';
import { contentLength, tokenize } from '../parser/lineTokens';
import { serviceFieldKeys } from '../parser/serviceLineParser';
import { codeDetail, codeLabel, codeMarkdown } from './codeDocs';
import { codesByPrefix, codesByWords } from './codeSearch';

const claimSnippet = [
  'claim ${1:CLM-0001}',
  '  patient: ${2}',
  '  dos: ${3:YYYY-MM-DD}',
  '  dx: ${4}',
  '  lesions: ${5:1}',
  '',
  '  ${6:19283}-${7:RT}   x1   dx=A',
].join('\n');

function rangeOnLine(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function codeItem(info: CodeInfo, reference: CodeReference, range: Range, filterText: string, sortText: string): CompletionItem {
  const item: CompletionItem = {
    label: info.code,
    labelDetails: { description: codeLabel(info) === info.code ? info.family : `add-on · ${info.family}` },
    kind: CompletionItemKind.Value,
    detail: codeDetail(info, reference),
    documentation: { kind: 'markdown', value: codeMarkdown(info.code, info, reference) },
    textEdit: { range, newText: info.code },
    filterText,
    sortText,
  };
  if (info.deleted) {
    item.tags = [CompletionItemTag.Deprecated];
  }
  return item;
}

function codeItems(query: string, reference: CodeReference, range: Range): CompletionItem[] {
  const byPrefix = /\d/.test(query) || query === '' ? codesByPrefix(reference, query) : [];
  const items = byPrefix.map((info, i) => codeItem(info, reference, range, info.code, `1${String(i).padStart(4, '0')}`));
  if (!/^\d*$/.test(query)) {
    codesByWords(reference, query).forEach(({ info }, i) => {
      if (!byPrefix.includes(info)) {
        // The whole query is the filter text, so the editor keeps word matches a code's digits would not.
        items.push(codeItem(info, reference, range, query, `2${String(i).padStart(4, '0')}`));
      }
    });
  }
  return items;
}

function headerKeyItems(range: Range): CompletionItem[] {
  return headerKeys.map((header) => ({
    label: header.key,
    kind: CompletionItemKind.Property,
    detail: `claim header, e.g. ${header.key}: ${header.example}`,
    documentation: { kind: 'markdown', value: header.summary },
    textEdit: { range, newText: `${header.key}: ` },
    sortText: `3${header.key}`,
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

function modifierItems(reference: CodeReference, range: Range): CompletionItem[] {
  return [...reference.modifiers].map((modifier) => ({
    label: modifier.modifier,
    kind: CompletionItemKind.EnumMember,
    detail: modifier.summary,
    textEdit: { range, newText: modifier.modifier },
    sortText: `${modifier.category === 'laterality' ? 0 : modifier.category === 'distinct-service' ? 1 : 2}${modifier.modifier}`,
  }));
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

function pointerItems(model: ClaimDocumentModel, position: Position, range: Range): CompletionItem[] {
  const claim = owningClaim(model.claims, position);
  return (claim?.diagnoses ?? []).map((diagnosis, index) => {
    const letter = String.fromCharCode('A'.charCodeAt(0) + index);
    return {
      label: letter,
      kind: CompletionItemKind.Reference,
      detail: diagnosis.code,
      documentation: `Diagnosis ${index + 1} of the claim's dx list: ${diagnosis.code}`,
      textEdit: { range, newText: letter },
      sortText: String(index).padStart(3, '0'),
    };
  });
}

/** Completion on the first token of a line: codes, header keys, or a new claim. */
function firstTokenItems(lineText: string, lineNumber: number, start: number, cursor: number, reference: CodeReference): CompletionList {
  const typed = lineText.slice(start, cursor);
  const wholeFirstToken = /^\S*/.exec(lineText.slice(start))?.[0] ?? '';
  if (/^claim$/i.test(wholeFirstToken) && cursor < start + wholeFirstToken.length) {
    // Inside the `claim` keyword of an existing claim line: nothing code-like belongs here.
    return { isIncomplete: false, items: [] };
  }
  if (/^\S+$/.test(typed) && /^[A-Za-z][\w-]*\s*:/.test(lineText.slice(start))) {
    return { isIncomplete: false, items: headerKeyItems(rangeOnLine(lineNumber, start, start + wholeFirstToken.length)) };
  }
  const range = rangeOnLine(lineNumber, start, cursor);
  const items: CompletionItem[] = [];
  if (/^[A-Za-z]*$/.test(typed)) {
    if ('claim'.startsWith(typed.toLowerCase())) {
      items.push(claimSnippetItem(range));
    }
    items.push(...headerKeyItems(range).filter((item) => item.label.startsWith(typed.toLowerCase())));
  }
  items.push(...codeItems(typed.replace(/-.*$/, ''), reference, /\s/.test(typed) ? range : rangeOnLine(lineNumber, start, start + (typed.replace(/-.*$/, '').length))));
  // Word queries grow with each word typed, so the client must ask again.
  return { isIncomplete: /[A-Za-z]/.test(typed), items };
}

export function doComplete(document: TextDocument, model: ClaimDocumentModel, position: Position, reference: CodeReference): CompletionList {
  const empty: CompletionList = { isIncomplete: false, items: [] };
  const lineText = document.getText(rangeOnLine(position.line, 0, Number.MAX_SAFE_INTEGER)).replace(/\r?\n$|\r$/, '');
  const cursor = Math.min(position.character, lineText.length);
  if (contentLength(lineText) < cursor) {
    return empty;
  }
  const before = lineText.slice(0, cursor);
  const tokens = tokenize(before);
  const first = tokens[0];
  if (!first) {
    return firstTokenItems(lineText, position.line, cursor, cursor, reference);
  }
  const firstCodeLike = /\d/.test(first.text.replace(/-.*$/, ''));
  const current = /\S*$/.exec(before)?.[0] ?? '';
  const currentStart = cursor - current.length;
  if (currentStart === first.start) {
    const dash = current.indexOf('-');
    if (dash !== -1 && firstCodeLike) {
      // `19283-R|`: a modifier joined to the code.
      const modifierStart = first.start + current.lastIndexOf('-') + 1;
      return { isIncomplete: false, items: modifierItems(reference, rangeOnLine(position.line, modifierStart, cursor)) };
    }
    return firstTokenItems(lineText, position.line, first.start, cursor, reference);
  }
  if (/^claim$/i.test(first.text) || /^[A-Za-z][\w-]*\s*:/.test(before.slice(first.start))) {
    // A claim id or a header value: free text.
    return empty;
  }
  if (!firstCodeLike) {
    // Several words typed at the start of a line: a word search for a code.
    return firstTokenItems(lineText, position.line, first.start, cursor, reference);
  }
  const dxMatch = /^dx=((?:[^,]*,)*)([^,]*)$/i.exec(current);
  if (dxMatch) {
    const pointerStart = cursor - (dxMatch[2] ?? '').length;
    return { isIncomplete: false, items: pointerItems(model, position, rangeOnLine(position.line, pointerStart, cursor)) };
  }
  if (/^[A-Za-z0-9]{0,2}$/.test(current) || /^[a-z]+$/i.test(current)) {
    const range = rangeOnLine(position.line, currentStart, cursor);
    return { isIncomplete: false, items: [...modifierItems(reference, range), ...fieldItems(range)] };
  }
  return empty;
}
