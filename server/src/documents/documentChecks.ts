/**
 * Checking open documents without holding up the editor. The server has one
 * thread: while it checks, hover and completion wait. So:
 *
 * - A document up to `cptClaims.backgroundCheckAboveMB` is checked at once
 *   (under 100 ms up to 1 MB), as before.
 * - A larger one is checked in the background: the service's stepwise run
 *   (`validateInSteps`) does a step of 25 claims at a time, and every 2 ms
 *   the check waits for the event loop's next turn (`setImmediate`), so
 *   requests that arrived meanwhile are answered in between. When a step read
 *   a full step of claims (a first check, new settings, a big paste), progress is shown;
 *   edits read a few claims and show none. Edits of a large file run through
 *   the same steps: an 837's incremental check still visits every claim and
 *   walks the envelopes, about a second on a 100 MB file, so it must yield too.
 *   Before its first step, a background run builds the document's line table
 *   (`OpenDocument.buildLineTable`) a slice at a time, between turns in the
 *   same way, so the first hover or edit after opening does not build it in
 *   one go (50–65 ms on a 7.8 MB file with the library's document).
 * - Above `cptClaims.skipCheckAboveMB` the document is not checked as you
 *   type; one notice per opened document says why and names claim-lint.
 *
 * The latest version wins: a change to the document, its closing, or the
 * cancellation of the request waiting for it abandons a run between two
 * steps, and an abandoned run's result is never returned or published. Runs
 * of one version and settings are shared by the requests asking for them.
 *
 * The last result of each document is kept with what it was worked out from
 * (the version, the service with its reference data, the settings and the
 * other inputs the caller names, such as the workspace's procedures): asked
 * again for the same, the same array is returned at once, so a client that
 * pulls an unchanged document again is answered "unchanged" without a check.
 */
import { type CancellationToken, type Connection, MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CheckProgress, fileNameOf } from './checkProgress';
import type { DocumentModels } from './documentModels';
import { OpenDocument } from './openDocument';
import { TurnBudget } from '../runtime/turnBudget';
import { waitingRequests } from '../runtime/waitingRequests';
import { describeError } from '../runtime/safeHandler';
import type { ClaimLanguageService, ClaimSettings, DocumentValidator, ValidationRun } from '../service';

/**
 * Claims a step of the service reads (it may reuse 20 times as many instead).
 * A claim is read and checked in 10–20 µs (5 MB files: 230–420 ms for
 * 15,000–21,000 claims), so a step is well under a millisecond.
 */
export const claimsPerStep = 25;

/** A size setting's unit: a million characters, about a megabyte of claim text. */
export const charactersPerMB = 1_000_000;

/** Characters of text whose line starts are found in one go: about half a millisecond. */
const lineTableSlice = 256 * 1024;

/** The last diagnostics of a document, with everything they were worked out from. */
interface Checked {
  version: number;
  service: ClaimLanguageService;
  settings: ClaimSettings;
  inputs: string;
  result: Diagnostic[];
}

interface Run {
  version: number;
  service: ClaimLanguageService;
  settings: ClaimSettings;
  /** The caller's other inputs when the run started: a run under other inputs is not this call's. */
  inputs: string;
  abandoned: boolean;
  /** The diagnostics, or undefined when the run was abandoned. */
  result: Promise<Diagnostic[] | undefined>;
}

export class DocumentChecks {
  /** One validator per open document, so an edit to a large file reads only the claims it touched. */
  private readonly validators = new Map<string, { service: ClaimLanguageService; validator: DocumentValidator }>();
  private readonly running = new Map<string, Run>();
  /** Documents already told they are too large to check, until they close. */
  private readonly toldTooLarge = new Set<string>();
  private readonly lastChecked = new Map<string, Checked>();

  constructor(
    private readonly connection: Connection,
    private readonly models: DocumentModels,
  ) {}

  /**
   * The diagnostics of this version of the document under these settings, or
   * undefined when the check was abandoned (the document changed or closed,
   * or `token` was cancelled): the caller then has nothing to show. `inputs` names what else the result
   * depends on (a stamp of the workspace's procedures for this document); the same version, service, settings
   * and inputs give the same array back, unchecked.
   */
  async diagnostics(
    document: TextDocument,
    service: ClaimLanguageService,
    settings: ClaimSettings,
    token?: CancellationToken,
    inputs = '',
  ): Promise<Diagnostic[] | undefined> {
    const size = document.getText().length / charactersPerMB;
    if (size > settings.skipCheckAboveMB) {
      this.abandon(document.uri);
      this.tellTooLarge(document.uri, settings);
      return [];
    }
    const version = document.version;
    const kept = this.lastChecked.get(document.uri);
    if (kept?.version === version && kept.service === service && kept.settings === settings && kept.inputs === inputs) {
      return kept.result;
    }
    const keep = (result: Diagnostic[] | undefined): Diagnostic[] | undefined => {
      if (result !== undefined) {
        this.lastChecked.set(document.uri, { version, service, settings, inputs, result });
      }
      return result;
    };
    const validator = this.validatorFor(document.uri, service);
    if (size <= settings.backgroundCheckAboveMB) {
      // Resuming a run after `validate` would throw, so any run still going is abandoned first.
      this.abandon(document.uri);
      return keep(this.safely(() => validator.validate(document, settings, () => this.models.get(document))));
    }
    let run = this.running.get(document.uri);
    if (
      !run ||
      run.abandoned ||
      run.version !== document.version ||
      run.service !== service ||
      run.settings !== settings ||
      run.inputs !== inputs
    ) {
      this.abandon(document.uri);
      run = this.start(document, service, settings, inputs, validator);
    }
    const current = run;
    const cancelled = token?.onCancellationRequested(() => this.abandonRun(current));
    try {
      // A run is of the version it started on, which is this call's (or it was started again above).
      return keep(await current.result);
    } finally {
      cancelled?.dispose();
    }
  }

  /** A newer version arrived or the document closed: the run for the old one stops before its next step. */
  abandon(uri: string): void {
    const run = this.running.get(uri);
    if (run) {
      this.abandonRun(run);
    }
  }

  /** Drops everything kept for a closed document. */
  forget(uri: string): void {
    this.abandon(uri);
    this.validators.delete(uri);
    this.toldTooLarge.delete(uri);
    this.lastChecked.delete(uri);
  }

  /** The validator kept for a document, if any: for tests that check a close lets it go. */
  validatorOf(uri: string): DocumentValidator | undefined {
    return this.validators.get(uri)?.validator;
  }

  /** Every document something is kept for. */
  uris(): string[] {
    return [...new Set([...this.validators.keys(), ...this.running.keys(), ...this.toldTooLarge])];
  }

  private abandonRun(run: Run): void {
    run.abandoned = true;
    for (const [uri, current] of this.running) {
      if (current === run) {
        this.running.delete(uri);
      }
    }
  }

  private validatorFor(uri: string, service: ClaimLanguageService): DocumentValidator {
    let entry = this.validators.get(uri);
    if (entry?.service !== service) {
      entry = { service, validator: service.createDocumentValidator() };
      this.validators.set(uri, entry);
    }
    return entry.validator;
  }

  private start(
    document: TextDocument,
    service: ClaimLanguageService,
    settings: ClaimSettings,
    inputs: string,
    validator: DocumentValidator,
  ): Run {
    const run: Run = {
      version: document.version,
      service,
      settings,
      inputs,
      abandoned: false,
      result: Promise.resolve(undefined),
    };
    const steps = validator.validateInSteps(document, settings, () => this.models.get(document), { claimsPerStep });
    run.result = this.drive(run, document, steps).finally(() => {
      if (this.running.get(document.uri) === run) {
        this.running.delete(document.uri);
      }
    });
    this.running.set(document.uri, run);
    return run;
  }

  /**
   * Builds the document's line table, then does the run's steps, a few milliseconds' worth per turn of the event
   * loop, until it ends or is abandoned.
   */
  private async drive(
    run: Run,
    document: TextDocument,
    steps: ValidationRun<Diagnostic[]>,
  ): Promise<Diagnostic[] | undefined> {
    const uri = document.uri;
    let progress: CheckProgress | undefined;
    const turns = new TurnBudget(() => waitingRequests.any);
    try {
      // Documents the server did not get from the editor (tests) build theirs when first asked, as before.
      while (document instanceof OpenDocument && !run.abandoned && !document.buildLineTable(lineTableSlice)) {
        await turns.yieldIfDue();
      }
      for (;;) {
        if (run.abandoned) {
          return undefined;
        }
        const step = steps.next();
        if (step.done === true) {
          return step.value;
        }
        const percent = Math.floor(step.value.fraction * 100);
        if (progress) {
          progress.report(percent);
        } else if (step.value.claimsRead >= claimsPerStep && step.value.fraction < 1) {
          // A whole step's claims read: a long check. An edit's check reads a few claims and shows nothing.
          progress = await CheckProgress.begin(this.connection, uri, percent, () => run.abandoned);
        }
        await turns.yieldIfDue();
      }
    } catch (error) {
      this.connection.console.error(`Validation failed: ${describeError(error)}`);
      return run.abandoned ? undefined : [];
    } finally {
      progress?.done();
    }
  }

  private safely(check: () => Diagnostic[]): Diagnostic[] {
    try {
      return check();
    } catch (error) {
      this.connection.console.error(`Validation failed: ${describeError(error)}`);
      return [];
    }
  }

  private tellTooLarge(uri: string, settings: ClaimSettings): void {
    if (this.toldTooLarge.has(uri)) {
      return;
    }
    this.toldTooLarge.add(uri);
    const message =
      `${fileNameOf(uri)} is larger than ${settings.skipCheckAboveMB} MB (setting cptClaims.skipCheckAboveMB), so it is not checked as you type; ` +
      'hover, completion and the outline still work. Check a batch file this large with claim-lint, which streams it.';
    // The notification, not `window.showWarningMessage` (a request the client would have to answer).
    this.connection
      .sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message })
      .catch((error: unknown) => {
        this.connection.console.error(`Notice failed: ${describeError(error)}`);
      });
  }
}
