/**
 * Every importer of the product, in the order they are asked whether they
 * recognise a file (the first that does takes it). The data folder reader
 * uses this list unless given another (its tests pass fakes).
 *
 * TODO(issue 17, at merge): the importers are written on other branches.
 * When `importers/codeSetImporters.ts` (ICD-10-CM, HCPCS) and
 * `importers/editImporters.ts` (NCCI PTP and add-on, MUE, PFS) are merged,
 * this becomes:
 *
 *   import { codeSetImporters } from './importers/codeSetImporters';
 *   import { editImporters } from './importers/editImporters';
 *   export const allImporters: readonly FileImporter[] = [...codeSetImporters, ...editImporters];
 *
 * Until then the list is empty: a data folder loads, and reports every file
 * as not read.
 */
import type { FileImporter } from './fileImporter';

export const allImporters: readonly FileImporter[] = [];
