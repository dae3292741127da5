/**
 * Diagnostics that are never stale. Clients that support pull diagnostics ask
 * for them per document; others get them pushed after a short per-document
 * pause in typing (none for a document just opened: there is no typing to
 * wait for), and only if the document is still at the version checked.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describeError } from '../runtime/safeHandler';

/** The pause in typing a push waits for after an edit. */
export const pushDelayMs = 200;

/** The timers the publisher waits with; tests pass their own to see the delays asked for. */
export interface PublishTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const nodeTimers: PublishTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
};

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, unknown>();
  private readonly connection: Connection;
  private readonly documents: TextDocuments<TextDocument>;
  /** Undefined when the check was abandoned because the document changed or closed: nothing to publish then. */
  private readonly validate: (document: TextDocument) => Promise<Diagnostic[] | undefined>;

  constructor(
    connection: Connection,
    documents: TextDocuments<TextDocument>,
    validate: (document: TextDocument) => Promise<Diagnostic[] | undefined>,
    private readonly timers: PublishTimers = nodeTimers,
  ) {
    this.connection = connection;
    this.documents = documents;
    this.validate = validate;
  }

  /** Publishes the document's diagnostics after `delayMs` without a newer schedule (0 for a document just opened). */
  schedule(document: TextDocument, delayMs = pushDelayMs): void {
    this.cancel(document.uri);
    this.pending.set(
      document.uri,
      this.timers.setTimeout(() => {
        this.pending.delete(document.uri);
        this.publish(document.uri).catch((error: unknown) =>
          this.connection.console.error(`Publishing diagnostics failed: ${describeError(error)}`),
        );
      }, delayMs),
    );
  }

  private async publish(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) {
      return;
    }
    const version = document.version;
    const diagnostics = await this.validate(document);
    // The document may have changed, or closed (and even opened again at the same version), while settings were
    // read or a large file was checked.
    if (diagnostics !== undefined && this.documents.get(uri) === document && document.version === version) {
      await this.connection.sendDiagnostics({ uri, version, diagnostics });
    }
  }

  cancel(uri: string): void {
    if (this.pending.has(uri)) {
      this.timers.clearTimeout(this.pending.get(uri));
      this.pending.delete(uri);
    }
  }

  pendingUris(): string[] {
    return [...this.pending.keys()];
  }

  clear(uri: string): void {
    this.cancel(uri);
    this.connection
      .sendDiagnostics({ uri, diagnostics: [] })
      .catch((error: unknown) => this.connection.console.error(`Clearing diagnostics failed: ${describeError(error)}`));
  }
}
