/**
 * Folding. `.claim`: each claim from its `claim` line to its last content
 * line (the comments after it introduce the next claim, so they stay
 * visible), the lines before the first `claim` line likewise, and every run of
 * two or more comment lines. X12 837P: each interchange (ISA to IEA),
 * functional group (GS to GE) and transaction (ST to SE), read from segment
 * ids, and inside an 837P transaction every loop of the implementation guide
 * (1000A, 2000A, 2010AA, 2300, 2400, ...) as the structure walk found it
 * against our map (`x12/structureWalker.ts`, shared with the structure rules),
 * from its opening segment to its last.
 *
 * A `.claim` text is read line by line without parsing its claims. Ranges
 * come sorted by start line, one per start line, properly nested; over the
 * client's limit the deepest are dropped first, as VS Code itself does.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type FoldingRange, FoldingRangeKind } from 'vscode-languageserver-types';
import type { ClaimDocumentModel, X12Structure } from '../../model/model';
import { claimLineKind } from '../../claimText/claimLines';
import { forEachLine } from '../../text/textLines';
import { walkStructure } from '../../x12/structureWalks';

interface Fold {
  startLine: number;
  endLine: number;
  kind?: FoldingRangeKind;
}

// ---------------------------------------------------------------------------
// .claim

function claimTextFolds(text: string): Fold[] {
  const folds: Fold[] = [];
  let claimStart = -1;
  let lastContent = -1;
  let commentStart = -1;
  let previousComment = -1;
  const closeClaim = () => {
    if (claimStart !== -1 && lastContent > claimStart) {
      folds.push({ startLine: claimStart, endLine: lastContent });
    }
  };
  const closeComments = () => {
    if (commentStart !== -1 && previousComment > commentStart) {
      folds.push({ startLine: commentStart, endLine: previousComment, kind: FoldingRangeKind.Comment });
    }
    commentStart = -1;
  };
  forEachLine(text, (line, lineNumber) => {
    const kind = claimLineKind(line);
    if (kind === 'comment') {
      if (commentStart === -1) {
        commentStart = lineNumber;
      }
      previousComment = lineNumber;
      return;
    }
    closeComments();
    if (kind === 'claim') {
      closeClaim();
      claimStart = lineNumber;
      lastContent = lineNumber;
    } else if (kind === 'content') {
      // Content before the first claim line is the unnamed claim.
      claimStart = claimStart === -1 ? lineNumber : claimStart;
      lastContent = lineNumber;
    }
  });
  closeComments();
  closeClaim();
  return folds;
}

// ---------------------------------------------------------------------------
// X12

/**
 * Envelope levels, outermost first; a header closes the open envelopes at its level and below, so folds nest
 * by level whatever the file leaves unclosed.
 */
const openingLevel: Readonly<Record<string, number>> = { ISA: 0, GS: 1, ST: 2 };
/** Trailers close their envelope and belong to it. */
const closingLevel: Readonly<Record<string, number>> = { IEA: 0, GE: 1, SE: 2 };

function envelopeFolds(x12: X12Structure, lineOf: (offset: number) => number): Fold[] {
  // A fold is added when its envelope opens, so they come in start order, outer first; its end is set when it closes.
  const folds: Fold[] = [];
  const segments = x12.interchange.segments;
  /** Open envelopes, outermost first. */
  const open: Array<{ level: number; fold: Fold }> = [];
  const closeFrom = (level: number, endOffset: number) => {
    for (let top = open.at(-1); top && top.level >= level; top = open.at(-1)) {
      open.pop();
      top.fold.endLine = lineOf(endOffset);
    }
  };
  let previousEnd = 0;
  for (let ordinal = 0; ordinal < segments.length; ordinal++) {
    const id = segments.idAt(ordinal) ?? '';
    const opens = openingLevel[id];
    const closes = closingLevel[id];
    if (opens !== undefined) {
      closeFrom(opens, previousEnd);
      const fold = { startLine: lineOf(segments.startAt(ordinal)), endLine: -1 };
      folds.push(fold);
      open.push({ level: opens, fold });
    } else if (closes !== undefined) {
      // A trailer whose header is missing closes nothing of a level above it.
      closeFrom(closes + 1, previousEnd);
      if (open.at(-1)?.level === closes) {
        closeFrom(closes, segments.endAt(ordinal));
      }
    }
    previousEnd = segments.endAt(ordinal);
  }
  closeFrom(0, previousEnd);
  return folds;
}

function x12Folds(x12: X12Structure): Fold[] {
  const lineOf = (offset: number) => x12.lines.positionAt(offset).line;
  const folds = envelopeFolds(x12, lineOf);
  const { loops } = walkStructure(x12.interchange.segments, x12.interchange.separators);
  for (let i = 0; i < loops.length; i++) {
    folds.push({ startLine: lineOf(loops.startAt(i)), endLine: lineOf(loops.endAt(i)) });
  }
  return folds;
}

// ---------------------------------------------------------------------------

/** Folds of more than one line, sorted by start line (outer first), one per start line: editors fold by line. */
function sortedUnique(folds: Fold[]): Fold[] {
  const kept = folds.filter((fold) => fold.endLine > fold.startLine);
  const inOrder = kept.every((fold, i) => i === 0 || compareFolds(kept[i - 1] as Fold, fold) <= 0);
  if (!inOrder) {
    kept.sort(compareFolds);
  }
  return kept.filter((fold, i) => i === 0 || kept[i - 1]?.startLine !== fold.startLine);
}

function compareFolds(a: Fold, b: Fold): number {
  return a.startLine - b.startLine || b.endLine - a.endLine;
}

/** At most `limit` folds, the outermost kept: whole nesting levels while they fit, then the next level in order. */
function limited(folds: Fold[], limit: number | undefined): Fold[] {
  if (limit === undefined || folds.length <= limit) {
    return folds;
  }
  const depths: number[] = [];
  const openEnds: number[] = [];
  for (const fold of folds) {
    while (openEnds.length > 0 && (openEnds.at(-1) ?? 0) < fold.startLine) {
      openEnds.pop();
    }
    depths.push(openEnds.length);
    openEnds.push(fold.endLine);
  }
  const perDepth: number[] = [];
  depths.forEach((depth) => (perDepth[depth] = (perDepth[depth] ?? 0) + 1));
  let keptDepth = -1;
  let kept = 0;
  while ((perDepth[keptDepth + 1] ?? Infinity) + kept <= limit) {
    keptDepth++;
    kept += perDepth[keptDepth] ?? 0;
  }
  let room = Math.max(0, limit) - kept;
  return folds.filter((_, i) => {
    const depth = depths[i] ?? 0;
    if (depth <= keptDepth) {
      return true;
    }
    if (depth === keptDepth + 1 && room > 0) {
      room--;
      return true;
    }
    return false;
  });
}

export function getFoldingRanges(
  document: TextDocument,
  model: ClaimDocumentModel,
  rangeLimit?: number,
): FoldingRange[] {
  let folds: Fold[];
  if (model.format === 'x12-837p') {
    folds = model.x12 ? x12Folds(model.x12) : [];
  } else {
    folds = claimTextFolds(document.getText());
  }
  // A model older than the document could name lines past its end; such folds are dropped.
  const lastLine = document.lineCount - 1;
  return limited(sortedUnique(folds.filter((fold) => fold.endLine <= lastLine)), rangeLimit);
}
