/**
 * Reading the value of a `key: value` header line into the claim, with a
 * problem on the exact range of whatever does not have the required shape.
 */
import { icd10Pattern } from '../reference/codeShapes';
import type { Claim, Field } from '../model/model';
import type { ProblemSink } from '../model/problemLimits';
import { rangeOnLine, tokenize } from './lineTokens';
import { isCalendarDate } from '../text/calendarDates';

interface HeaderKeyInfo {
  key: string;
  summary: string;
  example: string;
}

/** The header keys of claim-format.md, with our own descriptions for hover and completion. */
export const headerKeys: readonly HeaderKeyInfo[] = [
  {
    key: 'patient',
    summary: 'Patient name or id. Protected health information: never logged or sent anywhere.',
    example: 'DOE, JANE',
  },
  { key: 'dos', summary: 'Date of service (YYYY-MM-DD) for every line without its own `dos=`.', example: '2026-03-14' },
  {
    key: 'dx',
    summary:
      'Diagnosis list (ICD-10-CM), comma or space separated. Lines point into it as `dx=A` (or `dx=1`) in order.',
    example: 'C50.411, R92.8',
  },
  {
    key: 'lesions',
    summary:
      'Lesions treated in the encounter, as documented in the procedure note. Lesion-counted codes are checked against it.',
    example: '3',
  },
  {
    key: 'pos',
    summary: 'Place of service: two digits (for example 11 office, 22 outpatient hospital).',
    example: '22',
  },
  { key: 'provider', summary: 'Rendering provider.', example: 'SMITH, ANN MD' },
];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isValidDate(text: string): boolean {
  return (
    datePattern.test(text) &&
    isCalendarDate(Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10)))
  );
}

/** A whole number in [min, max] written with digits only, else undefined. */
export function parseWholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d{1,9}$/.test(text)) {
    return undefined;
  }
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

export function readHeaderValue(claim: Claim, key: string, value: Field<string>, problems: ProblemSink): void {
  const line = value.range.start.line;
  const text = value.value;
  const fail = (message: string) => problems.push({ ruleId: 'bad-header-value', message, range: value.range });
  if (text === '' && key !== 'patient' && key !== 'provider') {
    problems.push({ ruleId: 'bad-header-value', message: `The '${key}' header has no value.`, range: value.range });
    return;
  }
  switch (key) {
    case 'dos':
      if (isValidDate(text)) {
        claim.dos = value;
      } else {
        fail('This is not a date of service: write it as YYYY-MM-DD, e.g. 2026-03-14.');
      }
      return;
    case 'lesions': {
      const lesions = parseWholeNumber(text, 1, 9999);
      if (lesions === undefined) {
        fail('This is not a lesion count: write a whole number of at least 1.');
      } else {
        claim.lesions = { value: lesions, range: value.range };
      }
      return;
    }
    case 'pos':
      if (/^\d{2}$/.test(text)) {
        claim.pos = value;
      } else {
        fail('This is not a place of service: write two digits, e.g. 11 or 22.');
      }
      return;
    case 'patient':
      // A later value wins, as for every header; an empty one says no patient.
      if (text.trim() === '') {
        delete claim.patient;
      } else {
        claim.patient = { name: text };
      }
      return;
    case 'dx':
      readDiagnosisList(claim, text, value.range.start.character, line, problems);
      return;
    default:
      return;
  }
}

function readDiagnosisList(claim: Claim, text: string, column: number, line: number, problems: ProblemSink): void {
  // Commas separate like white space; every token keeps its place so pointers stay in order.
  const spaced = text.replace(/,/g, ' ');
  for (const token of tokenize(spaced, column)) {
    const range = rangeOnLine(line, token.start, token.start + token.text.length);
    const code = token.text.toUpperCase();
    if (!icd10Pattern.test(code)) {
      problems.push({
        ruleId: 'bad-header-value',
        message:
          "This is not an ICD-10-CM code: a letter, a digit, a letter or digit, then up to 4 more after an optional '.', e.g. C50.411.",
        range,
      });
    } else if (code !== token.text) {
      problems.push({
        ruleId: 'lowercase-code',
        message: `Diagnosis code '${token.text}' is written in lower case; write '${code}'.`,
        range,
        replacement: code,
      });
    }
    claim.diagnoses.push({ code, codeSet: 'ICD-10-CM', range });
  }
}
