/**
 * Hover in X12 837P files: on a segment id, its name and loop; on an element
 * or component, its X12 position (SV104, SV101-2) and meaning with the value;
 * on a qualifier, what the value means; on the procedure code and modifiers
 * of SV1, the same text as in `.claim` files; on a diagnosis code in HI, its
 * code set (by qualifier), shape check and the pointer number service lines use for it. What stands
 * at the cursor is found by `position/x12Target.ts`.
 */
import type { Hover, Position } from 'vscode-languageserver-types';
import type { CodeReference } from '../../reference/codeReference';
import {
  diagnosisShapeText,
  hasDiagnosisShape,
  icd10RequiredFrom,
  withDiagnosisPoint,
} from '../../reference/diagnosisCodeSets';
import {
  diagnosisDateOf,
  diagnosisDescriptionMarkdown,
  diagnosisEdition,
} from '../../reference/official/diagnosisFacts';
import { claimAround } from '../../position/claimAround';
import type { ClaimDocumentModel, X12Structure } from '../../model/model';
import {
  diagnosisCodeSets,
  diagnosisQualifiers,
  elementInfo,
  elementReference,
  loopLabel,
  segmentInfo,
  type X12CodeTable,
  type X12ComponentInfo,
  type X12ElementInfo,
  type X12SegmentInfo,
  x12LoopAt,
} from '../../x12/segmentDictionary';
import { claimStartAtOrBefore } from '../../x12/claimSpans';
import { components } from '../../x12/x12Lexer';
import type { X12Segment, X12Segments, X12Separators, X12Span } from '../../x12/x12Types';
import { comparePositions } from '../../position/locate';
import { type X12Target, x12TargetAt } from '../../position/x12Target';
import { codeMarkdown, modifierMarkdown } from '../../reference/codeDocs';
import { counted } from '../../text/wording';

/** SV107 points with 1 to 12. */
const maxPointerNumber = 12;

/**
 * Segments that put an HI outside any claim for hover, besides the HL and SE
 * that end a claim: envelope segments. The claim reader does not end a claim
 * at them (a transaction missing its SE runs on into the next ST), but hover
 * takes an HI after them as outside a claim, with no pointer numbers.
 */
const envelopeIds: ReadonlySet<string> = new Set(['ST', 'GS', 'GE', 'ISA', 'IEA']);

/** The claim's diagnoses (HI codes with a diagnosis qualifier) up to the segment at `index`, in order. */
function claimDiagnosesBefore(segments: X12Segments, index: number, separators: X12Separators): X12Span[] | undefined {
  const clm = claimStartAtOrBefore(segments, index, envelopeIds);
  if (clm === -1) {
    return undefined;
  }
  const diagnoses: X12Span[] = [];
  for (let ordinal = clm; ordinal <= index; ordinal++) {
    const hi = segments.idAt(ordinal) === 'HI' ? segments.at(ordinal) : undefined;
    for (const element of hi?.elements ?? []) {
      const [qualifier, code] = components(element, separators.component);
      if (qualifier && code && code.text !== '' && diagnosisCodeSets.has(qualifier.text)) {
        diagnoses.push(code);
      }
    }
  }
  return diagnoses;
}

interface HoverContext {
  x12: X12Structure;
  target: Extract<X12Target, { kind: 'element' }>;
  segmentInfo: X12SegmentInfo | undefined;
  element: X12ElementInfo | undefined;
  component: X12ComponentInfo | undefined;
  reference: CodeReference;
  /** The date the claim around the hover is coded for, read only when a diagnosis needs it. */
  claimDate: () => string | undefined;
}

function where(context: HoverContext): string {
  const { target } = context;
  const loop = x12LoopAt(context.x12.interchange.segments, context.x12.interchange.separators, target.index);
  const loopText = loop ? loopLabel(loop) : context.segmentInfo?.loop;
  return `in ${target.segment.id}${context.segmentInfo ? ` (${context.segmentInfo.name})` : ''}${loopText ? `, ${loopText}` : ''}`;
}

function positionName(context: HoverContext): string {
  const { target } = context;
  const ref = elementReference(target.segment.id, target.element, target.component);
  const name = target.component === undefined ? context.element?.name : context.component?.name;
  return name ? `${ref} · ${name}` : ref;
}

function footer(context: HoverContext): string {
  return `\n\n---\n\n${positionName(context)} ${where(context)}`;
}

function codeValueMarkdown(value: string, table: X12CodeTable, context: HoverContext): string {
  const meaning = table[value] ?? table[value.toUpperCase()];
  const heading = meaning
    ? `**${value}** · ${meaning}`
    : `**${value}** · not a value this extension knows for ${elementReference(context.target.segment.id, context.target.element, context.target.component)}`;
  const known = Object.entries(table);
  const others = meaning
    ? ''
    : `\n\nKnown values: ${known
        .slice(0, 12)
        .map(([code, text]) => `\`${code}\` ${text}`)
        .join('; ')}${known.length > 12 ? '; ...' : ''}.`;
  const note = (context.component ?? context.element)?.note;
  return `${heading}${others}\n\n**${positionName(context)}**${note ? `: ${note}` : ''}${footerWhere(context)}`;
}

function footerWhere(context: HoverContext): string {
  return `\n\n*${capitalize(where(context))}*`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function genericMarkdown(context: HoverContext): string {
  const note = (context.component ?? context.element)?.note;
  const heading = `**${positionName(context)}**`;
  const value = `Value: \`${context.target.span.text}\``;
  const unknown =
    context.element === undefined
      ? `\n\n${context.segmentInfo ? `${context.target.segment.id} has no element ${context.target.element} in the 837P.` : `${context.target.segment.id} is not a segment of the 837P this extension knows.`}`
      : '';
  return `${heading}${note ? `\n\n${note}` : ''}${unknown}\n\n${value}${footerWhere(context)}`;
}

function qualifierOf(context: HoverContext): string {
  return context.target.parts[0]?.text.toUpperCase() ?? '';
}

function procedureMarkdown(context: HoverContext): string | undefined {
  const qualifier = qualifierOf(context);
  if (qualifier !== 'HC' && qualifier !== '') {
    return undefined;
  }
  const code = context.target.span.text.toUpperCase();
  const lowerCase = code !== context.target.span.text ? `\n\nWritten in lower case: write \`${code}\`.` : '';
  const markdown = codeMarkdown(code, context.reference.code(code), context.reference, context.claimDate());
  return `${markdown}${lowerCase}${footer(context)}`;
}

function modifierHover(context: HoverContext): string {
  const value = context.target.span.text.toUpperCase();
  return `${modifierMarkdown(value, context.reference, context.claimDate())}${footer(context)}`;
}

/** What a diagnosis qualifier says the code is, without its code set: "principal diagnosis", "admitting diagnosis". */
function diagnosisRole(qualifier: string): string {
  const meaning = (diagnosisQualifiers[qualifier] ?? 'diagnosis').split(',')[0] ?? 'diagnosis';
  return meaning === 'Other diagnosis' ? 'diagnosis' : meaning.charAt(0).toLowerCase() + meaning.slice(1);
}

function diagnosisMarkdown(context: HoverContext): string | undefined {
  const qualifier = qualifierOf(context);
  const codeSet = diagnosisCodeSets.get(qualifier);
  if (codeSet === undefined) {
    return undefined;
  }
  const written = context.target.span.text;
  const code = written.toUpperCase();
  const parts: string[] = [];
  const diagnoses = claimDiagnosesBefore(
    context.x12.interchange.segments,
    context.target.index,
    context.x12.interchange.separators,
  );
  const number = diagnoses ? diagnoses.findIndex((span) => span.start === context.target.span.start) + 1 : 0;
  parts.push(`**${written}** · ${codeSet} ${diagnosisRole(qualifier)}${number > 0 ? ` · pointer ${number}` : ''}`);
  const withoutPoint = code.replace('.', '');
  if (!hasDiagnosisShape(code, codeSet)) {
    parts.push(`**Not an ${codeSet} code shape**: ${diagnosisShapeText(codeSet)}.`);
  } else if (code.includes('.')) {
    parts.push(
      `**Written with a decimal point**: the 837 writes ${codeSet} codes without it; write \`${withoutPoint}\`.`,
    );
  } else {
    parts.push(
      `A valid ${codeSet} code shape (\`${withDiagnosisPoint(code, codeSet)}\` in text), written without the decimal point as the 837 requires.`,
    );
  }
  if (code !== written) {
    parts.push(`Written in lower case: write \`${withoutPoint}\`.`);
  }
  const set =
    codeSet === 'ICD-10-CM' && hasDiagnosisShape(code, codeSet)
      ? diagnosisEdition(context.reference, context.claimDate())
      : undefined;
  if (set) {
    parts.push(diagnosisDescriptionMarkdown(code, set));
  }
  if (codeSet === 'ICD-9-CM') {
    parts.push(
      `ICD-9-CM is for services before ${icd10RequiredFrom}; from that date on, diagnoses are coded in ICD-10-CM (qualifiers ABK and ABF).`,
    );
  }
  if (number > 0 && diagnoses) {
    const reach =
      number > maxPointerNumber ? ` It is beyond ${maxPointerNumber}, so no service line can point to it.` : '';
    parts.push(
      `Diagnosis ${number} of ${diagnoses.length} in this claim's HI list: service lines point to it with \`${number}\` in SV107.${reach}`,
    );
  } else if (!diagnoses) {
    parts.push('This HI stands outside a claim (no CLM before it), so no service line can point to it.');
  }
  return `${parts.join('\n\n')}${footer(context)}`;
}

function pointerMarkdown(context: HoverContext): string {
  const text = context.target.span.text;
  const heading = `**Diagnosis pointer ${text}**`;
  const diagnoses = claimDiagnosesBefore(
    context.x12.interchange.segments,
    context.target.index,
    context.x12.interchange.separators,
  );
  if (!/^[1-9]\d?$/.test(text)) {
    return `${heading}\n\n'${text}' is not a diagnosis pointer: SV107 points with numbers 1 to ${maxPointerNumber}.${footer(context)}`;
  }
  const number = Number(text);
  const diagnosis = diagnoses?.[number - 1];
  if (!diagnoses || diagnoses.length === 0) {
    return `${heading}\n\nThis claim has no HI diagnoses, so the pointer points to no diagnosis.${footer(context)}`;
  }
  if (!diagnosis) {
    return `${heading}\n\nPoints outside the claim's HI list: it has ${counted(diagnoses.length, 'diagnosis', 'diagnoses')} (1-${diagnoses.length}).${footer(context)}`;
  }
  return `${heading} → **${diagnosis.text}**\n\nDiagnosis ${number} of ${diagnoses.length} in the claim's HI list.${footer(context)}`;
}

function elementMarkdown(context: HoverContext): string {
  const info = context.component ?? context.element;
  switch (info?.kind) {
    case 'procedure-code': {
      const markdown = procedureMarkdown(context);
      if (markdown !== undefined) {
        return markdown;
      }
      break;
    }
    case 'modifier':
      return modifierHover(context);
    case 'diagnosis-code': {
      const markdown = diagnosisMarkdown(context);
      if (markdown !== undefined) {
        return markdown;
      }
      break;
    }
    case 'diagnosis-pointer':
      return pointerMarkdown(context);
    default:
      break;
  }
  if (info?.codes) {
    return codeValueMarkdown(context.target.span.text, info.codes, context);
  }
  return genericMarkdown(context);
}

function segmentMarkdown(x12: X12Structure, segment: X12Segment, index: number): string {
  const info = segmentInfo(segment.id);
  if (!info) {
    return `**${segment.id}**\n\nNot a segment of the 837P this extension knows.`;
  }
  const loop = x12LoopAt(x12.interchange.segments, x12.interchange.separators, index);
  const elements: string[] = [];
  for (let i = 0; i < info.elements.length; i++) {
    const element = info.elements[i];
    if (!element || element.unused === true) {
      continue;
    }
    const ref = elementReference(info.id, i + 1);
    const parts = element.components?.map((c, k) => ({ c, k })).filter(({ c }) => c.unused !== true);
    elements.push(
      `- ${ref} ${element.name}${parts ? ` (${parts.map(({ c, k }) => `-${k + 1} ${c.name}`).join(', ')})` : ''}`,
    );
    // HI02-HI12: the same composite again, said once.
    let last = i;
    while (element.components !== undefined && info.elements[last + 1]?.components === element.components) {
      last++;
    }
    if (last > i) {
      const range =
        last > i + 1
          ? `${elementReference(info.id, i + 2)}-${elementReference(info.id, last + 1)}`
          : elementReference(info.id, i + 2);
      elements.push(`- ${range} the same composite as ${ref}`);
      i = last;
    }
  }
  const { separators } = x12.interchange;
  const shown = (character: string) => (character.trim() === '' ? JSON.stringify(character) : `\`${character}\``);
  const separatorText =
    segment.id === 'ISA'
      ? `**Separators of this file:** element ${shown(separators.element)}, component ${shown(separators.component)}, repetition ${separators.repetition === undefined ? 'none' : shown(separators.repetition)}, segment terminator ${shown(separators.segment)}.`
      : '';
  return [
    `**${info.id}** · ${info.name}`,
    `**Loop:** ${loop ? loopLabel(loop) : info.loop}`,
    info.summary,
    separatorText,
    elements.length > 0 ? `**Elements**\n\n${elements.join('\n')}` : '',
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

function hoverOf(x12: X12Structure, value: string, span: X12Span): Hover {
  return { contents: { kind: 'markdown', value }, range: x12.lines.range(span.start, span.end) };
}

export function doX12Hover(model: ClaimDocumentModel, position: Position, reference: CodeReference): Hover | null {
  const x12 = model.x12;
  if (!x12) {
    return null;
  }
  const offset = x12.lines.offsetAt(position);
  if (comparePositions(x12.lines.positionAt(offset), position) !== 0) {
    // Past the end of its line: nothing is there.
    return null;
  }
  const target = x12TargetAt(x12, offset);
  if (!target) {
    return null;
  }
  if (target.kind === 'segmentId') {
    return hoverOf(x12, segmentMarkdown(x12, target.segment, target.index), target.span);
  }
  const element = elementInfo(target.segment.id, target.element);
  const context: HoverContext = {
    x12,
    target,
    segmentInfo: segmentInfo(target.segment.id),
    element,
    component: target.component === undefined ? undefined : element?.components?.[target.component - 1],
    reference,
    claimDate: () => diagnosisDateOf(claimAround(model, position)),
  };
  return hoverOf(x12, elementMarkdown(context), target.span);
}
