/**
 * The shapes of an X12 interchange as read: its separators, its segments and
 * their elements, by offset. They are types only and import nothing, so the
 * claim model (which holds an interchange for X12 files), the lexer that
 * reads one and the segment table that stores one can all name them without
 * depending on each other.
 */

export interface X12Separators {
  element: string;
  component: string;
  /** ISA11 from version 00402 on; undefined where ISA11 is the old `U`. */
  repetition: string | undefined;
  segment: string;
}

/** A span of the text: [start, end) offsets and the text itself. */
export interface X12Span {
  start: number;
  end: number;
  text: string;
}

export interface X12Segment {
  readonly id: string;
  /** Offset of the segment id; `end` excludes the terminator. */
  readonly start: number;
  readonly end: number;
  /** Element n (1-based, as in SV104) is `elements[n - 1]`; split from the text on each read. */
  readonly elements: X12Span[];
  /** Position in the interchange, from 0 (ISA). */
  readonly ordinal: number;
}

/** Read access to the segments, in order; `ordinal` is the position from 0 (ISA). */
export interface X12Segments extends Iterable<X12Segment> {
  readonly length: number;
  /** The text the offsets are in, for readers that scan elements without making segment objects. */
  readonly text: string;
  at(ordinal: number): X12Segment | undefined;
  idAt(ordinal: number): string | undefined;
  /** The segment's id as a small number, the same for every segment with the same id in these segments. */
  idIndexAt(ordinal: number): number;
  startAt(ordinal: number): number;
  endAt(ordinal: number): number;
  /** The ordinals of the segments whose id is one of `ids`, in order (the same ids give the same array). */
  ordinalsOf(ids: readonly string[]): Int32Array;
  slice(first: number, end: number): X12Segment[];
}

export interface X12Interchange {
  separators: X12Separators;
  segments: X12Segments;
}
