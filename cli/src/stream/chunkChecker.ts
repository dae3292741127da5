/**
 * Checks one piece of a large file as its own document and gives its
 * findings at their places in the whole file. The piece may be preceded by
 * copies of segments it needs to be read right (an 837's ISA and GS, or the
 * ST and HL of a transaction that was cut), and followed by a closing SE;
 * findings on those copies are dropped unless the copy stands for a segment
 * whose findings belong to this piece (it then has an `origin`).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import {
  type ClaimLanguageService,
  type ClaimSettings,
  comparePositions,
  rangeContains,
} from '../../../server/src/service';
import { claimIdAt, toMessage } from '../output/diagnosticMessages';
import type { LintMessage } from '../output/lintResults';
import { endPosition } from './textPositions';

export interface CopiedSegment {
  /** The segment's text with its terminator; a line end is added after it. */
  text: string;
  /** Where the segment stands in the file, when findings on the copy are to be reported there. */
  origin?: Position;
}

/** A span of the file, from the start of a segment to its end. */
export interface FileSpan {
  start: Position;
  end: Position;
}

export interface Chunk {
  before: readonly CopiedSegment[];
  /** Text of the file, verbatim, starting at `start`. */
  text: string;
  start: Position;
  /** Text after the chunk that closes what it opened, or ''. */
  after: string;
  /** Findings of these rules on these spans are the stream's own to report, not the document's. */
  ownFindings: ReadonlyArray<{ ruleId: string; spans: readonly FileSpan[] }>;
  /** The stream's own findings in this chunk (1-based, as reported); their claim ids are looked up here. */
  ownMessages: readonly LintMessage[];
}

function within(position: Position, spans: readonly FileSpan[]): boolean {
  return spans.some((span) => rangeContains(span, position));
}

export class ChunkChecker {
  /** The id of the claim at the file's first character, for the too-many-problems notice, as the whole-file check gives it. */
  claimIdAtFileStart: string | null = null;

  constructor(
    private readonly service: ClaimLanguageService,
    private readonly settings: ClaimSettings,
    private readonly uri: string,
    private readonly languageId: string,
  ) {}

  /** Checks a chunk and gives its findings, placed in the file, to `report` in one batch. */
  check(chunk: Chunk, report: (batch: LintMessage[]) => void): void {
    const batch: LintMessage[] = [];
    const copies: Array<{ firstLine: number; lastLine: number; origin?: Position }> = [];
    let line = 0;
    let prefix = '';
    for (const copy of chunk.before) {
      const text = `${copy.text}\n`;
      const end = endPosition(text, { line, character: 0 });
      copies.push({ firstLine: line, lastLine: end.line - 1, ...(copy.origin ? { origin: copy.origin } : {}) });
      prefix += text;
      line = end.line;
    }
    const firstLine = line;
    const chunkEnd = endPosition(chunk.text, { line: firstLine, character: 0 });
    const toFile = (position: Position): Position =>
      position.line === firstLine
        ? { line: chunk.start.line, character: chunk.start.character + position.character }
        : { line: chunk.start.line + position.line - firstLine, character: position.character };
    const map = (position: Position): Position | undefined => {
      if (position.line < firstLine) {
        const copy = copies.find((c) => position.line >= c.firstLine && position.line <= c.lastLine);
        if (!copy?.origin) {
          return undefined;
        }
        return position.line === copy.firstLine
          ? { line: copy.origin.line, character: copy.origin.character + position.character }
          : { line: copy.origin.line + position.line - copy.firstLine, character: position.character };
      }
      return chunk.after !== '' && comparePositions(position, chunkEnd) >= 0 ? undefined : toFile(position);
    };

    const document = TextDocument.create(this.uri, this.languageId, 1, prefix + chunk.text + chunk.after);
    const model = this.service.parse(document);
    if (chunk.before.length === 0 && chunk.start.line === 0 && chunk.start.character === 0) {
      this.claimIdAtFileStart = claimIdAt(model, { line: 0, character: 0 });
    }
    for (const diagnostic of this.service.doValidation(document, model, this.settings)) {
      const start = map(diagnostic.range.start);
      if (!start || this.isOwn(diagnostic, start, chunk)) {
        continue;
      }
      const end = map(diagnostic.range.end) ?? toFile(chunkEnd);
      const placed: Diagnostic = { ...diagnostic, range: { start, end } };
      batch.push(toMessage(placed, claimIdAt(model, diagnostic.range.start)));
    }
    for (const message of chunk.ownMessages) {
      const line = message.line - 1;
      const character = message.column - 1;
      const inDocument =
        line === chunk.start.line
          ? { line: firstLine, character: character - chunk.start.character }
          : { line: firstLine + line - chunk.start.line, character };
      batch.push({ ...message, claimId: claimIdAt(model, inDocument) });
    }
    report(batch);
  }

  private isOwn(diagnostic: Diagnostic, start: Position, chunk: Chunk): boolean {
    return chunk.ownFindings.some((own) => own.ruleId === diagnostic.code && within(start, own.spans));
  }
}
