/**
 * Completion items both formats offer: procedure codes (by leading digits or
 * by words, with their summaries) and modifiers (laterality first).
 */
import { type CompletionItem, CompletionItemKind, CompletionItemTag, type Range } from 'vscode-languageserver-types';
import type { CodeInfo } from '../../reference/codeTypes';
import type { CodeReference } from '../../reference/codeReference';
import { codeDetail, codeLabel, codeMarkdown, hcpcsMarkdown } from '../../reference/codeDocs';
import { editionFor, type HcpcsEntry } from '../../reference/official/officialData';
import { codesByPrefix, codesByWords } from './codeSearch';

/**
 * The characters after which a client should ask for completion without Ctrl+Space: a modifier's
 * dash, a space between fields, a field's `=`, a pointer's comma, and every digit, since a code
 * (`1928`) and a digit modifier (`59`) start with one. The client asks on every digit typed, in a
 * charge or a date too: there the answer is an empty list, found from the line's text alone.
 */
export const completionTriggerCharacters: readonly string[] = ['-', ' ', '=', ',', ...'0123456789'];

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
  const offered = new Set(items.map((item) => item.textEdit?.newText ?? item.label));
  return [...items, ...hcpcsItems(query, reference, range, offered)];
}

/** At most this many codes of the CMS HCPCS file are offered: the client asks again as the query grows. */
const maxHcpcsItems = 50;

/**
 * The codes of the CMS HCPCS Level II file (its latest edition: completion has no claim date to go by) that
 * the query starts (a letter and at least one digit: at most 1,000 codes are looked up, each in constant
 * time, since the file answers by code) or whose descriptors hold its words. Bundled codes are offered
 * above with our summaries; these come with CMS's descriptors, labelled as CMS's.
 */
function hcpcsItems(query: string, reference: CodeReference, range: Range, offered: ReadonlySet<string>) {
  const set = editionFor(reference.official.hcpcs, undefined);
  if (!set) {
    return [];
  }
  const entries: HcpcsEntry[] = [];
  const prefix = query.toUpperCase();
  if (/^[A-V]\d{1,4}$/.test(prefix)) {
    const free = 5 - prefix.length;
    for (let n = 0; n < 10 ** free && entries.length < maxHcpcsItems; n++) {
      const entry = set.code(`${prefix}${String(n).padStart(free, '0')}`);
      if (entry) {
        entries.push(entry);
      }
    }
  } else if (/[A-Za-z]{2}/.test(query)) {
    entries.push(...set.search(query, maxHcpcsItems));
  }
  return entries
    .filter((entry) => !offered.has(entry.code))
    .map((entry, i): CompletionItem => {
      const item: CompletionItem = {
        label: entry.code,
        labelDetails: { description: `CMS · ${entry.short}` },
        kind: CompletionItemKind.Value,
        detail: `${entry.long} (CMS HCPCS Level II descriptor, ${set.label})`,
        documentation: { kind: 'markdown', value: hcpcsMarkdown(entry.code, reference) ?? '' },
        textEdit: { range, newText: entry.code },
        filterText: /^[A-V]\d/.test(prefix) ? entry.code : query,
        sortText: `3${String(i).padStart(4, '0')}`,
      };
      if (entry.terminated) {
        item.tags = [CompletionItemTag.Deprecated];
      }
      return item;
    });
}

/**
 * The modifiers to offer, but those in `exclude`. Digits typed (`typed`) keep only the modifiers they
 * start (`5` gives 50, 51, 59 ...; `3` none): the client asks on every digit, and digits typed in a
 * modifier's place that start none are not a modifier.
 */
export function modifierItems(
  reference: CodeReference,
  range: Range,
  exclude: ReadonlySet<string>,
  typed = '',
): CompletionItem[] {
  const digits = /^\d/.test(typed) ? typed : '';
  // Laterality first (RT, LT, then 50), then distinct-service, then the rest, each in the data's order.
  return [...reference.modifiers]
    .map((modifier, order) => ({ modifier, order }))
    .filter(({ modifier }) => !exclude.has(modifier.modifier) && modifier.modifier.startsWith(digits))
    .map(({ modifier, order }) => ({
      label: modifier.modifier,
      kind: CompletionItemKind.EnumMember,
      detail: modifier.summary,
      textEdit: { range, newText: modifier.modifier },
      sortText: `${modifier.category === 'laterality' ? 0 : modifier.category === 'distinct-service' ? 1 : 2}${String(order).padStart(3, '0')}`,
    }));
}
