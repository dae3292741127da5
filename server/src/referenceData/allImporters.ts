/**
 * Every importer of the product, in the order they are asked whether they
 * recognise a file (the first that does takes it). The data folder reader
 * uses this list unless given another (its tests pass fakes).
 */
import type { FileImporter } from './fileImporter';
import { codeSetImporters } from './importers/codeSetImporters';
import { editImporters } from './importers/editImporters';

export const allImporters: readonly FileImporter[] = [...codeSetImporters, ...editImporters];
