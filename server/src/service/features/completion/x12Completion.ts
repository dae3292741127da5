/**
 * Completion in X12 837P files: procedure codes in SV101-2 (after `SV1*HC:`),
 * modifiers in SV101-3 to SV101-6, and segment ids at the start of a
 * segment. It reads the text of the segment up to the cursor, because the
 * segment being typed is by nature not yet in the model; the model only
 * supplies the separators read from the ISA (it may be a keystroke old).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import type { ClaimDocumentModel } from '../../model/model';
import { x12Segments } from '../../x12/segmentDictionary';
import type { X12Separators } from '../../x12/x12Types';
import { codeItems, modifierItems } from './completionItems';
import { diagnosisItems } from './diagnosisItems';
import { claimAround } from '../../position/claimAround';
import { diagnosisDateOf, diagnosisEdition } from '../../reference/official/diagnosisFacts';
import { diagnosisCodeSets } from '../../x12/segmentDictionary';

const empty: CompletionList = { isIncomplete: false, items: [] };
/** SV101-3 to SV101-6. */
const firstModifierComponent = 3;
const lastModifierComponent = 6;

function segmentIdItems(range: Range): CompletionItem[] {
  return x12Segments.map((segment, order) => ({
    label: segment.id,
    kind: CompletionItemKind.Keyword,
    detail: `${segment.name} · ${segment.loop}`,
    documentation: { kind: 'markdown', value: segment.summary },
    textEdit: { range, newText: segment.id },
    sortText: String(order).padStart(3, '0'),
  }));
}

/** Length of the text after the cursor up to the first of `stops` (or the end of the text). */
function restUntil(text: string, cursor: number, stops: ReadonlySet<string>): number {
  let end = cursor;
  while (end < text.length && !stops.has(text.charAt(end))) {
    end++;
  }
  return end - cursor;
}

/** What ends an element: its separator, a repetition, the segment's terminator or a line end. */
function elementStops(separators: X12Separators): string[] {
  return [separators.element, separators.segment, separators.repetition ?? separators.element, '\r', '\n'];
}

/** Length of the text after the cursor that belongs to the same component (up to any separator or line end). */
function restOfComponent(text: string, cursor: number, separators: X12Separators): number {
  return restUntil(text, cursor, new Set([separators.component, ...elementStops(separators)]));
}

/** Length of the text after the cursor that belongs to the same element. */
function restOfElement(text: string, cursor: number, separators: X12Separators): number {
  return restUntil(text, cursor, new Set(elementStops(separators)));
}

/**
 * Offset where the segment holding the cursor starts: after the previous
 * terminator and any whitespace, or after a line break when the segment on the
 * line before still lacks its terminator (it is being typed).
 */
function segmentStart(text: string, cursor: number, separators: X12Separators): number {
  const terminator = cursor === 0 ? -1 : text.lastIndexOf(separators.segment, cursor - 1);
  let start = terminator === -1 ? 0 : terminator + separators.segment.length;
  if (!/[\r\n]/.test(separators.segment)) {
    // Only the text since the terminator is searched: a one-line file may be megabytes long.
    const segmentText = text.slice(start, cursor);
    const lineBreak = Math.max(segmentText.lastIndexOf('\n'), segmentText.lastIndexOf('\r'));
    start += lineBreak + 1;
  }
  while (start < cursor && /\s/.test(text.charAt(start))) {
    start++;
  }
  return start;
}

/**
 * An ICD-10-CM code after its qualifier in HI (`HI*ABK:C504|`): diagnoses of the edition for the claim's date,
 * written without the point as the 837 requires. Nothing without an edition loaded, or under an ICD-9-CM or
 * non-diagnosis qualifier.
 */
function hiItems(
  model: ClaimDocumentModel,
  position: Position,
  element: string,
  cursor: number,
  text: string,
  separators: X12Separators,
  reference: CodeReference,
  rangeTo: (from: number, to: number) => Range,
): CompletionList {
  const parts = element.split(separators.component);
  const qualifier = (parts[0] ?? '').toUpperCase();
  if (parts.length !== 2 || diagnosisCodeSets.get(qualifier) !== 'ICD-10-CM') {
    return empty;
  }
  const set = diagnosisEdition(reference, diagnosisDateOf(claimAround(model, position)));
  if (!set) {
    return empty;
  }
  const typed = parts[1] ?? '';
  const range = rangeTo(cursor - typed.length, cursor + restOfComponent(text, cursor, separators));
  return { isIncomplete: true, items: diagnosisItems(typed, set, range, false) };
}

export function doX12Complete(
  document: TextDocument,
  model: ClaimDocumentModel,
  position: Position,
  reference: CodeReference,
): CompletionList {
  const separators = model.x12?.interchange.separators;
  if (!separators) {
    return empty;
  }
  const text = document.getText();
  const cursor = document.offsetAt(position);
  const start = segmentStart(text, cursor, separators);
  const before = text.slice(start, cursor);
  const rangeTo = (from: number, to: number): Range => ({
    start: document.positionAt(from),
    end: document.positionAt(to),
  });
  const elements = before.split(separators.element);
  const id = elements[0] ?? '';
  if (elements.length === 1) {
    if (!/^[A-Za-z][A-Za-z0-9]{0,2}$|^$/.test(id)) {
      return empty;
    }
    const rest = /^[A-Za-z0-9]*/.exec(text.slice(cursor))?.[0].length ?? 0;
    return { isIncomplete: false, items: segmentIdItems(rangeTo(start, cursor + rest)) };
  }
  if (id.toUpperCase() === 'HI') {
    return hiItems(model, position, elements[elements.length - 1] ?? '', cursor, text, separators, reference, rangeTo);
  }
  if (id.toUpperCase() !== 'SV1' || elements.length !== 2) {
    return empty;
  }
  const procedure = elements[1] ?? '';
  if (separators.repetition !== undefined && procedure.includes(separators.repetition)) {
    return empty;
  }
  const parts = procedure.split(separators.component);
  const component = parts.length;
  const typed = parts[component - 1] ?? '';
  const range = rangeTo(cursor - typed.length, cursor + restOfComponent(text, cursor, separators));
  if (component === 2) {
    const qualifier = (parts[0] ?? '').toUpperCase();
    if (qualifier !== 'HC' && qualifier !== '') {
      // Other code sets (ER, IV, WK) are not CPT or HCPCS: no codes to offer.
      return empty;
    }
    // Word queries grow with each word typed, and an empty query turns into one, so the client must ask again.
    return { isIncomplete: typed === '' || /[A-Za-z]/.test(typed), items: codeItems(typed, reference, range) };
  }
  if (component >= firstModifierComponent && component <= lastModifierComponent) {
    if (!/^[A-Za-z0-9]{0,2}$/.test(typed)) {
      return empty;
    }
    // Modifiers already on the code (before or after the cursor) are not offered again.
    const elementEnd = cursor + restOfElement(text, cursor, separators);
    const written = text.slice(cursor - procedure.length, elementEnd).split(separators.component);
    const others = written
      .filter((_, k) => k >= firstModifierComponent - 1 && k !== component - 1)
      .map((modifier) => modifier.toUpperCase())
      .filter((modifier) => modifier.length === 2);
    return { isIncomplete: false, items: modifierItems(reference, range, new Set(others), typed) };
  }
  return empty;
}
