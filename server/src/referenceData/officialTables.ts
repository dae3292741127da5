/**
 * Loaded tables sorted into `OfficialData`: each kind in its list, each
 * list's editions in the order of the dates they apply from (an edition
 * without a start first), which is what `editionFor` expects.
 */
import type { LoadedFileReport, OfficialData, OfficialKind, OfficialTable } from '../service/index';

type TableOf<K extends OfficialKind> = Extract<OfficialTable, { kind: K }>;

function editionsOf<K extends OfficialKind>(tables: readonly OfficialTable[], kind: K): TableOf<K>[] {
  return tables
    .filter((table): table is TableOf<K> => table.kind === kind)
    .sort((a, b) => {
      const from = (table: OfficialTable) => table.applies.from ?? '';
      return from(a) < from(b) ? -1 : from(a) > from(b) ? 1 : 0;
    });
}

export function tablesOf(tables: readonly OfficialTable[], files: readonly LoadedFileReport[]): OfficialData {
  return {
    diagnoses: editionsOf(tables, 'icd10cm'),
    hcpcs: editionsOf(tables, 'hcpcs'),
    ptp: editionsOf(tables, 'ptp'),
    addOns: editionsOf(tables, 'add-on'),
    mue: editionsOf(tables, 'mue'),
    feeSchedules: editionsOf(tables, 'pfs'),
    files,
  };
}

/** Every loaded edition, kind by kind in the order the status bar names them, each kind's in date order. */
export function loadedEditions(data: OfficialData): OfficialTable[] {
  return [...data.diagnoses, ...data.hcpcs, ...data.ptp, ...data.addOns, ...data.mue, ...data.feeSchedules];
}

/** The labels the status bar and `claim-lint --data-info` show: "ICD-10-CM FY2026", "PTP 2026 Q3". */
export function editionLabels(data: OfficialData): string[] {
  return loadedEditions(data).map((table) => table.label);
}
