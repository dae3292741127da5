/**
 * The element checks of the structure walk: each element of a segment
 * against our map (`x12Map/segmentElements.ts`) and what the loop adds
 * (required elements, code lists). Elements are found by scanning the text
 * between the segment's offsets; nothing is split or kept.
 */
import { periodProblem, valueProblem } from './elementValues';
import type { ElementSpec } from './x12Map/mapTypes';
import { ElementCheck, type SegmentChecks } from './segmentChecks';

export type StructureReport = (ruleId: string, start: number, end: number, message: string) => void;

export const requiredRuleId = 'x12-required';
export const elementRuleId = 'x12-element';

function label(segment: string, position: number, component?: number): string {
  const element = `${segment}${String(position).padStart(2, '0')}`;
  return component === undefined ? element : `${element}-${component}`;
}

/** The date format qualifier at [from, to), D8 or RD8, read in place (every DTP has one); undefined for any other text. */
function dateFormatAt(text: string, from: number, to: number): 'D8' | 'RD8' | undefined {
  const length = to - from;
  const d8At = length === 2 ? from : length === 3 && text.charCodeAt(from) === 82 /* R */ ? from + 1 : -1;
  if (d8At === -1 || text.charCodeAt(d8At) !== 68 /* D */ || text.charCodeAt(d8At + 1) !== 56 /* 8 */) {
    return undefined;
  }
  return length === 2 ? 'D8' : 'RD8';
}

export class ElementChecker {
  constructor(
    private readonly text: string,
    private readonly separator: string,
    componentSeparator: string,
    private readonly report: StructureReport,
  ) {
    this.separatorCode = separator.charCodeAt(0);
    this.componentSeparatorCode = componentSeparator.charCodeAt(0);
  }

  private readonly separatorCode: number;
  private readonly componentSeparatorCode: number;

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

  /** Checks the elements of the segment at [start, end) against `checks`; `title` starts each message. */
  check(checks: SegmentChecks | undefined, start: number, end: number, title: string): void {
    if (!checks) {
      return;
    }
    const { id, specs, period, kinds } = checks;
    let format: 'D8' | 'RD8' | undefined;
    let position = 0;
    let from = start + id.length;
    const text = this.text;
    const separator = this.separatorCode;
    while (from < end) {
      from += 1;
      position++;
      // Elements are a few characters long: a scan of their codes beats a call to indexOf for each.
      let to = from;
      while (to < end && text.charCodeAt(to) !== separator) {
        to++;
      }
      const kind = position < kinds.length ? (kinds[position] as ElementCheck) : ElementCheck.None;
      if (period && position === period[0]) {
        format = dateFormatAt(text, from, to);
      }
      // The common cases first, decided in place; anything else, or anything wrong, takes the general path.
      if (kind === ElementCheck.None) {
        from = to;
        continue;
      }
      if (from < to) {
        if (kind === ElementCheck.Text) {
          const length = to - from;
          if (length >= (checks.minLengths[position] ?? 0) && length <= (checks.maxLengths[position] ?? 0)) {
            from = to;
            continue;
          }
        } else if (kind === ElementCheck.Code && this.isOneOf(checks.elementCodes[position] ?? [], from, to)) {
          from = to;
          continue;
        }
      }
      const spec = specs[position - 1];
      if (spec) {
        if (period && position === period[1] && from < to && format !== undefined) {
          const problem = periodProblem(format, text, from, to);
          if (problem) {
            this.report(elementRuleId, from, to, `${title}: ${label(id, position)} (${spec.name}) ${problem}.`);
          }
        } else {
          this.checkElement(checks, start, position, from, to, spec, title);
        }
      }
      from = to;
    }
    for (let n = position + 1; n <= specs.length; n++) {
      const spec = specs[n - 1];
      if (spec && checks.required[n]) {
        this.missing(id, start, title, label(id, n), spec);
      }
    }
  }

  private missing(id: string, start: number, title: string, name: string, spec: ElementSpec): void {
    this.report(requiredRuleId, start, start + id.length, `${title}: ${name} (${spec.name}) is required.`);
  }

  private checkElement(
    checks: SegmentChecks,
    start: number,
    position: number,
    from: number,
    to: number,
    spec: ElementSpec,
    title: string,
  ): void {
    const id = checks.id;
    if (from === to) {
      if (checks.required[position]) {
        this.missing(id, start, title, label(id, position), spec);
      }
      return;
    }
    if (!spec.components) {
      this.checkValue(id, position, undefined, from, to, spec, checks.elementCodes[position], title);
      return;
    }
    const componentCodes = checks.componentCodes[position];
    const text = this.text;
    const componentSeparator = this.componentSeparatorCode;
    let componentFrom = from;
    let index = 0;
    for (;;) {
      index++;
      // Bounded by the element's end: an indexOf would look past it, to the next composite of the file.
      let componentTo = componentFrom;
      while (componentTo < to && text.charCodeAt(componentTo) !== componentSeparator) {
        componentTo++;
      }
      const component = spec.components[index - 1];
      if (component) {
        if (componentFrom === componentTo) {
          if (component.required) {
            this.missing(id, start, title, label(id, position, index), component);
          }
        } else {
          const allowed = componentCodes?.[index];
          this.checkValue(id, position, index, componentFrom, componentTo, component, allowed, title);
        }
      }
      if (componentTo === to) {
        break;
      }
      componentFrom = componentTo + 1;
      if (index === spec.components.length && spec.overflowRule === undefined) {
        this.tooManyComponents(id, position, componentFrom, to, spec, title);
        return;
      }
    }
    for (let k = index + 1; k <= spec.components.length; k++) {
      const component = spec.components[k - 1];
      if (component?.required) {
        this.missing(id, start, title, label(id, position, k), component);
      }
    }
  }

  /**
   * Components past the last one the map defines (SV101 with seven modifiers, its eighth and ninth): nothing
   * reads them, so they are reported on their range rather than left out without a word.
   */
  private tooManyComponents(id: string, position: number, from: number, to: number, spec: ElementSpec, title: string) {
    const defined = spec.components?.length ?? 0;
    let count = defined + 1;
    let written = false;
    for (let i = from; i < to; i++) {
      if (this.text.charCodeAt(i) === this.componentSeparatorCode) {
        count++;
      } else {
        written = true;
      }
    }
    if (!written) {
      // Only separators past the last component (`HC:19283::`): nothing is lost, and readers accept them.
      return;
    }
    this.report(
      elementRuleId,
      from,
      to,
      `${title}: ${label(id, position)} (${spec.name}) has ${count} components; the 837P defines ${defined}, so ${label(id, position, defined + 1)} on ${count === defined + 1 ? 'is' : 'are'} not read.`,
    );
  }

  /** Is the text at [from, to) one of the codes? Compared in place: no string is made for the common case. */
  private isOneOf(codes: readonly string[], from: number, to: number): boolean {
    const length = to - from;
    const text = this.text;
    // Codes are one to three characters: comparing their character codes beats a call to startsWith for each.
    for (const code of codes) {
      if (code.length !== length) {
        continue;
      }
      let i = 0;
      while (i < length && code.charCodeAt(i) === text.charCodeAt(from + i)) {
        i++;
      }
      if (i === length) {
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
    // This runs for every element of every segment: the element's name is built only for a finding.
    if (codes) {
      if (!this.isOneOf(codes, from, to)) {
        const value = this.text.slice(from, to);
        // A code is quoted only when it looks like one: text shifted into the wrong element may be a name.
        const shown = /^[A-Z0-9]{1,3}$/i.test(value) ? ` is '${value}';` : ' is not a code of its list;';
        const name = `${title}: ${label(id, position, component)} (${spec.name})`;
        this.report(elementRuleId, from, to, `${name}${shown} the 837P allows ${codes.join(', ')} here.`);
      }
      return;
    }
    const problem = valueProblem(spec.type, spec.min, spec.max, this.text, from, to, spec.maxDecimals);
    if (problem) {
      this.report(elementRuleId, from, to, `${title}: ${label(id, position, component)} (${spec.name}) ${problem}.`);
    }
  }
}
