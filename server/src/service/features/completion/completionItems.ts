/**
 * Completion items both formats offer: procedure codes (by leading digits or
 * by words, with their summaries) and modifiers (laterality first).
 */
import { type CompletionItem, CompletionItemKind, CompletionItemTag, type Range } from 'vscode-languageserver-types';
import type { CodeInfo } from '../../reference/codeTypes';
import type { CodeReference } from '../../reference/codeReference';
import { codeDetail, codeLabel, codeMarkdown } from '../../reference/codeDocs';
import { codesByPrefix, codesByWords } from './codeSearch';

function codeItem(
  info: CodeInfo,
  reference: CodeReference,
  range: Range,
  filterText: string,
  sortText: string,
): CompletionItem {
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

/** A query that can be the start of a code: digits, or a HCPCS letter and digits. */
function isCodePrefix(query: string): boolean {
  return /^[A-Va-v]?\d*$/.test(query);
}

export function codeItems(query: string, reference: CodeReference, range: Range): CompletionItem[] {
  const byPrefix = isCodePrefix(query) ? codesByPrefix(reference, query) : [];
  const items = byPrefix.map((info, i) =>
    codeItem(info, reference, range, info.code, `1${String(i).padStart(4, '0')}`),
  );
  if (/[A-Za-z]/.test(query)) {
    codesByWords(reference, query).forEach(({ info }, i) => {
      if (!byPrefix.includes(info)) {
        // The whole query is the filter text, so the editor keeps word matches a code's digits would not.
        items.push(codeItem(info, reference, range, query, `2${String(i).padStart(4, '0')}`));
      }
    });
  }
  return items;
}

export function modifierItems(reference: CodeReference, range: Range, exclude: ReadonlySet<string>): CompletionItem[] {
  // Laterality first (RT, LT, then 50), then distinct-service, then the rest, each in the data's order.
  return [...reference.modifiers]
    .map((modifier, order) => ({ modifier, order }))
    .filter(({ modifier }) => !exclude.has(modifier.modifier))
    .map(({ modifier, order }) => ({
      label: modifier.modifier,
      kind: CompletionItemKind.EnumMember,
      detail: modifier.summary,
      textEdit: { range, newText: modifier.modifier },
      sortText: `${modifier.category === 'laterality' ? 0 : modifier.category === 'distinct-service' ? 1 : 2}${String(order).padStart(3, '0')}`,
    }));
}
