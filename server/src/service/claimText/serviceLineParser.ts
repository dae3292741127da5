/**
 * Reading a service line, `CODE[-MOD]... [MOD]... [xUNITS] [$CHARGE] [key=value]...`,
 * into the model. Every malformed token gets its own problem on its own range
 * and the rest of the line is still read.
 */
import { codeKindOf, modifierPattern } from '../reference/codeShapes';
import type { DiagnosisPointer, ServiceLine } from '../model/model';
import { CappedProblems, type ProblemSink, reportProblem } from '../model/problemLimits';
import { isValidDate, parseWholeNumber } from './headerParser';
import { type LineToken, rangeOnLine } from './lineTokens';
import { keepShapeOf } from '../model/keptShapes';

export const serviceFieldKeys: ReadonlyArray<{ key: string; summary: string }> = [
  { key: 'dx', summary: "Diagnosis pointers into the claim's `dx` list: `A,B` or `1,2`, at most four." },
  { key: 'dos', summary: "Date of service of this line (YYYY-MM-DD); defaults to the claim's `dos`." },
  { key: 'lesions', summary: "Lesions treated for this line's code family; overrides the claim's `lesions`." },
  { key: 'pos', summary: "Place of service of this line (two digits); defaults to the claim's `pos`." },
];

const maxModifiers = 4;
const maxPointers = 4;
const unitsPrefix = /^[x×]/;
const chargePattern = /^\$(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
const emptyModifierMessage = `An empty modifier after '-': a modifier is two letters or digits, e.g. RT, LT, 59.`;

class ServiceLineReader {
  private readonly problems: ProblemSink;
  private readonly lineNumber: number;
  readonly line: ServiceLine;

  constructor(lineNumber: number, codeToken: LineToken, problems: ProblemSink) {
    this.problems = problems;
    this.lineNumber = lineNumber;
    const token = codeToken.text;
    const firstDash = token.indexOf('-');
    const codeText = firstDash === -1 ? token : token.slice(0, firstDash);
    const codeRange = this.range(codeToken.start, codeText.length);
    const end = { line: lineNumber, character: codeToken.start + codeToken.text.length };
    this.line = {
      code: { value: codeText.toUpperCase(), range: codeRange },
      codeText,
      modifiers: [],
      dxPointers: [],
      range: { start: codeRange.start, end },
      afterModifiers: end,
    };
    this.checkCode(codeText);
    // Part by part, not split('-'): a token of megabytes of '-RT' would be millions of strings at once.
    for (let dash = firstDash; dash !== -1;) {
      const next = token.indexOf('-', dash + 1);
      const part = token.slice(dash + 1, next === -1 ? token.length : next);
      this.addModifier(part, codeToken.start + dash + 1, true);
      dash = next;
    }
  }

  private range(start: number, length: number) {
    return rangeOnLine(this.lineNumber, start, start + length);
  }

  private report(ruleId: string, message: string, start: number, length: number, replacement?: string): void {
    reportProblem(this.problems, this.lineNumber, this.range(start, length), () =>
      replacement === undefined ? { ruleId, message } : { ruleId, message, replacement },
    );
  }

  private checkCode(codeText: string): void {
    const { start } = this.line.code.range;
    const upper = codeText.toUpperCase();
    if (codeKindOf(upper) === undefined) {
      this.report(
        'code-shape',
        'This is not a procedure code: write 5 digits (CPT Category I), 4 digits and F or T (Category II/III), or a letter A-V and 4 digits (HCPCS Level II).',
        start.character,
        // An empty code is a token starting with '-': that dash is marked.
        Math.max(codeText.length, 1),
      );
    } else if (upper !== codeText) {
      this.report(
        'lowercase-code',
        `Code '${codeText}' is written in lower case; write '${upper}'.`,
        start.character,
        codeText.length,
        upper,
      );
    }
  }

  addModifier(text: string, start: number, joined: boolean): void {
    const upper = text.toUpperCase();
    if (text === '') {
      // Nothing after a '-' (often the end of the line): the problem is on the dash, which is there to mark.
      this.report('bad-modifier', emptyModifierMessage, start - 1, 1);
      return;
    }
    if (!modifierPattern.test(upper)) {
      this.report(
        'bad-modifier',
        'This is not a modifier: a modifier is two letters or digits, e.g. RT, LT, 59.',
        start,
        text.length,
      );
      return;
    }
    if (upper !== text) {
      this.report(
        'lowercase-code',
        `Modifier '${text}' is written in lower case; write '${upper}'.`,
        start,
        text.length,
        upper,
      );
    }
    const range = this.range(start, text.length);
    if (this.line.modifiers.length === maxModifiers) {
      this.report(
        'bad-modifier',
        `A line takes at most ${maxModifiers} modifiers; '${text}' is one too many.`,
        start,
        text.length,
      );
      return;
    }
    this.line.modifiers.push({ value: upper, range });
    if (joined || this.line.afterModifiers.character <= start) {
      this.line.afterModifiers = range.end;
    }
  }

  addUnits(text: string, start: number, length: number): void {
    const digits = text.replace(unitsPrefix, '').trim();
    const units = parseWholeNumber(digits, 1, 9999);
    if (units === undefined) {
      this.report(
        'bad-units',
        'This is not a unit count: write x and a whole number from 1 to 9999, e.g. x2.',
        start,
        length,
      );
    } else if (this.line.units) {
      this.report('bad-units', `Units are written twice on this line; keep one.`, start, length);
    } else {
      this.line.units = { value: units, range: this.range(start, length) };
    }
  }

  addCharge(text: string, start: number): void {
    if (!chargePattern.test(text)) {
      this.report(
        'bad-charge',
        'This is not a charge: write a dollar amount such as $350, $350.00 or $1,200.00.',
        start,
        text.length,
      );
    } else if (this.line.charge) {
      this.report('bad-charge', `A charge is written twice on this line; keep one.`, start, text.length);
    } else {
      this.line.charge = { value: Number(text.slice(1).replace(/,/g, '')), range: this.range(start, text.length) };
    }
  }

  addField(key: string, value: string, start: number): void {
    const valueStart = start + key.length + 1;
    const valueRange = this.range(valueStart, value.length);
    // A value left empty (`dos=`, often at the end of the line) is reported on its `key=`, which is there to mark.
    const fail = (message: string) =>
      value === ''
        ? this.report('bad-field', message, start, key.length + 1)
        : this.report('bad-field', message, valueStart, value.length);
    switch (key.toLowerCase()) {
      case 'dx':
        this.line.dxField = this.range(start, key.length + 1 + value.length);
        this.addPointers(value, valueStart);
        return;
      case 'dos':
        if (isValidDate(value)) {
          this.line.dos = { value, range: valueRange };
        } else {
          fail('This is not a date of service: write it as YYYY-MM-DD.');
        }
        return;
      case 'lesions': {
        const lesions = parseWholeNumber(value, 1, 9999);
        if (lesions === undefined) {
          fail('This is not a lesion count: write a whole number of at least 1.');
        } else {
          this.line.lesions = { value: lesions, range: valueRange };
        }
        return;
      }
      case 'pos':
        if (/^\d{2}$/.test(value)) {
          this.line.pos = { value, range: valueRange };
        } else {
          fail('This is not a place of service: write two digits.');
        }
        return;
      default:
        this.report(
          'bad-field',
          'This is not a service line field: use dx=, dos=, lesions= or pos=.',
          start,
          key.length,
        );
    }
  }

  private addPointers(value: string, valueStart: number): void {
    let column = valueStart;
    const pointers: DiagnosisPointer[] = [];
    for (const text of value.split(',')) {
      const range = this.range(column, text.length);
      column += text.length + 1;
      const index = pointerIndex(text);
      if (text === '') {
        this.reportEmptyPointer(value, valueStart, range.start.character);
        continue;
      }
      if (index === -1) {
        this.report(
          'dx-pointer',
          'This is not a diagnosis pointer: write a letter (A, B, ...) or a number (1, 2, ...).',
          range.start.character,
          text.length,
        );
      } else if (pointers.length === maxPointers) {
        this.report(
          'dx-pointer',
          `A line takes at most ${maxPointers} diagnosis pointers; this one is one too many.`,
          range.start.character,
          text.length,
        );
        continue;
      }
      pointers.push({ text, index, range });
    }
    this.line.dxPointers = pointers;
  }

  /** `dx=` with nothing after it, or two commas in a row: reported on the `dx=` or the stray comma. */
  private reportEmptyPointer(value: string, valueStart: number, column: number): void {
    if (value === '') {
      this.report('dx-pointer', 'dx= names no diagnosis: write pointers such as dx=A or dx=A,B.', valueStart - 3, 3);
      return;
    }
    const comma = column < valueStart + value.length ? column : column - 1;
    this.report(
      'dx-pointer',
      'An empty diagnosis pointer next to this comma: write pointers such as dx=A,B.',
      comma,
      1,
    );
  }

  extendTo(column: number): void {
    this.line.range = { start: this.line.range.start, end: { line: this.lineNumber, character: column } };
  }
}

/** Zero-based index of a pointer written `A`-`Z` or `1`-`99`, or -1. */
export function pointerIndex(text: string): number {
  if (/^[A-Za-z]$/.test(text)) {
    return text.toUpperCase().charCodeAt(0) - 'A'.charCodeAt(0);
  }
  if (/^[1-9]\d?$/.test(text)) {
    return Number(text) - 1;
  }
  return -1;
}

/** Reads the tokens of one service line; the first token is the code. */
export function parseServiceLine(lineNumber: number, tokens: readonly LineToken[], problems: ProblemSink): ServiceLine {
  const [codeToken, ...rest] = tokens;
  if (!codeToken) {
    throw new Error('a service line has at least one token');
  }
  const reader = new ServiceLineReader(lineNumber, codeToken, problems);
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i] as LineToken;
    const { text, start } = token;
    const next = rest[i + 1];
    const fieldMatch = /^([A-Za-z]+)=(.*)$/.exec(text);
    if ((text === 'x' || text === '×') && next && /^\d/.test(next.text)) {
      // `x 2`: units written with a space.
      reader.addUnits(`${text}${next.text}`, start, next.start + next.text.length - start);
      i++;
    } else if (unitsPrefix.test(text) && (text.length === 1 || /^[x×]\d/.test(text))) {
      reader.addUnits(text, start, text.length);
    } else if (text.startsWith('$')) {
      reader.addCharge(text, start);
    } else if (fieldMatch) {
      reader.addField(fieldMatch[1] ?? '', fieldMatch[2] ?? '', start);
    } else if (/^[A-Za-z0-9]{1,4}$/.test(text)) {
      reader.addModifier(text, start, false);
    } else {
      reportProblem(problems, lineNumber, rangeOnLine(lineNumber, start, start + text.length), () => ({
        ruleId: 'bad-token',
        message:
          'This is not part of a service line: expected a modifier (RT), units (x2), a charge ($350.00) or a field (dx=A).',
      }));
    }
  }
  const last = tokens[tokens.length - 1] as LineToken;
  reader.extendTo(last.start + last.text.length);
  return reader.line;
}

// One reader a service line; see keptShapes.ts for why one is kept.
keepShapeOf(new ServiceLineReader(0, { text: 'A0001', start: 0 }, new CappedProblems('line')));
