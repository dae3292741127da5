/**
 * The importers of the official code sets: ICD-10-CM (the order file) and
 * HCPCS Level II (the alpha-numeric file). The data folder reader asks each
 * importer it knows whether it recognises a file; the edit files' importers
 * (NCCI, MUE, PFS) have their own list.
 */
import type { DiagnosisCodeSet, HcpcsCodeSet } from '../../service/index';
import type { FileImporter } from '../fileImporter';
import { hcpcsFileImporter } from './hcpcsFile';
import { icd10cmOrderFileImporter } from './icd10cmOrderFile';

export const codeSetImporters: readonly [FileImporter<DiagnosisCodeSet>, FileImporter<HcpcsCodeSet>] = [
  icd10cmOrderFileImporter,
  hcpcsFileImporter,
];
