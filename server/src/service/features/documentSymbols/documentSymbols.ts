/**
 * The outline of a claim document, and the editor's breadcrumbs. X12 837P:
 * interchange (ISA13) > functional group (GS06) > transaction (ST02) > claims
 * (CLM01, with their line count, date of service and total charge) > service
 * lines (code and modifiers, with units and charge). `.claim`: claims (by id,
 * with line count and date of service) > service lines. Names and details
 * hold ids, codes, dates and amounts, never a patient's name. Every range
 * holds its selection range and every child lies inside its parent, as
 * editors require.
 *
 * A huge file's outline is bounded: claims are listed whole, in order, until
 * `outlineSymbolLimit` symbols (5,000, the JSON language server's
 * `resultLimit`) are listed; the claims after that are counted, not read,
 * and one last root symbol says how many ("1,295,000 more claims") and spans
 * them, so a click leads to the first one. The outline is made in steps
 * (`getDocumentSymbolsInSteps`), a slice of claims or segments each, so the
 * server can answer other requests and honour cancellation in between.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import { type Claim, type ClaimDocumentModel, type ServiceLine, unitsOf, type X12Structure } from '../../model/model';
import { components } from '../../x12/x12Lexer';
import { lastSegmentStartingAtOrBefore } from '../../x12/segmentTable';
import { walkStructureInSteps } from '../../x12/structureWalks';
import type { CompiledLoop } from '../../x12/x12Map/x12Map';
import type { X12Segment, X12Segments, X12Span } from '../../x12/x12Types';
import { comparePositions, rangeEncloses } from '../../position/locate';
import { counted, money } from '../../text/wording';
import { claimChunks } from '../../claimText/claimChunks';
import { parseClaimText } from '../../claimText/claimTextParser';
import { type AnswerRun, runToEnd } from '../../validation/validationSteps';

/**
 * Symbols an outline lists before it stops (whole claims: the claim that
 * reaches the limit keeps all its lines). VS Code's outline stays quick at
 * this size; 1.3 million claims listed took 4.45 GB and 32 s.
 */
export const outlineSymbolLimit = 5000;

export interface OutlineLimits {
  /** Symbols listed at most before the remaining claims are only counted (at least 1). */
  readonly maxSymbols: number;
}

export const defaultOutlineLimits: OutlineLimits = { maxSymbols: outlineSymbolLimit };

/**
 * The work of one step, in units of a chunk, segment or loop only looked at: 20,000 of them, or 50 claims
 * parsed and listed (each a few symbols), so each step is well under a few milliseconds.
 */
const unitsPerStep = 20_000;
const unitsPerClaimListed = unitsPerStep / 50;
/** An 837 loop listed reads a segment or a few: a quarter of a `.claim` claim parsed. */
const unitsPerLoopListed = unitsPerClaimListed / 4;

/** The last root symbol of a capped outline: the claims not listed, from the first of them to the document's end. */
function moreClaimsSymbol(count: number, limit: number, range: Range, selectionRange: Range): DocumentSymbol {
  return {
    name: `${count.toLocaleString('en-US')} more ${count === 1 ? 'claim' : 'claims'}`,
    detail: `not listed: the outline stops after ${limit.toLocaleString('en-US')} symbols`,
    kind: SymbolKind.Array,
    range,
    selectionRange,
  };
}

function union(a: Range, b: Range): Range {
  return {
    start: comparePositions(a.start, b.start) <= 0 ? a.start : b.start,
    end: comparePositions(a.end, b.end) >= 0 ? a.end : b.end,
  };
}

function amountText(text: string): string {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? money(value) : text;
}

/** `2 units · $400.00`; parts that are not written are left out. */
function lineDetail(units: string | undefined, charge: string | undefined): string {
  const parts: string[] = [];
  if (units !== undefined && units !== '') {
    parts.push(counted(units, 'unit'));
  }
  if (charge !== undefined && charge !== '') {
    parts.push(amountText(charge));
  }
  return parts.join(' · ');
}

/** Names must not be empty: editors reject such symbols. */
function nameOr(text: string | undefined, fallback: string): string {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? fallback : trimmed;
}

/**
 * Ranges moved into the document (a stale model may point past its end) unless the model is `current`,
 * selection inside range, children inside parents.
 */
function normalize(symbol: DocumentSymbol, document: TextDocument, current: boolean): DocumentSymbol {
  if (!current) {
    const clamp = (range: Range): Range => ({
      start: document.positionAt(document.offsetAt(range.start)),
      end: document.positionAt(document.offsetAt(range.end)),
    });
    symbol.range = clamp(symbol.range);
    symbol.selectionRange = clamp(symbol.selectionRange);
  }
  for (const child of symbol.children ?? []) {
    normalize(child, document, current);
    symbol.range = union(symbol.range, child.range);
  }
  if (!rangeEncloses(symbol.range, symbol.selectionRange)) {
    symbol.range = union(symbol.range, symbol.selectionRange);
  }
  return symbol;
}

// ---------------------------------------------------------------------------
// .claim

function claimLineSymbol(line: ServiceLine): DocumentSymbol {
  const name = [line.code.value, ...line.modifiers.map((modifier) => modifier.value)].join('-');
  return {
    name: nameOr(name, '(no code)'),
    detail: lineDetail(String(unitsOf(line)), line.charge ? String(line.charge.value) : undefined),
    kind: SymbolKind.Field,
    range: line.range,
    selectionRange: line.code.range,
  };
}

function claimSymbol(claim: Claim): DocumentSymbol {
  const lines = claim.lines.map(claimLineSymbol);
  const detail = [counted(claim.lines.length, 'line'), claim.dos?.value]
    .filter((part) => part !== undefined)
    .join(' · ');
  return {
    name: nameOr(claim.id?.value, '(unnamed claim)'),
    detail,
    kind: SymbolKind.Struct,
    range: claim.range,
    selectionRange: claim.id?.range ??
      claim.lines[0]?.code.range ?? { start: claim.range.start, end: claim.range.start },
    children: lines,
  };
}

/**
 * The `.claim` outline, read a chunk (one claim) at a time from the text, so
 * the claims of a huge file are never all held: those past the limit are
 * counted by their `claim` lines, never parsed.
 */
function* claimTextOutline(document: TextDocument, limits: OutlineLimits): AnswerRun<DocumentSymbol[]> {
  const text = document.getText();
  const limit = Math.max(1, limits.maxSymbols);
  const symbols: DocumentSymbol[] = [];
  let listed = 0;
  let unlisted: { count: number; start: number } | undefined;
  let claimsRead = 0;
  let work = 0;
  for (const span of claimChunks(text, 0, text.length, 0)) {
    if (unlisted) {
      // Every chunk after the first holds exactly one claim.
      unlisted.count++;
      work++;
    } else {
      for (const claim of parseClaimText(text.slice(span.start, span.end), span.startLine).claims) {
        if (listed >= limit) {
          unlisted ??= { count: 0, start: span.start };
          unlisted.count++;
          continue;
        }
        const symbol = claimSymbol(claim);
        listed += 1 + (symbol.children?.length ?? 0);
        symbols.push(symbol);
      }
      work += unitsPerClaimListed;
    }
    claimsRead++;
    if (work >= unitsPerStep) {
      work = 0;
      yield { fraction: span.end / Math.max(1, text.length), claimsRead };
    }
  }
  const normalized = symbols.map((symbol) => normalize(pruneChildren(symbol), document, false));
  if (unlisted) {
    const start = document.positionAt(unlisted.start);
    const end = document.positionAt(text.length);
    normalized.push(moreClaimsSymbol(unlisted.count, limit, { start, end }, { start, end: start }));
  }
  return normalized;
}

// ---------------------------------------------------------------------------
// X12

/** A symbol with the offsets it spans, before the outline is nested by those offsets. */
interface Placed {
  start: number;
  end: number;
  symbol: DocumentSymbol;
}

/** YYYY-MM-DD from DTP03 (CCYYMMDD, or the first date of CCYYMMDD-CCYYMMDD). */
function dtpDate(text: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(text ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/**
 * The X12 outline: the envelopes read from segment ids (so a transaction that
 * is not an 837P still shows, empty), and inside each 837P transaction every
 * loop the structure walk found against our map (`x12/structureWalker.ts`),
 * named as the guide names it ("2010AA Billing Provider Name"), except claims
 * (2300), named by CLM01, and service lines (2400), named by their code.
 * Everything is nested by the offsets it spans.
 */
class X12Outline {
  private readonly placed: Placed[] = [];
  /** Each claim's symbol with its date of service and CLM02, for its detail. */
  private readonly claims = new Map<DocumentSymbol, { dos: string | undefined; total: string | undefined }>();
  private readonly segments: X12Segments;

  constructor(private readonly x12: X12Structure) {
    this.segments = x12.interchange.segments;
  }

  private range(start: number, end: number): Range {
    return this.x12.lines.range(start, end);
  }

  /** The element's span when it has text, else the segment id's. */
  private selection(segment: X12Segment, element: X12Span | undefined): Range {
    const span = element && element.text.trim() !== '' ? element : segment;
    return this.range(span.start, element && element.text.trim() !== '' ? span.end : segment.start + segment.id.length);
  }

  private place(start: number, end: number, name: string, detail: string, kind: SymbolKind, selection: Range): void {
    const symbol: DocumentSymbol = { name, detail, kind, range: selection, selectionRange: selection, children: [] };
    this.placed.push({ start, end, symbol });
  }

  /** The outline in steps: the envelopes, the walk of the loops (one step, kept with the segments), then the loops. */
  *read(limits: OutlineLimits): AnswerRun<DocumentSymbol[]> {
    const limit = Math.max(1, limits.maxSymbols);
    yield* this.readEnvelopes(limit);
    // The walk the check makes, kept with the segments; made here in steps when the check has not made it yet.
    const walking = walkStructureInSteps(this.segments, this.x12.interchange.separators, unitsPerStep);
    let walked = walking.next();
    for (; walked.done !== true; walked = walking.next()) {
      yield { fraction: 0.2 + 0.6 * walked.value, claimsRead: 0 };
    }
    const loops = walked.value.loops;
    const fraction = (i: number) => 0.8 + (0.2 * i) / Math.max(1, loops.length);
    yield { fraction: fraction(0), claimsRead: 0 };
    let unlisted: { count: number; start: number; selection: Range } | undefined;
    let claims = 0;
    let work = 0;
    for (let i = 0; i < loops.length; i++) {
      const loop = loops.loopAt(i);
      const isClaim = loop.spec.id === '2300';
      claims += isClaim ? 1 : 0;
      if (!unlisted && isClaim && this.placed.length >= limit) {
        const clm = this.segments.at(lastSegmentStartingAtOrBefore(this.segments, loops.startAt(i)));
        const start = loops.startAt(i);
        unlisted = {
          count: 0,
          start,
          selection: clm ? this.selection(clm, clm.elements[0]) : this.range(start, start),
        };
      }
      if (unlisted) {
        // Past the limit, claims are counted from the walk's loops and nothing else is read.
        unlisted.count += isClaim ? 1 : 0;
        work++;
      } else {
        this.readLoop(loop, loops.startAt(i), loops.endAt(i));
        work += unitsPerLoopListed;
      }
      if (work >= unitsPerStep) {
        work = 0;
        yield { fraction: fraction(i), claimsRead: claims };
      }
    }
    const roots = this.nest();
    if (unlisted) {
      const end = this.segments.length > 0 ? this.segments.endAt(this.segments.length - 1) : unlisted.start;
      roots.push(moreClaimsSymbol(unlisted.count, limit, this.range(unlisted.start, end), unlisted.selection));
    }
    return roots;
  }

  /**
   * Interchanges, groups and transactions, each from its header to its trailer (or to where the next one starts).
   * Segments are looked at by id, the envelopes' alone read; past `limit` envelopes, no more are listed.
   */
  private *readEnvelopes(limit: number): AnswerRun<void> {
    const open: Array<{ level: number; placed: Placed }> = [];
    const closeFrom = (level: number, end: number) => {
      for (let top = open.at(-1); top && top.level >= level; top = open.at(-1)) {
        open.pop();
        top.placed.end = end;
      }
    };
    let previousEnd = 0;
    for (let ordinal = 0; ordinal < this.segments.length; ordinal++) {
      if (ordinal % unitsPerStep === unitsPerStep - 1) {
        yield { fraction: (0.2 * ordinal) / this.segments.length, claimsRead: 0 };
      }
      const id = this.segments.idAt(ordinal) ?? '';
      const level = envelopeLevels[id];
      const trailer = trailerLevels[id];
      if (level !== undefined) {
        closeFrom(level, previousEnd);
        if (this.placed.length < limit) {
          this.placeEnvelope(this.segments.at(ordinal) as X12Segment, level);
          open.push({ level, placed: this.placed.at(-1) as Placed });
        }
      } else if (trailer !== undefined) {
        const end = this.segments.endAt(ordinal);
        // A trailer whose header is missing closes nothing of a level above it.
        closeFrom(trailer + 1, previousEnd);
        if (open.at(-1)?.level === trailer) {
          closeFrom(trailer, end);
        }
      }
      previousEnd = this.segments.endAt(ordinal);
    }
    closeFrom(0, previousEnd);
  }

  private placeEnvelope(segment: X12Segment, level: number): void {
    const element = (n: number) => segment.elements[n - 1];
    const [name, detail, kind, selected] =
      level === 0
        ? [
            `Interchange ${nameOr(element(13)?.text, '(no control number)')}`,
            envelopeDetail(element(6), element(8)),
            SymbolKind.Package,
            element(13),
          ]
        : level === 1
          ? [
              `Group ${nameOr(element(6)?.text, '(no control number)')}`,
              joined(element(1), element(8)),
              SymbolKind.Namespace,
              element(6),
            ]
          : [
              `Transaction ${nameOr(element(2)?.text, '(no control number)')}`,
              joined(element(1), element(3)),
              SymbolKind.Module,
              element(2),
            ];
    this.place(segment.start, segment.end, name, detail, kind, this.selection(segment, selected));
  }

  private readLoop(loop: CompiledLoop, start: number, end: number): void {
    const first = lastSegmentStartingAtOrBefore(this.segments, start);
    const opener = this.segments.at(first);
    if (!opener) {
      return;
    }
    if (loop.spec.id === '2300') {
      this.readClaim(opener, first, start, end);
    } else if (loop.spec.id === '2400') {
      this.readServiceLine(first, start, end);
    } else {
      const hl = opener.id === 'HL' ? opener.elements[0]?.text.trim() : undefined;
      this.place(
        start,
        end,
        `${loop.spec.id} ${loop.spec.name}`,
        hl ? `HL ${hl}` : '',
        opener.id === 'HL' ? SymbolKind.Class : SymbolKind.Object,
        this.range(opener.start, opener.start + opener.id.length),
      );
    }
  }

  /** A claim by CLM01, with its line count, date of service (a DTP*472 before its first LX) and CLM02. */
  private readClaim(clm: X12Segment, first: number, start: number, end: number): void {
    let dos: string | undefined;
    for (let ordinal = first + 1; ordinal < this.segments.length && this.segments.startAt(ordinal) < end; ordinal++) {
      const id = this.segments.idAt(ordinal);
      if (id === 'LX') {
        break;
      }
      const segment = id === 'DTP' ? this.segments.at(ordinal) : undefined;
      if (segment?.elements[0]?.text === '472') {
        dos ??= dtpDate(segment.elements[2]?.text);
      }
    }
    const total = clm.elements[1]?.text;
    this.place(
      start,
      end,
      nameOr(clm.elements[0]?.text, '(unnamed claim)'),
      '',
      SymbolKind.Struct,
      this.selection(clm, clm.elements[0]),
    );
    // The detail is written once the lines are nested under the claim and can be counted.
    this.claims.set((this.placed.at(-1) as Placed).symbol, { dos, total });
  }

  /** A service line by its SV1's code and modifiers, with units and charge, from its LX to its loop's end. */
  private readServiceLine(first: number, start: number, end: number): void {
    let sv1: X12Segment | undefined;
    for (let ordinal = first; ordinal < this.segments.length && this.segments.startAt(ordinal) < end; ordinal++) {
      if (this.segments.idAt(ordinal) === 'SV1') {
        sv1 = this.segments.at(ordinal);
        break;
      }
    }
    const lx = this.segments.at(first) as X12Segment;
    if (!sv1) {
      this.place(start, end, '(no code)', '', SymbolKind.Field, this.range(lx.start, lx.start + lx.id.length));
      return;
    }
    const procedure = sv1.elements[0];
    const parts = procedure ? components(procedure, this.x12.interchange.separators.component) : [];
    const code = parts[1];
    const modifiers = parts
      .slice(2, 6)
      .map((part) => part.text)
      .filter((text) => text !== '');
    const name = nameOr([code?.text ?? '', ...modifiers].join('-').replace(/^-+/, ''), '(no code)');
    this.place(
      start,
      end,
      name,
      lineDetail(sv1.elements[3]?.text, sv1.elements[1]?.text),
      SymbolKind.Field,
      this.selection(sv1, code),
    );
  }

  /** Outer first at equal starts; each symbol goes under the innermost one whose offsets hold it. */
  private nest(): DocumentSymbol[] {
    const placed = this.placed.sort((a, b) => a.start - b.start || b.end - a.end);
    const roots: DocumentSymbol[] = [];
    const open: Placed[] = [];
    for (const node of placed) {
      for (let top = open.at(-1); top && (node.start >= top.end || node.end > top.end); top = open.at(-1)) {
        open.pop();
      }
      const parent = open.at(-1);
      (parent ? (parent.symbol.children as DocumentSymbol[]) : roots).push(node.symbol);
      node.symbol.range = this.range(node.start, node.end);
      open.push(node);
    }
    for (const [claim, { dos, total }] of this.claims) {
      const lines = claim.children?.filter((child) => child.kind === SymbolKind.Field).length ?? 0;
      const totalText = total !== undefined && total !== '' ? `total ${amountText(total)}` : undefined;
      claim.detail = [counted(lines, 'line'), dos, totalText].filter((part) => part !== undefined).join(' · ');
    }
    return roots;
  }
}

/** Envelope headers by level, outermost first, and the trailers that close them. */
const envelopeLevels: Readonly<Record<string, number>> = { ISA: 0, GS: 1, ST: 2 };
const trailerLevels: Readonly<Record<string, number>> = { IEA: 0, GE: 1, SE: 2 };

function joined(...elements: Array<X12Span | undefined>): string {
  return elements
    .map((element) => element?.text)
    .filter((text) => text)
    .join(' · ');
}

function envelopeDetail(sender: X12Span | undefined, receiver: X12Span | undefined): string {
  const from = sender?.text.trim() ?? '';
  const to = receiver?.text.trim() ?? '';
  return from === '' && to === '' ? '' : `${from} → ${to}`;
}

/** Drops the empty `children` arrays of leaves. */
function pruneChildren(symbol: DocumentSymbol): DocumentSymbol {
  if (symbol.children && symbol.children.length === 0) {
    delete symbol.children;
  } else {
    symbol.children?.forEach(pruneChildren);
  }
  return symbol;
}

/**
 * The outline in steps (a slice of claims or segments each), capped at `limits.maxSymbols`: what the server
 * drives between other requests on a large file.
 */
export function* getDocumentSymbolsInSteps(
  document: TextDocument,
  isX12: boolean,
  modelOf: () => ClaimDocumentModel,
  limits: OutlineLimits = defaultOutlineLimits,
): AnswerRun<DocumentSymbol[]> {
  if (!isX12) {
    // Read from the text: a whole model asked for here would be kept, and the next hover would read all its claims.
    return yield* claimTextOutline(document, limits);
  }
  const model = modelOf();
  if (!model.x12) {
    return [];
  }
  const symbols = yield* new X12Outline(model.x12).read(limits);
  // An 837 model read from this very text gives ranges inside it: only a stale model's need moving into the document
  // (two position lookups per range, which were most of an outline's time on a large file).
  const current = model.x12.interchange.segments.text === document.getText();
  return symbols.map((symbol) => normalize(pruneChildren(symbol), document, current));
}

export function getDocumentSymbols(
  document: TextDocument,
  model: ClaimDocumentModel,
  limits: OutlineLimits = defaultOutlineLimits,
): DocumentSymbol[] {
  return runToEnd(getDocumentSymbolsInSteps(document, model.format === 'x12-837p', () => model, limits));
}
