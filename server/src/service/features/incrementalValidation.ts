/**
 * Validation of a `.claim` document that, after an edit, parses and checks
 * only the claims the edit touched. Claims are independent (every claim rule
 * reads one claim; suppression comments last until the next claim), so the
 * document is cut into chunks at `claim` lines and each chunk's findings are
 * kept. On the next version, the text the edit left alone is found by
 * comparing the old and new text from both ends: chunks before the edit keep
 * their findings, chunks after it keep theirs moved by the lines the edit
 * added or removed, and only the chunks in between (and one more on each
 * side) are read again.
 *
 * The result is exactly what validating the whole document gives (a test
 * compares the two on random edits); it is just cheaper on a large file.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { ClaimDocumentModel } from '../model';
import { isClaimLineAt, parseClaimText } from '../parser/claimTextParser';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';
import { commonPrefixLength, commonSuffixLength } from '../textDiff';

/** A run of the text from one `claim` line up to the next (the first chunk starts at 0). */
interface Chunk {
  /** Offsets in the text of the version the chunk was last placed in. */
  start: number;
  end: number;
  startLine: number;
  findings: Finding[];
}

/** The findings of one chunk's model (without fixes: diagnostics do not carry them). */
export type ChunkChecker = (model: ClaimDocumentModel, settings: ClaimSettings) => Finding[];

const lineBreak = /\r\n|\r|\n/g;
const commentLine = /[^\S\r\n]*#/y;

function isCommentLineAt(text: string, offset: number): boolean {
  commentLine.lastIndex = offset;
  return commentLine.test(text);
}

/** Offsets where each line of `text` starts, the first being 0. */
function lineStarts(text: string): number[] {
  const starts = [0];
  lineBreak.lastIndex = 0;
  for (let match = lineBreak.exec(text); match; match = lineBreak.exec(text)) {
    starts.push(match.index + match[0].length);
  }
  return starts;
}

function shiftRange(range: Range, lines: number): Range {
  return { start: { line: range.start.line + lines, character: range.start.character }, end: { line: range.end.line + lines, character: range.end.character } };
}

function shiftFinding(finding: Finding, lines: number): Finding {
  // Fixes are not needed for diagnostics (code actions compute their own), so the moved finding has none.
  const moved: Finding = { ruleId: finding.ruleId, range: shiftRange(finding.range, lines), message: finding.message };
  if (finding.severity !== undefined) {
    moved.severity = finding.severity;
  }
  return moved;
}

export class IncrementalClaimValidation {
  private text: string | undefined;
  private chunks: Chunk[] = [];
  /** The settings the findings were made with, as JSON: other settings mean reading everything again. */
  private settingsKey: string | undefined;
  /** How many chunks the last call read (the rest were reused); for tests and the benchmark. */
  lastChunksRead = 0;

  constructor(private readonly checkChunk: ChunkChecker) {}

  /** The findings of the whole document, reading again only what changed since the last call. */
  findings(document: TextDocument, settings: ClaimSettings): Finding[] {
    const text = document.getText();
    const settingsKey = JSON.stringify(settings);
    if (this.text === undefined || settingsKey !== this.settingsKey) {
      this.chunks = this.readChunks(settings, text, 0, text.length, 0);
      this.lastChunksRead = this.chunks.length;
    } else {
      this.update(settings, this.text, text);
    }
    this.text = text;
    this.settingsKey = settingsKey;
    return this.chunks.flatMap((chunk) => chunk.findings);
  }

  private update(settings: ClaimSettings, oldText: string, text: string): void {
    const prefix = commonPrefixLength(oldText, text);
    const suffix = commonSuffixLength(oldText, text, Math.min(oldText.length, text.length) - prefix);
    if (prefix === oldText.length && prefix === text.length) {
      this.lastChunksRead = 0;
      return;
    }
    const oldChangeEnd = oldText.length - suffix;
    // Where a chunk ends depends on the lines that start the next one, and where it starts on the line
    // before it, so the chunk next to the changed text on each side is read again too.
    const before = this.chunks.filter((chunk) => chunk.end < prefix).slice(0, -1);
    const after = this.chunks.filter((chunk) => chunk.start > oldChangeEnd).slice(1);
    const readStart = before.length > 0 ? (before[before.length - 1] as Chunk).end : 0;
    const readStartLine = before.length > 0 ? this.chunkEndLine(before.length - 1) : 0;
    const moveBy = text.length - oldText.length;
    const readEnd = after.length > 0 ? (after[0] as Chunk).start + moveBy : text.length;
    const read = this.readChunks(settings, text, readStart, readEnd, readStartLine);
    this.lastChunksRead = read.length;
    const readLines = lineStarts(text.slice(readStart, readEnd)).length - 1;
    const firstAfter = after[0];
    const lineShift = firstAfter ? readStartLine + readLines - firstAfter.startLine : 0;
    for (const chunk of after) {
      chunk.start += moveBy;
      chunk.end += moveBy;
      chunk.startLine += lineShift;
      if (lineShift !== 0) {
        chunk.findings = chunk.findings.map((finding) => shiftFinding(finding, lineShift));
      }
    }
    this.chunks = [...before, ...read, ...after];
  }

  /** The line the chunk after chunk `index` starts at. */
  private chunkEndLine(index: number): number {
    const next = this.chunks[index + 1];
    if (next) {
      return next.startLine;
    }
    const chunk = this.chunks[index] as Chunk;
    return chunk.startLine + lineStarts((this.text ?? '').slice(chunk.start, chunk.end)).length - 1;
  }

  /** Cuts [start, end) of the text at `claim` lines and checks each piece. */
  private readChunks(settings: ClaimSettings, text: string, start: number, end: number, startLine: number): Chunk[] {
    const slice = text.slice(start, end);
    const starts = lineStarts(slice);
    const cuts: number[] = [0];
    starts.forEach((lineStart, index) => {
      if (index > 0 && lineStart < slice.length && isClaimLineAt(slice, lineStart)) {
        // Comment lines just above a claim line go with it: a disable-next-line comment there silences the claim line.
        const previousCut = cuts[cuts.length - 1] ?? 0;
        let cut = index;
        while (cut > previousCut && isCommentLineAt(slice, starts[cut - 1] ?? 0)) {
          cut--;
        }
        if (cut > previousCut) {
          cuts.push(cut);
        }
      }
    });
    const chunks: Chunk[] = [];
    cuts.forEach((firstLine, n) => {
      const nextLine = cuts[n + 1];
      const chunkStart = starts[firstLine] ?? 0;
      const chunkEnd = nextLine === undefined ? slice.length : (starts[nextLine] ?? slice.length);
      if (chunkStart === chunkEnd) {
        return;
      }
      const model = parseClaimText(slice.slice(chunkStart, chunkEnd), startLine + firstLine);
      chunks.push({ start: start + chunkStart, end: start + chunkEnd, startLine: startLine + firstLine, findings: this.checkChunk(model, settings) });
    });
    return chunks;
  }
}
