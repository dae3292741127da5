/**
 * Hover: what the thing under the cursor is, in words a coder uses. Codes,
 * modifiers, header keys, `dx=` pointers (with the diagnosis they point to)
 * and service-line fields.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import type { CodeInfo } from '../../reference/codeTypes';
import { elementAround } from '../../position/claimAround';
import type { ModelElement } from '../../position/locate';
import type { Claim, ClaimDocumentModel, ServiceLine } from '../../model/model';
import { headerKeys } from '../../claimText/headerParser';
import { serviceFieldKeys } from '../../claimText/serviceLineParser';
import { codeMarkdown, modifierMarkdown, unitsRule } from '../../reference/codeDocs';
import { counted } from '../../text/wording';
import {
  diagnosisDateOf,
  diagnosisDescriptionMarkdown,
  diagnosisEdition,
} from '../../reference/official/diagnosisFacts';

/** A line's date of service: its own, else the claim's (the edition of the CMS files to read). */
function dateOfService(line: ServiceLine, claim: Claim): string | undefined {
  return line.dos?.value ?? claim.dos?.value;
}

function pointerLetter(index: number): string {
  return String.fromCharCode('A'.charCodeAt(0) + index);
}

function unitsMarkdown(units: number, info: CodeInfo | undefined, reference: CodeReference): string {
  const heading = `**Units** · ${units}`;
  const rule = info ? unitsRule(info, reference) : undefined;
  if (!info || !rule) {
    return `${heading}\n\nUnits of service billed on this line; 1 when none are written. (For lesion-counted codes, units count lesions: the first-lesion code takes 1, its add-on 1 per additional lesion.)`;
  }
  const addOn = info.lesion?.role === 'first' ? reference.addOnFor(info) : undefined;
  const tooMany =
    addOn && units > 1 ? `\n\n${info.code} takes 1 unit: report the other ${units - 1} on +${addOn.code}.` : '';
  return `${heading} (${info.code})\n\n${rule}${tooMany}`;
}

function pointerMarkdown(text: string, index: number, diagnoses: readonly string[], described?: string): string {
  const heading = `**Diagnosis pointer ${text}**`;
  if (index === -1) {
    return `${heading}\n\n'${text}' is not a diagnosis pointer: write a letter (A, B, ...) or a number (1, 2, ...) for a diagnosis of the claim's \`dx:\` list.`;
  }
  const diagnosis = diagnoses[index];
  if (diagnosis === undefined) {
    return diagnoses.length === 0
      ? `${heading}\n\nThis claim has no \`dx:\` list, so the pointer points to no diagnosis.`
      : `${heading}\n\nPoints outside the claim's dx list: it has ${counted(diagnoses.length, 'diagnosis', 'diagnoses')} (${diagnoses.length <= 26 ? `${pointerLetter(0)}-${pointerLetter(diagnoses.length - 1)}` : `1-${diagnoses.length}`}).`;
  }
  const description = described === undefined ? '' : ` · ${described}`;
  return `${heading} → **${diagnosis}**${description}\n\nDiagnosis ${index + 1} of ${diagnoses.length} in the claim's dx list.`;
}

function hoverMarkdown(element: ModelElement, reference: CodeReference): string {
  switch (element.kind) {
    case 'code': {
      const code = element.line.code.value;
      return codeMarkdown(code, reference.code(code), reference, dateOfService(element.line, element.claim));
    }
    case 'modifier': {
      return modifierMarkdown(element.modifier.value, reference, dateOfService(element.line, element.claim));
    }
    case 'units':
      return unitsMarkdown(element.line.units?.value ?? 1, reference.code(element.line.code.value), reference);
    case 'dxPointer': {
      const pointed = element.claim.diagnoses[element.pointer.index];
      const set = pointed ? diagnosisEdition(reference, diagnosisDateOf(element.claim)) : undefined;
      return pointerMarkdown(
        element.pointer.text,
        element.pointer.index,
        element.claim.diagnoses.map((d) => d.code),
        pointed && set?.lookup(pointed.code.replace('.', ''))?.long,
      );
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
      const asLetter = element.index < 26 ? `\`dx=${pointerLetter(element.index)}\` or ` : '';
      // With an ICD-10-CM edition loaded, the official description of the edition for the claim's date.
      const set = diagnosis ? diagnosisEdition(reference, diagnosisDateOf(element.claim)) : undefined;
      const description = set && diagnosis ? `\n\n${diagnosisDescriptionMarkdown(diagnosis.code, set)}` : '';
      return `**${diagnosis?.code ?? ''}** · ICD-10-CM diagnosis ${element.index + 1}${description}\n\nLines point to it as ${asLetter}\`dx=${element.index + 1}\`.`;
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
  const element = elementAround(model, position);
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
