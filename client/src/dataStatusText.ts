/**
 * The status bar's words for the data a claim document is checked with, from
 * the server's `cptClaims/dataInUse` answer. No `vscode` import, so unit
 * tests run it.
 */
import type { DataInUse, Unchecked, UnusedDataFile } from '../../shared/src/protocol';

interface DataStatusText {
  /** With a codicon: `$(book) CPT: bundled · MUE 2026 Q1`. */
  text: string;
  tooltip: string;
  /** True when a file the settings name is not used. */
  warning: boolean;
}

/** Whether the server's answer is a `DataInUse`: checked here, since it crosses a process boundary. */
export function isDataInUse(value: unknown): value is DataInUse {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { descriptorFiles, notUsed } = value as Unchecked<DataInUse>;
  return (
    Array.isArray(descriptorFiles) &&
    descriptorFiles.every((name) => typeof name === 'string') &&
    Array.isArray(notUsed) &&
    notUsed.every((file) => typeof (file as Unchecked<UnusedDataFile> | null)?.name === 'string')
  );
}

/** `a.tsv`, `a.tsv +2`: the first name and how many more, so the item stays short. */
function names(files: readonly string[]): string {
  return files.length > 1 ? `${files[0] ?? ''} +${files.length - 1}` : (files[0] ?? '');
}

export function dataStatusText(data: DataInUse): DataStatusText {
  const warning = data.notUsed.length > 0;
  const cpt = data.descriptorFiles.length === 0 ? 'bundled' : names(data.descriptorFiles);
  const mue = data.mueFile === undefined ? '' : ` · MUE ${data.muePeriod ?? data.mueFile}`;
  const lines = [
    data.descriptorFiles.length === 0
      ? 'Codes: the bundled data, with our own summaries (no licensed descriptor file).'
      : `Codes: licensed descriptors from ${data.descriptorFiles.join(', ')}.`,
    data.mueFile === undefined
      ? 'MUE limits: none (no MUE file).'
      : `MUE limits: ${data.mueFile}${data.muePeriod ? ` (${data.muePeriod})` : ''}.`,
    ...data.notUsed.map((file) => `Not used: ${file.name}: ${file.reason}`),
    'Click to read the data files again.',
  ];
  return { text: `$(${warning ? 'warning' : 'book'}) CPT: ${cpt}${mue}`, tooltip: lines.join('\n'), warning };
}
