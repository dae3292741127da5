/**
 * The markdown that explains a code, shared by hover and completion: kind,
 * summary (labelled as ours, or the licensed descriptor with its file), family
 * and modality, add-on relation, units rule, deleted status and notes.
 */
import { codeKindLabel, codeKindOf } from './codeShapes';
import type { CodeInfo, DeletedCode, ModifierInfo, Successor } from './codeTypes';
import type { CodeReference } from './codeReference';
import { codeRanges } from '../text/wording';
import { editionFor, type HcpcsCodeSet } from './official/officialData';

const modifierCategoryLabels: Readonly<Record<ModifierInfo['category'], string>> = {
  laterality: 'laterality',
  'distinct-service': 'distinct service',
  'professional-technical': 'professional / technical component',
  repeat: 'repeat service',
  procedure: 'procedure',
  payment: 'payment / liability',
  other: 'other',
};

/** CMS's own words, labelled as such with the edition: `long` *(CMS HCPCS Level II descriptor, HCPCS 2026 Jan)*. */
function cmsDescriptor(long: string, set: HcpcsCodeSet): string {
  return `${long}\n\n*CMS HCPCS Level II descriptor, ${set.label}*`;
}

/** What a modifier is for, shared by the hovers of both formats; CMS's descriptor too when the HCPCS file is loaded. */
export function modifierMarkdown(modifier: string, reference: CodeReference, dateOfService?: string): string {
  const info = reference.modifier(modifier);
  const set = editionFor(reference.official.hcpcs, dateOfService);
  const official = set?.modifier(modifier);
  const cms = official && set ? `\n\n${cmsDescriptor(official.long, set)}` : '';
  if (info) {
    return `**Modifier ${modifier}** · ${modifierCategoryLabels[info.category]}\n\n${info.summary}${cms}`;
  }
  return official ? `**Modifier ${modifier}**${cms}` : `**Modifier ${modifier}**\n\nNot in the loaded modifier list.`;
}

/**
 * What the CMS HCPCS Level II file of the date of service says of a HCPCS code: its descriptor, its added and
 * termination dates; or that the edition does not hold it. Undefined for other codes or without the file.
 */
export function hcpcsMarkdown(code: string, reference: CodeReference, dateOfService?: string): string | undefined {
  const set = codeKindOf(code) === 'hcpcs' ? editionFor(reference.official.hcpcs, dateOfService) : undefined;
  if (!set) {
    return undefined;
  }
  const entry = set.code(code);
  if (!entry) {
    return `Not in ${set.label}: check it for a typo.`;
  }
  const dates = [
    entry.added ? `Added ${entry.added}.` : '',
    entry.terminated ? `**Terminated ${entry.terminated}**: not billable for later dates of service.` : '',
  ].filter((text) => text !== '');
  return [cmsDescriptor(entry.long, set), ...dates].join('\n\n');
}

export const summaryLabel = 'Summary (our own words, not the official CPT descriptor)';
/** HCPCS Level II is not CPT, so its summary is labelled against the HCPCS descriptor. */
export const hcpcsSummaryLabel = 'Summary (our own words, not the official HCPCS descriptor)';

/** One line for completion details: `+19284 · Adds one more…`. */
export function codeDetail(info: CodeInfo, reference: CodeReference): string {
  const text = reference.licensedDescriptor(info.code)?.text ?? info.summary;
  const prefix = info.deleted ? `Deleted ${info.deleted.year}. ` : '';
  return `${prefix}${text}`;
}

export function codeLabel(info: CodeInfo): string {
  return info.addOnTo ? `+${info.code}` : info.code;
}

/** The units rule of a lesion-counted code (without its label), with a worked example a coder can check a claim against. */
export function unitsRule(info: CodeInfo, reference: CodeReference): string | undefined {
  if (!info.lesion) {
    return undefined;
  }
  if (info.lesion.role === 'first') {
    const addOn = reference.addOnFor(info);
    const example = addOn ? ` For 3 lesions: ${info.code} x1 and ${addOn.code} x2.` : '';
    return `1 unit, once per ${info.modality ? `${info.modality} ` : ''}session, whatever the number of lesions; further lesions go on the add-on.${example}`;
  }
  const primary = info.addOnTo?.[0];
  const example = primary ? ` For 3 lesions: ${primary} x1 and ${info.code} x2.` : '';
  return `1 unit per additional lesion (lesions after the first).${example}`;
}

function addOnText(info: CodeInfo, reference: CodeReference): string | undefined {
  if (!info.addOnTo) {
    return undefined;
  }
  const primaries = info.addOnTo.map((code) => {
    const primary = reference.code(code);
    const role = primary?.lesion?.role === 'first' ? ', the first-lesion code' : '';
    const modality = primary?.modality ? ` of the same modality (${primary.modality})` : '';
    return `**${code}**${role}${modality}`;
  });
  const each = info.lesion?.role === 'additional' ? ' for each additional lesion' : '';
  return `**Add-on code**${each}: report only with ${primaries.length === 1 ? primaries[0] : `one of ${primaries.join(', ')}`} on the same claim and date of service.`;
}

function primaryText(info: CodeInfo, reference: CodeReference): string | undefined {
  if (info.lesion?.role !== 'first') {
    return undefined;
  }
  const addOn = reference.addOnFor(info);
  return addOn
    ? `**First-lesion code**: each additional lesion under the same guidance is **+${addOn.code}**.`
    : undefined;
}

/** What became of a deleted code's work in one situation: `When it guided a biopsy: included in **19081-19086** (remove the line)`. */
function successorText(successor: Successor): string {
  const what =
    successor.action === 'replace'
      ? `replaced by ${successor.codes.map((code) => `**${code}**`).join(', ')}`
      : `included in **${codeRanges(successor.codes)}** (remove the line)`;
  const shownBy = successor.shownBy;
  const when =
    successor.when ??
    (shownBy &&
      `${shownBy.length > 1 ? 'one of ' : ''}${codeRanges(shownBy)} is on the claim for the same date and side`);
  return when ? `When ${when}: ${what}.` : `${what.charAt(0).toUpperCase()}${what.slice(1)}.`;
}

function deletedText(deleted: DeletedCode): string {
  // The note usually opens with the year already ("Deleted in 2014: ..."); do not say it twice.
  const heading = deleted.note.includes(String(deleted.year))
    ? '**Deleted code: do not report it.**'
    : `**Deleted in ${deleted.year}: do not report it.**`;
  const [only] = deleted.successors;
  const successors =
    deleted.successors.length === 1 && only?.action === 'replace' && !only.when && !only.shownBy
      ? ` Replaced by: ${only.codes.map((code) => `**${code}**`).join(', ')}.`
      : deleted.successors.map((successor) => ` ${successorText(successor)}`).join('');
  const unverified = deleted.unverified
    ? ' *(From a deleted-code list not yet verified against a current code book.)*'
    : '';
  return `${heading} ${deleted.note}${successors}${unverified}`;
}

export function codeMarkdown(
  code: string,
  info: CodeInfo | undefined,
  reference: CodeReference,
  dateOfService?: string,
): string {
  const kind = codeKindOf(code);
  const kindText = kind ? codeKindLabel(kind) : 'not a valid code shape';
  const heading = `**${info ? codeLabel(info) : code}** · ${kindText}${info?.addOnTo ? ' · add-on' : ''}${info?.deleted ? ' · **deleted**' : ''}`;
  const hcpcs = hcpcsMarkdown(code, reference, dateOfService);
  if (!info && hcpcs) {
    return `${heading}\n\n${hcpcs}`;
  }
  if (!info) {
    const licensedOnly = reference.licensedDescriptor(code);
    if (licensedOnly) {
      return `${heading}\n\n${licensedOnly.text}\n\n*Descriptor from ${licensedOnly.source}; the bundled data has no family or relations for this code.*`;
    }
    return `${heading}\n\nThis code is not in the loaded reference data. Check it for a typo; if it is right, a licensed descriptor file can describe it.`;
  }
  const parts: string[] = [heading];
  const licensed = reference.licensedDescriptor(code);
  if (licensed) {
    parts.push(`${licensed.text}\n\n*Descriptor from ${licensed.source}*`);
  }
  if (hcpcs) {
    parts.push(hcpcs);
  }
  parts.push(`*${kind === 'hcpcs' ? hcpcsSummaryLabel : summaryLabel}:* ${info.summary}`);
  parts.push(`**Family:** ${info.family}${info.modality ? ` · **Modality:** ${info.modality}` : ''}`);
  if (info.deleted) {
    parts.push(deletedText(info.deleted));
  }
  const units = unitsRule(info, reference);
  for (const line of [addOnText(info, reference), primaryText(info, reference), units && `**Units:** ${units}`]) {
    if (line) {
      parts.push(line);
    }
  }
  if (info.notes && info.notes.length > 0) {
    parts.push(`**Notes**\n\n${info.notes.map((note) => `- ${note}`).join('\n')}`);
  }
  return parts.join('\n\n');
}
