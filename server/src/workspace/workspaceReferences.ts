/**
 * Find references of a code across the workspace: its occurrences (service
 * lines billing a procedure code; a diagnosis's list entries and the pointers
 * at them) in every claim file of the workspace folders that no editor has
 * open (open documents are searched by the server in their current text,
 * which wins over the disk). A file whose text does not hold the code at all
 * is not parsed; the search lets the event loop turn every few milliseconds
 * and stops when the request is cancelled. Files larger than the document's
 * `cptClaims.skipCheckAboveMB` are not read.
 */
import type { CancellationToken } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Location } from 'vscode-languageserver-types';
import type { ClaimLanguageService, ReferencedCode } from '../service';
import { TurnBudget } from '../runtime/turnBudget';
import { fileUriOf, languageIdOf, listClaimFiles, readClaimFile } from './workspaceFiles';

interface WorkspaceSearch {
  folders: readonly string[];
  trusted: boolean;
  /** Files an editor has open: searched elsewhere, in their current text. */
  isOpen(uri: string): boolean;
  service: ClaimLanguageService;
  maxBytes: number;
  token: CancellationToken;
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Matches the code anywhere in a text, in any case: a cheap test before a file is parsed. A diagnosis may be
 * written with its decimal point (`.claim`) or without (837), so a point may stand between any two characters.
 * A pointer at a diagnosis is only ever in a claim that lists it, so the test holds for pointers too.
 */
export function mentionPattern(code: ReferencedCode): RegExp {
  const source = code.kind === 'diagnosis' ? [...code.value].map(escaped).join('\\.?') : escaped(code.value);
  return new RegExp(source, 'i');
}

/** The occurrences of `code` in the workspace's unopened claim files, by file path then position; undefined when cancelled. */
export async function findWorkspaceReferences(
  code: ReferencedCode,
  search: WorkspaceSearch,
): Promise<Location[] | undefined> {
  if (search.folders.length === 0 || code.value === '') {
    return [];
  }
  const listing = await listClaimFiles(search.folders, { trusted: search.trusted });
  const pattern = mentionPattern(code);
  const budget = new TurnBudget();
  const locations: Location[] = [];
  for (const file of listing.files) {
    if (search.token.isCancellationRequested) {
      return undefined;
    }
    const uri = fileUriOf(file);
    if (search.isOpen(uri)) {
      continue;
    }
    const text = await readClaimFile(file, search.maxBytes);
    if (text.ok && pattern.test(text.text)) {
      const document = TextDocument.create(uri, languageIdOf(file), 0, text.text);
      locations.push(...search.service.findCodeOccurrences(document, search.service.parse(document), code));
    }
    await budget.yieldIfDue();
  }
  return locations;
}
