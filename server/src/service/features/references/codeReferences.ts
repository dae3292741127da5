/**
 * Find references of a code.
 *
 * A procedure code: every service line billing the code under the cursor (a
 * `.claim` line's code, an 837's SV101-2). A code has no declaration of its
 * own, so the occurrence under the cursor stands in for one:
 * `includeDeclaration: false` leaves it out, as editors expect of
 * "references, not the thing itself".
 *
 * A diagnosis (ICD-10-CM, in a `dx:` list or an 837 HI segment, or reached
 * from a line's `dx=` letter or SV107 number that points at it): every
 * diagnosis-list entry of the code, and every pointer that points at such an
 * entry within its claim, because a coder asking where a diagnosis is used
 * means the lines that bill against it. Here a declaration is real: each
 * claim's list entry declares the diagnosis its pointers refer to (go to
 * definition goes from the pointer to it), so `includeDeclaration: false`
 * leaves out the list entries, everywhere, and keeps the pointers. Codes are
 * compared without case or decimal point: `.claim` files write `C50.911`,
 * an 837 omits the point (`C50911`); both are one diagnosis.
 *
 * The server searches the other files for `code`.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { elementAt, type ModelElement, rangesEqual } from '../../position/locate';
import type { Claim, ClaimDocumentModel } from '../../model/model';

interface ReferencedProcedure {
  kind: 'procedure';
  /** Upper-cased, as the model holds it. */
  value: string;
}

interface ReferencedDiagnosis {
  kind: 'diagnosis';
  /** Upper-cased, without its decimal point (`diagnosisKey`). */
  value: string;
  /** The claims' list entries too (the request's `includeDeclaration`), or only the pointers at them. */
  withListEntries: boolean;
}

/** What references are searched for, in this document and in every other file. */
export type ReferencedCode = ReferencedProcedure | ReferencedDiagnosis;

export interface CodeReferences {
  /** The code under the cursor: what other files are searched for. */
  code: ReferencedCode;
  /** Its occurrences in this document, in document order. */
  locations: Location[];
}

/** A diagnosis code as compared: upper case, no decimal point, so `c50.911` and `C50911` are one. */
function diagnosisKey(code: string): string {
  return code.toUpperCase().replace(/\./g, '');
}

/** Each claim of the model in order; a model that reads claims on demand is visited without keeping them. */
function forEachClaim(model: ClaimDocumentModel, visit: (claim: Claim) => void): void {
  if (model.readClaims) {
    model.readClaims(visit);
  } else {
    model.claims.forEach(visit);
  }
}

function byPosition(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** The claim's list entries of the diagnosis (when wanted) and the pointers at them, in document order. */
function diagnosisRangesInClaim(claim: Claim, key: string, withListEntries: boolean): Range[] {
  const pointedAt = new Set<number>();
  const ranges: Range[] = [];
  claim.diagnoses.forEach((diagnosis, index) => {
    if (diagnosisKey(diagnosis.code) === key) {
      pointedAt.add(index);
      if (withListEntries) {
        ranges.push(diagnosis.range);
      }
    }
  });
  if (pointedAt.size === 0) {
    return ranges;
  }
  for (const line of claim.lines) {
    for (const pointer of line.dxPointers) {
      if (pointedAt.has(pointer.index)) {
        ranges.push(pointer.range);
      }
    }
  }
  // A `.claim` header may follow the lines it serves; the panel lists a file top to bottom.
  return ranges.sort(byPosition);
}

/** Every occurrence of `code` in the document (see the module comment for what counts), as locations. */
export function findCodeOccurrences(
  document: TextDocument,
  model: ClaimDocumentModel,
  code: ReferencedCode,
): Location[] {
  const locations: Location[] = [];
  if (code.value === '') {
    return locations;
  }
  forEachClaim(model, (claim) => {
    if (code.kind === 'diagnosis') {
      for (const range of diagnosisRangesInClaim(claim, code.value, code.withListEntries)) {
        locations.push({ uri: document.uri, range });
      }
      return;
    }
    for (const line of claim.lines) {
      if (line.code.value === code.value) {
        locations.push({ uri: document.uri, range: line.code.range });
      }
    }
  });
  return locations;
}

/** The diagnosis a position names: a list entry, or a pointer at one (a malformed or dangling pointer names none). */
function diagnosisCodeAt(element: ModelElement | undefined): string | undefined {
  if (element?.kind === 'diagnosis') {
    return element.claim.diagnoses[element.index]?.code;
  }
  if (element?.kind === 'dxPointer') {
    return element.claim.diagnoses[element.pointer.index]?.code;
  }
  return undefined;
}

/** The code under the cursor and its occurrences in the document, or null when the cursor is on no procedure or diagnosis code. */
export function findCodeReferences(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
  context = { includeDeclaration: true },
): CodeReferences | null {
  // Every claim of the model is searched (not just the span around the position, as definition
  // does), so a claim of any length is found whole.
  const element = elementAt(model.claims, position);
  if (element?.kind === 'code' && element.line.code.value !== '') {
    const code: ReferencedCode = { kind: 'procedure', value: element.line.code.value };
    const here = element.line.code.range;
    const locations = findCodeOccurrences(document, model, code).filter(
      (location) => context.includeDeclaration || !rangesEqual(location.range, here),
    );
    return { code, locations };
  }
  const diagnosis = diagnosisCodeAt(element);
  if (diagnosis === undefined || diagnosisKey(diagnosis) === '') {
    return null;
  }
  const code: ReferencedCode = {
    kind: 'diagnosis',
    value: diagnosisKey(diagnosis),
    withListEntries: context.includeDeclaration,
  };
  return { code, locations: findCodeOccurrences(document, model, code) };
}
