/**
 * What stands at an offset of an X12 document: the segment id, or the
 * element or component (of the repeat) under the cursor, with the segment's
 * ordinal. Hover explains it, definition finds an HI element by it and rename
 * finds CLM01 by it. The segment is found by binary search over the offsets,
 * so one-line files work alike.
 */
import type { X12Structure } from '../model/model';
import { elementInfo, type X12ElementInfo } from '../x12/segmentDictionary';
import { lastSegmentStartingAtOrBefore } from '../x12/segmentTable';
import { components } from '../x12/x12Lexer';
import type { X12Segment, X12Segments, X12Separators, X12Span } from '../x12/x12Types';

/** What stands at an offset of an X12 document. */
export type X12Target =
  | { kind: 'segmentId'; segment: X12Segment; index: number; span: X12Span }
  | {
      kind: 'element';
      segment: X12Segment;
      index: number;
      /** 1-based, as in SV104. */
      element: number;
      /** 1-based component of a composite, as in SV101-2; undefined for a simple element. */
      component: number | undefined;
      /** The element or component under the cursor. */
      span: X12Span;
      /** All components of the element (of the repeat under the cursor). */
      parts: X12Span[];
    };

/** Index of the segment whose text holds the offset (id to last element), by binary search. */
function segmentIndexAt(segments: X12Segments, offset: number): number {
  const found = lastSegmentStartingAtOrBefore(segments, offset);
  return found !== -1 && offset < segments.endAt(found) ? found : -1;
}

function isComposite(
  segmentId: string,
  info: X12ElementInfo | undefined,
  element: X12Span,
  separators: X12Separators,
): boolean {
  // The ISA holds the separators themselves as values: it has no composites.
  return segmentId !== 'ISA' && (info ? info.components !== undefined : element.text.includes(separators.component));
}

/** The repeat of an element that holds the offset (the whole element when it does not repeat). */
function repeatAt(element: X12Span, offset: number, separators: X12Separators): X12Span | undefined {
  if (separators.repetition === undefined || !element.text.includes(separators.repetition)) {
    return element;
  }
  return components(element, separators.repetition).find((part) => part.start <= offset && offset < part.end);
}

/** The segment id, element or component at an offset; undefined on separators, whitespace and empty elements. */
export function x12TargetAt(x12: X12Structure, offset: number): X12Target | undefined {
  const { segments, separators } = x12.interchange;
  const index = segmentIndexAt(segments, offset);
  const segment = segments.at(index);
  if (!segment) {
    return undefined;
  }
  if (offset < segment.start + segment.id.length) {
    return {
      kind: 'segmentId',
      segment,
      index,
      span: { start: segment.start, end: segment.start + segment.id.length, text: segment.id },
    };
  }
  const n = segment.elements.findIndex((element) => element.start <= offset && offset < element.end);
  const element = segment.elements[n];
  if (!element) {
    return undefined;
  }
  const info = elementInfo(segment.id, n + 1);
  if (!isComposite(segment.id, info, element, separators)) {
    return { kind: 'element', segment, index, element: n + 1, component: undefined, span: element, parts: [element] };
  }
  const repeat = repeatAt(element, offset, separators);
  if (!repeat) {
    return undefined;
  }
  const parts = components(repeat, separators.component);
  const k = parts.findIndex((part) => part.start <= offset && offset < part.end);
  const part = parts[k];
  return part ? { kind: 'element', segment, index, element: n + 1, component: k + 1, span: part, parts } : undefined;
}
