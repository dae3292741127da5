/**
 * Parsing only the claim around a line. Claims are independent, so hover and
 * completion right after an edit need not wait for the whole of a large
 * document to be parsed again.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClaimDocumentModel } from '../model/model';
import { isClaimLine, parseClaimText } from './claimTextParser';

/** A claim longer than this many lines each way is read only this far. */
const maxLinesEachWay = 5000;

function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
}

/** The claims around lines `line` to `lastLine` (inclusive): from the claim line at or above the first to the one after the last. */
export function parseClaimAround(document: TextDocument, line: number, lastLine = line): ClaimDocumentModel {
  const target = Math.max(0, Math.min(line, document.lineCount - 1));
  const lastTarget = Math.max(target, Math.min(lastLine, document.lineCount - 1));
  let start = target;
  while (start > 0 && target - start < maxLinesEachWay && !isClaimLine(lineText(document, start))) {
    start--;
  }
  let end = lastTarget + 1;
  while (end < document.lineCount && end - lastTarget < maxLinesEachWay && !isClaimLine(lineText(document, end))) {
    end++;
  }
  const text = document.getText({ start: { line: start, character: 0 }, end: { line: end, character: 0 } });
  return parseClaimText(text, start);
}
