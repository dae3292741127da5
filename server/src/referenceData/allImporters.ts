/**
 * Every importer of the product, in the order they are asked whether they
 * recognise a file (the first that does takes it). The data folder reader
 * uses this list unless given another (its tests pass fakes).
 *
 * TODO(issue 17, at merge): the code sets' importers (ICD-10-CM, HCPCS) are
 * written on another branch. When `importers/codeSetImporters.ts` is merged,
 * this becomes:
 *
 *   import { codeSetImporters } from './importers/codeSetImporters';
 *   export const allImporters: readonly FileImporter[] = [...codeSetImporters, ...editImporters];
 */
import type { FileImporter } from './fileImporter';
import { editImporters } from './importers/editImporters';

export const allImporters: readonly FileImporter[] = [...editImporters];
