/**
 * The editor side of the soak test: a `CoderEditor` that sends the session's
 * keystrokes to an in-process server and checks, at every pull (or, for a
 * push client, every awaited publish), that the diagnostics belong to the
 * latest text: every range lies inside it, and at checkpoints they equal
 * whole-document validation of that text by the language service.
 */
import * as assert from 'node:assert/strict';
import { CancellationTokenSource } from 'vscode-jsonrpc';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  type PublishDiagnosticsParams,
  CompletionRequest,
  HoverRequest,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, Position, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService, readSettings } from '../../../server/src/service';
import { settingsSection } from '../../../shared/src/protocol';
import type { CoderEditor } from './coderSession';
import type { InProcessServer } from '../server/inProcessServer';
import { editsFor } from '../server/lspClient';
import { type SeededRandom, type TextChange, typing } from './keystrokes';

const service = getLanguageService();

/** What the soak counted, for the report. */
export interface SoakCounts {
  edits: number;
  pulls: number;
  /** Diagnostics checked over all pulls: a file read whole has thousands at each. */
  diagnostics: number;
  checkpoints: number;
  /** Pulls sent mid-typing and cancelled by the next keystroke, as an editor does. */
  cancelledPulls: number;
  requests: number;
  settingsChanges: number;
  quickFixes: number;
  /** Validations a keystroke overtook while the settings were read (push: never published). */
  overtaken: number;
}

/** A diagnostic as the text a comparison needs (the server's carry links to rule pages; the service's here do not). */
function summary(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    ({ range: { start, end }, severity, code, message }) =>
      `${start.line}:${start.character}-${end.line}:${end.character} ${String(severity)} ${String(code)} ${typeof message === 'string' ? message : message.value}`,
  );
}

function isInside(document: TextDocument, position: Position): boolean {
  const back = document.positionAt(document.offsetAt(position));
  return back.line === position.line && back.character === position.character;
}

/** The change that undoes `change` made to the document as it is now. */
function inverseOf(document: TextDocument, change: TextChange): TextChange {
  const start = document.positionAt(document.offsetAt(change.range.start));
  const lines = change.text.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1] ?? '';
  const end =
    lines.length === 1
      ? { line: start.line, character: start.character + last.length }
      : { line: start.line + lines.length - 1, character: last.length };
  return { range: { start, end }, text: document.getText(change.range) };
}

function moveLines(change: TextChange, lines: number): TextChange {
  const { start, end } = change.range;
  return {
    range: {
      start: { line: start.line + lines, character: start.character },
      end: { line: end.line + lines, character: end.character },
    },
    text: change.text,
  };
}

export class SoakEditor implements CoderEditor {
  document: TextDocument;
  readonly counts: SoakCounts = {
    edits: 0,
    pulls: 0,
    diagnostics: 0,
    checkpoints: 0,
    cancelledPulls: 0,
    requests: 0,
    settingsChanges: 0,
    quickFixes: 0,
    overtaken: 0,
  };
  lastDiagnostics: readonly Diagnostic[] = [];
  /** Called at each checkpoint, before the test's own validation: a moment to measure the heap while the document is open. */
  onCheckpoint: () => void = () => undefined;
  /** Problems seen in notifications, asserted at the end (a notification handler must not throw). */
  readonly staleness: string[] = [];
  private readonly undoSteps: TextChange[][] = [];
  private readonly pendingPulls: Array<Promise<string>> = [];
  private settings: object;
  private publishCursor = 0;
  private checkedVersion = 0;
  /** The opened file is checked too; then after every `checkpointEdits` edits. */
  private nextCheckpointAt = 0;
  private lastPublishedVersion = 0;
  private readonly overtakenVersions = new Set<number>();

  constructor(
    private readonly server: InProcessServer,
    private readonly uri: string,
    private readonly languageId: string,
    text: string,
    readonly random: SeededRandom,
    private readonly mode: 'pull' | 'push',
    /** A checkpoint at the first pull after each multiple of this many edits. */
    private readonly checkpointEdits: number,
    initialSettings: object,
  ) {
    this.document = TextDocument.create(uri, languageId, 1, text);
    this.settings = initialSettings;
    server.answerConfiguration = (params) =>
      params.items.map((item) => (item.section === settingsSection ? this.settings : null));
    server.onPublish = (params) => this.published(params);
  }

  async open(): Promise<void> {
    const { uri, languageId, version } = this.document;
    await this.server.client.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId, version, text: this.document.getText() },
    });
  }

  async close(): Promise<void> {
    await this.server.client.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri: this.uri },
    });
    // Answered after the close is handled (messages are handled in order): the close has taken effect.
    await this.server.client.sendRequest(HoverRequest.type, {
      textDocument: { uri: this.uri },
      position: { line: 0, character: 0 },
    });
    this.server.answerConfiguration = (params) => params.items.map(() => null);
    this.server.onPublish = () => undefined;
  }

  async keystrokes(changes: readonly TextChange[], joinUndo = false): Promise<void> {
    const version = this.document.version;
    const inverse = this.applyLocally(changes, version + changes.length);
    const previous = joinUndo ? this.undoSteps.pop() : undefined;
    this.undoSteps.push([...(previous ?? []), ...inverse]);
    for (const [n, change] of changes.entries()) {
      const cancel = this.mode === 'pull' && this.random.chance(0.02) ? this.pullToCancel() : undefined;
      await this.send(version + n + 1, [change]);
      cancel?.();
    }
  }

  async undo(): Promise<void> {
    const step = this.undoSteps.pop();
    if (step) {
      const changes = step.reverse();
      this.applyLocally(changes, this.document.version + 1);
      await this.send(this.document.version, changes);
    }
  }

  async pull(): Promise<readonly Diagnostic[]> {
    if (this.mode === 'push' && this.document.version === this.checkedVersion) {
      // Nothing changed since the last publish checked (an undo with nothing to undo, no quick fix offered): no publish is due.
      return this.lastDiagnostics;
    }
    let diagnostics: Diagnostic[];
    if (this.mode === 'pull') {
      const report = await this.server.client.sendRequest(DocumentDiagnosticRequest.type, {
        textDocument: { uri: this.uri },
      });
      diagnostics = report.kind === 'full' ? report.items : [];
    } else {
      diagnostics = (await this.nextPublish(this.document.version)).diagnostics;
    }
    this.counts.pulls++;
    this.counts.diagnostics += diagnostics.length;
    const outside = diagnostics.filter(
      (d) => !isInside(this.document, d.range.start) || !isInside(this.document, d.range.end),
    );
    assert.deepEqual(summary(outside), [], `diagnostics outside the text of version ${this.document.version}`);
    if (this.counts.edits >= this.nextCheckpointAt) {
      while (this.nextCheckpointAt <= this.counts.edits) {
        this.nextCheckpointAt += this.checkpointEdits;
      }
      this.checkpoint(diagnostics);
    }
    this.lastDiagnostics = diagnostics;
    this.checkedVersion = this.document.version;
    return diagnostics;
  }

  /** The diagnostics equal whole-document validation of the latest text by the language service. */
  checkpoint(diagnostics: readonly Diagnostic[]): void {
    this.onCheckpoint();
    const latest = TextDocument.create(this.uri, this.languageId, this.document.version, this.document.getText());
    const expected = service.doValidation(latest, service.parse(latest), readSettings(this.settings));
    assert.deepEqual(
      summary(diagnostics),
      summary(expected),
      `diagnostics of version ${latest.version} differ from whole-document validation`,
    );
    this.counts.checkpoints++;
  }

  async hover(position: Position): Promise<void> {
    await this.server.client.sendRequest(HoverRequest.type, { textDocument: { uri: this.uri }, position });
    this.counts.requests++;
  }

  async complete(position: Position): Promise<void> {
    await this.server.client.sendRequest(CompletionRequest.type, { textDocument: { uri: this.uri }, position });
    this.counts.requests++;
  }

  async quickFix(diagnostic: Diagnostic): Promise<void> {
    const actions = await this.server.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: this.uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    });
    this.counts.requests++;
    const edits = (actions ?? [])
      .map((action) => ('edit' in action ? editsFor(action.edit, this.uri) : []))
      .find((found) => found.length > 0);
    if (edits) {
      await this.applyAsOneChange(edits);
      this.counts.quickFixes++;
    }
  }

  /**
   * Changes the settings the way an editor does (didChangeConfiguration, then the server reads them),
   * and answers the server's read only after one more keystroke: the validation waiting for those
   * settings is overtaken by a newer version, and must neither publish nor leave stale state.
   */
  async changeSettings(settings: object): Promise<void> {
    this.settings = settings;
    this.counts.settingsChanges++;
    const answer = this.server.answerConfiguration;
    const overtaken = new Promise<void>((resolve) => {
      this.server.answerConfiguration = async (params) => {
        this.server.answerConfiguration = answer;
        this.overtakenVersions.add(this.document.version);
        this.counts.overtaken++;
        await this.keystrokes(typing(this.document.positionAt(this.document.getText().length), '\n'));
        resolve();
        return answer(params);
      };
    });
    await this.server.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    if (this.mode === 'pull') {
      // A pull client is asked to pull again (refresh); that pull reads the settings. A push client's server reads them to publish.
      await this.pull();
    }
    await overtaken;
  }

  /** Every pull sent mid-typing has been answered or cancelled, never failed. */
  async settledPulls(): Promise<string[]> {
    return [...new Set(await Promise.all(this.pendingPulls))];
  }

  private async applyAsOneChange(edits: readonly TextEdit[]): Promise<void> {
    // Each edit's range is in the text before any of them: applied last to first, each range is still right.
    const ordered = [...edits].sort(
      (a, b) => this.document.offsetAt(b.range.start) - this.document.offsetAt(a.range.start),
    );
    const changes = ordered.map((edit) => ({ range: edit.range, text: edit.newText }));
    this.undoSteps.push(this.applyLocally(changes, this.document.version + 1));
    await this.send(this.document.version, changes);
  }

  /**
   * Applies the changes, in order, to the local copy and returns the changes that undo them. Changes that
   * each stay within a line (keystrokes) are applied to a copy of just the lines they touch, which then
   * replaces those lines once: each update of a 5 MB TextDocument copies the whole text, and the server
   * already pays that once per keystroke.
   */
  private applyLocally(changes: readonly TextChange[], version: number): TextChange[] {
    const withinLines = changes.every((change) => change.range.start.line === change.range.end.line);
    if (changes.length === 1 || !withinLines) {
      return changes.map((change) => {
        const inverse = inverseOf(this.document, change);
        this.document = TextDocument.update(this.document, [change], version);
        return inverse;
      });
    }
    const first = Math.min(...changes.map((change) => change.range.start.line));
    const last = Math.max(...changes.map((change) => change.range.end.line));
    const window = {
      start: { line: first, character: 0 },
      end:
        last + 1 < this.document.lineCount
          ? { line: last + 1, character: 0 }
          : this.document.positionAt(Number.MAX_SAFE_INTEGER),
    };
    let lines = TextDocument.create('window:', this.languageId, 0, this.document.getText(window));
    const inverses = changes.map((change) => {
      const moved = moveLines(change, -first);
      const inverse = inverseOf(lines, moved);
      lines = TextDocument.update(lines, [moved], 0);
      return moveLines(inverse, first);
    });
    this.document = TextDocument.update(this.document, [{ range: window, text: lines.getText() }], version);
    return inverses;
  }

  private async send(version: number, changes: readonly TextChange[]): Promise<void> {
    this.counts.edits += changes.length;
    await this.server.client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: this.uri, version },
      contentChanges: [...changes],
    });
  }

  private pullToCancel(): () => void {
    const source = new CancellationTokenSource();
    const outcome = this.server.client
      .sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: this.uri } }, source.token)
      .then(
        () => 'answered or cancelled',
        (error: { code?: number }) =>
          error.code === -32800 ? 'answered or cancelled' : `failed with ${String(error.code)}`,
      );
    this.pendingPulls.push(outcome);
    this.counts.cancelledPulls++;
    return () => source.cancel();
  }

  private published(params: PublishDiagnosticsParams): void {
    if (params.uri !== this.uri || params.version === undefined) {
      return;
    }
    if (params.version < this.lastPublishedVersion) {
      this.staleness.push(`version ${params.version} published after version ${this.lastPublishedVersion}`);
    }
    if (this.overtakenVersions.has(params.version)) {
      this.staleness.push(`version ${params.version} published though a keystroke overtook its validation`);
    }
    this.lastPublishedVersion = Math.max(this.lastPublishedVersion, params.version);
  }

  private nextPublish(version: number): Promise<PublishDiagnosticsParams> {
    const publishes = this.server.publishes;
    return new Promise((resolve) => {
      const look = () => {
        const index = publishes.findIndex(
          (params, n) => n >= this.publishCursor && params.uri === this.uri && params.version === version,
        );
        if (index !== -1) {
          this.publishCursor = index + 1;
          resolve(publishes[index] as PublishDiagnosticsParams);
          return true;
        }
        return false;
      };
      if (!look()) {
        const previous = this.server.onPublish;
        this.server.onPublish = (params) => {
          previous(params);
          if (look()) {
            this.server.onPublish = previous;
          }
        };
      }
    });
  }
}
