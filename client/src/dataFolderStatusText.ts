/**
 * The status bar's words for the data folder (`cptClaims/dataFolderStatus`):
 * the latest edition of each kind, short ("ICD-10-CM FY2026 · PTP 2026 Q3"),
 * and a tooltip naming every file and what became of it. No `vscode`
 * import, so unit tests run it.
 */
import type { DataFolderFile, DataFolderStatus, Unchecked } from '../../shared/src/protocol';

export interface DataFolderStatusText {
  /** False when no folder is set: the item is hidden (the bundled data alone is the default). */
  visible: boolean;
  text: string;
  tooltip: string;
  /** The folder cannot be read, or a file recognised as official data could not be used (fully). */
  warning: boolean;
}

/** Files listed in the tooltip at most; the log lists them all. */
const maxListedFiles = 40;
const states = new Set(['none', 'loading', 'loaded', 'unreadable']);

/** Whether the server's notification is a `DataFolderStatus`: checked here, since it crosses a process boundary. */
export function isDataFolderStatus(value: unknown): value is DataFolderStatus {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { folder, state, editions, files } = value as Unchecked<DataFolderStatus>;
  return (
    typeof folder === 'string' &&
    typeof state === 'string' &&
    states.has(state) &&
    Array.isArray(editions) &&
    editions.every(
      (edition: unknown) =>
        typeof (edition as { kind?: unknown } | null)?.kind === 'string' &&
        typeof (edition as { label?: unknown }).label === 'string',
    ) &&
    Array.isArray(files) &&
    files.every((file: unknown) => typeof (file as Unchecked<DataFolderFile> | null)?.file === 'string')
  );
}

function withCommas(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function fileLine(file: DataFolderFile): string {
  const what = [file.edition, file.rows === undefined ? undefined : `${withCommas(file.rows)} rows`].filter(
    (part) => part !== undefined,
  );
  const problem = file.problem === undefined ? '' : `${what.length > 0 ? '; ' : ''}${file.problem}`;
  return `• ${file.file}: ${what.join(', ')}${problem}`;
}

/** The latest edition of each kind, in the server's kind order. */
function latestOfEachKind(status: DataFolderStatus): string[] {
  const latest = new Map<string, string>();
  status.editions.forEach((edition) => latest.set(edition.kind, edition.label));
  return [...latest.values()];
}

export function dataFolderStatusText(status: DataFolderStatus): DataFolderStatusText {
  if (status.state === 'none') {
    return { visible: false, text: '', tooltip: '', warning: false };
  }
  const lines = [`Reference data folder: ${status.folder}`];
  if (status.state === 'unreadable') {
    lines.push(`Not read: ${status.problem ?? 'it cannot be read.'}`, 'Click to read the data files again.');
    return {
      visible: true,
      text: '$(warning) Reference data: folder not read',
      tooltip: lines.join('\n'),
      warning: true,
    };
  }
  const warning = status.files.some((file) => file.kind !== undefined && file.problem !== undefined);
  if (status.editions.length > 0) {
    lines.push(`Loaded: ${status.editions.map((edition) => edition.label).join(', ')}.`);
  } else if (status.state === 'loaded') {
    lines.push('No file of the folder is one this product reads: the bundled data alone is used.');
  }
  if (status.files.length > 0) {
    lines.push('Files:', ...status.files.slice(0, maxListedFiles).map(fileLine));
    if (status.files.length > maxListedFiles) {
      lines.push(`… and ${status.files.length - maxListedFiles} more (the CPT Claims log lists them all).`);
    }
  }
  lines.push('Click to read the data files again.');
  const summary = latestOfEachKind(status).join(' · ');
  const text =
    status.state === 'loading'
      ? `$(sync~spin) ${summary === '' ? 'Reference data: loading…' : `${summary} (loading…)`}`
      : summary === ''
        ? '$(warning) Reference data: none loaded'
        : `$(${warning ? 'warning' : 'database'}) ${summary}`;
  return {
    visible: true,
    text,
    tooltip: lines.join('\n'),
    warning: warning || (status.state === 'loaded' && summary === ''),
  };
}
