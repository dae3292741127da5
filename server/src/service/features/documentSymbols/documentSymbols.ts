/**
 * The outline of a claim document, and the editor's breadcrumbs. X12 837P:
 * interchange (ISA13) > functional group (GS06) > transaction (ST02) > claims
 * (CLM01, with their line count, date of service and total charge) > service
 * lines (code and modifiers, with units and charge). `.claim`: claims (by id,
 * with line count and date of service) > service lines. Names and details
 * hold ids, codes, dates and amounts, never a patient's name. Every range
 * holds its selection range and every child lies inside its parent, as
 * editors require.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type DocumentSymbol, type Range, SymbolKind } from 'vscode-languageserver-types';
import { type Claim, type ClaimDocumentModel, type ServiceLine, unitsOf, type X12Structure } from '../../model/model';
import { components } from '../../x12/x12Lexer';
import type { X12Segment, X12Segments, X12Span } from '../../x12/x12Types';
import { comparePositions, rangeEncloses } from '../../position/locate';
import { counted, money } from '../../text/wording';

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

/** Ranges moved into the document (a stale model may point past its end), selection inside range, children inside parents. */
function normalize(symbol: DocumentSymbol, document: TextDocument): DocumentSymbol {
  const clamp = (range: Range): Range => ({
    start: document.positionAt(document.offsetAt(range.start)),
    end: document.positionAt(document.offsetAt(range.end)),
  });
  symbol.range = clamp(symbol.range);
  symbol.selectionRange = clamp(symbol.selectionRange);
  for (const child of symbol.children ?? []) {
    normalize(child, document);
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

// ---------------------------------------------------------------------------
// X12

/**
 * Levels of the X12 outline, outermost first. A claim closes at the next CLM,
 * HL or SE, where the claim reader ends a claim (x12/claimSpans.ts), and also
 * at any envelope segment: the outline nests by level, whatever the file
 * leaves unclosed.
 */
const enum Level {
  Interchange = 0,
  Group = 1,
  Transaction = 2,
  Claim = 3,
  Line = 4,
}

interface OpenNode {
  level: Level;
  symbol: DocumentSymbol;
  start: number;
  end: number;
  /** Of a claim: CLM02 and the claim-level DTP*472 date, for its detail once its lines are known. */
  total?: string | undefined;
  dos?: string | undefined;
}

/** `2 lines · 2026-03-14 · total $750.00`, as a `.claim` claim's detail plus the total an 837 states. */
function x12ClaimDetail(node: OpenNode): string {
  const total = node.total !== undefined && node.total !== '' ? `total ${amountText(node.total)}` : undefined;
  return [counted(node.symbol.children?.length ?? 0, 'line'), node.dos, total]
    .filter((part) => part !== undefined)
    .join(' · ');
}

/** YYYY-MM-DD from DTP03 (CCYYMMDD, or the first date of CCYYMMDD-CCYYMMDD). */
function dtpDate(text: string | undefined): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})/.exec(text ?? '');
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

class X12Outline {
  readonly roots: DocumentSymbol[] = [];
  private readonly open: OpenNode[] = [];
  /** An LX not yet followed by its SV1: the line's symbol starts there. */
  private pendingLx: X12Segment | undefined;

  constructor(private readonly x12: X12Structure) {}

  private range(span: { start: number; end: number }): Range {
    return this.x12.lines.range(span.start, span.end);
  }

  private idSpan(segment: X12Segment): X12Span {
    return { start: segment.start, end: segment.start + segment.id.length, text: segment.id };
  }

  /** The element's span when it has text, else the segment id's. */
  private selection(segment: X12Segment, element: X12Span | undefined): Range {
    return this.range(element && element.text.trim() !== '' ? element : this.idSpan(segment));
  }

  private closeFrom(level: Level): void {
    for (let top = this.open.at(-1); top && top.level >= level; top = this.open.at(-1)) {
      this.open.pop();
      top.symbol.range = this.x12.lines.range(top.start, top.end);
      if (top.level === Level.Claim) {
        top.symbol.detail = x12ClaimDetail(top);
      }
    }
  }

  private has(level: Level): boolean {
    return this.open.some((node) => node.level === level);
  }

  private push(level: Level, symbol: DocumentSymbol, start: number, end: number): void {
    this.closeFrom(level);
    const parent = this.open.at(-1);
    if (parent) {
      parent.symbol.children?.push(symbol);
    } else {
      this.roots.push(symbol);
    }
    this.open.push({ level, symbol, start, end });
  }

  private extend(end: number): void {
    for (const node of this.open) {
      node.end = Math.max(node.end, end);
    }
  }

  read(segments: X12Segments): DocumentSymbol[] {
    const { component } = this.x12.interchange.separators;
    for (const segment of segments) {
      const element = (n: number) => segment.elements[n - 1];
      switch (segment.id) {
        case 'ISA':
          this.closeFrom(Level.Interchange);
          this.push(
            Level.Interchange,
            this.symbol(
              `Interchange ${nameOr(element(13)?.text, '(no control number)')}`,
              this.envelopeDetail(element(6), element(8)),
              SymbolKind.Package,
              this.selection(segment, element(13)),
            ),
            segment.start,
            segment.end,
          );
          break;
        case 'GS':
          this.push(
            Level.Group,
            this.symbol(
              `Group ${nameOr(element(6)?.text, '(no control number)')}`,
              [element(1)?.text, element(8)?.text].filter((t) => t).join(' · '),
              SymbolKind.Namespace,
              this.selection(segment, element(6)),
            ),
            segment.start,
            segment.end,
          );
          break;
        case 'ST':
          this.push(
            Level.Transaction,
            this.symbol(
              `Transaction ${nameOr(element(2)?.text, '(no control number)')}`,
              [element(1)?.text, element(3)?.text].filter((t) => t).join(' · '),
              SymbolKind.Module,
              this.selection(segment, element(2)),
            ),
            segment.start,
            segment.end,
          );
          break;
        case 'SE':
        case 'GE':
        case 'IEA': {
          const level = segment.id === 'SE' ? Level.Transaction : segment.id === 'GE' ? Level.Group : Level.Interchange;
          this.closeFrom(level + 1);
          if (this.has(level)) {
            this.extend(segment.end);
            this.closeFrom(level);
          }
          continue;
        }
        case 'HL':
          this.closeFrom(Level.Claim);
          break;
        case 'CLM': {
          this.push(
            Level.Claim,
            this.symbol(
              nameOr(element(1)?.text, '(unnamed claim)'),
              '',
              SymbolKind.Struct,
              this.selection(segment, element(1)),
            ),
            segment.start,
            segment.end,
          );
          const claim = this.open.at(-1);
          if (claim) {
            claim.total = element(2)?.text;
          }
          this.pendingLx = undefined;
          break;
        }
        case 'DTP': {
          // DTP*472 before the first LX is the claim's date of service; after an LX it is the line's.
          const claim = this.open.at(-1);
          if (claim?.level === Level.Claim && this.pendingLx === undefined && element(1)?.text === '472') {
            claim.dos ??= dtpDate(element(3)?.text);
          }
          break;
        }
        case 'LX':
          if (this.has(Level.Claim)) {
            this.closeFrom(Level.Line);
            this.pendingLx = segment;
          }
          break;
        case 'SV1': {
          if (!this.has(Level.Claim)) {
            break;
          }
          const procedure = element(1);
          const parts = procedure ? components(procedure, component) : [];
          const code = parts[1];
          const modifiers = parts
            .slice(2, 6)
            .map((part) => part.text)
            .filter((text) => text !== '');
          const name = nameOr([code?.text ?? '', ...modifiers].join('-').replace(/^-+/, ''), '(no code)');
          const start = this.pendingLx?.start ?? segment.start;
          this.pendingLx = undefined;
          this.push(
            Level.Line,
            this.symbol(
              name,
              lineDetail(element(4)?.text, element(2)?.text),
              SymbolKind.Field,
              this.selection(segment, code),
            ),
            start,
            segment.end,
          );
          break;
        }
        default:
          break;
      }
      this.extend(segment.end);
    }
    this.closeFrom(Level.Interchange);
    return this.roots;
  }

  private symbol(name: string, detail: string, kind: SymbolKind, selectionRange: Range): DocumentSymbol {
    return { name, detail, kind, range: selectionRange, selectionRange, children: [] };
  }

  private envelopeDetail(sender: X12Span | undefined, receiver: X12Span | undefined): string {
    const from = sender?.text.trim() ?? '';
    const to = receiver?.text.trim() ?? '';
    return from === '' && to === '' ? '' : `${from} → ${to}`;
  }
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

export function getDocumentSymbols(document: TextDocument, model: ClaimDocumentModel): DocumentSymbol[] {
  let symbols: DocumentSymbol[];
  if (model.format === 'x12-837p') {
    symbols = model.x12 ? new X12Outline(model.x12).read(model.x12.interchange.segments) : [];
  } else {
    symbols = model.claims.map(claimSymbol);
  }
  return symbols.map((symbol) => normalize(pruneChildren(symbol), document));
}
