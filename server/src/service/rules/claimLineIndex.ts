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
import { LastClaimMemo } from '../model/claimMemo';
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

/**
 * The lines of one code, summarised for "is there one on a date compatible with this one?" in constant time.
 * Most claims bill a code on a line or two, so the maps by date are made only for a code with many lines, on
 * the first question that needs them: a map for every code of every claim made the index cost more than the
 * rules that read it.
 */
export class CodeLines {
  /** In claim order. */
  readonly lines: ServiceLine[] = [];
  /** The date of service of each of `lines`. */
  private readonly dates: (string | undefined)[] = [];
  /** Lines with no date of service. */
  undated = 0;
  /** The first dated line and its date, and the first line of the second date, in claim order. */
  private firstOfFirstDate: ServiceLine | undefined;
  private firstDate: string | undefined;
  private firstOfSecondDate: ServiceLine | undefined;
  private byDate: Map<string | undefined, { count: number; first: ServiceLine }> | undefined;

  add(line: ServiceLine, date: string | undefined): void {
    this.lines.push(line);
    this.dates.push(date);
    this.byDate = undefined;
    if (date === undefined) {
      this.undated += 1;
    } else if (!this.firstOfFirstDate) {
      this.firstOfFirstDate = line;
      this.firstDate = date;
    } else if (!this.firstOfSecondDate && this.firstDate !== date) {
      this.firstOfSecondDate = line;
    }
  }

  /** Lines on the date (undefined: with no date), and the first of them. */
  private onDate(date: string | undefined): { count: number; first: ServiceLine } | undefined {
    if (this.lines.length <= linesScanned) {
      let count = 0;
      let first: ServiceLine | undefined;
      for (let i = 0; i < this.dates.length; i++) {
        if (this.dates[i] === date) {
          count += 1;
          first ??= this.lines[i];
        }
      }
      return first ? { count, first } : undefined;
    }
    if (!this.byDate) {
      const byDate = new Map<string | undefined, { count: number; first: ServiceLine }>();
      this.dates.forEach((other, i) => {
        const kept = byDate.get(other);
        if (kept) {
          kept.count += 1;
        } else {
          byDate.set(other, { count: 1, first: this.lines[i] as ServiceLine });
        }
      });
      this.byDate = byDate;
    }
    return this.byDate.get(date);
  }

  /** How many lines are on the date (not counting lines with no date). */
  countOn(date: string): number {
    return this.onDate(date)?.count ?? 0;
  }

  /** The first line on the date, or (undefined) the first line with no date. */
  firstOn(date: string | undefined): ServiceLine | undefined {
    return this.onDate(date)?.first;
  }

  /** The first dated line, in claim order, whose date is not `date`. */
  firstDatedNotOn(date: string): ServiceLine | undefined {
    return this.firstOfFirstDate && this.firstDate !== date ? this.firstOfFirstDate : this.firstOfSecondDate;
  }
}

/** A code with up to this many lines is answered by a scan of its lines; one with more gets maps by date. */
const linesScanned = 8;

/** What needs no reference data: every line by code, and line numbers. */
export interface ClaimCodeIndex {
  /** Every line, codes of other lists included, by code. */
  byCode: Map<string, CodeLines>;
  /** The 1-based number of each line on its claim (0 for a line not on it). */
  numberOf: (line: ServiceLine) => number;
}

export interface ClaimLineIndex extends ClaimCodeIndex {
  /** The claim's lines whose codes the reference data knows, in claim order (`knownLines`). */
  known: KnownLine[];
  /** The known lines by code. */
  knownByCode: Map<string, CodeLines>;
  /** The first-lesion codes among the known lines, by lesion procedure: each code once, in claim order. */
  firstLesionCodes: Map<string, CodeInfo[]>;
}

function addTo(byCode: Map<string, CodeLines>, line: ServiceLine, date: string | undefined): void {
  const code = line.code.value;
  let codeLines = byCode.get(code);
  if (!codeLines) {
    codeLines = new CodeLines();
    byCode.set(code, codeLines);
  }
  codeLines.add(line, date);
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

/** Line numbers, made on the first question: most claims never ask. */
function lineNumbers(claim: Claim): (line: ServiceLine) => number {
  let numbers: Map<ServiceLine, number> | undefined;
  return (line) => {
    if (!numbers) {
      numbers = new Map(claim.lines.map((each, i) => [each, i + 1]));
    }
    return numbers.get(line) ?? 0;
  };
}

function buildCodeIndex(claim: Claim): ClaimCodeIndex {
  const index: ClaimCodeIndex = { byCode: new Map(), numberOf: lineNumbers(claim) };
  for (const line of claim.lines) {
    addTo(index.byCode, line, dateOfService(line, claim));
  }
  return index;
}

function buildIndex(claim: Claim, reference: CodeReference): ClaimLineIndex {
  const { byCode, numberOf } = codeIndexOf(claim);
  // Named one by one: an object spread here took most of the index's time (the engine's slow path for it).
  const index: ClaimLineIndex = {
    byCode,
    numberOf,
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

// Kept with the number of lines: a claim whose lines were added to since (an edit's model) is indexed again.
const builtCodeIndexes = new LastClaimMemo<ClaimCodeIndex, number>();
const built = new LastClaimMemo<ClaimLineIndex, CodeReference>();

/** The claim's lines by code and their numbers, built on the first call for the claim. */
export function codeIndexOf(claim: Claim): ClaimCodeIndex {
  return builtCodeIndexes.get(claim, claim.lines.length, () => buildCodeIndex(claim));
}

/** The claim's index, built on the first call for the claim and reference. */
export function indexOfClaim(claim: Claim, reference: CodeReference): ClaimLineIndex {
  return built.get(claim, reference, () => buildIndex(claim, reference));
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
  return codeLines.undated + codeLines.countOn(date);
}

/** The first of the code's lines (in claim order) on a date other than `date`, both dates known. */
export function firstOnOtherDate(codeLines: CodeLines | undefined, date: string | undefined): ServiceLine | undefined {
  return !codeLines || date === undefined ? undefined : codeLines.firstDatedNotOn(date);
}
