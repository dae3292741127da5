/**
 * A claim's lines indexed once, so rules that relate one line to the others
 * (an add-on to its primaries, a repeat to the line it repeats) ask a map
 * instead of scanning the claim again for every line. A rule that rescans is
 * quadratic in the claim: one `.claim` claim of 16,000 add-on lines took
 * minutes. The index is built on the first request for a claim and kept
 * beside it (weakly), so every rule checking that claim shares one build.
 */
import type { CodeReference } from '../reference/codeReference';
import type { CodeInfo } from '../reference/codeTypes';
import type { Claim, ServiceLine } from '../model/model';

/** A line whose code the reference data knows, with what it knows. */
export interface KnownLine {
  line: ServiceLine;
  info: CodeInfo;
}

/** A line's date of service: its own `dos=`, else the claim's (`claimFacts.ts` says the same; that module reads this one). */
function dateOfService(line: ServiceLine, claim: Claim): string | undefined {
  return line.dos?.value ?? claim.dos?.value;
}

/** The lines of one code, summarised for "is there one on a date compatible with this one?" in constant time. */
export interface CodeLines {
  /** In claim order. */
  lines: ServiceLine[];
  /** Lines with no date of service. */
  undated: number;
  /** Lines by date of service. */
  byDate: Map<string, number>;
  /** The first line of the first date, and the first line of the second date, in claim order. */
  firstDated: ServiceLine[];
  /** The first line on each date, lines with no date under `undatedKey`. */
  firstByDate: Map<string, ServiceLine>;
}

/** The key of lines with no date of service in `firstByDate` (no date is written so). */
export const undatedKey = 'no date';

/** What needs no reference data: every line by code, and line numbers. */
export interface ClaimCodeIndex {
  /** Every line, codes of other lists included, by code. */
  byCode: Map<string, CodeLines>;
  /** The 1-based number of each line on its claim. */
  numberOf: Map<ServiceLine, number>;
}

export interface ClaimLineIndex extends ClaimCodeIndex {
  /** The claim's lines whose codes the reference data knows, in claim order (`knownLines`). */
  known: KnownLine[];
  /** The known lines by code. */
  knownByCode: Map<string, CodeLines>;
  /** The first-lesion codes among the known lines, by lesion procedure: each code once, in claim order. */
  firstLesionCodes: Map<string, CodeInfo[]>;
}

function addLine(codeLines: CodeLines, line: ServiceLine, date: string | undefined): void {
  codeLines.lines.push(line);
  if (!codeLines.firstByDate.has(date ?? undatedKey)) {
    codeLines.firstByDate.set(date ?? undatedKey, line);
  }
  if (date === undefined) {
    codeLines.undated += 1;
    return;
  }
  const onDate = codeLines.byDate.get(date) ?? 0;
  codeLines.byDate.set(date, onDate + 1);
  // The first line of each of the first two dates: enough to find the first line on a date other than any one date.
  if (onDate === 0 && codeLines.firstDated.length < 2) {
    codeLines.firstDated.push(line);
  }
}

function addTo(byCode: Map<string, CodeLines>, line: ServiceLine, date: string | undefined): void {
  const code = line.code.value;
  let codeLines = byCode.get(code);
  if (!codeLines) {
    codeLines = { lines: [], undated: 0, byDate: new Map(), firstDated: [], firstByDate: new Map() };
    byCode.set(code, codeLines);
  }
  addLine(codeLines, line, date);
}

function addFirstLesionCode(index: ClaimLineIndex, info: CodeInfo): void {
  const procedure = info.lesion?.role === 'first' ? info.lesion.procedure : undefined;
  if (procedure === undefined) {
    return;
  }
  const codes = index.firstLesionCodes.get(procedure) ?? [];
  if (!codes.includes(info)) {
    // A procedure has a handful of first-lesion codes, so this list stays short however long the claim is.
    codes.push(info);
  }
  index.firstLesionCodes.set(procedure, codes);
}

function buildCodeIndex(claim: Claim): ClaimCodeIndex {
  const index: ClaimCodeIndex = { byCode: new Map(), numberOf: new Map() };
  for (const [i, line] of claim.lines.entries()) {
    index.numberOf.set(line, i + 1);
    addTo(index.byCode, line, dateOfService(line, claim));
  }
  return index;
}

function buildIndex(claim: Claim, reference: CodeReference): ClaimLineIndex {
  const index: ClaimLineIndex = {
    ...codeIndexOf(claim),
    known: [],
    knownByCode: new Map(),
    firstLesionCodes: new Map(),
  };
  for (const line of claim.lines) {
    const info = line.otherCodeList === undefined ? reference.code(line.code.value) : undefined;
    if (info) {
      index.known.push({ line, info });
      addTo(index.knownByCode, line, dateOfService(line, claim));
      addFirstLesionCode(index, info);
    }
  }
  return index;
}

const builtCodeIndexes = new WeakMap<Claim, ClaimCodeIndex>();
const built = new WeakMap<Claim, { reference: CodeReference; index: ClaimLineIndex }>();

/** The claim's lines by code and their numbers, built on the first call for the claim. */
export function codeIndexOf(claim: Claim): ClaimCodeIndex {
  let index = builtCodeIndexes.get(claim);
  if (!index) {
    index = buildCodeIndex(claim);
    builtCodeIndexes.set(claim, index);
  }
  return index;
}

/** The claim's index, built on the first call for the claim and reference. */
export function indexOfClaim(claim: Claim, reference: CodeReference): ClaimLineIndex {
  const kept = built.get(claim);
  if (kept && kept.reference === reference) {
    return kept.index;
  }
  const index = buildIndex(claim, reference);
  built.set(claim, { reference, index });
  return index;
}

/**
 * How many of the code's lines are on a date compatible with `date`: the same
 * date, or either has none to compare (as the add-on rules read "the same date").
 */
export function linesOnCompatibleDate(codeLines: CodeLines | undefined, date: string | undefined): number {
  if (!codeLines) {
    return 0;
  }
  if (date === undefined) {
    return codeLines.lines.length;
  }
  return codeLines.undated + (codeLines.byDate.get(date) ?? 0);
}

/** The first of the code's lines (in claim order) on a date other than `date`, both dates known. */
export function firstOnOtherDate(
  codeLines: CodeLines | undefined,
  date: string | undefined,
  claim: Claim,
): ServiceLine | undefined {
  if (!codeLines || date === undefined) {
    return undefined;
  }
  return codeLines.firstDated.find((line) => dateOfService(line, claim) !== date);
}
