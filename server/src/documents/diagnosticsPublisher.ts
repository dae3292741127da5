/**
 * Diagnostics that are never stale. Clients that support pull diagnostics ask
 * for them per document; others get them pushed, and only if the document is
 * still at the version checked. A document just opened, or edited after a
 * quiet spell, is checked at once (one edit's check costs tens of
 * milliseconds, even on a large file); edits that follow within the typing
 * pause are gathered, and checked once the typing pauses, so a coder typing
 * fast starts one check per pause, not one per keystroke.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describeError } from '../runtime/safeHandler';

/** The pause in typing a push waits for after an edit that follows another within it. */
export const pushDelayMs = 200;

/** The timers and clock the publisher waits with; tests pass their own to see the delays asked for. */
export interface PublishTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  /** Milliseconds, from any origin. */
  now(): number;
}

const nodeTimers: PublishTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  now: () => performance.now(),
};

export class DiagnosticsPublisher {
  private readonly pending = new Map<string, unknown>();
  /** When each document was last scheduled: an edit within `pushDelayMs` of the one before is typing. */
  private readonly lastScheduled = new Map<string, number>();
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

  /**
   * Publishes the document's diagnostics: at once after a quiet spell (and always for `delayMs` 0, a document just
   * opened), else after `delayMs` without a newer schedule.
   */
  schedule(document: TextDocument, delayMs = pushDelayMs): void {
    const now = this.timers.now();
    const last = this.lastScheduled.get(document.uri);
    this.lastScheduled.set(document.uri, now);
    const typing = this.pending.has(document.uri) || (last !== undefined && now - last < delayMs);
    this.cancel(document.uri);
    this.pending.set(
      document.uri,
      this.timers.setTimeout(
        () => {
          this.pending.delete(document.uri);
          this.publish(document.uri).catch((error: unknown) =>
            this.connection.console.error(`Publishing diagnostics failed: ${describeError(error)}`),
          );
        },
        typing ? delayMs : 0,
      ),
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
    this.lastScheduled.delete(uri);
    this.connection
      .sendDiagnostics({ uri, diagnostics: [] })
      .catch((error: unknown) => this.connection.console.error(`Clearing diagnostics failed: ${describeError(error)}`));
  }
}
