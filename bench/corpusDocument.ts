/**
 * A corpus file as the language service sees it: a `TextDocument` with the
 * language id the editor would give it, and the settings every measurement
 * validates with (every finding counted, none cut off by the problem limit).
 */
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type ClaimSettings, defaultSettings } from '../server/src/service';
import type { CorpusFormat } from './corpusWriters';

export const languageIds: Record<CorpusFormat, string> = { claim: 'claim', x12: 'x12' };

export const unlimitedSettings: ClaimSettings = { ...defaultSettings, maxNumberOfProblems: Number.MAX_SAFE_INTEGER };

export function readCorpusText(file: string): string {
  return fs.readFileSync(file, 'utf8');
}

export function corpusDocument(text: string, format: CorpusFormat, version = 1): TextDocument {
  return TextDocument.create(
    `file:///bench/corpus.${format === 'claim' ? 'claim' : '837'}`,
    languageIds[format],
    version,
    text,
  );
}

export function isCorpusFormat(value: string | undefined): value is CorpusFormat {
  return value === 'claim' || value === 'x12';
}
