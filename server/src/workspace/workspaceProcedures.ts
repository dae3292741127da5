/**
 * The workspace's procedures by patient, for `global-surgery` across files:
 * a `ProcedureIndex` (the service's) filled from every claim file of the
 * workspace folders, open documents in their current text (which wins over
 * the disk), the others read from disk. It is kept only while the data folder
 * holds a fee schedule: without one no procedure has a global period, and
 * nothing is read or kept.
 *
 * The disk is walked once when a fee schedule arrives (or the folders or trust
 * change), letting the event loop turn every few milliseconds and starting over
 * when asked to again; then files are read again one at a time as they change
 * on disk, and an open document is indexed again a moment after its edits stop.
 * When a patient's procedures change, the open documents that hold that
 * patient's claims are checked again (`recheck`). Files larger than
 * `cptClaims.skipCheckAboveMB` (of the workspace's settings) are not read; in
 * an untrusted workspace no link leading out of the folders is followed.
 */
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isInsideAny } from '../../../shared/src/dataFileReader';
import {
  type ClaimDocumentModel,
  type ClaimLanguageService,
  getLanguageService,
  type OfficialData,
  ProcedureIndex,
} from '../service';
import { TurnBudget } from '../runtime/turnBudget';
import { waitingRequests } from '../runtime/waitingRequests';
import { fileUriOf, languageIdOf, listClaimFiles, readClaimFile } from './workspaceFiles';

/** How long after an open document's last edit it is indexed again: typing a code does not re-read the file per key. */
const editSettleMs = 400;
/**
 * A large document is read whole (on the server's thread) to index it again, so its edits settle longer first: a
 * pause in typing, not each one.
 */
const largeEditSettleMs = 3000;
const largeDocumentCharacters = 1_000_000;

function localPathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export interface ProcedureIndexHost {
  folders(): readonly string[];
  trusted(): boolean;
  openDocuments(): readonly TextDocument[];
  isOpen(uri: string): boolean;
  /** The document's current model (the server keeps one per version). */
  modelOf(document: TextDocument): ClaimDocumentModel;
  /** The size above which a file is not read, in bytes. */
  maxBytes(): Promise<number>;
  /** The open documents whose patients' procedures changed: to be checked again. */
  recheck(uris: readonly string[]): void;
  /** A failure, by type of error only (claim text is never logged). */
  log(message: string): void;
}

export class WorkspaceProcedures {
  /** What the language services read (`workspaceProcedures`); empty while no fee schedule is loaded. */
  readonly index = new ProcedureIndex();
  /** The service that reads files for the index: the data folder's tables, for the fee schedule's global days. */
  private service: ClaimLanguageService | undefined;
  /** Bumped by each walk of the disk, so an older walk still going stops. */
  private walk = 0;
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: ProcedureIndexHost) {}

  /** The data folder's tables: with a fee schedule the index is built, without one it is dropped. */
  setOfficialData(data: OfficialData): void {
    this.service = data.feeSchedules.length > 0 ? getLanguageService({ officialData: data }) : undefined;
    this.rebuild();
  }

  /** Everything is read again: the folders, the trust or the data changed. */
  rebuild(): void {
    const uris = this.index.uris();
    this.index.clear();
    this.walk++;
    if (!this.service) {
      this.host.recheck(uris.filter((uri) => this.host.isOpen(uri)));
      return;
    }
    this.readWorkspace(this.walk).catch((error: unknown) =>
      this.host.log(`Indexing the workspace's procedures failed (${error instanceof Error ? error.name : 'error'}).`),
    );
  }

  private async readWorkspace(walk: number): Promise<void> {
    const service = this.service;
    if (!service) {
      return;
    }
    const changed = new Set<string>();
    for (const document of this.host.openDocuments()) {
      this.index
        .set(document.uri, service.procedureFacts(document, this.host.modelOf(document)))
        .forEach((uri) => changed.add(uri));
    }
    const listing = await listClaimFiles(this.host.folders(), { trusted: this.host.trusted() });
    const maxBytes = await this.host.maxBytes();
    const budget = new TurnBudget(() => waitingRequests.any);
    for (const file of listing.files) {
      if (walk !== this.walk) {
        return;
      }
      const uri = fileUriOf(file);
      if (!this.host.isOpen(uri)) {
        await this.readFile(uri, file, maxBytes, service, walk).then((uris) => uris.forEach((u) => changed.add(u)));
      }
      await budget.yieldIfDue();
    }
    if (walk === this.walk) {
      this.host.recheck([...changed].filter((uri) => this.host.isOpen(uri)));
    }
  }

  /** Indexes a file from disk; returns the files whose patients' procedures changed. */
  private async readFile(
    uri: string,
    file: string,
    maxBytes: number,
    service: ClaimLanguageService,
    walk: number,
  ): Promise<string[]> {
    const text = await readClaimFile(file, maxBytes);
    // The file may have been opened, or the walk started over, while it was read.
    if (walk !== this.walk || this.host.isOpen(uri) || this.service !== service) {
      return [];
    }
    if (!text.ok) {
      return this.index.set(uri, undefined);
    }
    const document = TextDocument.create(uri, languageIdOf(file), 0, text.text);
    return this.index.set(uri, service.procedureFacts(document, service.parse(document)));
  }

  /** An open document changed (or opened): indexed again once its edits settle. */
  documentChanged(document: TextDocument): void {
    if (!this.service) {
      return;
    }
    clearTimeout(this.pendingEdits.get(document.uri));
    this.pendingEdits.set(
      document.uri,
      setTimeout(
        () => {
          this.pendingEdits.delete(document.uri);
          this.indexOpen(document.uri);
        },
        document.getText().length > largeDocumentCharacters ? largeEditSettleMs : editSettleMs,
      ),
    );
  }

  private indexOpen(uri: string): void {
    const document = this.host.openDocuments().find((open) => open.uri === uri);
    if (!document || !this.service) {
      return;
    }
    void this.host.maxBytes().then((maxBytes) => {
      if (!this.service || this.host.openDocuments().find((open) => open.uri === uri) !== document) {
        return;
      }
      const facts =
        document.getText().length > maxBytes
          ? undefined
          : this.service.procedureFacts(document, this.host.modelOf(document));
      this.recheckOpen(this.index.set(uri, facts));
    });
  }

  /** An open document closed: the file on disk counts again, if it is one of the workspace's. */
  documentClosed(uri: string): void {
    clearTimeout(this.pendingEdits.get(uri));
    this.pendingEdits.delete(uri);
    this.fileChanged(uri);
  }

  /** A claim file changed on disk (created, changed or deleted). */
  fileChanged(uri: string): void {
    const service = this.service;
    if (!service || this.host.isOpen(uri)) {
      return;
    }
    const file = localPathOf(uri);
    if (!file || !this.inWorkspace(file)) {
      this.recheckOpen(this.index.set(uri, undefined));
      return;
    }
    const walk = this.walk;
    void this.host
      .maxBytes()
      .then((maxBytes) => this.readFile(uri, file, maxBytes, service, walk))
      .then((uris) => this.recheckOpen(uris))
      .catch((error: unknown) =>
        this.host.log(`Indexing a claim file's procedures failed (${error instanceof Error ? error.name : 'error'}).`),
      );
  }

  /** Inside the folders; in an untrusted workspace, really inside (a link leading out does not count). */
  private inWorkspace(file: string): boolean {
    const folders = this.host.folders();
    if (!this.host.trusted()) {
      return isInsideAny(file, folders);
    }
    return folders.some((folder) => file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep));
  }

  private recheckOpen(uris: readonly string[]): void {
    const open = uris.filter((uri) => this.host.isOpen(uri));
    if (open.length > 0) {
      this.host.recheck(open);
    }
  }

  dispose(): void {
    this.walk++;
    this.pendingEdits.forEach((timer) => clearTimeout(timer));
    this.pendingEdits.clear();
    this.index.clear();
  }
}
