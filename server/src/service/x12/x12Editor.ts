/**
 * `ClaimEditor` for X12 837P files: a quick fix edits the element it is about,
 * and a fix that adds or removes a service line keeps the transaction valid:
 * the LX numbers of the claim's later lines and the SE01 segment count follow.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ClaimEditor, NewServiceLine } from '../model/claimEditor';
import type { Field, ServiceLine, X12Structure } from '../model/model';
import { endsClaim } from './claimSpans';
import type { X12Segment, X12Segments } from './x12Types';

/**
 * Segments that end a service line loop (2400) besides those that end its
 * claim: the next line's LX, and a GE or IEA that ends the group or
 * interchange where the SE is missing (a line moved or deleted never takes
 * the envelope's trailers with it).
 */
const lineLoopEnds = new Set(['LX', 'GE', 'IEA']);

function endsLineLoop(id: string | undefined): boolean {
  return endsClaim(id) || (id !== undefined && lineLoopEnds.has(id));
}

/**
 * Segments the bookkeeping (LX renumbering) of fixes away from the editor's focus may walk in all. A fix
 * that adds or removes a line renumbers every later line of its claim, so the fixes of every line of a
 * claim of thousands cost the claim's length squared: a code action on one line of an 8,000-line claim ran
 * out of memory. Fixes of lines the focus touches are always made; past the budget, the others are not.
 */
export const bookkeepingBudget = 100_000;

function notAfter(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

export class X12Editor implements ClaimEditor {
  private readonly document: TextDocument;
  private readonly structure: X12Structure;
  /** Segments walked so far by the bookkeeping of fixes outside the focus. */
  private walked = 0;

  /** `focus`: the range a code action asks about; without one, every fix is made. */
  constructor(
    document: TextDocument,
    structure: X12Structure,
    private readonly focus?: Range,
  ) {
    this.document = document;
    this.structure = structure;
  }

  /** Whether a fix adding or removing a line at `line` is made: in the focus always, else within the budget. */
  private affordable(line: ServiceLine): boolean {
    const focus = this.focus;
    if (!focus || (notAfter(line.range.start, focus.end) && notAfter(focus.start, line.range.end))) {
      return true;
    }
    return this.walked < bookkeepingBudget;
  }

  private get segments(): X12Segments {
    return this.structure.interchange.segments;
  }

  private get separators() {
    return this.structure.interchange.separators;
  }

  private replace(start: number, end: number, newText: string): TextEdit {
    return { range: this.structure.lines.range(start, end), newText };
  }

  /** The SV1 segment a model line was read from, by binary search: segments are in offset order. */
  private segmentOf(line: ServiceLine): X12Segment | undefined {
    const offset = this.structure.lines.offsetAt(line.range.start);
    const segments = this.segments;
    let low = 0;
    let high = segments.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const start = segments.startAt(middle);
      if (start === offset) {
        return segments.idAt(middle) === 'SV1' ? segments.at(middle) : undefined;
      }
      if (start < offset) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return undefined;
  }

  replaceCode(line: ServiceLine, code: string): TextEdit[] {
    return [{ range: line.code.range, newText: code }];
  }

  replaceModifier(_line: ServiceLine, modifier: Field<string>, value: string): TextEdit[] {
    return [{ range: modifier.range, newText: value }];
  }

  /** Appends the modifier as the next SV101 component, after the last one written (SV101 holds at most 4). */
  addModifier(line: ServiceLine, modifier: string): TextEdit[] {
    const procedure = this.segmentOf(line)?.elements[0];
    if (!procedure) {
      return [];
    }
    const { component } = this.separators;
    const parts = procedure.text.split(component);
    while (parts.length > 2 && parts.at(-1) === '') {
      parts.pop();
    }
    if (parts.length < 2 || parts.length >= 6) {
      return [];
    }
    const at = procedure.start + parts.join(component).length;
    return [this.replace(at, at, `${component}${modifier}`)];
  }

  /** Removes an SV101 modifier component with the component separator before it. */
  removeModifier(_line: ServiceLine, modifier: Field<string>): TextEdit[] {
    const lines = this.structure.lines;
    const start = lines.offsetAt(modifier.range.start);
    return [this.replace(start - this.separators.component.length, lines.offsetAt(modifier.range.end), '')];
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
    const previous = this.segments.at(sv1.ordinal - 1);
    const first = previous?.id === 'LX' ? previous : sv1;
    let last = sv1;
    for (let n = sv1.ordinal + 1; n < this.segments.length; n++) {
      if (endsLineLoop(this.segments.idAt(n))) {
        break;
      }
      last = this.segments.at(n) as X12Segment;
    }
    return { first, last };
  }

  /** For each segment, the ordinal of the SE that closes its transaction; built once, on the first fix that needs it. */
  private closingSe: Int32Array | undefined;

  private seAfter(ordinal: number): X12Segment | undefined {
    if (!this.closingSe) {
      this.closingSe = new Int32Array(this.segments.length).fill(-1);
      let next = -1;
      for (let n = this.segments.length - 1; n >= 0; n--) {
        const id = this.segments.idAt(n);
        if (id === 'SE') {
          next = n;
        } else if (id === 'ST' || id === 'GE' || id === 'IEA') {
          next = -1;
        }
        this.closingSe[n] = next;
      }
    }
    const se = this.closingSe[Math.min(ordinal, this.segments.length - 1)] ?? -1;
    return se === -1 ? undefined : this.segments.at(se);
  }

  /** LX renumbering of the claim's later lines and the SE01 count, after adding `delta` segments at `from`. */
  private bookkeeping(from: number, delta: number, lxDelta: number): TextEdit[] {
    const edits: TextEdit[] = [];
    const renumber = (segment: X12Segment, by: number) => {
      const first = segment.elements[0];
      if (first && /^\d+$/.test(first.text)) {
        edits.push(this.replace(first.start, first.end, String(Number(first.text) + by)));
      }
    };
    // LX numbers restart with each claim, so only this claim's later lines move: up to where the claim reader
    // ends the claim (a GE or IEA does not, though it ends a line loop above).
    for (let n = from; n < this.segments.length; n++) {
      const segment = this.segments.at(n) as X12Segment;
      if (endsClaim(segment.id)) {
        break;
      }
      if (segment.id === 'LX') {
        renumber(segment, lxDelta);
      }
      this.walked += 1;
    }
    const se = this.seAfter(from);
    if (se) {
      renumber(se, delta);
    }
    return edits;
  }

  private segmentBreak(segment: X12Segment): string {
    const after = this.document
      .getText()
      .slice(segment.end + this.separators.segment.length, segment.end + this.separators.segment.length + 2);
    return after.startsWith('\r\n') ? '\r\n' : after.startsWith('\n') ? '\n' : '';
  }

  insertLine(anchor: ServiceLine, where: 'before' | 'after', newLine: NewServiceLine): TextEdit[] {
    const sv1 = this.affordable(anchor) ? this.segmentOf(anchor) : undefined;
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
    const sv1 = this.affordable(line) ? this.segmentOf(line) : undefined;
    if (!sv1) {
      return [];
    }
    const { first, last } = this.loopOf(sv1);
    const end = last.end + this.separators.segment.length + this.segmentBreak(last).length;
    const removed = last.ordinal - first.ordinal + 1;
    return [this.replace(first.start, end, ''), ...this.bookkeeping(last.ordinal + 1, -removed, -1)];
  }
}
