/**
 * Spies that show a feature reads only part of a large document: a document
 * that counts the characters taken through ranged `getText` (and fails on the
 * whole text, unless allowed), and a model whose whole-document reads fail.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { ClaimDocumentModel } from '../../../server/src/service';

export interface CountingDocument extends TextDocument {
  /** Characters returned by `getText(range)` so far. */
  readonly charactersRead: number;
}

export function countingDocument(document: TextDocument, options: { allowWholeText?: boolean } = {}): CountingDocument {
  let charactersRead = 0;
  return {
    get uri() {
      return document.uri;
    },
    get languageId() {
      return document.languageId;
    },
    get version() {
      return document.version;
    },
    get lineCount() {
      return document.lineCount;
    },
    get charactersRead() {
      return charactersRead;
    },
    getText(range?: Range): string {
      if (!range && options.allowWholeText !== true) {
        throw new Error('the whole text was asked for');
      }
      const text = document.getText(range);
      if (range) {
        charactersRead += text.length;
      }
      return text;
    },
    getLineRange: (line) => document.getLineRange(line),
    getEOLCharacters: (line) => document.getEOLCharacters(line),
    positionAt: (offset) => document.positionAt(offset),
    offsetAt: (position) => document.offsetAt(position),
  };
}

/** The model, failing on any read of all its claims (`claims`, `readClaims`, `problems`, `suppressions`). */
export function modelReadingNothingWhole<T extends ClaimDocumentModel>(model: T): T {
  const whole = new Set<PropertyKey>(['claims', 'readClaims', 'problems', 'suppressions']);
  return new Proxy(model, {
    get(target, property, receiver) {
      if (whole.has(property)) {
        throw new Error(`the model's ${String(property)} was read`);
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}
