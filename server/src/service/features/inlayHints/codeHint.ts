/**
 * The few words an inlay hint shows for a code. A hint is drawn in the line
 * (at a `.claim` line's end, after an 837's SV101), so it must be short: our summaries run to 130 characters, and cut
 * short the lesion-counted ones would all read "Marks the first breast lesion
 * with a clip", hiding the modality and the first/additional split that tell
 * 19281-19288 apart. So lesion-counted codes get a label built from the
 * bundled facts (modality, procedure, role); other codes their summary up to
 * its first clause, or cut at a word. A licensed descriptor is not cut into a
 * hint (its distinguishing words come last, after the semicolon); it is shown
 * in the tooltip, as hover shows it, and is the hint only for a code the
 * bundled data does not know.
 */
import type { MarkupContent } from 'vscode-languageserver-types';
import { codeKindOf } from '../../reference/codeShapes';
import type { CodeReference } from '../../reference/codeReference';
import type { CodeInfo, LesionProcedure, Modality } from '../../reference/codeTypes';
import { hcpcsSummaryLabel, summaryLabel } from '../../reference/codeDocs';

/** Longest hint text, in characters: about a third of a laptop editor's width. */
export const maxHintLength = 56;
/** A clause this much shorter than the summary is still worth showing alone. */
const minClauseLength = 24;

const modalityLabels: Readonly<Record<Modality, string>> = {
  mammographic: 'Mammographic',
  stereotactic: 'Stereotactic',
  ultrasound: 'Ultrasound',
  mri: 'MRI',
};
const procedureLabels: Readonly<Record<LesionProcedure, string>> = {
  localization: 'localization',
  biopsy: 'needle biopsy',
  excision: 'excision of marked lesion',
};

/** `Summary, cut.` → the text up to its first clause that fits, or to a word, with `…`. */
export function shortened(text: string, max = maxHintLength): string {
  const plain = text.trim().replace(/\s+/g, ' ').replace(/\.$/, '');
  if (plain.length <= max) {
    return plain;
  }
  const clauseEnd = /[,;:(]| - /g;
  let cut = -1;
  for (let match = clauseEnd.exec(plain); match && match.index <= max; match = clauseEnd.exec(plain)) {
    cut = match.index;
  }
  if (cut >= minClauseLength) {
    return plain.slice(0, cut).trimEnd();
  }
  const wordEnd = plain.lastIndexOf(' ', max - 1);
  return `${plain.slice(0, wordEnd > 0 ? wordEnd : max - 1).replace(/[\s,;:]+$/, '')}…`;
}

function lesionLabel(info: CodeInfo): string | undefined {
  if (!info.lesion) {
    return undefined;
  }
  const procedure = procedureLabels[info.lesion.procedure];
  const what = info.modality
    ? `${modalityLabels[info.modality]} ${procedure}`
    : procedure.charAt(0).toUpperCase() + procedure.slice(1);
  return `${what}, ${info.lesion.role === 'first' ? 'first lesion' : 'each additional lesion'}`;
}

/** Our summary without the "Formerly:" a deleted code's summary opens with (the hint says "Deleted" already). */
function summaryText(info: CodeInfo): string {
  return info.deleted ? info.summary.replace(/^Formerly:\s*/, '') : info.summary;
}

interface CodeHint {
  label: string;
  tooltip: MarkupContent;
}

/** The hint after a code, or undefined for a code neither the bundled data nor a licensed file knows. */
export function codeHint(code: string, reference: CodeReference): CodeHint | undefined {
  const info = reference.code(code);
  const licensed = reference.licensedDescriptor(code);
  if (!info) {
    return licensed
      ? {
          label: shortened(licensed.text),
          tooltip: { kind: 'markdown', value: `${licensed.text}\n\n*Descriptor from ${licensed.source}*` },
        }
      : undefined;
  }
  const prefix = info.deleted ? `Deleted ${info.deleted.year}: ` : '';
  const label = prefix + (lesionLabel(info) ?? shortened(summaryText(info), maxHintLength - prefix.length));
  const ours = `*${codeKindOf(code) === 'hcpcs' ? hcpcsSummaryLabel : summaryLabel}:* ${info.summary}`;
  const tooltip = licensed ? `${licensed.text}\n\n*Descriptor from ${licensed.source}*\n\n${ours}` : ours;
  return { label, tooltip: { kind: 'markdown', value: tooltip } };
}
