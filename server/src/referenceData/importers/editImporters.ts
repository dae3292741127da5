/**
 * The importers of the CMS edit files: NCCI practitioner PTP edits, NCCI
 * add-on code edits, the practitioner MUE table and the Physician Fee
 * Schedule's PPRRVU file. The code sets' importers (ICD-10-CM, HCPCS) are
 * `codeSetImporters`; the data folder reader asks both lists.
 */
import type { FileImporter } from '../fileImporter';
import { addOnEditsImporter } from './addOnEdits';
import { feeScheduleImporter } from './feeSchedule';
import { mueTableImporter } from './mueTable';
import { ptpEditsImporter } from './ptpEdits';

export const editImporters: readonly FileImporter[] = [
  ptpEditsImporter,
  addOnEditsImporter,
  mueTableImporter,
  feeScheduleImporter,
];
