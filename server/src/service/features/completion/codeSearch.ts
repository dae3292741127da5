/**
 * Finding codes for completion: by leading characters of the code, or by
 * words ("stereo", "ultrasound clip", "mri biopsy"): every query word must be
 * the start of a word of the code's summary, family, modality or keywords.
 */
import type { CodeInfo } from '../../reference/codeTypes';
import type { CodeReference } from '../../reference/codeReference';

interface IndexedCode {
  info: CodeInfo;
  /** Words from keywords, family and modality: a match here ranks higher. */
  strongWords: string[];
  summaryWords: string[];
}

interface CodeMatch {
  info: CodeInfo;
  /** Higher is better. */
  score: number;
}

const indexes = new WeakMap<CodeReference, IndexedCode[]>();

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

function indexOf(reference: CodeReference): IndexedCode[] {
  let index = indexes.get(reference);
  if (!index) {
    index = [...reference.codes].map((info) => ({
      info,
      strongWords: wordsOf([...(info.keywords ?? []), info.family, info.modality ?? ''].join(' ')),
      summaryWords: wordsOf(`${info.summary} ${reference.licensedDescriptor(info.code)?.text ?? ''}`),
    }));
    indexes.set(reference, index);
  }
  return index;
}

export function codesByPrefix(reference: CodeReference, prefix: string): CodeInfo[] {
  const upper = prefix.toUpperCase();
  // Current codes first, in code order; deleted codes after them (still findable, for old templates).
  return [...reference.codes]
    .filter((info) => info.code.startsWith(upper))
    .sort((a, b) => Number(a.deleted !== undefined) - Number(b.deleted !== undefined) || a.code.localeCompare(b.code));
}

export function codesByWords(reference: CodeReference, query: string): CodeMatch[] {
  const queryWords = wordsOf(query);
  if (queryWords.length === 0) {
    return [];
  }
  const matches: CodeMatch[] = [];
  for (const entry of indexOf(reference)) {
    let score = 0;
    for (const word of queryWords) {
      if (entry.strongWords.some((w) => w.startsWith(word))) {
        score += 2;
      } else if (entry.summaryWords.some((w) => w.startsWith(word))) {
        score += 1;
      } else {
        score = -1;
        break;
      }
    }
    if (score > 0) {
      // Current codes before deleted ones.
      matches.push({ info: entry.info, score: entry.info.deleted ? score - 10 : score });
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.info.code.localeCompare(b.info.code));
}
