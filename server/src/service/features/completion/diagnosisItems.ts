/**
 * Diagnosis completion from the loaded ICD-10-CM code set (both formats: a
 * `.claim` `dx:` list, an 837 HI code): by the leading characters of a code
 * (`C504` offers C50.41, C50.411, ...) or by words of its description
 * ("malignant upper outer right breast" offers C50.411). Billable codes come
 * first; a header code is offered as itself when typed, marked not billable.
 */
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver-types';
import type { DiagnosisCodeSet, DiagnosisEntry } from '../../reference/official/officialData';
import { dotted } from '../../reference/official/diagnosisFacts';

/** Enough to choose from while typing; the client asks again as the query grows. */
const maxItems = 50;

function diagnosisItem(
  entry: DiagnosisEntry,
  set: DiagnosisCodeSet,
  range: Range,
  withPoint: boolean,
  filterText: string,
  sortText: string,
): CompletionItem {
  const text = withPoint ? dotted(entry.code) : entry.code;
  return {
    label: dotted(entry.code),
    labelDetails: { description: entry.billable ? entry.short : `header, not billable · ${entry.short}` },
    kind: CompletionItemKind.Value,
    detail: `${entry.long} (${set.label})`,
    documentation: {
      kind: 'markdown',
      value: `${entry.long}\n\n*${set.label}*${entry.billable ? '' : ' · a header code: not billable, choose a code under it'}`,
    },
    textEdit: { range, newText: text },
    filterText,
    sortText,
  };
}

/** A query that can be the start of an ICD-10-CM code, with or without its point. */
function isDiagnosisPrefix(query: string): boolean {
  return /^[A-Za-z](\d[0-9A-Za-z]?(\.?[0-9A-Za-z]{0,4})?)?$/.test(query);
}

export function diagnosisItems(
  query: string,
  set: DiagnosisCodeSet,
  range: Range,
  withPoint: boolean,
): CompletionItem[] {
  const trimmed = query.trim();
  const items: CompletionItem[] = [];
  const offered = new Set<string>();
  const add = (entry: DiagnosisEntry, filterText: string, rank: number) => {
    if (!offered.has(entry.code)) {
      offered.add(entry.code);
      items.push(
        diagnosisItem(entry, set, range, withPoint, filterText, `${rank}${String(items.length).padStart(4, '0')}`),
      );
    }
  };
  if (isDiagnosisPrefix(trimmed)) {
    const prefix = trimmed.toUpperCase().replace('.', '');
    const exact = set.lookup(prefix);
    if (exact) {
      add(exact, trimmed, 1);
    }
    for (const entry of set.billableUnder(prefix, maxItems)) {
      // Typed with the point (C50.4) the editor filters on the dotted label; without (C504), on the compact code.
      add(entry, trimmed.includes('.') ? dotted(entry.code) : entry.code, 1);
    }
  }
  // Words: at least one letter after the first character (a code prefix is one letter then digits).
  if (/[A-Za-z]{2}/.test(trimmed)) {
    const found = set.search(trimmed, maxItems);
    // Billable codes before headers: a claim may carry only the former.
    for (const entry of [...found.filter((e) => e.billable), ...found.filter((e) => !e.billable)]) {
      add(entry, query, 2);
    }
  }
  return items;
}
