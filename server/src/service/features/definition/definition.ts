/**
 * Go to definition. From a diagnosis pointer (`dx=A`, each letter of
 * `dx=A,B`; an 837's SV107 components) to the diagnosis it points to in the
 * claim's `dx:` list or HI segment; from the `dx=` key to all of the line's
 * diagnoses; from an add-on code (19284) to the lines of its primary (19283)
 * on the same claim, those of the same date of service first. Links, so the
 * editor underlines just the pointer or code and peeks at the whole HI
 * element or service line.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import type { Claim, ClaimDocumentModel, Diagnosis, DiagnosisPointer, ServiceLine } from '../../model/model';
import { addOnPrimaryLines } from '../../rules/addOnPrimaries';
import { elementAround } from '../../position/claimAround';
import { x12TargetAt } from '../../position/x12Target';

interface Link {
  origin: Range;
  target: Range;
  selection: Range;
}

/** The HI element (`ABF:R928`) around an 837 diagnosis code; the code itself in a `.claim` file. */
function diagnosisTarget(model: ClaimDocumentModel, diagnosis: Diagnosis): Range {
  if (!model.x12) {
    return diagnosis.range;
  }
  const target = x12TargetAt(model.x12, model.x12.lines.offsetAt(diagnosis.range.start));
  const first = target?.kind === 'element' ? target.parts[0] : undefined;
  const last = target?.kind === 'element' ? target.parts.at(-1) : undefined;
  return first && last ? model.x12.lines.range(first.start, last.end) : diagnosis.range;
}

function pointerLinks(
  model: ClaimDocumentModel,
  claim: Claim,
  pointers: readonly DiagnosisPointer[],
  origin: (pointer: DiagnosisPointer) => Range,
): Link[] {
  const links: Link[] = [];
  const seen = new Set<number>();
  for (const pointer of pointers) {
    const diagnosis = claim.diagnoses[pointer.index];
    if (diagnosis && !seen.has(pointer.index)) {
      seen.add(pointer.index);
      links.push({ origin: origin(pointer), target: diagnosisTarget(model, diagnosis), selection: diagnosis.range });
    }
  }
  return links;
}

function primaryLinks(claim: Claim, line: ServiceLine, reference: CodeReference): Link[] {
  const info = reference.code(line.code.value);
  if (!info?.addOnTo) {
    return [];
  }
  return addOnPrimaryLines(claim, line, info, reference).map((primary) => ({
    origin: line.code.range,
    target: primary.range,
    selection: primary.code.range,
  }));
}

function linksAt(model: ClaimDocumentModel, position: Position, reference: CodeReference): Link[] {
  const element = elementAround(model, position);
  switch (element?.kind) {
    case 'dxPointer':
      return pointerLinks(model, element.claim, [element.pointer], (pointer) => pointer.range);
    case 'serviceField':
      return element.key === 'dx'
        ? pointerLinks(model, element.claim, element.line.dxPointers, () => element.range)
        : [];
    case 'code':
      return primaryLinks(element.claim, element.line, reference);
    default:
      return [];
  }
}

/** Moves a range into the document: a model a version behind may point past its end. */
function clamp(document: TextDocument, range: Range): Range {
  return {
    start: document.positionAt(document.offsetAt(range.start)),
    end: document.positionAt(document.offsetAt(range.end)),
  };
}

export function findDefinition(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
  reference: CodeReference,
): LocationLink[] {
  return linksAt(model, position, reference).map((link) => ({
    originSelectionRange: clamp(document, link.origin),
    targetUri: document.uri,
    targetRange: clamp(document, link.target),
    targetSelectionRange: clamp(document, link.selection),
  }));
}
