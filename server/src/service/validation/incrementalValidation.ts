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
 *
 * It runs in steps (`findingsInSteps`) of a few hundred chunks each, so a
 * server can answer hover between them on a large file: the text is cut into
 * chunks as it is read, never all at once up front. A run changes nothing
 * kept until its last step, so a run abandoned halfway (a newer version came)
 * leaves the validator as the last finished run left it.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import type { ClaimDocumentModel } from '../model/model';
import { claimChunks } from '../claimText/claimChunks';
import { parseClaimText } from '../claimText/claimTextParser';
import type { Finding } from '../rules/ruleTypes';
import type { ClaimSettings } from '../settings';
import { commonPrefixLength, commonSuffixLength } from '../text/textDiff';
import { runToEnd, StepBudget, type StepSize, type ValidationRun, wholeRun } from './validationSteps';

/** A run of the text from one `claim` line up to the next (the first chunk starts at 0). */
interface Chunk {
  /** Offsets in the text of the version the chunk was last placed in. */
  start: number;
  end: number;
  startLine: number;
  findings: Finding[];
}

/** The findings of one chunk's model (without fixes: diagnostics do not carry them). */
type ChunkChecker = (model: ClaimDocumentModel, settings: ClaimSettings) => Finding[];

const lineBreak = /\r\n|\r|\n/g;
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
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
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
    return runToEnd(this.findingsInSteps(document, settings, wholeRun));
  }

  /** `findings` in steps of at most `size.claimsPerStep` chunks read. */
  *findingsInSteps(
    document: TextDocument,
    settings: ClaimSettings,
    size: StepSize,
    proceduresStamp = '',
  ): ValidationRun<Finding[]> {
    const text = document.getText();
    // A claim's patient header is in its own text, so a stamp of the workspace's procedures is all the key needs more.
    const settingsKey = `${JSON.stringify(settings)}|${proceduresStamp}`;
    const budget = new StepBudget(size);
    if (this.text === undefined || settingsKey !== this.settingsKey) {
      const { chunks } = yield* this.readChunks(settings, text, 0, text.length, 0, budget);
      this.chunks = chunks;
    } else {
      yield* this.update(settings, this.text, text, budget);
    }
    this.lastChunksRead = budget.claimsRead;
    this.text = text;
    this.settingsKey = settingsKey;
    yield { fraction: 1, claimsRead: budget.claimsRead };
    return this.chunks.flatMap((chunk) => chunk.findings);
  }

  /** Reads the chunks around the edit in steps, then (in one go, at the end) moves the others and keeps the result. */
  private *update(settings: ClaimSettings, oldText: string, text: string, budget: StepBudget): ValidationRun<void> {
    const prefix = commonPrefixLength(oldText, text);
    const suffix = commonSuffixLength(oldText, text, Math.min(oldText.length, text.length) - prefix);
    if (prefix === oldText.length && prefix === text.length) {
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
    const { chunks: read, lineBreaks: readLines } = yield* this.readChunks(
      settings,
      text,
      readStart,
      readEnd,
      readStartLine,
      budget,
    );
    // Nothing kept has changed up to here; from here to the end there is no step, so no run sees this half done.
    const firstAfter = after[0];
    const lineShift = firstAfter ? readStartLine + readLines - firstAfter.startLine : 0;
    this.chunks = [
      ...before,
      ...read,
      ...after.map((chunk) => ({
        start: chunk.start + moveBy,
        end: chunk.end + moveBy,
        startLine: chunk.startLine + lineShift,
        findings: lineShift === 0 ? chunk.findings : chunk.findings.map((finding) => shiftFinding(finding, lineShift)),
      })),
    ];
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

  /** Cuts [start, end) of the text at `claim` lines and checks each piece, a step's worth of chunks at a time. */
  private *readChunks(
    settings: ClaimSettings,
    text: string,
    start: number,
    end: number,
    startLine: number,
    budget: StepBudget,
  ): ValidationRun<{ chunks: Chunk[]; lineBreaks: number }> {
    const chunks: Chunk[] = [];
    const spans = claimChunks(text, start, end, startLine);
    for (;;) {
      const span = spans.next();
      if (span.done === true) {
        return { chunks, lineBreaks: span.value };
      }
      const { start: chunkStart, end: chunkEnd, startLine: chunkLine } = span.value;
      const model = parseClaimText(text.slice(chunkStart, chunkEnd), chunkLine);
      chunks.push({
        start: chunkStart,
        end: chunkEnd,
        startLine: chunkLine,
        findings: this.checkChunk(model, settings),
      });
      budget.read();
      if (budget.takeFull()) {
        yield { fraction: (chunkEnd - start) / Math.max(1, end - start), claimsRead: budget.claimsRead };
      }
    }
  }
}
