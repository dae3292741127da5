/**
 * `ClaimEditor` for X12 837P files: a quick fix edits the element it is about,
 * and a fix that adds or removes a service line keeps the transaction valid:
 * the LX numbers of the claim's later lines and the SE01 segment count follow.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ClaimEditor, NewServiceLine } from '../edit/claimEditor';
import type { ServiceLine, X12Structure } from '../model';
import type { X12Segment } from './x12Lexer';

/** Segments that end a service line loop (2400). */
const loopEnds = new Set(['LX', 'CLM', 'HL', 'SE', 'GE', 'IEA']);

export class X12Editor implements ClaimEditor {
  private readonly document: TextDocument;
  private readonly structure: X12Structure;

  constructor(document: TextDocument, structure: X12Structure) {
    this.document = document;
    this.structure = structure;
  }

  private get segments(): X12Segment[] {
    return this.structure.interchange.segments;
  }

  private get separators() {
    return this.structure.interchange.separators;
  }

  private replace(start: number, end: number, newText: string): TextEdit {
    return { range: this.structure.lines.range(start, end), newText };
  }

  /** The SV1 segment a model line was read from. */
  private segmentOf(line: ServiceLine): X12Segment | undefined {
    const offset = this.structure.lines.offsetAt(line.range.start);
    return this.segments.find((segment) => segment.id === 'SV1' && segment.start === offset);
  }

  replaceCode(line: ServiceLine, code: string): TextEdit[] {
    return [{ range: line.code.range, newText: code }];
  }

  setUnits(line: ServiceLine, units: number): TextEdit[] {
    if (line.units) {
      return [{ range: line.units.range, newText: String(units) }];
    }
    const segment = this.segmentOf(line);
    if (!segment) {
      return [];
    }
    const elements = segment.elements.map((element) => element.text);
    while (elements.length < 4) {
      elements.push('');
    }
    elements[2] = elements[2] || 'UN';
    elements[3] = String(units);
    return [this.replace(segment.start, segment.end, [segment.id, ...elements].join(this.separators.element))];
  }

  /** The segments of the loop 2400 an SV1 belongs to: its LX up to the next loop. */
  private loopOf(sv1: X12Segment): { first: X12Segment; last: X12Segment } {
    const previous = this.segments[sv1.ordinal - 1];
    const first = previous?.id === 'LX' ? previous : sv1;
    let last = sv1;
    for (let n = sv1.ordinal + 1; n < this.segments.length; n++) {
      const segment = this.segments[n] as X12Segment;
      if (loopEnds.has(segment.id)) {
        break;
      }
      last = segment;
    }
    return { first, last };
  }

  /** LX renumbering of the claim's later lines and the SE01 count, after adding `delta` segments at `from`. */
  private bookkeeping(from: number, delta: number, lxDelta: number): TextEdit[] {
    const edits: TextEdit[] = [];
    let renumber = lxDelta;
    for (let n = from; n < this.segments.length; n++) {
      const segment = this.segments[n] as X12Segment;
      const firstElement = segment.elements[0];
      const number = firstElement && /^\d+$/.test(firstElement.text) ? Number(firstElement.text) : undefined;
      if (segment.id === 'CLM' || segment.id === 'HL') {
        // LX numbers restart with each claim.
        renumber = 0;
      } else if (segment.id === 'LX' && renumber !== 0 && firstElement && number !== undefined) {
        edits.push(this.replace(firstElement.start, firstElement.end, String(number + renumber)));
      } else if (segment.id === 'SE') {
        if (firstElement && number !== undefined) {
          edits.push(this.replace(firstElement.start, firstElement.end, String(number + delta)));
        }
        break;
      }
    }
    return edits;
  }

  private segmentBreak(segment: X12Segment): string {
    const after = this.document.getText().slice(segment.end + this.separators.segment.length, segment.end + this.separators.segment.length + 2);
    return after.startsWith('\r\n') ? '\r\n' : after.startsWith('\n') ? '\n' : '';
  }

  insertLine(anchor: ServiceLine, where: 'before' | 'after', newLine: NewServiceLine): TextEdit[] {
    const sv1 = this.segmentOf(anchor);
    if (!sv1) {
      return [];
    }
    const { first, last } = this.loopOf(sv1);
    const { element, component, segment: terminator } = this.separators;
    const lineBreak = this.segmentBreak(sv1);
    const anchorNumber = Number(first.id === 'LX' ? first.elements[0]?.text : NaN);
    const number = Number.isFinite(anchorNumber) ? anchorNumber + (where === 'after' ? 1 : 0) : 1;
    const procedure = ['HC', newLine.code, ...newLine.modifiers].join(component);
    const pointers = (newLine.dxPointers ?? []).join(component);
    const segments = [
      ['LX', String(number)],
      ['SV1', procedure, '0', 'UN', String(newLine.units), '', '', pointers],
      ...(newLine.dos ? [['DTP', '472', 'D8', newLine.dos.replace(/-/g, '')]] : []),
    ];
    const text = segments.map((parts) => `${parts.join(element)}${terminator}${lineBreak}`).join('');
    const insertAt = where === 'before' ? first.start : last.end + terminator.length + lineBreak.length;
    const from = where === 'before' ? first.ordinal : last.ordinal + 1;
    return [this.replace(insertAt, insertAt, text), ...this.bookkeeping(from, segments.length, 1)];
  }

  deleteLine(line: ServiceLine): TextEdit[] {
    const sv1 = this.segmentOf(line);
    if (!sv1) {
      return [];
    }
    const { first, last } = this.loopOf(sv1);
    const end = last.end + this.separators.segment.length + this.segmentBreak(last).length;
    const removed = last.ordinal - first.ordinal + 1;
    return [this.replace(first.start, end, ''), ...this.bookkeeping(last.ordinal + 1, -removed, -1)];
  }
}
