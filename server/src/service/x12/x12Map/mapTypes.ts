/**
 * The shape of our 837P (005010X222A1) map: loops, the segments each loop
 * holds in the order the guide gives them, and what each element may hold.
 * The map is data; `structureWalker.ts` is the one reader that checks a file
 * against it, so a fact of the guide is written once, here.
 */

/** X12 data types: identifier (from a code list), alphanumeric, numeric with 0 or 2 implied decimals, decimal, date, time. */
export type ElementType = 'ID' | 'AN' | 'N0' | 'N2' | 'R' | 'DT' | 'TM';

export interface ElementSpec {
  /** What the element holds, in our words, as messages name it: "CLM05 (facility code / place of service)". */
  name: string;
  type: ElementType;
  min: number;
  max: number;
  /** Required wherever the segment is used (a loop may require more, see `SegmentEntry.required`). */
  required?: boolean;
  /** Components of a composite element (CLM05, SV101, ...); then type and length are the components'. */
  components?: readonly (ElementSpec | undefined)[];
  /** Codes the guide allows wherever the segment is used. */
  codes?: readonly string[];
  /**
   * A composite whose components past the last are reported by this rule, in its own words (SV107's fifth
   * pointer is `dx-pointer`'s): the element check does not report them again.
   */
  overflowRule?: string;
  /** Most digits after the decimal point of an R element: 2 for a monetary amount (dollars and cents). */
  maxDecimals?: number;
}

/** A segment as a loop uses it. */
export interface SegmentEntry {
  segment: string;
  /** The guide requires the segment in every instance of the loop. */
  mandatory?: boolean;
  maxUse: number;
  /** Elements this loop requires beyond those the segment always requires (1-based, as in NM108). */
  required?: readonly number[];
  /** Codes this loop allows, by element (1-based), or by "element-component" for a component ("5-2"). */
  codes?: Readonly<Record<string, readonly string[]>>;
}

/** The loops that may stand at one place of their parent, in any order. */
export interface ChildLoops {
  loops: readonly string[];
  /** Of these, the loops every instance of the parent must hold. */
  mandatory?: readonly string[];
}

export type LoopMember = SegmentEntry | ChildLoops;

export interface LoopSpec {
  id: string;
  /** The guide's name of the loop: "Billing Provider Name". */
  name: string;
  /** The segment that opens the loop; its `identifier` tells it from other loops opened by the same segment id. */
  opener: SegmentEntry & { identifier?: { element: number; codes: readonly string[] } };
  /** Most instances of the loop under one instance of its parent. */
  maxRepeat: number;
  /** What follows the opener, in the guide's order; members at one index may come in any order among themselves. */
  members: readonly LoopMember[];
}

export const many = Number.MAX_SAFE_INTEGER;

export function isChildLoops(member: LoopMember): member is ChildLoops {
  return 'loops' in member;
}
