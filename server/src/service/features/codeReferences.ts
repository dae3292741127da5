/**
 * Find references of a procedure code: every service line billing the code
 * under the cursor (a `.claim` line's code, an 837's SV101-2). A code has no
 * declaration of its own, so the occurrence under the cursor stands in for
 * one: `includeDeclaration: false` leaves it out, as editors expect of
 * "references, not the thing itself". The server searches the other files.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location, Position, Range } from 'vscode-languageserver-types';
import { elementAt } from '../locate';
import type { Claim, ClaimDocumentModel } from '../model';

export interface CodeReferences {
  /** The code under the cursor, upper-cased as the model holds it: what other files are searched for. */
  code: string;
  /** Its occurrences in this document, in document order. */
  locations: Location[];
}

/** Each claim of the model in order; a model that reads claims on demand is visited without keeping them. */
function forEachClaim(model: ClaimDocumentModel, visit: (claim: Claim) => void): void {
  if (model.readClaims) {
    model.readClaims(visit);
  } else {
    model.claims.forEach(visit);
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Every service line of the document billing `code` (compared upper-cased), as locations of the code. */
export function findCodeOccurrences(document: TextDocument, model: ClaimDocumentModel, code: string): Location[] {
  const wanted = code.toUpperCase();
  const locations: Location[] = [];
  forEachClaim(model, (claim) => {
    for (const line of claim.lines) {
      if (line.code.value === wanted && wanted !== '') {
        locations.push({ uri: document.uri, range: line.code.range });
      }
    }
  });
  return locations;
}

/** The code under the cursor and its occurrences in the document, or null when the cursor is on no procedure code. */
export function findCodeReferences(document: TextDocument, model: ClaimDocumentModel, position: Position, context = { includeDeclaration: true }): CodeReferences | null {
  const element = elementAt(model.claims, position);
  if (element?.kind !== 'code' || element.line.code.value === '') {
    return null;
  }
  const code = element.line.code.value;
  const here = element.line.code.range;
  const locations = findCodeOccurrences(document, model, code).filter((location) => context.includeDeclaration || !sameRange(location.range, here));
  return { code, locations };
}
