/**
 * Hover: what the thing under the cursor is, in words a coder uses. Codes,
 * modifiers, header keys, `dx=` pointers (with the diagnosis they point to)
 * and service-line fields.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CodeReference } from '../data/codeReference';
import { elementAt, type ModelElement } from '../locate';
import type { ClaimDocumentModel } from '../model';
import { headerKeys } from '../parser/headerParser';
import { serviceFieldKeys } from '../parser/serviceLineParser';
import { codeMarkdown } from './codeDocs';

function pointerLetter(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

function hoverMarkdown(element: ModelElement, reference: CodeReference): string {
  switch (element.kind) {
    case 'code': {
      const code = element.line.code.value;
      return codeMarkdown(code, reference.code(code), reference);
    }
    case 'modifier': {
      const value = element.modifier.value;
      const info = reference.modifier(value);
      return info ? `**Modifier ${value}** · ${info.category}\n\n${info.summary}` : `**Modifier ${value}**\n\nNot in the loaded modifier list.`;
    }
    case 'units':
      return `**Units** · ${element.line.units?.value ?? 1}\n\nFor lesion-counted codes, units count lesions: the first-lesion code takes 1, its add-on 1 per additional lesion.`;
    case 'dxPointer': {
      const { pointer, claim } = element;
      const diagnosis = claim.diagnoses[pointer.index];
      if (!diagnosis) {
        return `**Diagnosis pointer ${pointer.text}**\n\nPoints outside the claim's dx list (${claim.diagnoses.length} diagnoses).`;
      }
      return `**Diagnosis pointer ${pointer.text}** → **${diagnosis.code}**\n\nDiagnosis ${pointer.index + 1} of ${claim.diagnoses.length} in the claim's dx list.`;
    }
    case 'serviceField': {
      const field = serviceFieldKeys.find((f) => f.key === element.key);
      return `**${element.key}=** · service line field\n\n${field?.summary ?? ''}`;
    }
    case 'headerKey': {
      const info = headerKeys.find((h) => h.key === element.header.key.value);
      return `**${element.header.key.value}:** · claim header\n\n${info?.summary ?? ''}`;
    }
    case 'diagnosis': {
      const diagnosis = element.claim.diagnoses[element.index];
      return `**${diagnosis?.code ?? ''}** · ICD-10-CM diagnosis ${element.index + 1}\n\nLines point to it as \`dx=${pointerLetter(element.index)}\` or \`dx=${element.index + 1}\`.`;
    }
    case 'claimId':
      return `**Claim ${element.claim.id?.value ?? ''}**\n\n${element.claim.lines.length} service lines, ${element.claim.diagnoses.length} diagnoses.`;
  }
}

function rangeOf(element: ModelElement) {
  switch (element.kind) {
    case 'code':
    case 'units':
      return element.kind === 'code' ? element.line.code.range : element.line.units?.range;
    case 'modifier':
      return element.modifier.range;
    case 'dxPointer':
      return element.pointer.range;
    case 'serviceField':
      return element.range;
    case 'headerKey':
      return element.header.key.range;
    case 'diagnosis':
      return element.claim.diagnoses[element.index]?.range;
    case 'claimId':
      return element.claim.id?.range;
  }
}

export function doHover(model: ClaimDocumentModel, position: Position, reference: CodeReference): Hover | null {
  const element = elementAt(model.claims, position);
  if (!element) {
    return null;
  }
  const hover: Hover = { contents: { kind: 'markdown', value: hoverMarkdown(element, reference) } };
  const range = rangeOf(element);
  if (range) {
    hover.range = range;
  }
  return hover;
}
