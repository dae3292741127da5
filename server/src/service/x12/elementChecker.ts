/**
 * The element checks of the structure walk: each element of a segment
 * against our map (`x12Map/segmentElements.ts`) and what the loop adds
 * (required elements, code lists). Elements are found by scanning the text
 * between the segment's offsets; nothing is split or kept.
 */
import { periodProblem, valueProblem } from './elementValues';
import type { ElementSpec, SegmentEntry } from './x12Map/mapTypes';
import { segmentElements } from './x12Map/segmentElements';

export type StructureReport = (ruleId: string, start: number, end: number, message: string) => void;

/** Segments whose date element is read by a format qualifier in the same segment: [qualifier, date] (1-based). */
const periods: Readonly<Record<string, readonly [number, number]>> = { DTP: [2, 3], DMG: [1, 2], PAT: [5, 6] };

export const requiredRuleId = 'x12-required';
export const elementRuleId = 'x12-element';

function label(segment: string, position: number, component?: number): string {
  const element = `${segment}${String(position).padStart(2, '0')}`;
  return component === undefined ? element : `${element}-${component}`;
}

/** A loop's code lists for a segment, by element position and by "position-component", compiled once. */
interface EntryCodes {
  elements: ReadonlyArray<readonly string[] | undefined>;
  components: ReadonlyMap<string, readonly string[]>;
}

const compiledCodes = new WeakMap<SegmentEntry, EntryCodes>();

function codesOf(entry: SegmentEntry): EntryCodes {
  let codes = compiledCodes.get(entry);
  if (!codes) {
    const elements: Array<readonly string[] | undefined> = [];
    const components = new Map<string, readonly string[]>();
    for (const [key, list] of Object.entries(entry.codes ?? {})) {
      if (key.includes('-')) {
        components.set(key, list);
      } else {
        elements[Number(key)] = list;
      }
    }
    codes = { elements, components };
    compiledCodes.set(entry, codes);
  }
  return codes;
}

/**
 * The map's element specs, each made again with every field present, so the checks below read one
 * object shape: specs written with and without `codes` or `required` would make those reads slow.
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
      }
    : undefined;
}

const elementSpecs: Readonly<Record<string, readonly (ElementSpec | undefined)[]>> = Object.fromEntries(
  Object.entries(segmentElements).map(([id, specs]) => [id, specs.map(uniform)]),
);

export class ElementChecker {
  constructor(
    private readonly text: string,
    private readonly separator: string,
    private readonly componentSeparator: string,
    private readonly report: StructureReport,
  ) {}

  /** The offsets [from, to) of element `position` (1-based) of the segment at [start, end); [end, end) when absent. */
  elementSpan(id: string, start: number, end: number, position: number): [number, number] {
    let from = start + id.length;
    for (let n = 1; from < end; n++) {
      from += 1;
      let to = this.text.indexOf(this.separator, from);
      if (to === -1 || to > end) {
        to = end;
      }
      if (n === position) {
        return [from, to];
      }
      from = to;
    }
    return [end, end];
  }

  /** The text of element `position` (1-based) of the segment at [start, end), or '' when absent. */
  elementText(id: string, start: number, end: number, position: number): string {
    const [from, to] = this.elementSpan(id, start, end, position);
    return this.text.slice(from, to);
  }

  check(id: string, start: number, end: number, title: string, entry: SegmentEntry | undefined): void {
    const specs = elementSpecs[id];
    if (!specs) {
      return;
    }
    const period = periods[id];
    const codes = entry?.codes ? codesOf(entry) : undefined;
    let format = '';
    let position = 0;
    let from = start + id.length;
    while (from < end) {
      from += 1;
      position++;
      let to = this.text.indexOf(this.separator, from);
      if (to === -1 || to > end) {
        to = end;
      }
      const spec = specs[position - 1];
      if (period && position === period[0]) {
        format = this.text.slice(from, to);
      }
      if (spec) {
        if (period && position === period[1] && from < to && (format === 'D8' || format === 'RD8')) {
          const problem = periodProblem(format, this.text, from, to);
          if (problem) {
            this.report(elementRuleId, from, to, `${title}: ${label(id, position)} (${spec.name}) ${problem}.`);
          }
        } else {
          this.checkElement(id, start, position, from, to, spec, title, entry, codes);
        }
      }
      from = to;
    }
    for (let n = position + 1; n <= specs.length; n++) {
      const spec = specs[n - 1];
      if (spec && (spec.required || entry?.required?.includes(n))) {
        this.missing(id, start, title, label(id, n), spec);
      }
    }
  }

  private missing(id: string, start: number, title: string, name: string, spec: ElementSpec): void {
    this.report(requiredRuleId, start, start + id.length, `${title}: ${name} (${spec.name}) is required.`);
  }

  private checkElement(
    id: string,
    start: number,
    position: number,
    from: number,
    to: number,
    spec: ElementSpec,
    title: string,
    entry: SegmentEntry | undefined,
    codes: EntryCodes | undefined,
  ): void {
    if (from === to) {
      if (spec.required || entry?.required?.includes(position)) {
        this.missing(id, start, title, label(id, position), spec);
      }
      return;
    }
    if (!spec.components) {
      this.checkValue(id, position, undefined, from, to, spec, codes?.elements[position] ?? spec.codes, title);
      return;
    }
    let componentFrom = from;
    let index = 0;
    for (;;) {
      index++;
      let componentTo = this.text.indexOf(this.componentSeparator, componentFrom);
      if (componentTo === -1 || componentTo > to) {
        componentTo = to;
      }
      const component = spec.components[index - 1];
      if (component) {
        if (componentFrom === componentTo) {
          if (component.required) {
            this.missing(id, start, title, label(id, position, index), component);
          }
        } else {
          const allowed =
            (codes && codes.components.size > 0 ? codes.components.get(`${position}-${index}`) : undefined) ??
            component.codes;
          this.checkValue(id, position, index, componentFrom, componentTo, component, allowed, title);
        }
      }
      if (componentTo === to) {
        break;
      }
      componentFrom = componentTo + 1;
    }
    for (let k = index + 1; k <= spec.components.length; k++) {
      const component = spec.components[k - 1];
      if (component?.required) {
        this.missing(id, start, title, label(id, position, k), component);
      }
    }
  }

  /** Is the text at [from, to) one of the codes? Compared in place: no string is made for the common case. */
  private isOneOf(codes: readonly string[], from: number, to: number): boolean {
    const length = to - from;
    for (const code of codes) {
      if (code.length === length && this.text.startsWith(code, from)) {
        return true;
      }
    }
    return false;
  }

  private checkValue(
    id: string,
    position: number,
    component: number | undefined,
    from: number,
    to: number,
    spec: ElementSpec,
    codes: readonly string[] | undefined,
    title: string,
  ): void {
    // The name is built only for a finding: this runs for every element of every segment.
    const name = () => `${title}: ${label(id, position, component)} (${spec.name})`;
    if (codes) {
      if (!this.isOneOf(codes, from, to)) {
        const value = this.text.slice(from, to);
        // A code is quoted only when it looks like one: text shifted into the wrong element may be a name.
        const shown = /^[A-Z0-9]{1,3}$/i.test(value) ? ` is '${value}';` : ' is not a code of its list;';
        this.report(elementRuleId, from, to, `${name()}${shown} the 837P allows ${codes.join(', ')} here.`);
      }
      return;
    }
    const problem = valueProblem(spec.type, spec.min, spec.max, this.text, from, to);
    if (problem) {
      this.report(elementRuleId, from, to, `${name()} ${problem}.`);
    }
  }
}
