/**
 * Which part of the claim model stands at a position, among claims already
 * read. Claims and their lines are in document order, so a binary search
 * keeps it fast on a large file. From a document's model, reading only the
 * claim there, ask `claimAround.ts`; for the X12 segment, element or
 * component at an offset, `x12Target.ts`.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { Claim, DiagnosisPointer, Field, HeaderEntry, ServiceLine } from '../model/model';

export type ModelElement =
  | { kind: 'code'; claim: Claim; line: ServiceLine }
  | { kind: 'modifier'; claim: Claim; line: ServiceLine; modifier: Field<string> }
  | { kind: 'units'; claim: Claim; line: ServiceLine }
  | { kind: 'dxPointer'; claim: Claim; line: ServiceLine; pointer: DiagnosisPointer }
  | { kind: 'serviceField'; claim: Claim; line: ServiceLine; key: 'dx' | 'dos' | 'lesions' | 'pos'; range: Range }
  | { kind: 'headerKey'; claim: Claim; header: HeaderEntry }
  | { kind: 'diagnosis'; claim: Claim; index: number }
  | { kind: 'claimId'; claim: Claim };

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** True when the position lies in the range, its end included (a cursor just after a word is on it). */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** True when `inner` lies wholly in `outer`. */
export function rangeEncloses(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** The last item whose range starts at or before the position, by binary search. */
function lastStartingAtOrBefore<T>(
  items: readonly T[],
  rangeOf: (item: T) => Range,
  position: Position,
): T | undefined {
  let low = 0;
  let high = items.length - 1;
  let found: T | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const item = items[middle] as T;
    if (comparePositions(rangeOf(item).start, position) <= 0) {
      found = item;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export function claimAt(claims: readonly Claim[], position: Position): Claim | undefined {
  const claim = lastStartingAtOrBefore(claims, (c) => c.range, position);
  return claim && rangeContains(claim.range, position) ? claim : undefined;
}

/** The claim a position belongs to, including the blank or comment lines after its last content. */
export function owningClaim(claims: readonly Claim[], position: Position): Claim | undefined {
  return lastStartingAtOrBefore(claims, (c) => c.range, position) ?? claims[0];
}

function elementInLine(claim: Claim, line: ServiceLine, position: Position): ModelElement | undefined {
  if (rangeContains(line.code.range, position)) {
    return { kind: 'code', claim, line };
  }
  const modifier = line.modifiers.find((m) => rangeContains(m.range, position));
  if (modifier) {
    return { kind: 'modifier', claim, line, modifier };
  }
  if (line.units && rangeContains(line.units.range, position)) {
    return { kind: 'units', claim, line };
  }
  // An empty pointer (`dx=` with nothing after it, or `dx=A,`) has no text to explain; the field does.
  const pointer = line.dxPointers.find((p) => p.text !== '' && rangeContains(p.range, position));
  if (pointer) {
    return { kind: 'dxPointer', claim, line, pointer };
  }
  if (line.dxField && rangeContains(line.dxField, position)) {
    return { kind: 'serviceField', claim, line, key: 'dx', range: line.dxField };
  }
  for (const key of ['dos', 'lesions', 'pos'] as const) {
    const field = line[key];
    if (field) {
      const keyStart = { line: field.range.start.line, character: field.range.start.character - key.length - 1 };
      const range = { start: keyStart, end: field.range.end };
      if (rangeContains(range, position)) {
        return { kind: 'serviceField', claim, line, key, range };
      }
    }
  }
  return undefined;
}

export function elementAt(claims: readonly Claim[], position: Position): ModelElement | undefined {
  const claim = claimAt(claims, position);
  if (!claim) {
    return undefined;
  }
  if (claim.id && rangeContains(claim.id.range, position)) {
    return { kind: 'claimId', claim };
  }
  const header = claim.headers.find((h) => rangeContains(h.key.range, position));
  if (header) {
    return { kind: 'headerKey', claim, header };
  }
  const index = claim.diagnoses.findIndex((d) => rangeContains(d.range, position));
  if (index !== -1) {
    return { kind: 'diagnosis', claim, index };
  }
  const line = lastStartingAtOrBefore(claim.lines, (l) => l.range, position);
  return line && rangeContains(line.range, position) ? elementInLine(claim, line, position) : undefined;
}
