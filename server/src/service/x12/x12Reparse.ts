/**
 * Reading a new version of an X12 file from the previous one: segments the
 * edit left alone are copied (those after it moved by the characters the edit
 * added or removed), and only the text around the edit is read again. Where
 * that cannot be done exactly (the ISA changed, or either version has text
 * that is not segments), the file is read whole. A test compares the result
 * with reading the whole file after random edits.
 */
import type { ClaimDocumentModel } from '../model/model';
import { commonPrefixLength, commonSuffixLength } from '../text/textDiff';
import { LineIndex } from './lineIndex';
import { SegmentTable } from './segmentTable';
import { parseX12Text, X12DocumentModel } from './x12ClaimParser';
import { lexSegments } from './x12Lexer';

/** How many reads were around an edit and how many whole; tests check the first kind happens. */
export const reparseCounts = { aroundEdit: 0, whole: 0 };

export function reparseX12Text(previous: ClaimDocumentModel | undefined, text: string): ClaimDocumentModel {
  const model = readAroundEdit(previous, text);
  if (model) {
    reparseCounts.aroundEdit++;
    return model;
  }
  reparseCounts.whole++;
  return parseX12Text(text);
}

function readAroundEdit(previous: ClaimDocumentModel | undefined, text: string): ClaimDocumentModel | undefined {
  if (!(previous instanceof X12DocumentModel) || previous.segmentProblems.length > 0) {
    return undefined;
  }
  const { separators, segments: old } = previous.x12.interchange;
  if (!(old instanceof SegmentTable)) {
    return undefined;
  }
  const oldText = old.text;
  const prefix = commonPrefixLength(oldText, text);
  if (prefix === oldText.length && prefix === text.length) {
    return previous;
  }
  const suffix = commonSuffixLength(oldText, text, Math.min(oldText.length, text.length) - prefix);
  const oldChangeEnd = oldText.length - suffix;
  const shift = text.length - oldText.length;
  // Kept: segments whose text and terminator come before the edit. The last segment ending before it is read
  // again, since its terminator may be what changed; the ISA (the separators) must be kept.
  const keep = old.countEndingBefore(prefix) - 1;
  if (keep < 1) {
    return undefined;
  }
  // Moved: segments starting after the edit, but the first of them, whose leading layout may have changed.
  const afterFrom = Math.min(old.length, old.firstStartingAfter(oldChangeEnd) + 1);
  const lines = LineIndex.afterEdit(previous.x12.lines, text, prefix, oldChangeEnd);
  const problems: ClaimDocumentModel['problems'] = [];
  const segments = old.forNewText(text);
  // About the previous version's count: a typical edit adds or removes a segment or none.
  segments.reserve(old.length + 16);
  segments.copyFrom(old, 0, keep, 0);
  const limit = afterFrom < old.length ? old.startAt(afterFrom) + shift : text.length;
  lexSegments(text, old.startAt(keep), limit, separators, segments, lines, problems);
  if (problems.length > 0) {
    return undefined;
  }
  const movedTo = segments.length;
  segments.copyFrom(old, afterFrom, old.length, shift);
  segments.trim();
  segments.derivedFrom({
    previous: old,
    unchangedBefore: keep,
    movedFrom: afterFrom,
    movedTo,
    shift,
    changeStart: old.startAt(keep),
    changeEnd: afterFrom < old.length ? old.startAt(afterFrom) : oldText.length,
  });
  return new X12DocumentModel({ interchange: { separators, segments }, lines }, []);
}
