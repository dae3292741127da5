/**
 * What the structure walk checks of one segment at one place of our 837P
 * map, compiled once with the map (`x12Map/x12Map.ts`): the segment's element
 * specs, the code lists and required elements its loop adds, and which of its
 * elements is a date read by a format qualifier. The walk looks at every
 * element of every segment, so it finds all of this on the place it already
 * holds instead of looking it up by segment id and entry each time.
 */
import type { ElementSpec, SegmentEntry } from './x12Map/mapTypes';
import { segmentElements } from './x12Map/segmentElements';

type CodeList = readonly string[];

export interface SegmentChecks {
  readonly id: string;
  /** Element specs by position - 1. */
  readonly specs: readonly (ElementSpec | undefined)[];
  /** For DTP, DMG and PAT: [qualifier, date] positions (1-based). */
  readonly period: readonly [number, number] | undefined;
  /** By position (1-based): the loop's code list, else the element's own. */
  readonly elementCodes: readonly (CodeList | undefined)[];
  /** By position and component (1-based): the loop's code list, else the component's own. */
  readonly componentCodes: readonly (readonly (CodeList | undefined)[] | undefined)[];
  /** By position (1-based): required by the segment or by the loop. */
  readonly required: readonly boolean[];
  /**
   * By position (1-based): what a value there is checked against, as a number (`ElementCheck`), with the
   * length limits of text values beside it. The walk branches on these for every element of every segment;
   * reading a spec's fields and calling through for each cost several times the check itself.
   */
  readonly kinds: Uint8Array;
  readonly minLengths: Int32Array;
  readonly maxLengths: Int32Array;
}

/** How the walk checks a value at one position (`SegmentChecks.kinds`). */
export const enum ElementCheck {
  /** The map does not describe the position. */
  None = 0,
  /** One of a code list. */
  Code = 1,
  /** ID or AN text: its length only. */
  Text = 2,
  /** Numbers, dates, times and composites: checked by the general path. */
  Other = 3,
}

function kindOf(spec: ElementSpec | undefined, codes: CodeList | undefined): ElementCheck {
  if (!spec) {
    return ElementCheck.None;
  }
  if (spec.components) {
    return ElementCheck.Other;
  }
  if (codes) {
    return ElementCheck.Code;
  }
  return spec.type === 'ID' || spec.type === 'AN' ? ElementCheck.Text : ElementCheck.Other;
}

/** Segments whose date element is read by a format qualifier in the same segment: [qualifier, date] (1-based). */
const periods: Readonly<Record<string, readonly [number, number]>> = { DTP: [2, 3], DMG: [1, 2], PAT: [5, 6] };

/**
 * The map's element specs, each made again with every field present, so the checks read one object shape:
 * specs written with and without `codes` or `required` would make those reads slow.
 */
function uniform(spec: ElementSpec | undefined): ElementSpec | undefined {
  return spec
    ? {
        name: spec.name,
        type: spec.type,
        min: spec.min,
        max: spec.max,
        required: spec.required === true,
        components: spec.components?.map(uniform),
        codes: spec.codes,
        maxDecimals: spec.maxDecimals,
        overflowRule: spec.overflowRule,
      }
    : undefined;
}

const elementSpecs = new Map(Object.entries(segmentElements).map(([id, specs]) => [id, specs.map(uniform)]));

/** The checks of the entry's segment in its loop, or undefined for a segment whose elements the map does not describe. */
export function compileSegmentChecks(entry: SegmentEntry): SegmentChecks | undefined {
  const specs = elementSpecs.get(entry.segment);
  if (!specs) {
    return undefined;
  }
  const loopCodes = entry.codes ?? {};
  const elementCodes: (CodeList | undefined)[] = [];
  const componentCodes: (CodeList | undefined)[][] = [];
  const required: boolean[] = [];
  specs.forEach((spec, index) => {
    const position = index + 1;
    elementCodes[position] = loopCodes[String(position)] ?? spec?.codes;
    required[position] = spec?.required === true || (entry.required?.includes(position) ?? false);
    componentCodes[position] = (spec?.components ?? []).map(
      (component, k) => loopCodes[`${position}-${k + 1}`] ?? component?.codes,
    );
    componentCodes[position]?.unshift(undefined);
  });
  const kinds = new Uint8Array(specs.length + 1);
  const minLengths = new Int32Array(specs.length + 1);
  const maxLengths = new Int32Array(specs.length + 1);
  const period = periods[entry.segment];
  specs.forEach((spec, index) => {
    // A date read by its format qualifier is checked by that format, on the general path.
    kinds[index + 1] = index + 1 === period?.[1] && spec ? ElementCheck.Other : kindOf(spec, elementCodes[index + 1]);
    minLengths[index + 1] = spec?.min ?? 0;
    maxLengths[index + 1] = spec?.max ?? 0;
  });
  return {
    id: entry.segment,
    specs,
    period,
    elementCodes,
    componentCodes,
    required,
    kinds,
    minLengths,
    maxLengths,
  };
}
